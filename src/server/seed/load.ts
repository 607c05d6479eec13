// Reads and checks every seed file before anything touches the database. A problem is reported
// with the file, the item and the reason; one bad item fails the whole import.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { figureKey } from "@/lib/published-figure";
import { NormalisedText } from "@/lib/text";
import {
  agenciesFileSchema,
  demoProgressSchema,
  demoUsersSchema,
  documentFileSchema,
  indicatorsFileSchema,
  publishedFiguresSchema,
  type AgenciesFile,
  type AgencySeed,
  type DemoProgress,
  type DemoUsers,
  type DocumentFile,
  type GroupSeed,
  type IndicatorSeed,
  type PublishedFigures,
} from "./schema";

export type SeedIssue = { file: string; item: string; reason: string };

export class SeedError extends Error {
  constructor(readonly issues: SeedIssue[]) {
    super(
      `Seed data is invalid (${issues.length} problem${issues.length === 1 ? "" : "s"}); nothing was imported:\n` +
        issues.map((i) => `  ${i.file} › ${i.item}: ${i.reason}`).join("\n"),
    );
    this.name = "SeedError";
  }
}

export type SeedBundle = {
  agencies: AgencySeed[];
  groups: GroupSeed[];
  events: AgenciesFile["events"];
  indicators: IndicatorSeed[];
  documents: (DocumentFile & { file: string })[];
  demo: DemoProgress | null;
  demoUsers: DemoUsers | null;
  /** Real values from named releases (seeds/data/published-figures.json), never illustrative. */
  figures: PublishedFigures | null;
  /** sha256-free content fingerprint: the raw bytes of every file, for "unchanged" detection. */
  fingerprint: string;
};

export function defaultSeedsDir(): string {
  return path.join(process.cwd(), "seeds");
}

function zodIssues(file: string, err: z.ZodError, data: unknown): SeedIssue[] {
  return err.issues.map((i) => {
    // Name the item by its id or code when it has one, so the message points at it.
    let item = i.path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .replace(/^\./, "");
    let cursor: unknown = data;
    for (const p of i.path) {
      if (cursor && typeof cursor === "object")
        cursor = (cursor as Record<string | number, unknown>)[p as string | number];
      if (cursor && typeof cursor === "object" && !Array.isArray(cursor)) {
        const named = (cursor as { id?: unknown; code?: unknown }).id ?? (cursor as { code?: unknown }).code;
        if (typeof named === "string") item = `${item} (${named})`;
      }
    }
    return { file, item: item || "(file)", reason: i.message };
  });
}

function readJson(dir: string, file: string, issues: SeedIssue[]): unknown {
  const full = path.join(dir, "data", file);
  try {
    return JSON.parse(readFileSync(full, "utf8"));
  } catch (e) {
    issues.push({ file: `seeds/data/${file}`, item: "(file)", reason: `cannot read JSON: ${(e as Error).message}` });
    return undefined;
  }
}

function parse<T>(schema: z.ZodType<T>, file: string, data: unknown, issues: SeedIssue[]): T | undefined {
  if (data === undefined) return undefined;
  const r = schema.safeParse(data);
  if (!r.success) {
    issues.push(...zodIssues(`seeds/data/${file}`, r.error, data));
    return undefined;
  }
  return r.data;
}

function sameDefinition(a: object, b: object): boolean {
  return JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());
}

export type Registries = {
  agencies: Map<string, AgencySeed>;
  groups: Map<string, GroupSeed>;
  indicators: Map<string, IndicatorSeed>;
};
type Loaded = {
  agenciesFile: z.infer<typeof agenciesFileSchema>;
  indicatorsFile: z.infer<typeof indicatorsFileSchema>;
  docs: (DocumentFile & { file: string })[];
  demo: DemoProgress | null;
  demoUsers: DemoUsers | null;
  figures: PublishedFigures | null;
  raw: string[];
};

