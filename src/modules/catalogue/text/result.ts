// What extraction answers: message keys with raw parameters, never text, so the page that shows an
// error or a warning says it in its reader's language (src/messages/catalogue.ts, `catalogue.upload`).
// Kept free of imports: the worker thread that reads .docx and PDF files builds these too.
import type { catalogueTextVi } from "@/messages/catalogue";

export type TextErrorCode = keyof typeof catalogueTextVi.errors;
export type TextWarningCode = keyof typeof catalogueTextVi.warnings;
export type Params = Record<string, string | number>;

export type TextNotice = { key: string; params?: Params };

export type ExtractedFormat = "text" | "docx" | "pdf";

export type ExtractResult =
  | { ok: true; format: ExtractedFormat; text: string; lines: number; warnings: TextNotice[] }
  | { ok: false; error: TextNotice };

export const errorKey = (code: TextErrorCode) => `catalogue.upload.errors.${code}` as const;
export const warningKey = (code: TextWarningCode) => `catalogue.upload.warnings.${code}` as const;

export const refuse = (code: TextErrorCode, params?: Params): ExtractResult => ({
  ok: false,
  error: params ? { key: errorKey(code), params } : { key: errorKey(code) },
});

export const warn = (code: TextWarningCode, params?: Params): TextNotice =>
  params ? { key: warningKey(code), params } : { key: warningKey(code) };

/** Thrown inside the readers; turned into a refusal at the boundary. */
export class TextError extends Error {
  constructor(
    readonly code: TextErrorCode,
    readonly params?: Params,
  ) {
    super(code);
  }
}
