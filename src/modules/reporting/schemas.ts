// Form shapes of the reporting workflow. Rows arrive as "ind.<id>.<field>" / "task.<id>.<field>"
// form fields so one form can hold a whole quarter.
import { z } from "zod";
import type { Messages } from "@/i18n/messages";
import { msg } from "@/i18n/translate";
import { zmsg } from "@/i18n/zod";
import { hasUnstorableChars } from "@/lib/text";

type FieldLabel = keyof Messages["errors"]["fields"];

// Refuses control characters and lone surrogates: the database cannot store NUL (the save failed
// with an internal error) and would silently turn a lone surrogate into U+FFFD.
const text = (max: number, label: FieldLabel) => {
  const named = { label: msg(`errors.fields.${label}`) };
  return z
    .string(zmsg("errors.field.notText", named))
    .max(max, zmsg("errors.field.tooLong", { ...named, max: String(max) }))
    .refine((s) => !hasUnstorableChars(s), zmsg("errors.field.badChars", named))
    .default("");
};
const id = z.coerce.number().int().positive().max(2_147_483_647);
const version = z.coerce.number().int().min(0).max(2_147_483_647).default(0);

export const periodField = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, zmsg("errors.field.period"))
  .transform((s) => ({ year: Number(s.slice(0, 4)), quarter: Number(s.slice(6)) }));

// What rows of both kinds carry: the version the reporter loaded, the evidence link, the tick.
const rowBase = { version, evidenceUrl: text(1000, "evidenceUrl"), submit: z.boolean().default(false) };

export const indicatorRow = z.object({
  ...rowBase,
  indicatorId: id,
  value: text(40, "value"),
  source: text(500, "source"),
  note: text(2000, "note"),
  explanation: text(2000, "explanation"),
  comment: text(1000, "comment"),
});
export type IndicatorRowInput = z.infer<typeof indicatorRow>;

export const taskRow = z.object({
  ...rowBase,
  taskId: id,
  status: z.enum(["NOT_STARTED", "IN_PROGRESS", "DONE", "BLOCKED"], zmsg("errors.field.status")),
  percent: text(10, "percent"),
  achieved: text(4000, "achieved"),
  obstacles: text(4000, "obstacles"),
  nextSteps: text(4000, "nextSteps"),
});
export type TaskRowInput = z.infer<typeof taskRow>;

/**
 * Groups "prefix.<id>.<field>" form entries into rows keyed by id. A file sent where text belongs
 * is kept so the schema refuses it: dropped, it read as an empty field and cleared the stored value.
 */
export function rowsFromForm(
  formData: FormData,
  prefix: "ind" | "task",
): Record<string, Record<string, FormDataEntryValue>> {
  const rows: Record<string, Record<string, FormDataEntryValue>> = {};
  for (const [k, v] of formData.entries()) {
    const m = new RegExp(`^${prefix}\\.(\\d{1,10})\\.(\\w{1,20})$`).exec(k);
    if (m) (rows[m[1]] ??= {})[m[2]] = v;
  }
  return rows;
}

export const intentField = z.enum(["draft", "submit"]).default("draft");

export const indicatorForm = z
  .object({ period: periodField, intent: intentField, rows: z.array(indicatorRow).max(500) })
  .refine((f) => f.intent !== "submit" || f.rows.some((r) => r.submit), {
    ...zmsg("errors.field.chooseOne"),
    path: ["_form"],
  });

export const taskForm = z
  .object({ period: periodField, intent: intentField, rows: z.array(taskRow).max(500) })
  .refine((f) => f.intent !== "submit" || f.rows.some((r) => r.submit), {
    ...zmsg("errors.field.chooseOne"),
    path: ["_form"],
  });

/** An entry form's fields (`ind.12.value`, `task.7.select`…) as the rows its schema reads. */
function parseEntryForm(formData: FormData, prefix: "ind" | "task", idKey: "indicatorId" | "taskId") {
  const intent = formData.get("intent") ?? "draft";
  return {
    period: formData.get("period"),
    intent,
    rows: Object.entries(rowsFromForm(formData, prefix)).map(([id, r]) => ({
      ...r,
      [idKey]: id,
      submit: intent === "submit" && r.select === "on",
    })),
  };
}

export const parseIndicatorForm = (formData: FormData) => parseEntryForm(formData, "ind", "indicatorId");
export const parseTaskForm = (formData: FormData) => parseEntryForm(formData, "task", "taskId");

export const reviewForm = z.object({
  decision: z.enum(["APPROVE", "RETURN"]),
  comment: text(2000, "reviewComment"),
  items: z
    .array(
      z.object({
        kind: z.enum(["obs", "task"]),
        id,
        version: z.coerce.number().int().min(1),
        comment: text(2000, "reviewComment"),
      }),
    )
    .min(1, zmsg("errors.field.chooseItem"))
    .max(500),
});
export type ReviewInput = z.infer<typeof reviewForm>;

/**
 * Items chosen in a list arrive as fields named "item" with value "<kind>:<id>:<version>". A file
 * in their place reads as an item with no parts, which the schema refuses.
 */
function itemRefs(formData: FormData): { kind?: string; id?: string; version?: string }[] {
  return formData.getAll("item").map((v) => {
    const [kind, id, version] = typeof v === "string" ? v.split(":") : [];
    return { kind, id, version };
  });
}

export function parseReviewForm(formData: FormData) {
  return {
    decision: formData.get("decision"),
    comment: formData.get("comment") ?? "",
    items: itemRefs(formData).map((i) => ({ ...i, comment: formData.get(`comment.${i.kind}.${i.id}`) ?? "" })),
  };
}

export const reopenForm = z.object({ kind: z.enum(["obs", "task"]), id, comment: text(2000, "reason") });

/** "Submit everything ready": the items the confirmation listed, each with the version shown. */
export const readyForm = z.object({
  period: periodField,
  items: z
    .array(z.object({ kind: z.enum(["ind", "task"]), id, version: z.coerce.number().int().min(1).max(2_147_483_647) }))
    .min(1, zmsg("errors.field.noneReady"))
    .max(2000),
});
export type ReadyInput = z.infer<typeof readyForm>;

export function parseReadyForm(formData: FormData) {
  return {
    period: formData.get("period"),
    items: itemRefs(formData),
  };
}
