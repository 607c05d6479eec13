// zod schemas of the seed files (format described in seeds/FORMAT.md).
import { z } from "zod";
import { AGENCY_KINDS, PILLARS, ROLES } from "@/lib/enums";

const nullableText = z.string().min(1).nullable().optional();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
const year = z.number().int().min(2000).max(2100);

const pillar = z.enum(PILLARS);
const agencyKind = z.enum(AGENCY_KINDS);

export const indicatorSchema = z.object({
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "indicator code must be kebab-case"),
  nameVi: z.string().min(1),
  nameEn: z.string().min(1),
  pillar,
  kind: z.enum(["PERCENT", "COUNT", "RATE_PER_YEAR", "RANK", "BOOLEAN", "AMOUNT"]),
  unit: z.string().min(1),
  direction: z.enum(["HIGHER_IS_BETTER", "LOWER_IS_BETTER"]),
  /** How often the quantity is measured: one status point per period (src/lib/status.ts). */
  periodicity: z.enum(["QUARTER", "YEAR", "TWO_YEARS"]).default("QUARTER"),
  min: z.number().nullable().optional(),
  max: z.number().nullable().optional(),
  descriptionVi: nullableText,
  descriptionEn: nullableText,
});

export const agencySchema = z.object({
  code: z.string().regex(/^[A-Z0-9-]+$/, "agency code must be upper-case letters, digits and dashes"),
  nameVi: z.string().min(1),
  nameEn: z.string().min(1),
  shortVi: nullableText,
  kind: agencyKind,
  parent: z.string().nullable().optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  aliases: z.array(z.string().min(1)).default([]),
});

export const groupSchema = z.object({
  code: z.string().regex(/^@[A-Z0-9_]+$/, "group code must look like @ALL_MINISTRIES"),
  nameVi: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  kinds: z.array(agencyKind).default([]),
  /** Explicit members, when the group is not "every agency of these kinds". */
  members: z.array(z.string()).optional(),
  aliases: z.array(z.string()).default([]),
  noteVi: nullableText,
  noteEn: nullableText,
});

const eventSchema = z.object({
  date: isoDate,
  kind: z.enum(["MERGE", "RENAME", "TRANSFER_PART"]),
  from: z.array(z.string()).min(1),
  to: z.string(),
  legalBasis: nullableText,
  noteVi: nullableText,
  noteEn: nullableText,
});

export const agenciesFileSchema = z.object({
  agencies: z.array(agencySchema).min(1),
  groups: z.array(groupSchema).default([]),
  events: z.array(eventSchema).default([]),
});

export const indicatorsFileSchema = z.object({ indicators: z.array(indicatorSchema).min(1) });

const scopeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("NATIONAL") }),
  z.object({
    kind: z.literal("GOV_LEVEL"),
    level: z.enum(["CENTRAL_PROVINCE", "DISTRICT", "COMMUNE"]),
    label: z.string().optional(),
  }),
  z.object({ kind: z.literal("EACH"), of: z.string().min(1), label: z.string().optional() }),
  z.object({ kind: z.literal("SUBGROUP"), label: z.string().min(1) }),
]);

export const targetSchema = z.object({
  id: z.string().min(1),
  indicator: z.string().min(1),
  year,
  comparator: z.enum(["GT", "GTE", "EQ", "LTE", "LT"]),
  value: z.number().finite(),
  scope: scopeSchema,
  clause: z.string().min(1),
  line: z.number().int().positive(),
  quote: z.string().min(3),
  approximate: z.boolean().default(false),
  /** Per-unit floors: the share of expected units that must have reported; absent: all. */
  minCoverage: z.number().gt(0).max(1).nullable().optional(),
  noteVi: nullableText,
  noteEn: nullableText,
});

const commitmentSchema = z.object({
  id: z.string().min(1),
  year: year.nullable().optional(),
  pillar: pillar.nullable().optional(),
  clause: nullableText,
  line: z.number().int().positive(),
  quote: z.string().min(3),
  titleEn: nullableText,
});

const deadlineSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("QUARTER"), year, quarter: z.number().int().min(1).max(4) }),
  z.object({ kind: z.literal("YEAR"), year }),
  z.object({ kind: z.literal("PERIOD"), from: year, to: year }),
  z.object({ kind: z.literal("RECURRING"), every: z.enum(["YEAR", "CONTINUOUS"]) }),
  z.object({ kind: z.literal("NONE") }),
]);

export const taskSchema = z.object({
  id: z.string().min(1),
  heading: z.string().nullable(),
  numberPrinted: z.string().nullable(),
  line: z.number().int().positive(),
  title: z.string().min(3),
  product: nullableText,
  leadRaw: nullableText,
  leads: z.array(z.string()).default([]),
  partnersRaw: nullableText,
  partners: z.array(z.string()).default([]),
  deadlineRaw: nullableText,
  deadline: deadlineSchema,
});

export const headingSchema = z.object({
  code: z.string().min(1),
  title: z.string().min(1),
  line: z.number().int().positive(),
});

