// Bounds on what one upload may cost. Importable from client components (no other imports), so an
// upload form can state them. A genuine decision, resolution or law is far inside every one: the
// longest seed document is 3,369 lines and 0.3 MB of text; the longest Vietnamese laws run to a
// few hundred pages.
const MB = 1024 * 1024;

/** Bytes of an uploaded file (Next.js allows server actions 12 MB). */
export const MAX_UPLOAD_BYTES = 10 * MB;
/** Characters of extracted text, after normalisation (about 2 MB of Vietnamese). */
export const MAX_TEXT_CHARS = 2_000_000;
/** Lines of extracted text. */
export const MAX_LINES = 50_000;
/**
 * Bytes the .docx's main part (word/document.xml) may inflate to, counted as they come out (the
 * size the zip declares is only used to refuse early). Word's XML runs 10–20 times the text it
 * holds, so a document at MAX_TEXT_CHARS fits.
 */
export const MAX_DOCX_XML_BYTES = 64 * MB;
/** Entries in a .docx's zip directory (a long report with pictures has a few hundred). */
export const MAX_ZIP_ENTRIES = 5_000;
/** Pages of a PDF. */
export const MAX_PDF_PAGES = 500;
/** Wall-clock time one .docx or PDF may take to read, in its worker thread. */
export const EXTRACT_TIME_BUDGET_MS = 30_000;

export type ExtractLimits = {
  maxUploadBytes: number;
  maxTextChars: number;
  maxLines: number;
  maxDocxXmlBytes: number;
  maxZipEntries: number;
  maxPdfPages: number;
  timeBudgetMs: number;
};

export const DEFAULT_LIMITS: ExtractLimits = {
  maxUploadBytes: MAX_UPLOAD_BYTES,
  maxTextChars: MAX_TEXT_CHARS,
  maxLines: MAX_LINES,
  maxDocxXmlBytes: MAX_DOCX_XML_BYTES,
  maxZipEntries: MAX_ZIP_ENTRIES,
  maxPdfPages: MAX_PDF_PAGES,
  timeBudgetMs: EXTRACT_TIME_BUDGET_MS,
};
