// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Every object schema is
// closed (additionalProperties: false) and tests/integration/openapi.test.ts validates real
// responses of every endpoint against it, so a field added, renamed or made nullable in a route
// without updating this file fails the tests.
import {
  AgencyKind,
  Comparator,
  SourceKind,
  DeadlineKind,
  DocumentKind,
  Direction,
  GovLevel,
  IndicatorKind,
  Pillar,
  ScopeKind,
  SuccessionKind,
  TaskProgressStatus,
} from "@/generated/prisma/enums";
import { METHODS, MILESTONE_STATUSES, PHASES, REASONS, type TaskStatus } from "@/lib/status";
import type { ItemState } from "@/modules/reporting/queries";
import { z } from "zod";
import { apiParam, CACHE_BULK, CACHE_PUBLIC } from "@/server/api";
import { documentFileSchema } from "@/server/seed/schema";
import type { Header, JsonSchema, OpenApiDocument, Operation, Parameter, ResponseObject } from "./types";

// ---- Schema helpers -------------------------------------------------------------------------

const str: JsonSchema = { type: "string" };
const nstr: JsonSchema = { type: ["string", "null"] };
const int: JsonSchema = { type: "integer" };
const nint: JsonSchema = { type: ["integer", "null"] };
const num: JsonSchema = { type: "number" };
const nnum: JsonSchema = { type: ["number", "null"] };
const bool: JsonSchema = { type: "boolean" };
const date: JsonSchema = { type: "string", format: "date" };
const ndate: JsonSchema = { type: ["string", "null"], format: "date" };
const dateTime: JsonSchema = { type: "string", format: "date-time" };
const ndateTime: JsonSchema = { type: ["string", "null"], format: "date-time" };
const period: JsonSchema = { type: "string", pattern: "^\\d{4}-Q[1-4]$", description: "A quarter: 2024-Q1." };
const quarter: JsonSchema = { type: "integer", minimum: 1, maximum: 4 };
const link: JsonSchema = { type: "string", format: "uri-reference" };
const nlink: JsonSchema = { type: ["string", "null"], format: "uri-reference" };

const d = (description: string, s: JsonSchema): JsonSchema => ({ ...s, description });
const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (name: string): JsonSchema => ({ anyOf: [ref(name), { type: "null" }] });
const arr = (items: JsonSchema, description?: string): JsonSchema => ({
  type: "array",
  items,
  ...(description ? { description } : {}),
});
const oneOf = (values: readonly string[]): JsonSchema => ({ type: "string", enum: values });
const oneOfOrNull = (values: readonly string[]): JsonSchema => ({ type: ["string", "null"], enum: [...values, null] });

/** A closed object; every property is required unless listed in `optional`. */
function obj(
  properties: Record<string, JsonSchema>,
  opts: { optional?: string[]; description?: string; nullable?: boolean } = {},
): JsonSchema {
  return {
    type: opts.nullable ? ["object", "null"] : "object",
    ...(opts.description ? { description: opts.description } : {}),
    properties,
    required: Object.keys(properties).filter((k) => !opts.optional?.includes(k)),
    additionalProperties: false,
  };
}

/** All members of a string union, checked complete by the compiler. */
const members = <T extends string>(all: Record<T, true>) => Object.keys(all) as T[];

const TASK_STATUSES = members<TaskStatus>({
  OVERDUE: true,
  NO_REPORT: true,
  IN_PROGRESS: true,
  ONGOING: true,
  NOT_STARTED: true,
  DONE_LATE: true,
  DONE_ON_TIME: true,
});
const ITEM_STATES = members<ItemState>({
  NOT_STARTED: true,
  DRAFT: true,
  SUBMITTED: true,
  RETURNED: true,
  APPROVED: true,
});
const v = <T extends Record<string, string>>(e: T) => Object.values(e) as string[];

const bilingual = obj({ vi: str, en: str });
const bilingualNullable = obj({ vi: nstr, en: nstr });

// ---- Component schemas ----------------------------------------------------------------------

const decisionBase = {
  key: d("Stable key used in URLs: 411-2022.", str),
  numberPrinted: d("The number as printed (misprints kept).", nstr),
  numberCanonical: d("The correct number: 942/QĐ-TTg.", nstr),
  kind: oneOf(v(DocumentKind)),
  inForce: bool,
  issuedOn: ndate,
  issuer: nstr,
  title: bilingual,
  summary: bilingualNullable,
  sourceFile: str,
  related: arr(str, "Keys of documents this one implements, summarises or drafts."),
};
const decisionLinks = obj({ self: link, html: link });

