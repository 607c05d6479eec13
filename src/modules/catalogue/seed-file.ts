// The catalogue as seed files (seeds/FORMAT.md): a published document read back from its rows,
// and a browser draft turned into the file the seed import writes. Seeds and the browser are two
// doors to one catalogue; both go through the same import (src/server/seed/import.ts).
import type { DocFile } from "@/server/seed/import";
import type { DocumentFile } from "@/server/seed/schema";

export type TargetData = DocumentFile["targets"][number];
export type TaskData = NonNullable<DocumentFile["taskTable"]>["tasks"][number];
type Deadline = TaskData["deadline"];
export type HeadingData = NonNullable<DocumentFile["taskTable"]>["headings"][number];
export type DocumentMeta = DocumentFile["document"];
export type TaskTableMeta = { firstLine: number; lastLine: number; rowStartPattern: string; headings: HeadingData[] };

/** What a document's rows hold, as read by queries.exportRows. */
export type DocumentRows = {
  document: {
    key: string;
    sourceFile: string;
    numberPrinted: string | null;
    numberCanonical: string | null;
    kind: DocumentMeta["kind"];
    inForce: boolean;
    issuedOn: Date | null;
    baseYear: number | null;
    issuer: string | null;
    titleVi: string;
    titleEn: string;
    summaryVi: string | null;
    summaryEn: string | null;
    relatedKeys: string[];
    supersedesKeys: string[];
    taskTable: unknown;
  };
  targets: {
    key: string;
    indicator: { code: string };
    year: number;
    comparator: TargetData["comparator"];
    value: number;
    scopeKind: string;
    scopeLevel: string | null;
    scopeOf: string | null;
    scopeLabel: string | null;
    clause: string;
    line: number;
    quote: string;
    approximate: boolean;
    minCoverage: number | null;
    noteVi: string | null;
    noteEn: string | null;
  }[];
  commitments: {
    key: string;
    year: number | null;
    pillar: string | null;
    clause: string | null;
    line: number;
    quote: string;
    titleEn: string | null;
  }[];
  headings: { code: string; title: string; line: number }[];
  tasks: {
    key: string;
    heading: { code: string } | null;
    numberPrinted: string | null;
    line: number;
    title: string;
    product: string | null;
    leadRaw: string | null;
    partnersRaw: string | null;
    deadlineRaw: string | null;
    deadlineKind: string;
    deadlineYear: number | null;
    deadlineQuarter: number | null;
    deadlineFrom: number | null;
    deadlineTo: number | null;
    deadlineEvery: string | null;
    agencies: { role: string; position: number; agency: { code: string } | null; groupCode: string | null }[];
  }[];
  notes: {
    subjectType: string;
    subjectKey: string;
    kind: string;
    line: number | null;
    evidence: string | null;
    noteVi: string;
    noteEn: string;
  }[];
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function scopeOf(t: DocumentRows["targets"][number]): TargetData["scope"] {
  const label = t.scopeLabel ?? undefined;
  switch (t.scopeKind) {
    case "GOV_LEVEL":
      return { kind: "GOV_LEVEL", level: t.scopeLevel as "CENTRAL_PROVINCE", ...(label ? { label } : {}) };
    case "EACH":
      return { kind: "EACH", of: t.scopeOf ?? "OTHER", ...(label ? { label } : {}) };
    case "SUBGROUP":
      return { kind: "SUBGROUP", label: label ?? "" };
    default:
      return { kind: "NATIONAL" };
  }
}

function deadlineOf(t: DocumentRows["tasks"][number]): Deadline {
  switch (t.deadlineKind) {
    case "QUARTER":
      return { kind: "QUARTER", year: t.deadlineYear!, quarter: t.deadlineQuarter! };
    case "YEAR":
      return { kind: "YEAR", year: t.deadlineYear! };
    case "PERIOD":
      return { kind: "PERIOD", from: t.deadlineFrom!, to: t.deadlineTo! };
    case "RECURRING":
      return { kind: "RECURRING", every: t.deadlineEvery as "YEAR" };
    default:
      return { kind: "NONE" };
  }
}

const SUBJECT_PREFIX: Record<string, string> = {
  TARGET: "target",
  TASK: "task",
  HEADING: "heading",
  COMMITMENT: "commitment",
  INDICATOR: "indicator",
  AGENCY: "agency",
};

/** A document's rows as its seed file: what `npm run db:seed` imports back to the same rows. */
export function rowsToSeedFile(r: DocumentRows): DocFile {
  const d = r.document;
  const table = d.taskTable as { firstLine: number; lastLine: number; rowStartPattern: string } | null;
  const codes = (t: DocumentRows["tasks"][number], role: string) =>
    t.agencies
      .filter((a) => a.role === role)
      .sort((a, b) => a.position - b.position)
      .map((a) => a.groupCode ?? a.agency!.code);
  return {
    document: {
      key: d.key,
      sourceFile: d.sourceFile,
      numberPrinted: d.numberPrinted,
      numberCanonical: d.numberCanonical,
      kind: d.kind,
      inForce: d.inForce,
      issuedOn: day(d.issuedOn),
      ...(d.baseYear != null ? { baseYear: d.baseYear } : {}),
      issuer: d.issuer,
      titleVi: d.titleVi,
      titleEn: d.titleEn,
      summaryVi: d.summaryVi,
      summaryEn: d.summaryEn,
      relatedTo: d.relatedKeys,
      ...(d.supersedesKeys.length ? { supersedes: d.supersedesKeys } : {}),
    },
    indicators: [],
    agencies: [],
    groups: [],
    targets: r.targets.map((t) => ({
      id: t.key,
      indicator: t.indicator.code,
      year: t.year,
      comparator: t.comparator,
      value: t.value,
      scope: scopeOf(t),
      clause: t.clause,
      line: t.line,
      quote: t.quote,
      approximate: t.approximate,
      ...(t.minCoverage != null ? { minCoverage: t.minCoverage } : {}),
      noteVi: t.noteVi,
      noteEn: t.noteEn,
    })),
    commitments: r.commitments.map((c) => ({
      id: c.key,
      year: c.year,
      pillar: c.pillar as "DIGITAL_ECONOMY" | null,
      clause: c.clause,
      line: c.line,
      quote: c.quote,
      titleEn: c.titleEn,
    })),
    taskTable: table
      ? {
          firstLine: table.firstLine,
          lastLine: table.lastLine,
          rowStartPattern: table.rowStartPattern,
          headings: r.headings.map((h) => ({ code: h.code, title: h.title, line: h.line })),
          tasks: r.tasks.map((t) => ({
            id: t.key,
            heading: t.heading?.code ?? null,
            numberPrinted: t.numberPrinted,
            line: t.line,
            title: t.title,
            product: t.product,
            leadRaw: t.leadRaw,
            leads: codes(t, "LEAD"),
            partnersRaw: t.partnersRaw,
            partners: codes(t, "PARTNER"),
            deadlineRaw: t.deadlineRaw,
            deadline: deadlineOf(t),
          })),
        }
      : null,
    dataQualityNotes: r.notes.map((n) => ({
      subject: n.subjectType === "DOCUMENT" ? "document" : `${SUBJECT_PREFIX[n.subjectType]}:${n.subjectKey}`,
      kind: n.kind,
      line: n.line,
      evidence: n.evidence,
      noteVi: n.noteVi,
      noteEn: n.noteEn,
    })),
  };
}

/** A draft's accepted items as the seed file its publication imports. */
export function draftToSeedFile(draft: {
  meta: DocumentMeta;
  taskTable: TaskTableMeta | null;
  targets: TargetData[];
  tasks: TaskData[];
}): DocFile {
  const used = new Set(draft.tasks.map((t) => t.heading).filter(Boolean));
  return {
    document: { ...draft.meta, sourceFile: `${draft.meta.key}.txt` },
    indicators: [],
    agencies: [],
    groups: [],
    targets: draft.targets,
    commitments: [],
    taskTable:
      draft.taskTable && draft.tasks.length
        ? {
            ...draft.taskTable,
            // A heading no accepted row sits under is left out, with the rows it would have held.
            headings: draft.taskTable.headings.filter(
              (h) => used.has(h.code) || draft.tasks.some((t) => t.heading?.startsWith(`${h.code}.`)),
            ),
            tasks: draft.tasks,
          }
        : null,
    dataQualityNotes: [],
  };
}
