// The text of a new catalogue document from what an administrator or editor uploads or pastes:
// plain text (UTF-8, or UTF-16 with a byte-order mark), a .docx, or a PDF with a text layer. The
// format is taken from the bytes (./sniff.ts); the name only adds a warning when it disagrees. The
// result is normalised once (./normalise.ts: NFC, LF line ends, no control characters, nothing
// else touched) and bounded in size and lines. Refusals and warnings are message keys with
// parameters (`catalogue.upload.…`, src/messages/catalogue.ts).
import "server-only";
import { readIsolated } from "./isolate";
import { DEFAULT_LIMITS, type ExtractLimits } from "./limits";
import { countLines, normaliseTextCounting } from "./normalise";
import { refuse, TextError, warn, type ExtractedFormat, type ExtractResult, type TextNotice } from "./result";
import { decodeText, formatOfName, sniff } from "./sniff";

export type ExtractInput = { name: string; type?: string; bytes: Uint8Array };

const MB = 1024 * 1024;
const mb = (n: number) => Math.round((n / MB) * 10) / 10;
const FORMAT_LABEL: Record<ExtractedFormat, string> = { text: "TXT", docx: "DOCX", pdf: "PDF" };

export async function extractText(input: ExtractInput, limits: ExtractLimits = DEFAULT_LIMITS): Promise<ExtractResult> {
  const { name, bytes } = input;
  if (bytes.length === 0) return refuse("empty");
  if (bytes.length > limits.maxUploadBytes)
    return refuse("fileTooLarge", { sizeMb: mb(bytes.length), maxMb: mb(limits.maxUploadBytes) });

  const kind = sniff(bytes);
  let format: ExtractedFormat;
  let raw: string;
  const warnings: TextNotice[] = [];
  switch (kind.kind) {
    case "image":
      return refuse("image", { format: kind.format });
    case "unsupported":
      return refuse("unsupported", { format: kind.format });
    case "ole":
      // A password-protected .docx is stored in the same container as a Word 97–2003 file.
      return kind.encrypted ? refuse("encrypted", { format: "DOCX" }) : refuse("legacyDoc");
    case "zip":
    case "pdf": {
      format = kind.kind === "zip" ? "docx" : "pdf";
      const r = await readIsolated(format === "docx" ? "docx" : "pdf", bytes, limits);
      if (!r.ok) return refuse(r.code, r.params);
      raw = r.text;
      warnings.push(...r.warnings);
      break;
    }
    case "text": {
      format = "text";
      try {
        const d = decodeText(bytes);
        raw = d.text;
        if (d.replacements) warnings.push(warn("replacementChars", { count: d.replacements }));
      } catch (err) {
        if (err instanceof TextError) return refuse(err.code, err.params);
        throw err;
      }
      if (/^\s*<(!doctype html|html|body|div|p|table)[\s>]/i.test(raw.slice(0, 2048)))
        warnings.push(warn("looksLikeHtml"));
      break;
    }
  }

  const named = formatOfName(name);
  if (named && named !== format) warnings.unshift(warn("extensionMismatch", { name, detected: FORMAT_LABEL[format] }));

  const { text, removedControls } = normaliseTextCounting(raw);
  if (removedControls) warnings.push(warn("controlCharsRemoved", { count: removedControls }));
  if (!/[\p{L}\p{N}]/u.test(text)) return refuse(format === "pdf" ? "pdfNoText" : "noText");
  if (text.length > limits.maxTextChars) return refuse("textTooLong", { max: limits.maxTextChars });
  const lines = countLines(text);
  if (lines > limits.maxLines) return refuse("tooManyLines", { lines, max: limits.maxLines });
  return { ok: true, format, text, lines, warnings };
}
