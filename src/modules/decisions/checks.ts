// Each document's number and date checked against public sources (seeds/data/document-checks.json):
// what the data holds, what the source says, where and in which words. Read at build time like
// the rest of the seed's text; shown on the decision page so the correction of 4437 → 1437/QĐ-TTg
// and the checks that found nothing wrong are both on the record.
import { z } from "zod";
import raw from "../../../seeds/data/document-checks.json";

const check = z.object({
  document: z.string().regex(/^[a-z0-9-]+$/),
  field: z.enum(["numberCanonical", "numberPrinted", "issuedOn"]),
  stored: z.string().min(1),
  found: z.string().min(1),
  url: z.string().regex(/^https?:\/\//),
  quote: z.string().min(1),
  /** The date of the page or document quoted. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type DocumentCheck = z.infer<typeof check> & { matches: boolean };

const checks: DocumentCheck[] = z
  .array(check)
  .parse(raw)
  .map((c) => ({ ...c, matches: c.stored === c.found }));

/** The checks of one document, in the file's order. */
export function documentChecks(key: string): DocumentCheck[] {
  return checks.filter((c) => c.document === key);
}

export function allDocumentChecks(): readonly DocumentCheck[] {
  return checks;
}

export type CheckOutcome = "match" | "corrected" | "keptAsPrinted" | "differs";

/**
 * What became of a check, given the document as stored now: the source agreed; it disagreed and
 * the data now says what the source says; it disagreed about the number as printed, which is kept
 * as printed (a data-quality note explains); or it still disagrees.
 */
export function checkOutcome(
  c: DocumentCheck,
  doc: { numberCanonical: string | null; numberPrinted: string | null; issuedOn: Date | null },
): CheckOutcome {
  if (c.matches) return "match";
  const now =
    c.field === "issuedOn" ? (doc.issuedOn?.toISOString().slice(0, 10) ?? null) : (doc[c.field] as string | null);
  if (now === c.found) return "corrected";
  return c.field === "numberPrinted" ? "keptAsPrinted" : "differs";
}
