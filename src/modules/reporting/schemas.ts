// Form shapes of the reporting workflow. Rows arrive as "ind.<id>.<field>" / "task.<id>.<field>"
// form fields so one form can hold a whole quarter.
import { z } from "zod";
import { hasUnstorableChars } from "@/lib/text";

// Refuses control characters and lone surrogates: the database cannot store NUL (the save failed
// with an internal error) and would silently turn a lone surrogate into U+FFFD.
const text = (max: number, label: string) =>
  z
    .string({ message: `${label} phải là văn bản.` })
    .max(max, `${label} quá dài (tối đa ${max} ký tự).`)
    .refine((s) => !hasUnstorableChars(s), `${label} chứa ký tự không hợp lệ (ký tự điều khiển hoặc mã Unicode hỏng).`)
    .default("");
const id = z.coerce.number().int().positive().max(2_147_483_647);
const version = z.coerce.number().int().min(0).max(2_147_483_647).default(0);

export const periodField = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, "Kỳ báo cáo không hợp lệ.")
  .transform((s) => ({ year: Number(s.slice(0, 4)), quarter: Number(s.slice(6)) }));

export const indicatorRow = z.object({
  indicatorId: id,
  version,
  value: text(40, "Giá trị"),
  source: text(500, "Nguồn số liệu"),
  note: text(2000, "Ghi chú"),
  explanation: text(2000, "Giải thích"),
  evidenceUrl: text(1000, "Đường dẫn minh chứng"),
  comment: text(1000, "Ghi chú sửa đổi"),
  submit: z.boolean().default(false),
});
export type IndicatorRowInput = z.infer<typeof indicatorRow>;

export const taskRow = z.object({
  taskId: id,
  version,
  status: z.enum(["NOT_STARTED", "IN_PROGRESS", "DONE", "BLOCKED"], { message: "Trạng thái không hợp lệ." }),
  percent: text(10, "Tỷ lệ"),
  achieved: text(4000, "Kết quả đạt được"),
  obstacles: text(4000, "Khó khăn, vướng mắc"),
  nextSteps: text(4000, "Bước tiếp theo"),
  evidenceUrl: text(1000, "Đường dẫn minh chứng"),
  submit: z.boolean().default(false),
});
export type TaskRowInput = z.infer<typeof taskRow>;

/**
 * Groups "prefix.<id>.<field>" form entries into rows keyed by id. A file sent where text belongs
 * is kept so the schema refuses it: dropped, it read as an empty field and cleared the stored value.
 */
export function rowsFromForm(formData: FormData, prefix: "ind" | "task"): Record<string, Record<string, FormDataEntryValue>> {
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
  .refine((f) => f.intent !== "submit" || f.rows.some((r) => r.submit), { message: "Chọn ít nhất một mục để nộp.", path: ["_form"] });

export const taskForm = z
  .object({ period: periodField, intent: intentField, rows: z.array(taskRow).max(500) })
  .refine((f) => f.intent !== "submit" || f.rows.some((r) => r.submit), { message: "Chọn ít nhất một mục để nộp.", path: ["_form"] });

export function parseIndicatorForm(formData: FormData) {
  const intent = formData.get("intent") ?? "draft";
  return {
    period: formData.get("period"),
    intent,
    rows: Object.entries(rowsFromForm(formData, "ind")).map(([indicatorId, r]) => ({
      ...r,
      indicatorId,
      submit: intent === "submit" && r.select === "on",
    })),
  };
}

export function parseTaskForm(formData: FormData) {
  const intent = formData.get("intent") ?? "draft";
  return {
    period: formData.get("period"),
    intent,
    rows: Object.entries(rowsFromForm(formData, "task")).map(([taskId, r]) => ({ ...r, taskId, submit: intent === "submit" && r.select === "on" })),
  };
}

export const reviewForm = z.object({
  decision: z.enum(["APPROVE", "RETURN"]),
  comment: text(2000, "Nhận xét"),
  items: z
    .array(z.object({ kind: z.enum(["obs", "task"]), id, version: z.coerce.number().int().min(1), comment: text(2000, "Nhận xét") }))
    .min(1, "Chọn ít nhất một mục.")
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

export const reopenForm = z.object({ kind: z.enum(["obs", "task"]), id, comment: text(2000, "Lý do") });

/** "Submit everything ready": the items the confirmation listed, each with the version shown. */
export const readyForm = z.object({
  period: periodField,
  items: z
    .array(z.object({ kind: z.enum(["ind", "task"]), id, version: z.coerce.number().int().min(1).max(2_147_483_647) }))
    .min(1, "Chưa có mục nào sẵn sàng để nộp.")
    .max(2000),
});
export type ReadyInput = z.infer<typeof readyForm>;

export function parseReadyForm(formData: FormData) {
  return {
    period: formData.get("period"),
    items: itemRefs(formData),
  };
}
