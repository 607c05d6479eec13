// The client address as Next code sees it. The front server (src/server/http/server.ts) resolves
// it from the socket (src/lib/ip.ts) and writes it into CLIENT_ADDRESS_HEADER on every request,
// replacing whatever the client sent; that overwrite is the only reason the header is believed.
import { normaliseIp } from "@/lib/ip";
import { env } from "./env";

export const CLIENT_ADDRESS_HEADER = "x-cds-client-address";

/**
 * The address the front server determined, as Next code sees it. Trusted only when this process
 * runs behind that front server (which sets CDS_INTERNAL_TOKEN and overwrites the header on every
 * request); under `next dev` or `next start` alone anyone could write it, so it is ignored.
 */
export function clientAddressFromHeaders(
  headers: Record<string, string | string[] | undefined> | undefined,
  behindFrontServer = frontServerPresent(),
): string | null {
  if (!behindFrontServer) return null;
  const v = headers?.[CLIENT_ADDRESS_HEADER];
  return normaliseIp(Array.isArray(v) ? v[0] : v);
}

const frontServerPresent = () => env.CDS_INTERNAL_TOKEN !== undefined;