/** Reads and checks the seed files; throws a SeedError listing every problem found. */
/** withDemo: false leaves out the demo logins and values; demoValues: false only the illustrative values. */
export function loadSeeds(
  dir = defaultSeedsDir(),
  opts: { withDemo?: boolean; demoValues?: boolean } = {},
): SeedBundle {
  const issues: SeedIssue[] = [];
  const { agenciesFile, indicatorsFile, docs, demo, demoUsers, figures, raw } = readSeedFiles(dir, opts, issues);
  const reg = registries(agenciesFile, indicatorsFile, docs, issues);
  checkRegistries(reg, agenciesFile, issues);
  const ids = { docKeys: new Set<string>(), targetIds: new Set<string>(), taskIds: new Set<string>() };
  for (const d of docs) checkDocument(dir, d, reg, ids, issues);
  for (const d of docs) {
    for (const k of d.document.relatedTo) {
      if (!ids.docKeys.has(k))
        issues.push({ file: `seeds/data/${d.file}`, item: "document.relatedTo", reason: `no document has key ${k}` });
    }
  }
  checkDemo(demo, demoUsers, reg, ids.taskIds, issues);
  if (figures) checkFigures(figures, reg, issues);
  if (issues.length) throw new SeedError(issues);
  return {
    agencies: [...reg.agencies.values()],
    groups: [...reg.groups.values()],
    events: agenciesFile.events,
    indicators: [...reg.indicators.values()],
    documents: docs,
    demo,
    demoUsers,
    figures,
    fingerprint: raw.join("\u0000"),
  };
}

function readSeedFiles(dir: string, opts: { withDemo?: boolean; demoValues?: boolean }, issues: SeedIssue[]): Loaded {
  const raw: string[] = [];
  const dataDir = path.join(dir, "data");
  const docFiles = readdirSync(dataDir)
    .filter((f) => /^doc-.*\.json$/.test(f))
    .sort();

  const agenciesFile = parse(agenciesFileSchema, "agencies.json", readJson(dir, "agencies.json", issues), issues);
  const indicatorsFile = parse(
    indicatorsFileSchema,
    "indicators.json",
    readJson(dir, "indicators.json", issues),
    issues,
  );
  const docs: (DocumentFile & { file: string })[] = [];
  for (const f of docFiles) {
    const d = parse(documentFileSchema, f, readJson(dir, f, issues), issues);
    if (d) docs.push({ ...d, file: f });
  }
  let demo: DemoProgress | null = null;
  let demoUsers: DemoUsers | null = null;
  if (opts.withDemo !== false && opts.demoValues !== false && existsSync(path.join(dataDir, "demo-progress.json"))) {
    demo = parse(demoProgressSchema, "demo-progress.json", readJson(dir, "demo-progress.json", issues), issues) ?? null;
  }
  if (opts.withDemo !== false && existsSync(path.join(dataDir, "demo-users.json"))) {
    demoUsers = parse(demoUsersSchema, "demo-users.json", readJson(dir, "demo-users.json", issues), issues) ?? null;
  }
  // Published figures are real data: they load whether or not the demo does.
  const figuresFile = "published-figures.json";
  const figures = existsSync(path.join(dataDir, figuresFile))
    ? (parse(publishedFiguresSchema, figuresFile, readJson(dir, figuresFile, issues), issues) ?? null)
    : null;
  for (const f of [
    "agencies.json",
    "indicators.json",
    ...docFiles,
    ...(figures ? [figuresFile] : []),
    ...(demo ? ["demo-progress.json"] : []),
    ...(demoUsers ? ["demo-users.json"] : []),
  ]) {
    try {
      raw.push(f, readFileSync(path.join(dataDir, f), "utf8"));
    } catch {
      /* reported above */
    }
  }
  if (issues.length) throw new SeedError(issues);
  return { agenciesFile: agenciesFile!, indicatorsFile: indicatorsFile!, docs, demo, demoUsers, figures, raw };
}

/** The shared files first, then definitions a document adds for itself. */
function registries(
  agenciesFile: Loaded["agenciesFile"],
  indicatorsFile: Loaded["indicatorsFile"],
  docs: Loaded["docs"],
  issues: SeedIssue[],
): Registries {
  const agencies = new Map<string, AgencySeed>();
  const groups = new Map<string, GroupSeed>();
  const indicators = new Map<string, IndicatorSeed>();
  const define = <T extends object>(map: Map<string, T>, code: string, value: T, file: string, what: string) => {
    const prev = map.get(code);
    if (prev && !sameDefinition(prev, value)) {
      issues.push({ file, item: `${what} ${code}`, reason: "defined twice with different content" });
    } else map.set(code, value);
  };
  for (const a of agenciesFile.agencies) define(agencies, a.code, a, "seeds/data/agencies.json", "agency");
  for (const g of agenciesFile.groups) define(groups, g.code, g, "seeds/data/agencies.json", "group");
  for (const i of indicatorsFile.indicators) define(indicators, i.code, i, "seeds/data/indicators.json", "indicator");
  for (const d of docs) {
    for (const a of d.agencies) define(agencies, a.code, a, `seeds/data/${d.file}`, "agency");
    for (const g of d.groups) define(groups, g.code, g, `seeds/data/${d.file}`, "group");
    for (const i of d.indicators) define(indicators, i.code, i, `seeds/data/${d.file}`, "indicator");
  }

  return { agencies, groups, indicators };
}

