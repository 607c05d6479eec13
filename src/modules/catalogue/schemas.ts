// Input of the catalogue editor's actions: a new draft (document fields and its text), a decision
// on one proposed item, a target added from a selection, and the review steps.
import { z } from "zod";
import { msg } from "@/i18n/translate";
import { readNow, zmsg } from "@/i18n/zod";
import { hasUnstorableChars } from "@/lib/text";
import { COMPARATORS, DEADLINE_KINDS, DOCUMENT_KINDS, SCOPES } from "./values";

/** The most text a draft may hold: the longest seed document is about 200 kB. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;
/** A .docx or PDF is larger than its text (text/limits.ts reads at most 10 MB). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const id = z.coerce.number().int().positive().max(2_147_483_647);
// PostgreSQL cannot store a NUL; control characters and lone surrogates are refused everywhere.
const line = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !hasUnstorableChars(s));
const optionalLine = (max = 300) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !hasUnstorableChars(s))
    .transform((s) => s || null)
    .optional()
    .transform((s) => s ?? null);
const keyList = z
  .string()
  .max(500)
  .optional()
  .transform((s) =>
    (s ?? "")
      .split(",")
      .map((k) => k.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[a-z0-9-]{1,40}$/)).max(20));

export { COMPARATORS, DEADLINE_KINDS, DOCUMENT_KINDS, SCOPES };

export const createDraftForm = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}$/),
  numberPrinted: optionalLine(80),
  numberCanonical: optionalLine(80),
  kind: z.enum(DOCUMENT_KINDS),
  issuer: optionalLine(200),
  // Empty first: zod runs the refinement even after the pattern failed, and an impossible date
  // must be a field error, not an Invalid Date thrown from toISOString.
  issuedOn: z
    .literal("")
    .transform(() => null)
    .or(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, zmsg("errors.api.date"))
        .refine((s) => {
          const d = new Date(`${s}T00:00:00Z`);
          return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
        }, zmsg("errors.api.noSuchDate")),
    )
    .optional()
    .transform((s) => s ?? null),
  titleVi: line(500).min(1),
  titleEn: line(500).min(1),
  inForce: z
    .string()
    .optional()
    .transform((s) => s === "on" || s === "true"),
  relatedTo: keyList,
  supersedes: keyList,
  // A document's text may hold form feeds and tabs (text taken from PDFs), never a NUL.
  text: z
    .string()
    .max(MAX_TEXT_BYTES, zmsg("catalogue.errors.textTooLarge"))
    .refine((s) => !s.includes("\u0000") && s.isWellFormed(), zmsg("catalogue.errors.binary"))
    .optional(),
  file: z
    .instanceof(File)
    .refine((f) => f.size <= MAX_UPLOAD_BYTES, zmsg("catalogue.errors.textTooLarge"))
    .refine((f) => f.name.length <= 200 && !hasUnstorableChars(f.name))
    .optional(),
});
export type CreateDraftInput = z.infer<typeof createDraftForm>;

/** A target's fields as the editor sets them; the quote is checked against the text afterwards. */
const targetFields = {
  year: z.coerce.number().int().min(2000).max(2100),
  comparator: z.enum(COMPARATORS),
  value: z.coerce.number().finite().min(-1e12).max(1e12),
  indicator: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,80}$/),
  scope: z.enum(SCOPES).default("NATIONAL"),
  scopeLabel: optionalLine(200),
  quote: z
    .string()
    .max(2000)
    .refine((s) => !hasUnstorableChars(s)),
  line: z.coerce.number().int().positive().max(1_000_000),
};

export const saveItemForm = z.discriminatedUnion("op", [
  z.object({ op: z.literal("accept"), draftId: id, itemId: id }),
  z.object({ op: z.literal("reject"), draftId: id, itemId: id }),
  z.object({ op: z.literal("edit"), draftId: id, itemId: id, ...targetFields }),
]);
export type SaveItemInput = z.infer<typeof saveItemForm>;

export const addTargetForm = z.object({ draftId: id, ...targetFields });
export type AddTargetInput = z.infer<typeof addTargetForm>;
export type TargetFields = Omit<AddTargetInput, "draftId">;

export const draftIdForm = z.object({ draftId: id });
export const returnDraftForm = z.object({
  draftId: id,
  note: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .refine((s) => !hasUnstorableChars(s)),
});

// ---- Revising what is published: edits and retirements, each with who and why ----------------

