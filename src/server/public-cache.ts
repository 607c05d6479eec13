// Public pages are cached; an approval must show on them within seconds, so approving refreshes
// them. Outside a Next.js request (scripts, tests) there is no cache to refresh.
import { revalidatePath } from "next/cache";

export async function refreshPublicPages(): Promise<void> {
  try {
    revalidatePath("/", "layout");
  } catch {
    /* not inside a Next.js request */
  }
}