function checkRegistries(
  { agencies, groups, indicators }: Registries,
  agenciesFile: Loaded["agenciesFile"],
  issues: SeedIssue[],
) {
  const aFile = "seeds/data/agencies.json";
  for (const a of agencies.values()) {
    if (a.parent && !agencies.has(a.parent))
      issues.push({ file: aFile, item: `agency ${a.code}`, reason: `parent ${a.parent} is not a known agency` });
  }
  for (const g of groups.values()) {
    for (const m of g.members ?? []) {
      if (!(m.startsWith("@") ? groups.has(m) : agencies.has(m))) {
        issues.push({ file: aFile, item: `group ${g.code}`, reason: `member ${m} is not a known agency or group` });
      }
    }
  }
  agenciesFile.events.forEach((e, i) => {
    for (const c of [...e.from, e.to]) {
      if (!agencies.has(c))
        issues.push({
          file: aFile,
          item: `events[${i}] (${e.from.join("+")} → ${e.to})`,
          reason: `${c} is not a known agency`,
        });
    }
  });
  for (const ind of indicators.values()) {
    if (ind.min != null && ind.max != null && ind.min > ind.max) {
      issues.push({
        file: "seeds/data/indicators.json",
        item: `indicator ${ind.code}`,
        reason: "min is greater than max",
      });
    }
  }
}

/** Every target, task, heading and note of one document: known references, verbatim quotes, lines. */
/**
 * The status method's inputs: a base year cannot postdate the decision, and a coverage share only
 * means something for a per-unit floor.
 */
function checkStatusInputs(file: string, d: Pick<DocumentFile, "document" | "targets">, issues: SeedIssue[]) {
  const { baseYear, issuedOn } = d.document;
  if (baseYear != null && issuedOn && baseYear > Number(issuedOn.slice(0, 4)))
    issues.push({
      file,
      item: "document.baseYear",
      reason: `base year ${baseYear} is after the issue date ${issuedOn}`,
    });
  for (const t of d.targets) {
    const perUnit = t.scope.kind === "EACH" || (t.scope.kind === "GOV_LEVEL" && t.scope.level === "CENTRAL_PROVINCE");
    if (t.minCoverage != null && !perUnit)
      issues.push({ file, item: `target ${t.id}`, reason: "minCoverage is only for per-unit targets" });
    if (baseYear != null && t.year < baseYear)
      issues.push({ file, item: `target ${t.id}`, reason: `year ${t.year} is before the base year ${baseYear}` });
  }
}

function checkDocument(
  dir: string,
  d: Loaded["docs"][number],
  { agencies, groups, indicators }: Registries,
  { docKeys, targetIds, taskIds }: { docKeys: Set<string>; targetIds: Set<string>; taskIds: Set<string> },
  issues: SeedIssue[],
) {
  const file = `seeds/data/${d.file}`;
  if (docKeys.has(d.document.key))
    issues.push({ file, item: "document", reason: `key ${d.document.key} is used by another file` });
  docKeys.add(d.document.key);
  const source = path.join(dir, "documents", d.document.sourceFile);
  if (!existsSync(source)) {
    issues.push({
      file,
      item: "document.sourceFile",
      reason: `seeds/documents/${d.document.sourceFile} does not exist`,
    });
    return;
  }
  checkDocumentText(
    file,
    d,
    readFileSync(source, "utf8"),
    { agencies, groups, indicators },
    { targetIds, taskIds },
    issues,
  );
}

/**
 * A document's targets, commitments, task table and notes against its text: every quote and cell
 * verbatim near its line, known indicators and agencies, unique ids. The seed files and the
 * browser's publication are checked by this one function.
 */
