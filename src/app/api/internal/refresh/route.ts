// Called by this process's own front server (src/server/http/server.ts) when another instance
// changed published data: refreshes Next's page cache here. The front server refuses this path
// from outside, and without the per-process token it does not exist.
import { timingSafeEqual } from "node:crypto";
import { revalidatePath } from "next/cache";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  const token = env.CDS_INTERNAL_TOKEN;
  const given = Buffer.from(req.headers.get("x-cds-internal") ?? "");
  if (!token || given.length !== token.length || !timingSafeEqual(given, Buffer.from(token))) {
    return new Response("Not found", { status: 404 });
  }
  revalidatePath("/", "layout");
  return Response.json({ refreshed: true });
}
