// Who sees what in the comparison of agencies. Approved values are public. Values submitted and
// awaiting review are shown only to the national roles who review them: an agency's own staff must
// not see another agency's figures before they are approved, and the public page and API never
// show them. The query (queries.ts) asks this itself, so a page that forgets to check shows
// approved values only.
import { can } from "@/server/permissions";
import type { SessionUser } from "@/server/session-user";

export function maySeeSubmitted(user: SessionUser | null | undefined): boolean {
  return can(user?.role, "national.read");
}
