// The document's own fields from its header: number as printed, date, kind, issuer, title. What the
// header does not say is filled with a placeholder the editor must complete, and flagged. Pure.
import { collapse, fold } from "./text";
import type { Suggestion, SuggestWarning } from "./types";

type DocumentFields = Suggestion["document"];

const NUMBER_RE = /(\d{1,5}(?:\/\d{4})?\s*[-/]\s*(?:QĐ|NQ|CT|NĐ|TT|KH|QH)[-/][A-ZĐa-z0-9]+)/;

// The document type printed alone on its line; "QUYẾT ĐỊNH:" with a colon is the enacting formula.
const TYPES: [RegExp, DocumentFields["kind"]][] = [
  [/^quyet dinh$/, "DECISION"],
  [/^nghi quyet$/, "DECISION"],
  [/^chi thi$/, "DECISION"],
  [/^ke hoach$/, "ACTION_PLAN"],
  [/^chien luoc$/, "STRATEGY"],
  [/^chuong trinh$/, "PROGRAMME"],
];

const ISSUERS: [RegExp, string][] = [
  [/thu tuong chinh phu/, "Thủ tướng Chính phủ"],
  [/ban chap hanh trung uong/, "Ban Chấp hành Trung ương"],
  [/bo chinh tri/, "Bộ Chính trị"],
  [/quoc hoi/, "Quốc hội"],
  [/chinh phu/, "Chính phủ"],
];

