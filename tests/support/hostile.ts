// What tests/integration/hostile-input.test.ts throws at the portal, and how it judges the answer:
// hostile strings, numbers and files, FormData and Request builders, a fingerprint of every table
// a request could write (plus the evidence folder), and the checks that an answer is a clean
// refusal in Vietnamese that leaks nothing internal.
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import pg from "pg";
import { lyingSizesWorkbook, manyRowsWorkbook } from "./xlsx-files";

export const MB = 1024 * 1024;

/** One megabyte of text: far over every length limit of every field. */
export const HUGE = "x".repeat(MB);

/** Strings that are hostile wherever they are sent. */
export const S = {
  nul: "ab\u0000cd",
  /** Clears a terminal that shows the text (logs, CSV opened in a console). */
  ansi: "\u001b[2J\u001b[31mđỏ",
  loneHigh: "abc\ud800",
  loneLow: "\udc00abc",
  zeroWidth: "\u200b\u200c\u200d\u2060\ufeff",
  rtl: "\u202egpj.exe",
  combining: "a\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308",
  emoji: "👩‍👩‍👧‍👦🇻🇳",
  html: "<script>alert(document.cookie)</script>",
  htmlAttr: '"><img src=x onerror=alert(1)>',
  sql: `' OR '1'='1'; DROP TABLE "User"; --`,
  sqlNum: `1; DELETE FROM "Observation"`,
} as const;

/** Values an integer id field must refuse, as a browser form would send them (text). */
export const BAD_IDS: readonly [string, string][] = [
  ["empty", ""],
  ["blank", "   "],
  ["word", "abc"],
  ["NaN", "NaN"],
  ["Infinity", "Infinity"],
  ["-Infinity", "-Infinity"],
  ["negative", "-1"],
  ["zero", "0"],
  ["-0", "-0"],
  ["fraction", "1.5"],
  ["1e309", "1e309"],
  ["over int4", "2147483648"],
  ["unsafe integer", "9007199254740993"],
  ["SQL", S.sqlNum],
  ["HTML", S.html],
  ["zero-width suffix", "1\u200b"],
  ["Arabic-Indic digit", "\u0661"],
  ["full-width digit", "\uff11"],
  ["NUL suffix", "1\u0000"],
];

/** A shorter sample of BAD_IDS for the less central id fields. */
export const SOME_BAD_IDS = BAD_IDS.filter(([k]) =>
  ["word", "NaN", "negative", "zero", "-0", "1e309", "over int4", "SQL", "full-width digit"].includes(k),
);

export type Field = string | File | string[] | undefined;

/** FormData as a browser (or a forged request) sends it; arrays repeat the key; undefined is left out. */
export function formOf(fields: Record<string, Field>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) fd.append(k, x);
    else fd.append(k, v);
  }
  return fd;
}

const enc = (s: string) => new TextEncoder().encode(s);
/** Built once, on first use (700,000 rows take about two seconds to write). */
const once = <T>(make: () => T) => {
  let v: T | undefined;
  return () => (v ??= make());
};
const lyingXlsx = once(() => lyingSizesWorkbook());
const rowsXlsx = once(() => manyRowsWorkbook(700_000));
const withHead = (head: number[], size: number) => {
  const b = new Uint8Array(size);
  b.set(head);
  return b;
};

