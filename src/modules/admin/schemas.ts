// Form shapes of the admin screens. Field names are the form's input names, so a zod issue's path
// is the field its message is shown next to. Texts come from src/messages/admin.ts (Vietnamese).
import { z } from "zod";
import type { Messages } from "@/i18n/messages";
import { readNow, zmsg } from "@/i18n/zod";
import { hasUnstorableChars } from "@/lib/text";
import { passwordProblems } from "@/server/password";
import { parseDay } from "./rules";

type AdminKey = `admin.server.${keyof Messages["admin"]["server"]}`;

const MAX_ID = 2_147_483_647;
const idField = (key: AdminKey) => z.coerce.number(zmsg(key)).int(zmsg(key)).positive(zmsg(key)).max(MAX_ID, zmsg(key));
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on");
/** Text the database can store as typed: no control characters (NUL failed the save), no lone surrogates. */
const storable = (s: string) => !hasUnstorableChars(s);
const reason = z
  .string()
  .trim()
  .max(500, zmsg("admin.server.reasonTooLong"))
  .refine(storable, zmsg("admin.server.textInvalid"))
  .default("");

export const ROLES = ["ADMIN", "REVIEWER", "REPORTER", "VIEWER", "EDITOR"] as const;
const role = z.enum(ROLES, zmsg("admin.server.roleInvalid"));

const email = z
  .string(zmsg("admin.server.emailRequired"))
  .trim()
  .toLowerCase()
  .min(1, { ...zmsg("admin.server.emailRequired"), abort: true })
  .max(200, { ...zmsg("admin.server.emailTooLong"), abort: true })
  .email(zmsg("admin.server.emailInvalid"));

const name = z
  .string(zmsg("admin.server.nameRequired"))
  .trim()
  .min(1, zmsg("admin.server.nameRequired"))
  .max(200, zmsg("admin.server.nameTooLong"))
  .refine(storable, zmsg("admin.server.textInvalid"));

/** A new password: the portal's password rules, one message per problem. */
const password = z.string().superRefine((p, ctx) => {
  for (const problem of passwordProblems(p)) ctx.addIssue({ code: "custom", message: readNow(problem) });
});

export const createUserForm = z.object({
  email,
  name,
  role,
  agencyId: idField("admin.server.agencyRequired"),
  password,
});
export type CreateUserInput = z.infer<typeof createUserForm>;

export const updateUserForm = z.object({
  id: idField("admin.server.invalidId"),
  name,
  role,
  agencyId: idField("admin.server.agencyRequired"),
});
export type UpdateUserInput = z.infer<typeof updateUserForm>;

/** Deactivation needs the confirmation box ticked; reactivation does not. */
export const setActiveForm = z
  .object({
    id: idField("admin.server.invalidId"),
    active: z.enum(["true", "false"], zmsg("admin.server.invalidId")).transform((v) => v === "true"),
    confirm: checkbox,
    reason,
  })
  .refine((f) => f.active || f.confirm, { ...zmsg("admin.server.confirmDeactivate"), path: ["confirm"] });
export type SetActiveInput = z.infer<typeof setActiveForm>;

export const resetPasswordForm = z.object({ id: idField("admin.server.invalidId"), password, reason });
export type ResetPasswordInput = z.infer<typeof resetPasswordForm>;

const day = z
  .string(zmsg("admin.server.dateInvalid"))
  .refine((s) => parseDay(s) !== null, zmsg("admin.server.dateInvalid"));

export const periodForm = z.object({ id: idField("admin.server.invalidId"), opensAt: day, dueAt: day, locksAt: day });
export type PeriodInput = z.infer<typeof periodForm>;

export const addAssignmentForm = z.object({
  indicatorId: idField("admin.server.indicatorRequired"),
  agencyId: idField("admin.server.agencyRequired"),
  national: checkbox,
});
export type AddAssignmentInput = z.infer<typeof addAssignmentForm>;

export const removeAssignmentForm = z
  .object({ id: idField("admin.server.invalidId"), confirm: z.string().optional(), reason })
  .refine((f) => f.confirm === "yes", { ...zmsg("admin.server.confirmRemove"), path: ["confirm"] });
export type RemoveAssignmentInput = z.infer<typeof removeAssignmentForm>;

// ---- Query strings of the list pages (bad values fall back to no filter, never to an error).

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => (v && v.trim() ? v.trim().slice(0, max) : undefined));
const pageParam = z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1);
const dayParam = z
  .string()
  .optional()
  .catch(undefined)
  .transform((v) => (v && v.trim() ? (parseDay(v) ?? ("invalid" as const)) : undefined));

export const userListQuery = z.object({ q: optionalText(200), page: pageParam });
export const pageQuery = z.object({ page: pageParam });
export const assignmentListQuery = z.object({ q: optionalText(200), assigned: optionalText(5), page: pageParam });

export const auditQuery = z.object({
  actor: optionalText(200),
  agency: optionalText(50),
  type: optionalText(100),
  id: optionalText(100),
  from: dayParam,
  to: dayParam,
  page: pageParam,
});
export type AuditQuery = z.infer<typeof auditQuery>;

/** First value of each search parameter (Next.js gives string[] for repeated keys). */
export function firstValues(sp: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