export function checkDocumentText(
  file: string,
  d: Pick<DocumentFile, "document" | "targets" | "commitments" | "taskTable" | "dataQualityNotes">,
  sourceText: string,
  { agencies, groups, indicators }: Registries,
  { targetIds, taskIds }: { targetIds: Set<string>; taskIds: Set<string> },
  issues: SeedIssue[],
) {
  checkStatusInputs(file, d, issues);
  const text = new NormalisedText(sourceText);
  const lineCount = sourceText.split("\n").length;
  const verbatim = (item: string, field: string, value: string | null | undefined, nearLine?: number) => {
    if (!value) return;
    const lines = text.findLines(value);
    if (lines.length === 0) {
      issues.push({
        file,
        item,
        reason: `${field} is not found verbatim in ${d.document.sourceFile}: "${value.slice(0, 80)}${value.length > 80 ? "…" : ""}"`,
      });
    } else if (nearLine !== undefined && !lines.some((l) => Math.abs(l - nearLine) <= 3)) {
      issues.push({ file, item, reason: `${field} is found at line ${lines.join(", ")}, not near line ${nearLine}` });
    }
  };

  d.targets.forEach((t) => {
    const item = `target ${t.id}`;
    if (targetIds.has(t.id)) issues.push({ file, item, reason: "id is used twice" });
    targetIds.add(t.id);
    const ind = indicators.get(t.indicator);
    if (!ind) issues.push({ file, item, reason: `indicator ${t.indicator} is not defined` });
    else if ((ind.min != null && t.value < ind.min) || (ind.max != null && t.value > ind.max)) {
      issues.push({
        file,
        item,
        reason: `value ${t.value} is outside the indicator's bounds ${ind.min ?? "−∞"}…${ind.max ?? "∞"}`,
      });
    }
    if (t.line > lineCount)
      issues.push({ file, item, reason: `line ${t.line} is past the end of the document (${lineCount} lines)` });
    verbatim(item, "quote", t.quote, t.line);
  });
  d.commitments.forEach((c) => verbatim(`commitment ${c.id}`, "quote", c.quote, c.line));

  const table = d.taskTable;
  const headingCodes = table
    ? checkTaskTable(file, table, sourceText, verbatim, { agencies, groups }, taskIds, issues)
    : new Set<string>();

  const subjects = new Set<string>([
    "document",
    ...d.targets.map((t) => `target:${t.id}`),
    ...d.commitments.map((c) => `commitment:${c.id}`),
    ...(table?.tasks ?? []).map((t) => `task:${t.id}`),
    ...[...headingCodes].map((c) => `heading:${c}`),
    ...[...indicators.keys()].map((c) => `indicator:${c}`),
    ...[...agencies.keys()].map((c) => `agency:${c}`),
  ]);
  d.dataQualityNotes.forEach((n, i) => {
    const item = `dataQualityNotes[${i}] (${n.subject})`;
    if (!subjects.has(n.subject)) issues.push({ file, item, reason: `subject ${n.subject} does not exist` });
    verbatim(item, "evidence", n.evidence);
  });
}

function checkDemo(
  demo: DemoProgress | null,
  demoUsers: DemoUsers | null,
  { agencies, indicators }: Registries,
  taskIds: Set<string>,
  issues: SeedIssue[],
) {
  if (demo) {
    const file = "seeds/data/demo-progress.json";
    demo.observations.forEach((o, i) => {
      const item = `observations[${i}] (${o.indicator} ${o.year}Q${o.quarter})`;
      const ind = indicators.get(o.indicator);
      if (!ind) issues.push({ file, item, reason: `indicator ${o.indicator} is not defined` });
      else if ((ind.min != null && o.value < ind.min) || (ind.max != null && o.value > ind.max)) {
        issues.push({ file, item, reason: `value ${o.value} is outside the indicator's bounds` });
      }
      if (!agencies.has(o.agency)) issues.push({ file, item, reason: `agency ${o.agency} is not defined` });
    });
    demo.assignments.forEach((a, i) => {
      const item = `assignments[${i}] (${a.indicator} → ${a.agency})`;
      if (!indicators.has(a.indicator)) issues.push({ file, item, reason: `indicator ${a.indicator} is not defined` });
      if (!agencies.has(a.agency)) issues.push({ file, item, reason: `agency ${a.agency} is not defined` });
    });
    demo.taskProgress.forEach((p, i) => {
      const item = `taskProgress[${i}] (${p.task})`;
      if (!taskIds.has(p.task)) issues.push({ file, item, reason: `task ${p.task} is not defined` });
      if (!agencies.has(p.agency)) issues.push({ file, item, reason: `agency ${p.agency} is not defined` });
    });
  }

  demoUsers?.users.forEach((u, i) => {
    if (!agencies.has(u.agency))
      issues.push({
        file: "seeds/data/demo-users.json",
        item: `users[${i}] (${u.email})`,
        reason: `agency ${u.agency} is not defined`,
      });
  });
}

