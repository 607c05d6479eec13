"use server";
// Server actions of the published-figures import: preview (writes nothing) and confirm (all or
// nothing). Nothing is kept between the two: the confirmation sends the same file again with the
// preview's fingerprint, and it is checked again in the writing transaction, so a file changed
// after its preview, or a figure stored meanwhile, is refused rather than half-written.
import { action, type ActionResult } from "@/server/action";
import { currentUser } from "@/server/current-user";
import { revalidate } from "@/server/public-cache";
import { fill } from "@/i18n/messages";
import { figuresVi } from "@/messages/figures";
import { msg } from "@/i18n/translate";
import { chooseStatusSource, importFigures, previewFigures } from "./mutations";
import type { CheckedFile } from "./parse";
import { confirmForm, statusSourceForm, uploadForm } from "./schemas";

const t = figuresVi.import;

export type PreviewData = CheckedFile & { digest: string; fileName: string };
export type ConfirmData = { count: number };

/** The file as text, or why it cannot be read. */
async function readCsv(file: File): Promise<{ text: string } | { code: "notUtf8" | "binary" }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // An .xlsx, a PDF or an image is not a CSV whatever its name: NUL bytes never occur in text.
  if (bytes.includes(0)) return { code: "binary" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { code: "notUtf8" };
  }
}

function unreadable(code: "notUtf8" | "binary", fileName: string): ActionResult<PreviewData> {
  const message = figuresVi.errors[code];
  return {
    ok: false,
    message,
    fieldErrors: { file: [message] },
    data: { fileErrors: [{ code }], rows: [], valid: 0, invalid: 0, digest: "", fileName },
  };
}

const fileOf = (formData: FormData) => ({ file: formData.get("file"), digest: formData.get("digest") ?? undefined });

export const previewFiguresAction = action<typeof uploadForm, PreviewData>(
  "figures.import",
  uploadForm,
  async (_user, input) => {
    const fileName = input.file.name.slice(0, 200);
    const read = await readCsv(input.file);
    if (!("text" in read)) return unreadable(read.code, fileName);
    const preview = await previewFigures(await currentUser(), read.text);
    return {
      ok: true,
      message: fill(t.summary, { valid: preview.valid, invalid: preview.invalid }),
      data: { ...preview, fileName },
    };
  },
  fileOf,
);

export const confirmFiguresAction = action<typeof confirmForm, ConfirmData | PreviewData>(
  "figures.import",
  confirmForm,
  async (_user, input) => {
    const read = await readCsv(input.file);
    if (!("text" in read)) return unreadable(read.code, input.file.name.slice(0, 200));
    const r = await importFigures(await currentUser(), read.text, input.digest, input.file.name);
    revalidate("/[lang]/sources", "page");
    return { ok: true, message: fill(t.done, { count: r.count }), data: r };
  },
  fileOf,
);

/** A reviewer changes the source an indicator's statuses use (reason required; audited). */
export const chooseStatusSourceAction = action<typeof statusSourceForm, { source: string | null }>(
  "figures.statusSource",
  statusSourceForm,
  async (_user, input) => {
    const r = await chooseStatusSource(await currentUser(), input);
    return { ok: true, message: msg("figures.statusSource.saved"), data: r };
  },
);