const schemas = {
  Error: obj(
    {
      error: obj(
        {
          message: d("Vietnamese / English.", str),
          details: arr(
            obj({ param: str, message: str }),
            "For 400: each query parameter that was refused (malformed, or given more than once).",
          ),
        },
        { optional: ["details"] },
      ),
    },
    { description: "A public endpoint's error." },
  ),
  SessionError: obj(
    {
      error: obj(
        {
          message: d("For the user, in Vietnamese.", str),
          fieldErrors: {
            type: "object",
            description:
              'Messages per field: "rows.0.value" for a malformed body, "ind.<indicatorId>.value" or "task.<taskId>.status" for a refused row, "_form" for the whole form.',
            additionalProperties: arr(str),
          },
          details: {
            type: "object",
            description: "For 409: the current state of each row someone else changed, keyed as in fieldErrors.",
            patternProperties: { "^(ind|task)\\.\\d+$": { anyOf: [ref("IndicatorConflict"), ref("TaskConflict")] } },
            additionalProperties: false,
          },
        },
        { optional: ["fieldErrors", "details"] },
      ),
    },
    { description: "An error of a signed-in endpoint." },
  ),
  IndicatorConflict: obj({ value: nnum, version: int, by: d("Email of whoever saved it last.", nstr), at: ndateTime }),
  TaskConflict: obj({
    status: oneOfOrNull(v(TaskProgressStatus)),
    percentComplete: nint,
    version: int,
    by: nstr,
    at: ndateTime,
  }),
  PageMeta: obj({ page: int, pageSize: int, total: d("Items matching the filters, all pages.", int), pages: int }),
  PageLinks: obj({ self: link, next: d("Null on the last page.", nlink), prev: nlink }),
  DecisionRef: obj({ key: str, number: nstr, kind: oneOf(v(DocumentKind)), inForce: bool }),
  Scope: obj(
    {
      kind: oneOf(v(ScopeKind)),
      level: oneOfOrNull(v(GovLevel)),
      of: d("For EACH: what each ranges over.", nstr),
      label: d("For SUBGROUP: the group.", nstr),
    },
    { description: "Whom a target applies to: the nation, a level of government, each unit of a kind, or a subgroup." },
  ),
  Decision: obj(
    { ...decisionBase, counts: obj({ targets: int, tasks: int, commitments: int, notes: int }), links: decisionLinks },
    { description: "A source document." },
  ),
  DecisionDetail: obj(
    {
      ...decisionBase,
      links: decisionLinks,
      targets: arr(
        obj({
          key: str,
          indicator: d("Indicator code.", str),
          year: int,
          comparator: oneOf(v(Comparator)),
          value: num,
          unit: str,
          scope: ref("Scope"),
          clause: str,
          line: int,
          quote: d("Verbatim sentence of the document.", str),
        }),
      ),
      commitments: arr(
        obj({ key: str, year: nint, pillar: oneOfOrNull(v(Pillar)), clause: nstr, line: int, quote: str }),
      ),
      tasks: obj({ count: int, href: link }),
      dataQualityNotes: arr(
        obj({
          subject: d("type:key of the record concerned, e.g. document:942-2021.", str),
          kind: str,
          line: nint,
          evidence: nstr,
          note: bilingual,
        }),
      ),
    },
    { description: "A source document with its targets, commitments and data-quality notes." },
  ),
  Target: obj(
    {
      key: str,
      decision: ref("DecisionRef"),
      year: d("Milestone year.", int),
      comparator: oneOf(v(Comparator)),
      value: num,
      unit: str,
      scope: ref("Scope"),
      clause: str,
      line: d("Line of the quote in the source document.", int),
      quote: str,
      approximate: bool,
      note: bilingualNullable,
    },
    { description: "One document's threshold for an indicator in a year." },
  ),
  Indicator: obj(
    {
      code: str,
      name: bilingual,
      pillar: oneOf(v(Pillar)),
      kind: oneOf(v(IndicatorKind)),
      unit: str,
      direction: oneOf(v(Direction)),
      bounds: obj({ min: nnum, max: nnum }),
      description: bilingualNullable,
      latest: {
        ...obj({ period, value: nnum, approvedAt: dateTime, illustrative: bool }, { nullable: true }),
        description: "The latest approved national value; null if none.",
      },
      targets: arr(ref("Target")),
    },
    { description: "What is measured, with every target set for it." },
  ),
  SeriesPoint: obj({ period, year: int, quarter, value: num }),
  StatusPoint: obj({
    period: d('The period the value describes: "2024-Q3", "2024" or "2023-2024".', {
      type: "string",
      pattern: "^\\d{4}(-Q[1-4]|-\\d{4})?$",
    }),
    year: d("Year of the period's last quarter.", int),
    quarter: d("The period's last quarter (4 for a year).", quarter),
    value: num,
    provisional: d("Its publisher calls the value provisional.", bool),
  }),
  StatusExplanation: obj(
    {
      sentence: d(
        "The status in one plain sentence (what was needed, what happened, what it means, then any warning), in Vietnamese and English.",
        bilingual,
      ),
      phase: d(
        "IN_PROGRESS until the end of the milestone year; PROVISIONAL until the data cut-off (the year's end plus the source's cut-off days); FINAL after.",
        oneOf(PHASES),
      ),
      final: d("phase is FINAL.", bool),
      finalFrom: d("The data cut-off: the day the milestone becomes final.", date),
      method: d(
        "What decided the status: threshold (a value against the target), cagr / linear (levels), points (percentage points per year), positions (rank positions per year), rate (latest growth rate against the required one), met (yes/no), none (not enough data).",
        oneOf(METHODS),
      ),
      measure: d("How the indicator's kind measures pace.", oneOf(["LEVEL", "BOUNDED", "RANK", "RATE", "BOOLEAN"])),
      periodicity: d("One value per quarter, year or two years.", oneOf(["QUARTER", "YEAR", "TWO_YEARS"])),
      source: {
        ...obj({ code: str, kind: str, name: bilingual }, { nullable: true }),
        description:
          "The source of the national series used; null: the agencies' approved reports (always for per-unit targets).",
      },
      approximate: d('An approximate target ("khoảng X"), met within the tolerance.', bool),
      baseYear: d("The decision's base year, else the year it was issued; null if neither is known.", nint),
      base: nullable("StatusPoint"),
      baseShifted: d("The base year had no value: base is the nearest later value.", bool),
      latest: { ...nullable("StatusPoint"), description: "The deciding (or latest) value." },
      latestOutsideTargetYear: d(
        "A past milestone decided by a value whose period does not end in the target year.",
        bool,
      ),
      rateNeeded: d(
        "Per year: a CAGR fraction (0.052 = 5.2 %/yr), units or percentage points, rank positions gained, or the required rate.",
        nnum,
      ),
      rateAchieved: nnum,
      ratio: d("R, rounded to 2 decimals before classification; null when not computable or infinite.", nnum),
      tolerance: obj({ value: num, relative: d("A fraction of the base value.", bool) }),
      stalled: d("The move was within tolerance and counted as none.", bool),
      points: d("Values (one per period, from the base on) the status was computed from.", int),
      reason: oneOfOrNull(REASONS),
      units: d("For a per-unit target: how many expected units had reported; 0 otherwise.", int),
      coverage: {
        ...obj(
          {
            reported: int,
            expected: int,
            required: int,
            worst: {
              ...obj({ unitId: int, name: str, status: oneOf(MILESTONE_STATUSES) }, { nullable: true }),
              description: "The least favourable unit that reported.",
            },
          },
          { nullable: true },
        ),
        description: "Per-unit targets: N of M units reported, and how many are needed.",
      },
    },
    { description: "How the computed status was reached (see the methodology)." },
  ),
  StatusOverride: obj(
    { status: oneOf(MILESTONE_STATUSES), reason: str, at: dateTime },
    { nullable: true, description: "A national reviewer's override of the computed status; null if none." },
  ),
  TargetStatus: obj({
    status: d("Effective status: the override if there is one, else the computed status.", oneOf(MILESTONE_STATUSES)),
    computed: oneOf(MILESTONE_STATUSES),
    override: ref("StatusOverride"),
    explanation: ref("StatusExplanation"),
  }),
  IndicatorDetail: obj(
    {
      code: str,
      name: bilingual,
      pillar: oneOf(v(Pillar)),
      kind: oneOf(v(IndicatorKind)),
      unit: str,
      direction: oneOf(v(Direction)),
      bounds: obj({ min: nnum, max: nnum }),
      description: bilingualNullable,
      latest: {
        ...obj({ period, value: nnum, approvedAt: dateTime, illustrative: bool }, { nullable: true }),
        description: "The latest approved national value; null if none.",
      },
      targets: arr(
        obj({
          key: str,
          decision: ref("DecisionRef"),
          year: int,
          comparator: oneOf(v(Comparator)),
          value: num,
          unit: str,
          scope: ref("Scope"),
          clause: str,
          line: int,
          quote: str,
          approximate: bool,
          note: bilingualNullable,
          status: {
            anyOf: [ref("TargetStatus"), { type: "null" }],
            description: "Null only while a newly imported target's status is not yet computed.",
          },
        }),
      ),
      observations: arr(
        obj({
          period,
          year: int,
          quarter,
          value: nnum,
          agency: d("Agency that reported the national value.", str),
          approvedAt: dateTime,
          illustrative: bool,
        }),
        "The approved national series, oldest first.",
      ),
      sources: arr(ref("IndicatorSource"), "Every source that published figures for the indicator, side by side."),
      statusSource: ref("StatusSourceChoice"),
      links: obj({ self: link, csv: link, html: link }),
    },
    {
      description:
        "One indicator with its targets, their statuses, its approved national series, every published source's values with citations, and the source its statuses use.",
    },
  ),
  StatusRow: obj(
    {
      target: d("Target key.", str),
      indicator: d("Indicator code.", str),
      decision: obj({ key: str, number: nstr, inForce: bool }),
      pillar: oneOf(v(Pillar)),
      year: d("Milestone year.", int),
      comparator: oneOf(v(Comparator)),
      value: num,
      scope: obj({ kind: oneOf(v(ScopeKind)), level: oneOfOrNull(v(GovLevel)) }),
      status: d("Effective status: the override if there is one, else the computed status.", oneOf(MILESTONE_STATUSES)),
      computed: oneOf(MILESTONE_STATUSES),
      override: ref("StatusOverride"),
      explanation: ref("StatusExplanation"),
    },
    { description: "A target and its status." },
  ),
  Observation: obj(
    {
      indicator: str,
      agency: str,
      national: d("A national figure (as opposed to one agency's own).", bool),
      period,
      year: int,
      quarter,
      value: nnum,
      unit: str,
      approvedAt: dateTime,
      illustrative: d("Demo data, not real.", bool),
    },
    { description: "An approved quarterly value." },
  ),
  NamedAgency: obj({
    code: str,
    name: obj({ vi: str, en: nstr }),
    group: d("A collective lead (“Các bộ, ngành, địa phương”).", bool),
  }),
  Task: obj(
    {
      key: str,
      decision: ref("DecisionRef"),
      heading: obj({ code: str, title: str }, { nullable: true }),
      numberPrinted: nstr,
      line: int,
      title: str,
      product: nstr,
      leadRaw: nstr,
      partnersRaw: nstr,
      leads: arr(ref("NamedAgency"), "Lead agencies as the document names them."),
      partners: arr(ref("NamedAgency")),
      deadline: obj({
        kind: oneOf(v(DeadlineKind)),
        raw: nstr,
        year: nint,
        quarter: { type: ["integer", "null"], minimum: 1, maximum: 4 },
        from: nint,
        to: nint,
        every: oneOfOrNull(["YEAR", "CONTINUOUS"]),
        dueOn: ndate,
      }),
      reportingAgencies: obj(
        { lead: arr(str), partner: arr(str) },
        {
          description:
            "Codes of the agencies that report on the task today: successors of merged bodies, members of collective leads.",
        },
      ),
    },
    { description: "One row of a document's task table." },
  ),
  Succession: obj({ code: str, date, kind: oneOf(v(SuccessionKind)), legalBasis: nstr }),
  Agency: obj(
    {
      code: str,
      name: bilingual,
      shortVi: nstr,
      kind: oneOf(v(AgencyKind)),
      parent: nstr,
      validFrom: ndate,
      validTo: d("Last day of existence (merged or renamed); null if current.", ndate),
      aliases: arr(str),
      successors: arr(ref("Succession")),
      predecessors: arr(ref("Succession")),
    },
    { description: "A ministry, province or other body, with its 2025 reorganisation links." },
  ),
  ComparedAgency: obj({ code: str, nameVi: str, nameEn: str, kind: oneOf(v(AgencyKind)) }),
  Comparison: obj(
    {
      indicator: obj({
        code: str,
        nameVi: str,
        nameEn: str,
        unit: str,
        kind: oneOf(v(IndicatorKind)),
        direction: oneOf(v(Direction)),
      }),
      period,
      periods: arr(period, "Quarters with at least one approved agency value, newest first."),
      floors: arr(
        obj({
          target: d("Target key.", str),
          decision: d("The document's number.", str),
          year: int,
          comparator: oneOf(v(Comparator)),
          value: num,
          scope: d(
            "EACH: every unit assigned the indicator; CENTRAL_PROVINCE: ministries and provinces.",
            oneOf(["EACH", "CENTRAL_PROVINCE"]),
          ),
        }),
        "The indicator's per-unit targets (floors every unit must reach).",
      ),
      expected: d("Agencies assigned the indicator (the units its floors count for coverage).", int),
      reported: d("Agencies with an approved value for the quarter.", int),
      ranking: arr(
        obj({
          rank: d("1 = best; equal values share a rank.", int),
          agency: ref("ComparedAgency"),
          value: num,
          illustrative: bool,
          meets: arr(
            obj({
              target: str,
              meets: d("Null when the floor does not apply to this kind of agency.", {
                type: ["boolean", "null"],
              }),
            }),
          ),
        }),
        "Approved values only, best first.",
      ),
      notReported: arr(ref("ComparedAgency"), "Expected agencies without an approved value for the quarter."),
      links: obj({ self: link, html: link, indicator: link }),
    },
    { description: "Every agency's approved value of one indicator for one quarter, ranked." },
  ),
  FigureSource: obj({ code: str, kind: oneOf(v(SourceKind)), name: bilingual }),
  PublishedFigure: obj(
    {
      id: int,
      key: d("indicator|source|period|release date|release URL: one value per release and series.", str),
      indicator: d("Indicator code.", str),
      source: ref("FigureSource"),
      period: d("As published: a year (2023), a quarter (2023-Q2) or a span of years (2022-2023).", {
        type: "string",
        pattern: "^\\d{4}(-Q[1-4]|-\\d{4})?$",
      }),
      periodStart: date,
      periodEnd: date,
      value: num,
      unit: str,
      provisional: d("The release calls it an estimate (ước tính, sơ bộ).", bool),
      release: obj({
        title: str,
        date,
        url: d("The release's address as published (it may hold characters a strict URI parser refuses).", str),
      }),
      quote: d("Verbatim text of the release; contains `printed`.", str),
      printed: d("The number exactly as printed (e.g. 12,67%).", str),
      revises: d(
        "The earlier figure of the same series this release corrects.",
        obj({ id: int, key: str }, { nullable: true }),
      ),
      definitionNote: d("Where the published definition differs from the indicator's.", nstr),
      illustrative: d("Always false: published figures are real.", { type: "boolean", const: false }),
    },
    {
      description:
        "A value as one release published it, with its citation. Never changed: a correction is a new figure that `revises` it.",
    },
  ),
  IndicatorSource: obj(
    {
      code: str,
      kind: oneOf(v(SourceKind)),
      name: bilingual,
      chosenForStatus: d("This is the source the indicator's statuses use (see `statusSource`).", bool),
      values: arr(
        obj({
          period: d("As published: a year (2023), a quarter (2023-Q2) or a span of years (2022-2023).", {
            type: "string",
            pattern: "^\\d{4}(-Q[1-4]|-\\d{4})?$",
          }),
          value: num,
          provisional: d("The release calls it an estimate (ước tính, sơ bộ).", bool),
          release: obj({
            title: str,
            date,
            url: d("The release's address as published.", str),
          }),
          quote: d("Verbatim text of the release; contains `printed`.", str),
          printed: d("The number exactly as printed (e.g. 12,67%).", str),
          revises: d(
            "The value this release corrected (the previous release of the same period), or null.",
            obj({ value: num, release: obj({ date, url: str }) }, { nullable: true }),
          ),
          definitionNote: d("Where the published definition differs from the indicator's.", nstr),
          illustrative: d("Always false: published figures are real.", { type: "boolean", const: false }),
        }),
        "Each period's current value (the newest release), oldest period first; every release is at /api/v1/figures.",
      ),
    },
    { description: "One publisher's series for an indicator, with citations." },
  ),
  StatusSourceChoice: obj(
    {
      code: d("The source's code; null: the agencies' approved reports in the portal.", nstr),
      kind: oneOfOrNull(v(SourceKind)),
      name: obj({ vi: str, en: str }, { nullable: true }),
      by: d(
        "default: nobody chose (the official statistic first, then an international index, a survey, a ministry, agency reporting); seed: the seed data; reviewer: a national reviewer.",
        oneOf(["default", "seed", "reviewer"]),
      ),
      agency: d("Code of the reviewer's agency (never the reviewer's name); null unless `by` is reviewer.", nstr),
      reason: nstr,
      chosenAt: ndateTime,
      history: arr(
        obj({
          code: nstr,
          by: oneOf(["seed", "reviewer"]),
          agency: nstr,
          reason: str,
          chosenAt: dateTime,
        }),
        "Every recorded choice, newest first (none for the default).",
      ),
    },
    { description: "The source an indicator's statuses use, who chose it, when and why." },
  ),
  Source: obj({
    code: str,
    kind: oneOf(v(SourceKind)),
    name: bilingual,
    url: nstr,
    figures: d("Number of published figures (every release).", int),
  }),
  BulkTargetRow: obj(
    {
      target: str,
      indicator: str,
      indicatorNameVi: str,
      indicatorNameEn: str,
      unit: str,
      pillar: oneOf(v(Pillar)),
      decision: str,
      decisionNumber: nstr,
      decisionInForce: bool,
      year: int,
      comparator: oneOf(v(Comparator)),
      value: num,
      approximate: bool,
      scopeKind: oneOf(v(ScopeKind)),
      scopeLevel: oneOfOrNull(v(GovLevel)),
      scopeOf: nstr,
      scopeLabel: nstr,
      clause: str,
      line: int,
      quote: str,
      status: {
        ...oneOfOrNull(MILESTONE_STATUSES),
        description: "Effective status (null only before it is first computed).",
      },
      computedStatus: oneOfOrNull(MILESTONE_STATUSES),
    },
    { description: "One target, flattened (the columns of indicators.csv)." },
  ),
  Workspace: obj({
    period,
    agency: d("The signed-in user's agency.", str),
    indicators: arr(
      obj({
        indicatorId: int,
        code: str,
        state: oneOf(ITEM_STATES),
        version: d("Send it back with a save.", int),
        value: nnum,
      }),
    ),
    tasks: obj({
      total: int,
      page: int,
      items: arr(obj({ taskId: int, key: str, state: oneOf(ITEM_STATES), version: int })),
    }),
  }),
  SaveResult: obj({ data: obj({ saved: int, submitted: int }) }),
} satisfies Record<string, JsonSchema>;

