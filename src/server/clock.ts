// The portal's one clock. Server code asks `now()` here (or takes `now` as a parameter from a
// caller that did) so that a moved clock — NOW in the environment, or faketime on the machine —
// moves the seed, the reporting periods, the statuses and the pages together.
import { env } from "@/server/env";

// NOW sets where the clock starts; it then runs on, so sessions and lockout windows still age.
// "Starts" is the process's start (performance.timeOrigin), not this module's first load: Next
// loads a copy of this module per server bundle (pages, route handlers, actions), at different
// moments, and clocks started at each load would disagree by seconds within one process (a row an
// action stamps could look future to the page that reads it).
const offsetMs = env.NOW ? Date.parse(env.NOW) - performance.timeOrigin : 0;

export function clockNow(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Today's date in UTC, "YYYY-MM-DD". */
export function today(): string {
  return clockNow().toISOString().slice(0, 10);
}