export const documentFileSchema = z.object({
  document: z.object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    sourceFile: z.string().min(1),
    numberPrinted: z.string().nullable(),
    numberCanonical: z.string().nullable(),
    kind: z.enum(["DECISION", "ACTION_PLAN", "STRATEGY", "PROGRAMME", "DRAFT", "PRESS_SUMMARY"]),
    inForce: z.boolean(),
    issuedOn: isoDate.nullable(),
    /** The base year the decision states ("so với năm 2020", "so với hiện nay"); absent: its issue year. */
    baseYear: year.nullable().optional(),
    issuer: nullableText,
    titleVi: z.string().min(1),
    titleEn: z.string().min(1),
    summaryVi: nullableText,
    summaryEn: nullableText,
    relatedTo: z.array(z.string()).default([]),
    /** Keys of documents this one replaces (e.g. 2629/QĐ-TTg supersedes 942/QĐ-TTg). */
    supersedes: z.array(z.string()).optional(),
  }),
  indicators: z.array(indicatorSchema).default([]),
  agencies: z.array(agencySchema).default([]),
  groups: z.array(groupSchema).default([]),
  targets: z.array(targetSchema).default([]),
  commitments: z.array(commitmentSchema).default([]),
  taskTable: z
    .object({
      firstLine: z.number().int().positive(),
      lastLine: z.number().int().positive(),
      rowStartPattern: z.string().min(1),
      headings: z.array(headingSchema).default([]),
      tasks: z.array(taskSchema).default([]),
    })
    .nullable()
    .optional(),
  dataQualityNotes: z
    .array(
      z.object({
        subject: z
          .string()
          .regex(
            /^(document|(target|task|heading|commitment|indicator|agency):.+)$/,
            'subject must be "document" or "<kind>:<id>"',
          ),
        kind: z.string().min(1),
        line: z.number().int().positive().nullable().optional(),
        evidence: nullableText,
        noteVi: z.string().min(1),
        noteEn: z.string().min(1),
      }),
    )
    .default([]),
});

export const demoUsersSchema = z.object({
  password: z.string().min(10),
  users: z.array(
    z.object({
      email: z.string().email(),
      name: z.string().min(1),
      role: z.enum(ROLES),
      agency: z.string(),
    }),
  ),
});

export const demoProgressSchema = z.object({
  illustrative: z.literal(true),
  assignments: z
    .array(z.object({ indicator: z.string(), agency: z.string(), national: z.boolean().default(false) }))
    .default([]),
  observations: z.array(
    z.object({
      indicator: z.string(),
      agency: z.string(),
      year,
      quarter: z.number().int().min(1).max(4),
      value: z.number().finite(),
      national: z.boolean().default(true),
      source: nullableText,
    }),
  ),
  taskProgress: z
    .array(
      z.object({
        task: z.string(),
        agency: z.string(),
        year,
        quarter: z.number().int().min(1).max(4),
        status: z.enum(["NOT_STARTED", "IN_PROGRESS", "DONE", "BLOCKED"]),
        percentComplete: z.number().int().min(0).max(100).nullable().optional(),
        achieved: nullableText,
      }),
    )
    .default([]),
});

export type DocumentFile = z.infer<typeof documentFileSchema>;
export type AgenciesFile = z.infer<typeof agenciesFileSchema>;
export type IndicatorSeed = z.infer<typeof indicatorSchema>;
export type AgencySeed = z.infer<typeof agencySchema>;
export type GroupSeed = z.infer<typeof groupSchema>;
export type DemoProgress = z.infer<typeof demoProgressSchema>;
export type DemoUsers = z.infer<typeof demoUsersSchema>;

// Published figures: real values from named releases, each with a verbatim quote (seeds/FORMAT.md).
const sourceKind = z.enum(["STATISTICS_OFFICE", "MINISTRY", "INTERNATIONAL_INDEX", "AGENCY_REPORTING", "SURVEY"]);
const release = z.object({ title: z.string().min(1).max(500), date: isoDate, url: z.string().url().max(1000) });
export const publishedFiguresSchema = z.object({
  sources: z.array(
    z.object({
      code: z
        .string()
        .regex(/^[A-Z][A-Z0-9_]{1,31}$/, "source code must be upper-case letters, digits and underscores"),
      kind: sourceKind,
      nameVi: z.string().min(1),
      nameEn: z.string().min(1),
      url: z.string().url().nullable().optional(),
      /** Days after a period's end before its figures are in (statuses stay provisional until then). */
      cutoffDays: z.number().int().min(0).max(800),
    }),
  ),
  figures: z.array(
    z.object({
      indicator: z.string(),
      source: z.string(),
      /** "2023" (a year), "2023-Q2" (a quarter) or "2022-2023" (a survey spanning years). */
      period: z.string().regex(/^\d{4}(-Q[1-4]|-\d{4})?$/, "period must be YYYY, YYYY-Qn or YYYY-YYYY"),
      value: z.number().finite(),
      provisional: z.boolean(),
      release,
      quote: z.string().min(1).max(2000),
      printed: z.string().min(1).max(100),
      revises: z.object({ url: z.string().url(), date: isoDate }).nullable(),
      definitionNote: z.string().min(1).nullable(),
    }),
  ),
});
export type PublishedFigures = z.infer<typeof publishedFiguresSchema>;
