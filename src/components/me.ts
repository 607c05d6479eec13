// The signed-in user as seen by the browser (GET /api/me), for the header and reviewer-only
// controls on cached public pages. Callers mounting together share one request; a later call
// (after signing in or out) asks again.
let inFlight: Promise<unknown> | null = null;

export function fetchMe(): Promise<unknown> {
  inFlight ??= fetch("/api/me", { cache: "no-store" })
    .then((r) => r.json())
    .then((d: { user?: unknown }) => d.user ?? null)
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}
