// The signed-in user as seen by the browser (GET /api/me), for the header and reviewer-only
// controls on cached public pages. Callers mounting together (effects of one commit, same task)
// share one request; any later call asks again — a request started before signing in must not
// answer for the page shown after it.
let shared: Promise<unknown> | null = null;

export function fetchMe(): Promise<unknown> {
  if (!shared) {
    shared = fetch("/api/me", { cache: "no-store" })
      .then((r) => r.json())
      .then((d: { user?: unknown }) => d.user ?? null);
    setTimeout(() => {
      shared = null;
    }, 0);
  }
  return shared;
}
