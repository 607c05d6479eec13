// Who may do what, as data. Checked by every action and route; the UI only reads it to hide or
// disable controls. Agency-level checks (own agency only) live in each module's policy.ts.
import type { Role } from "@/generated/prisma/enums";

export type { Role };

export const PERMISSIONS = {
  "reporting.read": ["ADMIN", "REVIEWER", "REPORTER", "VIEWER"],
  "reporting.write": ["REPORTER"],
  "reporting.review": ["REVIEWER"],
  "reporting.reopen": ["REVIEWER"],
  "admin.users": ["ADMIN"],
  "admin.periods": ["ADMIN"],
  "admin.assignments": ["ADMIN", "REVIEWER"],
  "audit.read": ["ADMIN", "REVIEWER"],
  "admin.backups": ["ADMIN"],
  // The outbox holds working reset links when no SMTP server is configured.
  "admin.outbox": ["ADMIN"],
  "national.read": ["ADMIN", "REVIEWER"],
  "figures.import": ["ADMIN", "REVIEWER"],
  // Which source an indicator's statuses use is a judgement on statuses, like an override.
  "figures.statusSource": ["REVIEWER"],
  // The catalogue grows in the browser: an editor prepares a document, a reviewer publishes it
  // (never the draft's own editor: checked in the mutation).
  "catalogue.edit": ["ADMIN", "EDITOR"],
  "catalogue.publish": ["REVIEWER"],
  "catalogue.read": ["ADMIN", "EDITOR", "REVIEWER"],
  // The "5 rõ" of a task (its person, internal deadline, expected result) are set inside the lead
  // agency by its reporters; national roles see them but never assign for an agency (own agency:
  // task-owners/policy.ts).
  "tasks.assignOwner": ["REPORTER"],
  // Everyone signed in has a bell; what it holds is scoped per user and agency in the queries.
  "notifications.read": ["ADMIN", "REVIEWER", "REPORTER", "VIEWER", "EDITOR"],
  // An item's conversation is open to exactly who reads the item (agency checked in the mutation).
  "conversations.write": ["ADMIN", "REVIEWER", "REPORTER", "VIEWER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