// ---- Parameters -----------------------------------------------------------------------------

const q = (name: string, schema: JsonSchema, description: string): Parameter => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});
const pathParam = (name: string, schema: JsonSchema, description: string): Parameter => ({
  name,
  in: "path",
  required: true,
  description,
  schema,
});

const trueFalse = { type: "string", enum: ["true", "false"] } satisfies JsonSchema;

/** A parameter's JSON Schema, written from the zod schema the route parses it with. */
function fromZod(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: "input" }) as JsonSchema & { $schema?: string };
  delete json.$schema;
  return json;
}
const decisionKey = fromZod(apiParam.decision);
/** A seed file as the import reads it (defaults may be left out). */
const seedFileSchema = fromZod(documentFileSchema);
const indicatorCode = fromZod(apiParam.indicator);
const agencyCode = fromZod(apiParam.agency);

const P = {
  page: q("page", fromZod(apiParam.page), "Page number, from 1."),
  pageSize: q("pageSize", fromZod(apiParam.pageSize), "Items per page."),
  pillar: q("pillar", fromZod(apiParam.pillar), "Only this pillar."),
  decision: q("decision", decisionKey, "Only this document (key, e.g. 411-2022)."),
  indicator: q("indicator", indicatorCode, "Only this indicator (code)."),
  agency: q("agency", agencyCode, "Only this agency (code, e.g. BKHCN)."),
  milestone: q("milestone", fromZod(apiParam.milestone), "Only targets for this year."),
  status: q("status", fromZod(apiParam.status), "Only targets with this effective status."),
  asOf: q(
    "asOf",
    { ...fromZod(apiParam.asOf), description: "A quarter: 2024-Q1." },
    "Statuses as they stood at the end of this quarter (default: today).",
  ),
};
const paging = [P.page, P.pageSize];

