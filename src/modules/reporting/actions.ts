"use server";
// Server actions of the reporting workflow: thin wrappers around mutations.ts. The agency always
// comes from the signed-in reporter or from the record, never from the form.
import { revalidate } from "@/server/public-cache";
import { action } from "@/server/action";
import type { SessionUser } from "@/server/current-user";
import { z } from "zod";
import { msg, translate, type Msg } from "@/i18n/translate";
import { attachEvidence } from "./evidence";
import { reopenItem, reviewItems, saveIndicatorValues, saveTaskProgress, submitReady } from "./mutations";
import {
  indicatorForm,
  parseIndicatorForm,
  parseReadyForm,
  parseReviewForm,
  parseTaskForm,
  readyForm,
  reopenForm,
  reviewForm,
  taskForm,
} from "./schemas";

function summary(saved: number, submitted: number): Msg {
  if (saved === 0) return msg("errors.reporting.nothingChanged");
  return submitted > 0
    ? msg("errors.reporting.savedAndSubmitted", { submitted, saved })
    : msg("errors.reporting.savedDrafts", { saved });
}

/** The page to redraw after a change, then the result the form announces. */
function redrawn(page: string, message: Msg) {
  revalidate(page, "page");
  return { ok: true, message };
}

/** A save of either kind, then the workspace redrawn and a summary of what was saved. */
function saved<Row>(
  save: (
    user: SessionUser,
    input: { year: number; quarter: number; rows: Row[] },
  ) => Promise<{ saved: number; submitted: number }>,
) {
  return async (user: SessionUser, input: { period: { year: number; quarter: number }; rows: Row[] }) => {
    const r = await save(user, { ...input.period, rows: input.rows });
    return redrawn("/[lang]/reporting", summary(r.saved, r.submitted));
  };
}

export const saveIndicatorsAction = action(
  "reporting.write",
  indicatorForm,
  saved(saveIndicatorValues),
  parseIndicatorForm,
);

export const saveTasksAction = action("reporting.write", taskForm, saved(saveTaskProgress), parseTaskForm);

export const submitReadyAction = action(
  "reporting.write",
  readyForm,
  async (user, input) => {
    const r = await submitReady(user, input);
    return redrawn("/[lang]/reporting", msg("errors.reporting.submitted", { count: r.submitted }));
  },
  parseReadyForm,
);

export const reviewAction = action(
  "reporting.review",
  reviewForm,
  async (user, input) => {
    const r = await reviewItems(user, input);
    return redrawn(
      "/[lang]/review",
      msg(input.decision === "APPROVE" ? "errors.reporting.approved" : "errors.reporting.returned", { count: r.count }),
    );
  },
  parseReviewForm,
);

export const reopenAction = action("reporting.reopen", reopenForm, async (user, input) => {
  await reopenItem(user, input);
  return { ok: true, message: msg("errors.reporting.reopened") };
});

const evidenceForm = z.object({
  kind: z.enum(["obs", "task"]),
  id: z.coerce.number().int().positive().max(2_147_483_647),
  file: z.instanceof(File, { message: translate("vi", msg("errors.reporting.chooseFile")) }),
});

export const uploadEvidenceAction = action(
  "reporting.write",
  evidenceForm,
  async (user, input) => {
    await attachEvidence(user, input);
    return redrawn(
      `/[lang]/reporting/${input.kind === "obs" ? "observations" : "tasks"}/[id]`,
      msg("errors.reporting.evidenceUploaded"),
    );
  },
  (fd) => ({ kind: fd.get("kind"), id: fd.get("id"), file: fd.get("file") }),
);