/** Files: genuine ones and the usual disguises. */
export const FILES = {
  pdf: () => new File([enc("%PDF-1.4\n% minh chung hop le\n")], "minh-chung.pdf", { type: "application/pdf" }),
  empty: () => new File([], "trong.pdf", { type: "application/pdf" }),
  exeAsPdf: () =>
    new File([withHead([0x4d, 0x5a, 0x90, 0x00, 0x03], 4096)], "bao-cao.pdf", { type: "application/pdf" }),
  exe: () => new File([withHead([0x4d, 0x5a, 0x90, 0x00], 4096)], "setup.exe", { type: "application/x-msdownload" }),
  textAsPdf: () => new File([enc("Đây chỉ là văn bản, không phải PDF.")], "van-ban.pdf", { type: "application/pdf" }),
  textAsXlsx: () =>
    new File([enc("Mã chỉ tiêu;Giá trị\nabc;1\n")], "bao-cao.xlsx", {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }),
  exeAsXlsx: () =>
    new File([withHead([0x4d, 0x5a, 0x90, 0x00], 4096)], "bao-cao.xlsx", {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }),
  oleAsXlsx: () => new File([withHead([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 4096)], "bao-cao-cu.xlsx"),
  pngAsJpg: () =>
    new File([withHead([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 256)], "anh.jpg", { type: "image/jpeg" }),
  pdfDoubleExt: () => new File([enc("%PDF-1.4 x")], "bao-cao.pdf.exe", { type: "application/pdf" }),
  pdfNoExt: () => new File([enc("%PDF-1.4 x")], "bao-cao", { type: "application/pdf" }),
  pdfRtlName: () => new File([enc("%PDF-1.4 x")], `bao-cao-${S.rtl}`, { type: "application/pdf" }),
  pdfNulName: () => new File([enc("%PDF-1.4 x")], "bao\u0000cao.pdf", { type: "application/pdf" }),
  pdfAnsiName: () => new File([enc("%PDF-1.4 x")], "bao\u001b[2Jcao.pdf", { type: "application/pdf" }),
  pdfHugeName: () => new File([enc("%PDF-1.4 x")], `${HUGE}.pdf`, { type: "application/pdf" }),
  /** 11 MB behind a genuine PDF signature: over the 10 MB evidence limit. */
  pdf11MB: () =>
    new File([withHead([0x25, 0x50, 0x44, 0x46, 0x2d], 11 * MB)], "qua-lon.pdf", { type: "application/pdf" }),
  /** 6 MB behind a genuine zip signature: over the 5 MB workbook limit. */
  zip6MB: () => new File([withHead([0x50, 0x4b, 0x03, 0x04], 6 * MB)], "qua-lon.xlsx"),
  /** 1 MB whose zip headers claim 10 KB for a sheet that inflates to 1 GB. */
  xlsxLyingSizes: () =>
    new File([Buffer.from(lyingXlsx())], "bao-cao.xlsx", {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }),
  /** 700,000 honest rows in 3.5 MB. */
  xlsx700kRows: () =>
    new File([Buffer.from(rowsXlsx())], "bao-cao.xlsx", {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }),
};

// ---- Judging answers ------------------------------------------------------------------------

/** A Vietnamese letter with a diacritic: the text is Vietnamese, not an English default. */
export const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** Internal text that must never reach a user: stack frames, Prisma, PostgreSQL, Node errors. */
const LEAKS: RegExp[] = [
  /prisma/i,
  /invalid `/i,
  /\n\s+at /,
  /\bat (async )?[\w$.<>]+ \(/,
  /node_modules|\/work\/|file:\/\//,
  /\bP[12]\d{3}\b/,
  /violates|duplicate key|syntax error|invalid input syntax|unsupported unicode|invalid byte sequence|relation "|column "|SQLSTATE/i,
  /\b(TypeError|RangeError|SyntaxError|ReferenceError)\b/,
  /\bE(CONN\w+|ACCES|NOENT)\b/,
  /Unexpected token|is not valid JSON|Cannot read propert/i,
];

/** The first internal-looking fragment of `text`, or null. */
export function leakIn(text: string): string | null {
  for (const re of LEAKS) {
    const m = re.exec(text);
    if (m) return text.slice(Math.max(0, m.index - 40), m.index + 80);
  }
  return null;
}

// ---- Fingerprints: proof that nothing was written --------------------------------------------

/** Every table a server action or route handler can write. */
export const WRITABLE_TABLES = [
  "Observation",
  "ObservationRevision",
  "TaskProgress",
  "TaskProgressRevision",
  "EvidenceFile",
  "ImportBatch",
  "PublishedFigure",
  "AuditLog",
  "User",
  "ReportingPeriod",
  "IndicatorAssignment",
  "StatusOverride",
  "IndicatorStatusSource",
  "LoginAttempt",
  "PublicDataVersion",
  // The catalogue: drafts, their texts, and the published rows revisions edit or retire.
  "CatalogueDraft",
  "CatalogueDraftItem",
  "DocumentText",
  "CatalogueRevision",
  "Document",
  "Indicator",
  "Target",
  "Task",
  "TaskAgency",
  "TaskAssignment",
  // A task's person responsible (append-only) and the notification telling them.
  "TaskOwner",
  "Notification",
  // Notifications, their settings, and the items' conversations.
  "NotificationPreference",
  "ItemComment",
  "ItemFollower",
  // Mail: one-time tokens, the outbox, the jobs that send it, the preferences links change.
  "EmailToken",
  "OutboxMail",
  "Job",
] as const;

const FINGERPRINT_SQL = WRITABLE_TABLES.map(
  (t) =>
    `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`,
).join(" UNION ALL ");

export type Fingerprint = Record<string, string>;

/** Row count and content hash of every writable table, and the files in the evidence folder, in one query. */
export async function fingerprint(c: pg.Client, uploadDir: string): Promise<Fingerprint> {
  const out: Fingerprint = {};
  for (const r of (await c.query(FINGERPRINT_SQL)).rows) out[r.t] = `${r.n}:${r.h}`;
  const files = existsSync(uploadDir) ? readdirSync(uploadDir).sort() : [];
  out.uploads = `${files.length}:${createHash("md5").update(files.join("|")).digest("hex")}`;
  return out;
}

/** Names of what changed between two fingerprints. */
export function changed(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys(after).filter((k) => before[k] !== after[k]);
}