// ---- Responses ------------------------------------------------------------------------------

const corsHeader: Header = {
  description: "Public: any origin may read.",
  required: true,
  schema: { type: "string", const: "*" },
};
const cacheHeader = (value: string): Header => ({
  description: "Shared caches may keep the response.",
  required: true,
  schema: { type: "string", const: value },
});
const attachment: Header = {
  description: "Download file name.",
  required: true,
  schema: { type: "string", pattern: '^attachment; filename="[^"]+"$' },
};

const json = (description: string, schema: JsonSchema, headers: Record<string, Header> = {}): ResponseObject => ({
  description,
  headers,
  content: { "application/json": { schema } },
});
const publicJson = (description: string, schema: JsonSchema, cache = CACHE_PUBLIC) =>
  json(description, schema, { "Access-Control-Allow-Origin": corsHeader, "Cache-Control": cacheHeader(cache) });
const page = (description: string, item: string) =>
  publicJson(description, obj({ data: arr(ref(item)), meta: ref("PageMeta"), links: ref("PageLinks") }));
const csv = (description: string, headers: Record<string, Header>): ResponseObject => ({
  description,
  headers: { "Content-Disposition": attachment, ...headers },
  content: {
    "text/csv": {
      schema: {
        type: "string",
        description: "UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting; the first row names the columns.",
      },
    },
  },
});
const publicCsv = (description: string, cache = CACHE_PUBLIC) =>
  csv(description, { "Access-Control-Allow-Origin": corsHeader, "Cache-Control": cacheHeader(cache) });
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const xlsx = (description: string, headers: Record<string, Header> = {}): ResponseObject => ({
  description,
  headers: { "Content-Disposition": attachment, ...headers },
  content: { [XLSX_TYPE]: { schema: { type: "string", description: "An Office Open XML workbook (.xlsx)." } } },
});
const publicXlsx = (description: string, cache = CACHE_PUBLIC) =>
  xlsx(description, { "Access-Control-Allow-Origin": corsHeader, "Cache-Control": cacheHeader(cache) });
