"use server";
// Server actions of the Excel import. The agency is always the signed-in reporter's: nothing in
// the form or the file chooses it, and a batch id only reaches the batch of the user who uploaded.
import { clockNow } from "@/server/clock";
import { z } from "zod";
import { action, actionLang } from "@/server/action";
import { revalidate } from "@/server/public-cache";
import { periodField } from "@/modules/reporting/schemas";
import { cancelImport, confirmImport, previewImport } from "./import";
import { msg } from "@/i18n/translate";
import { zmsg } from "@/i18n/zod";
import { MAX_FILE_BYTES } from "./limits";

const uploadForm = z.object({
  period: periodField,
  file: z
    .instanceof(File, zmsg("errors.excel.noFile"))
    .refine((f) => f.size > 0, zmsg("errors.excel.noFile"))
    .refine((f) => f.size <= MAX_FILE_BYTES, zmsg("errors.excel.tooBig")),
});

const batchForm = z.object({ batchId: z.coerce.number().int().positive().max(2_147_483_647) });
/** "submit" writes and submits the rows (after the screen's confirmation step); anything else writes drafts. */
const confirmForm = batchForm.extend({ mode: z.enum(["draft", "submit"]).default("draft") });

export const uploadImportAction = action(
  "reporting.write",
  uploadForm,
  async (user, input) => {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const batch = await previewImport(user, { ...input.period, fileName: input.file.name, bytes });
    return {
      ok: true,
      message: msg("errors.excel.checked", { valid: batch.summary.valid, invalid: batch.summary.invalid }),
      data: { batchId: batch.id, errorCount: batch.errorCount },
    };
  },
  (formData) => ({ period: formData.get("period"), file: formData.get("file") }),
);

export const confirmImportAction = action("reporting.write", confirmForm, async (user, input, formData) => {
  const submit = input.mode === "submit";
  const lang = await actionLang(formData);
  const r = await confirmImport(user, input.batchId, clockNow(), { submit, lang });
  revalidate("/[lang]/reporting/import", "page");
  return { ok: true, message: msg(submit ? "excel.submitted" : "excel.confirmed", r), data: { ...r, submit } };
});

export const cancelImportAction = action("reporting.write", batchForm, async (user, input) => {
  await cancelImport(user, input.batchId);
  revalidate("/[lang]/reporting/import", "page");
  return { ok: true, message: msg("errors.excel.cancelled") };
});
