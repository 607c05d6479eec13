"use server";
// Server actions of the reporting workflow: thin wrappers around mutations.ts. The agency always
// comes from the signed-in reporter or from the record, never from the form.
import { revalidate } from "@/server/public-cache";
import { action } from "@/server/action";
import { z } from "zod";
import { attachEvidence } from "./evidence";
import { reopenItem, reviewItems, saveIndicatorValues, saveTaskProgress, submitReady } from "./mutations";
import { indicatorForm, parseIndicatorForm, parseReadyForm, parseReviewForm, parseTaskForm, readyForm, reopenForm, reviewForm, taskForm } from "./schemas";

function summary(saved: number, submitted: number): string {
  if (saved === 0) return "Không có thay đổi nào để lưu.";
  return submitted > 0 ? `Đã nộp ${submitted} mục (đã lưu ${saved} mục).` : `Đã lưu nháp ${saved} mục.`;
}

export const saveIndicatorsAction = action(
  "reporting.write",
  indicatorForm,
  async (user, input) => {
    const r = await saveIndicatorValues(user, { ...input.period, rows: input.rows });
    revalidate("/[lang]/reporting", "page");
    return { ok: true, message: summary(r.saved, r.submitted) };
  },
  parseIndicatorForm,
);

export const saveTasksAction = action(
  "reporting.write",
  taskForm,
  async (user, input) => {
    const r = await saveTaskProgress(user, { ...input.period, rows: input.rows });
    revalidate("/[lang]/reporting", "page");
    return { ok: true, message: summary(r.saved, r.submitted) };
  },
  parseTaskForm,
);

export const submitReadyAction = action(
  "reporting.write",
  readyForm,
  async (user, input) => {
    const r = await submitReady(user, input);
    revalidate("/[lang]/reporting", "page");
    return { ok: true, message: `Đã nộp ${r.submitted} mục.` };
  },
  parseReadyForm,
);

export const reviewAction = action(
  "reporting.review",
  reviewForm,
  async (user, input) => {
    const r = await reviewItems(user, input);
    revalidate("/[lang]/review", "page");
    return { ok: true, message: input.decision === "APPROVE" ? `Đã duyệt ${r.count} mục.` : `Đã trả lại ${r.count} mục.` };
  },
  parseReviewForm,
);

export const reopenAction = action("reporting.reopen", reopenForm, async (user, input) => {
  await reopenItem(user, input);
  return { ok: true, message: "Đã mở lại mục để cơ quan sửa." };
});

const evidenceForm = z.object({
  kind: z.enum(["obs", "task"]),
  id: z.coerce.number().int().positive().max(2_147_483_647),
  file: z.instanceof(File, { message: "Vui lòng chọn một tệp." }),
});

export const uploadEvidenceAction = action(
  "reporting.write",
  evidenceForm,
  async (user, input) => {
    await attachEvidence(user, input);
    revalidate(`/[lang]/reporting/${input.kind === "obs" ? "observations" : "tasks"}/[id]`, "page");
    return { ok: true, message: "Đã tải lên tệp minh chứng." };
  },
  (fd) => ({ kind: fd.get("kind"), id: fd.get("id"), file: fd.get("file") }),
);