const dashboardXlsx = (operationId: string, summary: string, contents: string): { get: Operation } => ({
  get: sessionOp({
    operationId,
    summary,
    tags: ["reporting", "downloads"],
    parameters: [
      q("agency", agencyCode, "Only this agency (national roles; others always get their own)."),
      q(
        "lang",
        { type: "string", enum: ["vi", "en"] },
        "Language of the sheet names and words (default: Accept-Language, else vi).",
      ),
    ],
    responses: {
      "200": xlsx(`${contents} A first sheet writes the filter, the view and the time of the export.`),
      ...signedIn,
    },
  }),
});

const publicError = (description: string) =>
  json(description, ref("Error"), { "Access-Control-Allow-Origin": corsHeader });
const badQuery = publicError("A query parameter is malformed or given more than once; `details` names it.");
/** Every public read that needs the database answers so while it cannot be reached (publicRoute in src/server/api.ts). */
const unavailable = {
  "503": json("The database cannot be reached right now: retry after `Retry-After` seconds.", ref("Error"), {
    "Access-Control-Allow-Origin": corsHeader,
    "Retry-After": {
      description: "Seconds to wait before retrying.",
      required: true,
      schema: { type: "string", pattern: "^[0-9]+$" },
    },
    "Cache-Control": {
      description: "Never kept by a cache.",
      required: true,
      schema: { type: "string", const: "no-store" },
    },
  }),
};
const sessionError = (description: string) => json(description, ref("SessionError"));
const signedIn = {
  "401": sessionError("Not signed in (no or expired session cookie)."),
  "403": sessionError("Signed in without the needed permission or agency, or a cross-site request."),
};

function get(
  operationId: string,
  summary: string,
  tags: string[],
  parameters: Parameter[],
  responses: Record<string, ResponseObject>,
  description?: string,
): Operation {
  return { operationId, summary, ...(description ? { description } : {}), tags, parameters, responses, security: [] };
}
function sessionOp(op: Omit<Operation, "security">): Operation {
  return { ...op, security: [{ session: [] }] };
}

// ---- Request bodies -------------------------------------------------------------------------

const text = (max: number, description?: string): JsonSchema => ({
  type: "string",
  maxLength: max,
  default: "",
  ...(description ? { description } : {}),
});
const rowId: JsonSchema = { type: "integer", minimum: 1, maximum: 2_147_483_647 };
const version: JsonSchema = {
  type: "integer",
  minimum: 0,
  maximum: 2_147_483_647,
  default: 0,
  description: "The version last read (0 for an item never saved); a stale one gets 409.",
};