/** The task table: unique codes, rows where the pattern says rows start, verbatim cells, known agencies. Returns the heading codes. */
function checkTaskTable(
  file: string,
  table: NonNullable<DocumentFile["taskTable"]>,
  sourceText: string,
  verbatim: (item: string, field: string, value: string | null | undefined, nearLine?: number) => void,
  { agencies, groups }: Pick<Registries, "agencies" | "groups">,
  taskIds: Set<string>,
  issues: SeedIssue[],
): Set<string> {
  const headingCodes = new Set<string>();
  let pattern: RegExp | null = null;
  try {
    pattern = new RegExp(table.rowStartPattern);
  } catch (e) {
    issues.push({
      file,
      item: "taskTable.rowStartPattern",
      reason: `not a valid regular expression: ${(e as Error).message}`,
    });
  }
  const sourceLines = sourceText.split("\n");
  for (const h of table.headings) {
    if (headingCodes.has(h.code)) issues.push({ file, item: `heading ${h.code}`, reason: "code is used twice" });
    headingCodes.add(h.code);
    verbatim(`heading ${h.code}`, "title", h.title, h.line);
  }
  for (const t of table.tasks) {
    const item = `task ${t.id}`;
    if (taskIds.has(t.id)) issues.push({ file, item, reason: "id is used twice" });
    taskIds.add(t.id);
    if (t.heading && !headingCodes.has(t.heading))
      issues.push({ file, item, reason: `heading ${t.heading} is not defined` });
    if (t.line < table.firstLine || t.line > table.lastLine)
      issues.push({ file, item, reason: `line ${t.line} is outside the task table` });
    else if (pattern && !pattern.test(sourceLines[t.line - 1] ?? "")) {
      issues.push({ file, item, reason: `line ${t.line} does not start a row (rowStartPattern)` });
    }
    verbatim(item, "title", t.title);
    verbatim(item, "product", t.product);
    verbatim(item, "leadRaw", t.leadRaw);
    verbatim(item, "partnersRaw", t.partnersRaw);
    verbatim(item, "deadlineRaw", t.deadlineRaw);
    for (const code of [...t.leads, ...t.partners]) {
      if (!(code.startsWith("@") ? groups.has(code) : agencies.has(code))) {
        issues.push({ file, item, reason: `agency ${code} is not defined` });
      }
    }
    if (t.deadline.kind === "PERIOD" && t.deadline.from > t.deadline.to) {
      issues.push({ file, item, reason: "deadline period ends before it starts" });
    }
  }
  return headingCodes;
}

/** Known indicator and source, the number as printed inside the verbatim quote, bounds, and revisions that point at a figure they revise. */
function checkFigures(figures: PublishedFigures, { indicators }: Registries, issues: SeedIssue[]) {
  const file = "seeds/data/published-figures.json";
  const sources = new Set<string>();
  for (const s of figures.sources) {
    if (sources.has(s.code)) issues.push({ file, item: `source ${s.code}`, reason: "code is used twice" });
    sources.add(s.code);
  }
  const releases = new Map<string, Set<string>>();
  const keys = new Set<string>();
  figures.figures.forEach((f) => {
    const series = `${f.indicator}|${f.source}|${f.period}`;
    (releases.get(series) ?? releases.set(series, new Set()).get(series)!).add(`${f.release.url}|${f.release.date}`);
  });
  figures.figures.forEach((f, i) => {
    const item = `figures[${i}] (${f.indicator} ${f.source} ${f.period})`;
    const ind = indicators.get(f.indicator);
    if (!ind) issues.push({ file, item, reason: `indicator ${f.indicator} is not defined` });
    else if ((ind.min != null && f.value < ind.min) || (ind.max != null && f.value > ind.max)) {
      issues.push({ file, item, reason: `value ${f.value} is outside the indicator's bounds` });
    }
    if (!sources.has(f.source)) issues.push({ file, item, reason: `source ${f.source} is not declared` });
    if (!f.quote.includes(f.printed))
      issues.push({ file, item, reason: `the number as printed ("${f.printed}") is not in the quote` });
    const key = figureKey(f);
    if (keys.has(key)) issues.push({ file, item, reason: "the same release gives this period twice" });
    keys.add(key);
    if (f.revises) {
      if (f.revises.date > f.release.date) issues.push({ file, item, reason: "revises a release published after it" });
      if (!releases.get(`${f.indicator}|${f.source}|${f.period}`)?.has(`${f.revises.url}|${f.revises.date}`)) {
        issues.push({
          file,
          item,
          reason: "revises a release that gives no figure for this indicator, source and period",
        });
      }
    }
  });
}
