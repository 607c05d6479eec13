"use server";
// Server actions of the catalogue editor. Each checks its permission (action()) and again in the
// mutation; the draft is always read from the database by id, never trusted from the form.
import { action } from "@/server/action";
import { currentUser } from "@/server/current-user";
import { msg, type MessageKey } from "@/i18n/translate";
import { extractText } from "./text/extract";
import { revalidate } from "@/server/public-cache";
import { ValidationError } from "@/server/errors";
import {
  addTarget,
  createDraft,
  editTarget,
  editTask,
  publishDraft,
  retireTarget,
  correctText,
  retireTask,
  returnDraft,
  saveItem,
  submitDraft,
} from "./mutations";
import {
  addTargetForm,
  createDraftForm,
  draftIdForm,
  editTargetForm,
  editTaskForm,
  retireTargetForm,
  retireTaskForm,
  correctTextForm,
  returnDraftForm,
  saveItemForm,
} from "./schemas";

/** An uploaded file as text: plain text, .docx or a PDF with a text layer (text/extract.ts). */
async function readText(file: File): Promise<string> {
  const r = await extractText({ name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!r.ok) throw new ValidationError({ file: [msg(r.error.key as MessageKey, r.error.params)] });
  return r.text;
}

const withFile = (formData: FormData) => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string") out[k] = v;
  const file = formData.get("file");
  if (file instanceof File && file.size > 0) out.file = file;
  return out;
};

export const createDraftAction = action<typeof createDraftForm, { id: number }>(
  "catalogue.edit",
  createDraftForm,
  async (_user, input) => {
    const pasted = input.text?.trim() ? input.text : "";
    const text = pasted || (input.file ? await readText(input.file) : "");
    if (!text.trim()) throw new ValidationError({ text: [msg("catalogue.errors.noText")] });
    const r = await createDraft(await currentUser(), input, text, pasted ? null : (input.file?.name ?? null));
    revalidate("/[lang]/admin/catalogue", "page");
    return { ok: true, message: msg("catalogue.created", { targets: r.targets, tasks: r.tasks }), data: { id: r.id } };
  },
  withFile,
);

export const saveItemAction = action("catalogue.edit", saveItemForm, async (_user, input) => {
  await saveItem(await currentUser(), input);
  revalidate(`/[lang]/admin/catalogue/[id]`, "page");
  return { ok: true, message: msg("catalogue.saved") };
});

export const addTargetAction = action("catalogue.edit", addTargetForm, async (_user, input) => {
  await addTarget(await currentUser(), input);
  revalidate(`/[lang]/admin/catalogue/[id]`, "page");
  return { ok: true, message: msg("catalogue.added") };
});

export const submitDraftAction = action("catalogue.edit", draftIdForm, async (_user, input) => {
  await submitDraft(await currentUser(), input.draftId);
  revalidate(`/[lang]/admin/catalogue/[id]`, "page");
  return { ok: true, message: msg("catalogue.submitted") };
});

export const returnDraftAction = action("catalogue.publish", returnDraftForm, async (_user, input) => {
  await returnDraft(await currentUser(), input.draftId, input.note);
  revalidate(`/[lang]/admin/catalogue/[id]`, "page");
  return { ok: true, message: msg("catalogue.returned") };
});

export const publishDraftAction = action("catalogue.publish", draftIdForm, async (_user, input) => {
  const r = await publishDraft(await currentUser(), input.draftId);
  revalidate(`/[lang]/admin/catalogue/[id]`, "page");
  return { ok: true, message: msg("catalogue.publishedDone", { key: r.key }), data: r };
});

// Revising what is published: national reviewers only, a reason always (the mutations check the
// permission again and read the row by its key; nothing else from the form is trusted).
const DOCUMENT_PAGE = "/[lang]/admin/catalogue/documents/[key]";

export const retireTargetAction = action("catalogue.publish", retireTargetForm, async (_user, input) => {
  await retireTarget(await currentUser(), input.key, input.reason);
  revalidate(DOCUMENT_PAGE, "page");
  return { ok: true, message: msg("catalogueHistory.retiredTarget", { key: input.key }) };
});

export const editTargetAction = action("catalogue.publish", editTargetForm, async (_user, input) => {
  const r = await editTarget(await currentUser(), input);
  revalidate(DOCUMENT_PAGE, "page");
  return { ok: true, message: msg("catalogueHistory.editedTarget", { key: r.key }), data: r };
});

export const retireTaskAction = action("catalogue.publish", retireTaskForm, async (_user, input) => {
  await retireTask(await currentUser(), input.key, input.reason);
  revalidate(DOCUMENT_PAGE, "page");
  return { ok: true, message: msg("catalogueHistory.retiredTask", { key: input.key }) };
});

export const editTaskAction = action("catalogue.publish", editTaskForm, async (_user, input) => {
  await editTask(await currentUser(), input);
  revalidate(DOCUMENT_PAGE, "page");
  return { ok: true, message: msg("catalogueHistory.editedTask", { key: input.key }) };
});

export const correctTextAction = action("catalogue.publish", correctTextForm, async (_user, input) => {
  const r = await correctText(await currentUser(), input);
  revalidate(DOCUMENT_PAGE, "page");
  return { ok: true, message: msg("catalogueHistory.correctText.done", { version: r.version }) };
});
