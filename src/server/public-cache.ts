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

/** Set by the front server (src/server/http) when it runs in this process. */
type FrontCacheHook = { invalidate: () => void };
const hook = () => (globalThis as { __cdsFrontCache?: FrontCacheHook }).__cdsFrontCache;

/**
 * Public pages show approved data: call after the transaction that changed it (and bumped the
 * published-data version, see public-version.ts) has committed. This instance refreshes at once;
 * the others see the version move within their poll interval.
 */
export async function refreshPublicPages(): Promise<void> {
  revalidate("/", "layout");
  hook()?.invalidate();
}
