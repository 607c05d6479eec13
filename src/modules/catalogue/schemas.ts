// Input of the catalogue editor's actions: a new draft (document fields and its text), a decision
// on one proposed item, a target added from a selection, and the review steps.
import { z } from "zod";
import { zmsg } from "@/i18n/zod";
import { hasUnstorableChars } from "@/lib/text";

/** The most text a draft may hold: the longest seed document is about 200 kB. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

const id = z.coerce.number().int().positive().max(2_147_483_647);
const line = (max = 200) => z.string().trim().max(max);
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

export const DOCUMENT_KINDS = ["DECISION", "ACTION_PLAN", "STRATEGY", "PROGRAMME", "DRAFT", "PRESS_SUMMARY"] as const;
export const COMPARATORS = ["GTE", "GT", "EQ", "LTE", "LT"] as const;
export const SCOPES = ["NATIONAL", "GOV_LEVEL", "EACH", "SUBGROUP"] as const;

export const createDraftForm = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}$/),
  numberPrinted: optionalLine(80),
  numberCanonical: optionalLine(80),
  kind: z.enum(DOCUMENT_KINDS),
  issuer: optionalLine(200),
  issuedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, zmsg("errors.api.date"))
    .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s, zmsg("errors.api.noSuchDate"))
    .or(z.literal("").transform(() => null))
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
  text: z.string().max(MAX_TEXT_BYTES, zmsg("catalogue.errors.textTooLarge")).optional(),
  file: z
    .instanceof(File)
    .refine((f) => f.size <= MAX_TEXT_BYTES, zmsg("catalogue.errors.textTooLarge"))
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
