// The assignment form. Which agency is never a field: it is the signed-in reporter's own, and the
// mutation checks that this agency leads the task (policy.ts).
import { z } from "zod";
import { msg, type MessageKey } from "@/i18n/translate";
import { readNow, zmsg } from "@/i18n/zod";
import { hasUnstorableChars } from "@/lib/text";
import { parseDueDate } from "./dates";

const INT4 = 2_147_483_647;
export const MAX_TEXT = 1000;

const id = (key: Parameters<typeof zmsg>[0]) =>
  z
    .string(zmsg(key))
    .regex(/^[1-9]\d{0,9}$/, zmsg(key))
    .transform(Number)
    .refine((n) => n <= INT4, zmsg(key));

/** Free text of at most 1,000 characters, trimmed; invisible format characters do not count as text. */
const text = (required: Parameters<typeof zmsg>[0], tooLong: Parameters<typeof zmsg>[0]) =>
  z
    .string(zmsg(required))
    .max(MAX_TEXT, { ...zmsg(tooLong), abort: true })
    .refine((s) => !hasUnstorableChars(s), { ...zmsg("taskOwners.errors.textInvalid"), abort: true })
    .transform((s) => s.trim());

/** A refinement's message, read in the language of the parse under way (zmsg is for schema options). */
const say = (key: MessageKey) => readNow(msg(key));

const visible = (s: string) => s.replace(/\p{Cf}/gu, "").trim();

export const ASSIGN_FIELDS = ["taskId", "userId", "internalDueOn", "expectedResult", "reason", "basedOn"] as const;

export const assignForm = z
  .object({
    taskId: id("taskOwners.errors.task"),
    /** A colleague's id, or "none" to withdraw the assignment. */
    userId: z.union([z.literal("none"), id("taskOwners.errors.person")], zmsg("taskOwners.errors.person")),
    internalDueOn: z
      .string(zmsg("taskOwners.errors.dueRequired"))
      .max(40, zmsg("taskOwners.errors.dueInvalid"))
      .optional(),
    expectedResult: text("taskOwners.errors.resultRequired", "taskOwners.errors.resultTooLong").optional(),
    reason: text("taskOwners.errors.reasonRequired", "taskOwners.errors.reasonTooLong").optional(),
    /** The assignment row the form was drawn from (0: none), so a change made meanwhile is not overwritten. */
    basedOn: z
      .string(zmsg("taskOwners.errors.version"))
      .regex(/^(0|[1-9]\d{0,9})$/, zmsg("taskOwners.errors.version"))
      .transform(Number)
      .refine((n) => n <= INT4, zmsg("taskOwners.errors.version")),
  })
  .superRefine((v, ctx) => {
    if (v.reason !== undefined && v.reason !== "" && visible(v.reason).length < 5)
      ctx.addIssue({ code: "custom", path: ["reason"], message: say("taskOwners.errors.reasonRequired") });
    if (v.userId === "none") return;
    const due = v.internalDueOn?.trim() ?? "";
    if (!due) ctx.addIssue({ code: "custom", path: ["internalDueOn"], message: say("taskOwners.errors.dueRequired") });
    else if (!parseDueDate(due))
      ctx.addIssue({ code: "custom", path: ["internalDueOn"], message: say("taskOwners.errors.dueInvalid") });
    if (!v.expectedResult || !visible(v.expectedResult))
      ctx.addIssue({ code: "custom", path: ["expectedResult"], message: say("taskOwners.errors.resultRequired") });
  })
  .transform((v) => ({
    taskId: v.taskId,
    userId: v.userId === "none" ? null : v.userId,
    internalDueOn: v.userId === "none" ? null : parseDueDate(v.internalDueOn ?? ""),
    expectedResult: v.userId === "none" ? null : (v.expectedResult ?? null),
    reason: v.reason ? v.reason : null,
    basedOn: v.basedOn,
  }));
export type AssignInput = z.infer<typeof assignForm>;

/** The list page's query string: ?agency=CODE (national roles), ?without=1, ?page=N. */
export const listQuery = z.object({
  agency: z
    .string()
    .regex(/^[A-Z0-9-]{1,40}$/)
    .optional()
    .catch(undefined),
  without: z
    .enum(["1"])
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