/** A published target's key (seed ids and browser ids alike: lower case, digits, hyphens). */
export const TARGET_KEY = /^[a-z0-9][a-z0-9-]{0,99}$/;
/** A published task's key: seed ids keep the document's heading codes ("411-A.I-1"). */
export const TASK_KEY = /^[A-Za-z0-9][A-Za-z0-9.-]{0,99}$/;

/** Why a published fact changes: kept forever next to it, so it must say something. */
const reason = z
  .string()
  .trim()
  .min(10, zmsg("catalogueHistory.errors.reasonShort"))
  .max(2000)
  .refine((s) => !hasUnstorableChars(s))
  // Invisible characters alone say nothing.
  .refine((s) => /[\p{L}\p{N}]/u.test(s), zmsg("catalogueHistory.errors.reasonShort"));
const checkbox = z
  .string()
  .optional()
  .transform((s) => s === "on" || s === "true");
/** An optional whole number from a form: blank is null. */
const nullableNumber = (min: number, max: number) =>
  z.preprocess(
    (s) => ((typeof s === "string" && !s.trim()) || s === undefined ? null : s),
    z.coerce.number().int().min(min).max(max).nullable(),
  );

export const retireTargetForm = z.object({ key: z.string().regex(TARGET_KEY), reason });
export const retireTaskForm = z.object({ key: z.string().regex(TASK_KEY), reason });

export const editTargetForm = z.object({
  key: z.string().regex(TARGET_KEY),
  year: targetFields.year,
  comparator: targetFields.comparator,
  value: targetFields.value,
  approximate: checkbox,
  quote: targetFields.quote,
  line: targetFields.line,
  noteVi: optionalLine(1000),
  noteEn: optionalLine(1000),
  reason,
});
export type EditTargetInput = z.infer<typeof editTargetForm>;

/** A task's title stays verbatim: only its deadline, product and lead agencies are edited. */
export const editTaskForm = z
  .object({
    key: z.string().regex(TASK_KEY),
    deadlineRaw: optionalLine(300),
    deadlineKind: z.enum(DEADLINE_KINDS),
    deadlineYear: nullableNumber(2000, 2100),
    deadlineQuarter: nullableNumber(1, 4),
    deadlineFrom: nullableNumber(2000, 2100),
    deadlineTo: nullableNumber(2000, 2100),
    deadlineEvery: z.enum(["YEAR", "CONTINUOUS"]).optional(),
    product: optionalLine(1000),
    leads: z
      .string()
      .max(500)
      .optional()
      .transform((s) =>
        (s ?? "")
          .split(",")
          .map((k) => k.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^@?[A-Z0-9][A-Z0-9_-]{0,39}$/)).max(40)),
    reason,
  })
  .superRefine((v, ctx) => {
    const need = (field: "deadlineYear" | "deadlineQuarter" | "deadlineFrom" | "deadlineTo" | "deadlineEvery") => {
      if (v[field] == null)
        ctx.addIssue({ code: "custom", path: [field], message: readNow(msg("catalogueHistory.errors.deadlineField")) });
    };
    if (v.deadlineKind === "QUARTER") {
      need("deadlineYear");
      need("deadlineQuarter");
    }
    if (v.deadlineKind === "YEAR") need("deadlineYear");
    if (v.deadlineKind === "PERIOD") {
      need("deadlineFrom");
      need("deadlineTo");
      if (v.deadlineFrom != null && v.deadlineTo != null && v.deadlineFrom > v.deadlineTo)
        ctx.addIssue({
          code: "custom",
          path: ["deadlineTo"],
          message: readNow(msg("catalogueHistory.errors.deadlineField")),
        });
    }
    if (v.deadlineKind === "RECURRING") need("deadlineEvery");
  });
export type EditTaskInput = z.infer<typeof editTaskForm>;

/** A corrected text of a document published in the browser: a new version with its note. */
export const correctTextForm = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,40}$/),
  text: z
    .string()
    .max(MAX_TEXT_BYTES, zmsg("catalogue.errors.textTooLarge"))
    .refine((s) => !s.includes("\u0000") && s.isWellFormed(), zmsg("catalogue.errors.binary"))
    .refine((s) => s.trim().length > 0, zmsg("catalogue.errors.noText")),
  noteVi: line(2000).pipe(z.string().min(10, zmsg("catalogueHistory.errors.reasonShort"))),
  noteEn: line(2000).pipe(z.string().min(10, zmsg("catalogueHistory.errors.reasonShort"))),
  reason,
});
export type CorrectTextInput = z.infer<typeof correctTextForm>;