const indicatorSave = obj(
  {
    period,
    rows: {
      type: "array",
      minItems: 1,
      maxItems: 500,
      items: obj(
        {
          indicatorId: rowId,
          version,
          value: { type: ["string", "number"], description: 'Read the Vietnamese way when a string: "20,5", "1.000".' },
          source: text(500),
          note: text(2000),
          explanation: text(2000, "Needed to submit a value far from last quarter's."),
          evidenceUrl: text(1000, "http(s) link."),
          comment: text(1000, "Comment on this revision."),
          submit: { type: "boolean", default: false },
        },
        { optional: ["version", "value", "source", "note", "explanation", "evidenceUrl", "comment", "submit"] },
      ),
    },
  },
  { description: "Indicator values of the signed-in reporter's agency for one quarter." },
);
const taskSave = obj(
  {
    period,
    rows: {
      type: "array",
      minItems: 1,
      maxItems: 500,
      items: obj(
        {
          taskId: rowId,
          version,
          status: oneOf(v(TaskProgressStatus)),
          percent: { type: ["string", "number"], description: "Whole percent 0–100; 100 when DONE.", default: "" },
          achieved: text(4000, "Needed to submit a task that has started."),
          obstacles: text(4000),
          nextSteps: text(4000),
          evidenceUrl: text(1000),
          submit: { type: "boolean", default: false },
        },
        { optional: ["version", "percent", "achieved", "obstacles", "nextSteps", "evidenceUrl", "submit"] },
      ),
    },
  },
  { description: "Task progress of the signed-in reporter's agency for one quarter." },
);
const saveResponses = {
  "200": json("Saved (all rows, or none).", ref("SaveResult")),
  "400": sessionError("A malformed body or a refused value: nothing was saved; `fieldErrors` says where."),
  ...signedIn,
  "409": sessionError("Someone else saved a row since its `version`: nothing was saved; `details` holds their values."),
  "413": sessionError("Body over 1 MB."),
  "415": sessionError("The body is not declared `application/json`."),
};

// ---- The document ---------------------------------------------------------------------------

