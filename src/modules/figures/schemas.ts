// Input of the figures API and of the import's actions.
import { z } from "zod";
import { pageQuery } from "@/server/api";
import { zmsg } from "@/i18n/zod";
import { MAX_CSV_BYTES } from "./parse";
import { hasUnstorableChars } from "@/lib/text";
import { AGENCY_REPORTS } from "./choice";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, zmsg("errors.api.date"))
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, zmsg("errors.api.noSuchDate"))
  .transform((s) => new Date(`${s}T00:00:00Z`));

export const figuresQuery = pageQuery.extend({
  indicator: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional(),
  source: z
    .string()
    .regex(/^[A-Z0-9_]{1,40}$/)
    .optional(),
  /** What each series said on this day: the latest release dated on or before it. */
  asOf: day.optional(),
});

const csvFile = z
  .instanceof(File, zmsg("figures.import.noFile"))
  .refine((f) => f.size > 0, zmsg("figures.import.noFile"))
  .refine((f) => f.size <= MAX_CSV_BYTES, zmsg("figures.import.tooBig"));

export const uploadForm = z.object({ file: csvFile });
export const confirmForm = z.object({
  file: csvFile,
  digest: z.string().regex(/^[0-9a-f]{64}$/, zmsg("figures.import.changedSincePreview")),
});

/** The page's filters, kept in the URL; invalid values are dropped. */
const pageFilters = z.object({
  indicator: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type SourcesFilters = { indicator?: string; page: number };

export function parseSourcesFilters(sp: Record<string, string | string[] | undefined>): SourcesFilters {
  const flat = Object.fromEntries(
    Object.entries(sp)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter(([, v]) => v !== "" && v !== undefined),
  );
  const f = pageFilters.parse(flat);
  return { indicator: f.indicator, page: f.page };
}

/** A reviewer's choice of the source an indicator's statuses use. */
export const statusSourceForm = z.object({
  indicator: z
    .string(zmsg("figures.statusSource.errors.indicator"))
    .regex(/^[a-z0-9-]{1,80}$/, zmsg("figures.statusSource.errors.indicator")),
  source: z
    .string(zmsg("figures.statusSource.errors.source"))
    .regex(new RegExp(`^(?:[A-Z0-9_]{1,40}|${AGENCY_REPORTS})$`), zmsg("figures.statusSource.errors.source")),
  reason: z
    .string(zmsg("figures.statusSource.errors.reasonRequired"))
    .max(2000, { ...zmsg("figures.statusSource.errors.reasonTooLong"), abort: true })
    .refine((s) => !hasUnstorableChars(s), { ...zmsg("figures.statusSource.errors.reasonInvalid"), abort: true })
    .transform((s) => s.trim())
    // Invisible format characters (zero-width spaces, direction marks) do not make a reason.
    .refine((s) => s.replace(/\p{Cf}/gu, "").trim().length >= 5, zmsg("figures.statusSource.errors.reasonRequired")),
});
export type StatusSourceInput = z.infer<typeof statusSourceForm>;
