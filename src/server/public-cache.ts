// Cache refreshes after writes. Outside a Next.js request (scripts, tests) there is no cache to
// refresh, and revalidatePath throws: that is not an error for the caller.
import { revalidatePath } from "next/cache";

export function revalidate(path: string, type?: "page" | "layout"): void {
  try {
    revalidatePath(path, type);
  } catch {
    /* not inside a Next.js request */
  }
}

/** Public pages show approved data: refresh them when a reviewer approves. */
export async function refreshPublicPages(): Promise<void> {
  revalidate("/", "layout");
}