export const openApiSpec: OpenApiDocument = {
  openapi: "3.1.0",
  jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
  info: {
    title: "Viet Nam digital transformation tracker — open data API",
    version: "1.0.0",
    description: [
      "Approved data only: drafts and submissions are never public. Values flagged `illustrative` are demo data.",
      "Public reads answer any origin (`Access-Control-Allow-Origin: *`, OPTIONS preflight) and may be cached by shared caches.",
      "Lists are paginated: `page` (from 1) and `pageSize` (1–500, default 100); follow `links.next` until it is null.",
      "While the database cannot be reached, every read that needs it answers 503 with `Retry-After` (seconds) and `Cache-Control: no-store`.",
      "The `reporting` endpoints and the signed-in dashboard CSVs need the portal's session cookie, are same-origin only and are not cacheable.",
      "This document is served at /api/v1/openapi.json.",
    ].join("\n\n"),
  },
  servers: [{ url: "/", description: "This portal" }],
  tags: [
    { name: "documents", description: "Source decisions, action plans and drafts." },
    { name: "indicators", description: "Indicators, their targets, statuses and approved values." },
    { name: "tasks", description: "Tasks of the documents' task tables." },
    { name: "agencies", description: "The agency registry." },
    {
      name: "figures",
      description:
        "Figures published by the statistics office, ministries and international indices, with their citations.",
    },
    { name: "downloads", description: "Whole-database CSV and JSON files." },
    { name: "reporting", description: "Signed-in reporters' reads and writes." },
  ],
  paths: {
    "/api/v1": {
      get: get("index", "What the API offers", ["documents"], [], {
        "200": publicJson(
          "Links to the resources.",
          obj({
            name: str,
            version: { type: "string", const: "v1" },
            openapi: link,
            resources: obj({
              decisions: link,
              indicators: link,
              statuses: link,
              observations: link,
              tasks: link,
              agencies: link,
              figures: link,
              sources: link,
            }),
            downloads: obj({ indicators: link, indicatorsJson: link, observations: link, tasks: link }),
            pagination: str,
          }),
        ),
      }),
    },
    "/api/v1/decisions": {
      get: get("listDecisions", "Source documents", ["documents"], paging, {
        "200": page("The documents, in reading order.", "Decision"),
        "400": badQuery,
        ...unavailable,
      }),
    },
    "/api/v1/decisions/{key}": {
      get: get(
        "getDecision",
        "One document",
        ["documents"],
        [pathParam("key", { type: "string" }, "Document key, e.g. 942-2021.")],
        {
          "200": publicJson(
            "The document with its targets, commitments and data-quality notes.",
            obj({ data: ref("DecisionDetail") }),
          ),
          "404": publicError("No such document."),
          ...unavailable,
        },
      ),
    },
    "/api/v1/documents/{key}/seed.json": {
      get: get(
        "getDocumentSeedFile",
        "One document as its seed file",
        ["documents", "downloads"],
        [pathParam("key", { type: "string" }, "Document key, e.g. 942-2021.")],
        {
          "200": json(
            "The published document in the seed-file format (seeds/FORMAT.md): its live targets, commitments, task table and data-quality notes (retired and edited-away rows left out), which `npm run db:seed` imports back to the same rows.",
            seedFileSchema,
            {
              "Access-Control-Allow-Origin": corsHeader,
              "Cache-Control": cacheHeader(CACHE_PUBLIC),
              "Content-Disposition": attachment,
            },
          ),
          "404": publicError("No such document, or a malformed key."),
          ...unavailable,
        },
      ),
    },
    "/api/v1/indicators": {
      get: get(
        "listIndicators",
        "Indicators with their targets",
        ["indicators"],
        [...paging, P.pillar, { ...P.decision, description: "Only indicators with a target in this document." }],
        {
          "200": page("Indicators by pillar and code.", "Indicator"),
          "400": badQuery,
          ...unavailable,
        },
      ),
    },
    "/api/v1/indicators/{code}": {
      get: get(
        "getIndicator",
        "One indicator",
        ["indicators"],
        [pathParam("code", { type: "string" }, "Indicator code.")],
        {
          "200": publicJson(
            "The indicator, each target with its status, the approved national series, every published source's values with citations, and the source the statuses use.",
            obj({ data: ref("IndicatorDetail") }),
          ),
          "404": publicError("No such indicator."),
          ...unavailable,
        },
      ),
    },
    "/api/v1/indicators/{code}/compare": {
      get: get(
        "compareAgencies",
        "Agencies compared on one indicator",
        ["indicators"],
        [
          pathParam("code", { type: "string" }, "Indicator code."),
          q(
            "period",
            { ...fromZod(apiParam.asOf), description: "A quarter: 2024-Q1." },
            "The quarter (default: the newest with an approved agency value).",
          ),
        ],
        {
          "200": publicJson(
            "Every agency's approved value for the quarter, ranked, each judged against the per-unit floors; the expected agencies without an approved value listed apart.",
            obj({ data: ref("Comparison") }),
          ),
          "400": badQuery,
          "404": publicError("No such indicator."),
          ...unavailable,
        },
        "Approved values only: a submitted value never appears before a reviewer approves it.",
      ),
    },
    "/api/v1/indicators/{code}/observations.csv": {
      get: get(
        "indicatorObservationsCsv",
        "One indicator's approved values as CSV",
        ["indicators", "downloads"],
        [pathParam("code", { type: "string" }, "Indicator code.")],
        {
          "200": publicCsv(
            "Columns: indicator, agency, national, period, value, unit, approved_at, illustrative; national figures first.",
          ),
          "404": publicError("No such indicator."),
          ...unavailable,
        },
      ),
    },
    "/api/v1/statuses": {
      get: get(
        "listStatuses",
        "Every target's status",
        ["indicators"],
        [...paging, P.decision, P.pillar, P.indicator, P.milestone, P.status, P.asOf],
        {
          "200": page(
            "Targets in import order, each with its effective and computed status and how it was computed.",
            "StatusRow",
          ),
          "400": badQuery,
          ...unavailable,
        },
        "Computed from approved national values (per-unit targets: the least favourable reporting unit) with the Open SDG method; a national reviewer may override it with a reason.",
      ),
    },
    "/api/v1/observations": {
      get: get(
        "listObservations",
        "Approved quarterly values",
        ["indicators"],
        [
          ...paging,
          P.indicator,
          P.agency,
          q("national", trueFalse, "true: national figures only; false: agencies' own figures only."),
          q("from", period, "From this quarter (inclusive)."),
          q("to", period, "Up to this quarter (inclusive)."),
          q("illustrative", trueFalse, "false: real values only (no demo data); true: demo data only."),
        ],
        { "200": page("By indicator, agency and quarter.", "Observation"), "400": badQuery, ...unavailable },
      ),
    },
    "/api/v1/tasks": {
      get: get(
        "listTasks",
        "Tasks",
        ["tasks"],
        [
          ...paging,
          P.decision,
          { ...P.agency, description: "Only tasks this agency reports on today (lead or partner)." },
        ],
        {
          "200": page("Tasks in document order.", "Task"),
          "400": badQuery,
          ...unavailable,
        },
      ),
    },
    "/api/v1/tasks.csv": {
      get: get(
        "tasksCsv",
        "Tasks as CSV",
        ["tasks", "downloads"],
        [
          q("decision", decisionKey, "Only this document."),
          q("agency", agencyCode, "Only tasks this agency reports on."),
          q("status", oneOf(TASK_STATUSES), "Only tasks with this status, from approved updates."),
          q("q", { type: "string", maxLength: 100 }, "Words of the title etc. (diacritics and case ignored)."),
        ],
        {
          "200": csv(
            "The tasks page's list (all pages), one row per task. Invalid filters are ignored, as on the page.",
            { "Access-Control-Allow-Origin": corsHeader },
          ),
          ...unavailable,
        },
      ),
    },
    "/api/v1/agencies": {
      get: get(
        "listAgencies",
        "Agency registry",
        ["agencies"],
        [
          ...paging,
          q("kind", oneOf(v(AgencyKind)), "Only this kind."),
          q("current", trueFalse, "true: only agencies that exist today."),
        ],
        { "200": page("By kind and code.", "Agency"), "400": badQuery, ...unavailable },
      ),
    },
    "/api/v1/figures": {
      get: get(
        "listFigures",
        "Published figures with their citations",
        ["figures"],
        [
          ...paging,
          P.indicator,
          q("source", { type: "string", pattern: "^[A-Z0-9_]{1,40}$" }, "Only this source (code, e.g. NSO)."),
          q(
            "asOf",
            { type: "string", format: "date" },
            "What each series said on this day (YYYY-MM-DD): per indicator, source and period, the latest release dated on or before it. Without it, every release.",
          ),
        ],
        {
          "200": page("By indicator, source, period and release date.", "PublishedFigure"),
          "400": badQuery,
          ...unavailable,
        },
      ),
    },
    "/api/v1/sources": {
      get: get("listSources", "Sources of published figures", ["figures"], paging, {
        "200": page("By code.", "Source"),
        "400": badQuery,
        ...unavailable,
      }),
    },
    "/api/v1/bulk/indicators.csv": {
      get: get("bulkIndicatorsCsv", "All indicators with all targets (CSV)", ["downloads"], [], {
        "200": publicCsv(
          "One row per target: target, indicator, indicator_name_vi, indicator_name_en, unit, pillar, decision, decision_number, decision_in_force, year, comparator, value, approximate, scope, scope_level, scope_of, scope_label, clause, line, quote, status (effective), computed_status.",
          CACHE_BULK,
        ),
        ...unavailable,
      }),
    },
    "/api/v1/bulk/indicators.json": {
      get: get("bulkIndicatorsJson", "All indicators with all targets (JSON)", ["downloads"], [], {
        "200": {
          ...publicJson(
            "The rows of indicators.csv.",
            obj({ meta: obj({ generatedAt: dateTime, total: int }), data: arr(ref("BulkTargetRow")) }),
            CACHE_BULK,
          ),
          headers: {
            "Access-Control-Allow-Origin": corsHeader,
            "Cache-Control": cacheHeader(CACHE_BULK),
            "Content-Disposition": attachment,
          },
        },
        ...unavailable,
      }),
    },
    "/api/v1/bulk/observations.csv": {
      get: get("bulkObservationsCsv", "All approved observations (CSV)", ["downloads"], [], {
        "200": publicCsv(
          "Columns: indicator, agency, national, period, value, unit, approved_at, illustrative; by indicator, agency and quarter. Streamed.",
          CACHE_BULK,
        ),
        ...unavailable,
      }),
    },
    "/api/v1/bulk/indicators.xlsx": {
      get: get("bulkIndicatorsXlsx", "All indicators with all targets (XLSX)", ["downloads"], [], {
        "200": publicXlsx("The rows of indicators.csv as one sheet.", CACHE_BULK),
        ...unavailable,
      }),
    },
    "/api/v1/bulk/observations.xlsx": {
      get: get("bulkObservationsXlsx", "All approved observations (XLSX)", ["downloads"], [], {
        "200": publicXlsx(
          "The rows of observations.csv as one sheet, streamed; at most 1,000,000 rows, then a note.",
          CACHE_BULK,
        ),
        ...unavailable,
      }),
    },
    "/api/v1/dashboard/targets.xlsx": dashboardXlsx(
      "dashboardTargetsXlsx",
      "The dashboard's target list as XLSX (signed in)",
      "Every target the dashboard lists for the same filters (decision, pillar, milestone, status, asOf, sort), in its order.",
    ),
    "/api/v1/dashboard/completeness.xlsx": dashboardXlsx(
      "dashboardCompletenessXlsx",
      "Reporting completeness as XLSX (signed in)",
      "The completeness grid: agency, quarter, expected, submitted, late, status.",
    ),
    "/api/v1/dashboard/tasks.xlsx": dashboardXlsx(
      "dashboardTasksXlsx",
      "Task status per lead agency as XLSX (signed in)",
      "Counts per status and every (task, lead agency) row.",
    ),
    "/api/v1/bulk/tasks.csv": {
      get: get("bulkTasksCsv", "All tasks with their latest status (CSV)", ["downloads"], [], {
        "200": publicCsv(
          "One row per task and agency leading it today (one row with empty agency columns if none): task, decision, decision_number, heading, number, title, leads_named, leads_named_codes, deadline_kind, deadline_raw, due_on, lead_agency, lead_agency_name_vi, lead_via, latest_period, latest_status, latest_percent, latest_approved_at, latest_illustrative, status.",
          CACHE_BULK,
        ),
        ...unavailable,
      }),
    },
    "/api/v1/dashboard/targets.csv": {
      get: get(
        "dashboardTargetsCsv",
        "Target statuses as CSV (the dashboard's view)",
        ["indicators", "downloads"],
        [
          P.decision,
          P.pillar,
          P.milestone,
          P.status,
          P.asOf,
          q(
            "agency",
            agencyCode,
            "Only the targets of indicators assigned to this agency (as on its dashboard); an unknown code is ignored, as on the page.",
          ),
        ],
        {
          "200": publicCsv(
            "One row per target with its status and explanation. Invalid filters are ignored, as on the dashboard.",
          ),
          ...unavailable,
        },
      ),
    },
    "/api/v1/dashboard/completeness.csv": {
      get: sessionOp({
        operationId: "dashboardCompletenessCsv",
        summary: "Reporting completeness per agency and quarter (signed in)",
        tags: ["reporting", "downloads"],
        parameters: [q("agency", agencyCode, "Only this agency (national roles; others always get their own).")],
        responses: {
          "200": csv("agency, agency_name_vi, period, expected, submitted, late, status.", {}),
          ...signedIn,
        },
      }),
    },
    "/api/v1/dashboard/tasks.csv": {
      get: sessionOp({
        operationId: "dashboardTasksCsv",
        summary: "Task status per lead agency (signed in)",
        tags: ["reporting", "downloads"],
        parameters: [
          q("agency", agencyCode, "Only this agency (national roles; others always get their own)."),
          q("decision", decisionKey, "Only this document."),
        ],
        responses: { "200": csv("task, decision, lead_agency, status.", {}), ...signedIn },
      }),
    },
    "/api/v1/reporting/workspace": {
      get: sessionOp({
        operationId: "reportingWorkspace",
        summary: "The signed-in user's agency's items for a quarter",
        tags: ["reporting"],
        parameters: [
          q("period", period, "Quarter (default: the one open for reporting)."),
          q("page", { type: "integer", minimum: 1, maximum: 10_000 }, "Page of tasks (100 per page)."),
        ],
        responses: {
          "200": json(
            "Indicators assigned to the agency and tasks it leads, with the versions a save must send back.",
            ref("Workspace"),
          ),
          "400": sessionError("A malformed `period` or `page`; `fieldErrors` names it."),
          ...signedIn,
          "404": sessionError("No such reporting period."),
        },
      }),
    },
    "/api/v1/reporting/observations": {
      post: sessionOp({
        operationId: "saveObservations",
        summary: "Save or submit indicator values",
        description:
          "The same rules as the reporting form: values checked by kind, explanations for outliers, all rows or none.",
        tags: ["reporting"],
        requestBody: { required: true, content: { "application/json": { schema: indicatorSave } } },
        responses: saveResponses,
      }),
    },
    "/api/v1/reporting/tasks": {
      post: sessionOp({
        operationId: "saveTaskProgress",
        summary: "Save or submit task progress",
        tags: ["reporting"],
        requestBody: { required: true, content: { "application/json": { schema: taskSave } } },
        responses: saveResponses,
      }),
    },
  },
  components: {
    schemas,
    securitySchemes: {
      session: {
        type: "apiKey",
        in: "cookie",
        name: "next-auth.session-token",
        description:
          "The portal's session cookie (`__Secure-next-auth.session-token` over HTTPS), set by signing in at /vi/login. Same-origin requests only.",
      },
    },
  },
};