function isoDate(d: string, m: string, y: string): string | null {
  const day = Number(d);
  const month = Number(m);
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function documentFields(
  lines: string[],
  opts: { key?: string; sourceFile?: string },
  warnings: SuggestWarning[],
): DocumentFields {
  const head = lines.slice(0, 60);
  const headText = collapse(head.filter((l) => !/^\s*căn cứ\b/i.test(l.trim())).join(" "));
  const warn = (line: number | null, message: string) => warnings.push({ subject: "document", line, message });

  // "Số: 411/QĐ-TTg"; a press copy names it in its text ("đã ký số 749/QĐ-TTg").
  let numberPrinted: string | null = null;
  let numberLine: number | null = null;
  for (let i = 0; i < head.length && !numberPrinted; i++) {
    const m = /\bSố\s*:?\s*(\d{1,5}\s*\/\s*[A-ZĐa-z0-9-]+)/.exec(head[i]);
    if (m) {
      numberPrinted = m[1].trim();
      numberLine = i + 1;
    }
  }
  for (let i = 0; i < Math.min(head.length, 20) && !numberPrinted; i++) {
    if (/^\s*căn cứ\b/i.test(head[i].trim())) continue;
    const m = NUMBER_RE.exec(head[i]);
    if (m) {
      numberPrinted = m[1].trim();
      numberLine = i + 1;
    }
  }
  const numberCanonical = numberPrinted ? numberPrinted.replace(/\s+/g, "") : null;
  if (numberPrinted) warn(numberLine, `The number is read as "${numberPrinted}"; check it against a public source.`);
  else warn(null, "No document number is printed (a draft?); numberPrinted and numberCanonical are null.");
  // An appendix that names the decision differently ("Kèm theo Quyết định số 942/QĐ-TTg").
  lines.forEach((l, i) => {
    const m = /kèm theo\s+(?:quyết định|nghị quyết|kế hoạch)[^\d]{0,40}?(\d{1,5}\s*\/\s*[A-ZĐa-z0-9-]+)/i.exec(l);
    if (m && numberCanonical && m[1].replace(/\s+/g, "") !== numberCanonical)
      warn(i + 1, `This line gives the number as "${m[1]}", the header as "${numberPrinted}"; record the mismatch.`);
  });

  // "Hà Nội, ngày 31 tháng 3 năm 2022"; in a press copy, the date in the sentence naming the number.
  let issuedOn: string | null = null;
  const header =
    /(?:Hà Nội|TP\.? Hồ Chí Minh|[\p{Lu}][\p{L}]+),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(
      headText,
    );
  if (header) issuedOn = isoDate(header[1], header[2], header[3]);
  if (!issuedOn && numberLine) {
    const l = head[numberLine - 1];
    const d =
      /ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/i.exec(l) ??
      /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/i.exec(l);
    if (d) issuedOn = isoDate(d[1], d[2], d[3]);
  }
  if (!issuedOn) warn(null, "No issue date is printed; issuedOn is null.");

  // The document type's line ("QUYẾT ĐỊNH") and the title under it, up to the issuer or "Căn cứ".
  let kind: DocumentFields["kind"] | null = null;
  let titleVi: string | null = null;
  let titleLine: number | null = null;
  for (let i = 0; i < head.length && !kind; i++) {
    const f = fold(head[i].trim());
    const t = TYPES.find(([re]) => re.test(f));
    if (!t) continue;
    kind = t[1];
    const parts: string[] = [];
    for (let j = i + 1; j < head.length && parts.length < 6; j++) {
      const u = head[j].trim();
      if (!u) {
        if (parts.length) break;
        continue;
      }
      const uf = fold(u);
      if (/^(thu tuong chinh phu|chinh phu|can cu|quyet dinh:|bo chinh tri|ban chap hanh)/.test(uf) || /^\|/.test(u))
        break;
      if (!parts.length) titleLine = j + 1;
      parts.push(u);
    }
    if (parts.length) titleVi = collapse(parts.join(" "));
  }
  const folded = fold(lines.slice(0, 80).join(" "));
  if (/\bdu thao\b/.test(folded)) kind = "DRAFT";
  else if (!kind) {
    kind = "PRESS_SUMMARY";
    warn(null, "No document-type heading (QUYẾT ĐỊNH, NGHỊ QUYẾT, …): read as a press summary; check.");
  } else if (kind === "DECISION" && titleVi && /^ban hanh ke hoach/.test(fold(titleVi))) kind = "ACTION_PLAN";
  if (!titleVi && kind === "PRESS_SUMMARY") {
    const first = lines.findIndex((l) => l.trim());
    if (first >= 0) {
      titleVi = collapse(lines[first]);
      titleLine = first + 1;
      warn(titleLine, "The title is the article's headline; write the decision's own title.");
    }
  }
  warn(null, `The kind is read as ${kind}; check it.`);
  if (titleVi && titleVi === titleVi.toUpperCase())
    warn(titleLine, "The title is printed in capitals; write it in sentence case.");
  if (!titleVi) {
    titleVi = "TODO: tiêu đề văn bản";
    warn(null, "No title was found; titleVi is a placeholder to complete.");
  }

  let issuer: string | null = null;
  const fh = fold(headText);
  for (const [re, name] of ISSUERS) {
    if (re.test(fh)) {
      issuer = name;
      break;
    }
  }
  if (!issuer && /\bthu tuong\b/.test(fold(lines.join(" ")))) issuer = "Thủ tướng Chính phủ";

  let key = opts.key ?? null;
  if (!key) {
    const n = numberCanonical ? /^(\d+)/.exec(numberCanonical)?.[1] : null;
    const year = issuedOn?.slice(0, 4);
    key =
      n && year
        ? `${n}-${year}`
        : (opts.sourceFile ?? "document")
            .replace(/\.[a-z]+$/i, "")
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, "-")
            .replace(/^-|-$/g, "") || "document";
    warn(null, `The key "${key}" is derived from the ${n && year ? "number and year" : "file name"}; keep it stable.`);
  }
  warn(null, "titleEn is a placeholder; write the English title (and the summaries if wanted).");

  return {
    key,
    sourceFile: opts.sourceFile ?? "TODO.txt",
    numberPrinted,
    numberCanonical,
    kind,
    inForce: kind !== "DRAFT",
    issuedOn,
    issuer,
    titleVi,
    titleEn: `TODO (English title): ${titleVi}`,
    summaryVi: null,
    summaryEn: null,
    relatedTo: [],
  };
}
