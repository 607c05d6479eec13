// Vietnamese threshold wording → comparator, value and unit (seeds/FORMAT.md, "Wording →
// comparator"). Works on one sentence; offsets are the sentence's. Pure.
import { fold, parseViNumber } from "./text";

export type Comparator = "GT" | "GTE" | "EQ" | "LTE" | "LT";
export type ThresholdKind = "PERCENT" | "RATE_PER_YEAR" | "RANK" | "COUNT" | "AMOUNT";

export type Threshold = {
  /** Offsets of the number and its unit ("80%", "1000 chuyên gia", "nhóm 50 nước"). */
  start: number;
  end: number;
  printed: string;
  value: number;
  comparator: Comparator;
  approximate: boolean;
  kind: ThresholdKind;
  /** "%", "%/năm", "hạng", or the counted noun as printed ("doanh nghiệp", "thuê bao/100 dân"). */
  unit: string;
  /** Stated by a wording that marks a threshold by itself (a comparator, a rank, a range, a rate). */
  explicit: boolean;
  /** "từ 10 đến 15", "5-7": the lower bound is the value. */
  range: { from: number; to: number } | null;
  /** "giảm 30%": the value is a reduction. */
  reduction: boolean;
  ambiguousNumber: boolean;
};

/** Nouns a count is stated in (folded, longest first where they share a start). */
const COUNT_NOUNS = [
  "doanh nghiep",
  "chuyen gia",
  "don vi",
  "nguoi",
  "lao dong",
  "diem",
  "tap doan",
  "san pham",
  "thue bao",
  "nen tang",
  "bac",
  "co so du lieu",
  "co so",
  "dich vu",
  "ung dung",
  "ky su",
  "sinh vien",
  "hoc vien",
  "can bo",
  "trung tam",
  "do thi",
  "tram",
  "startup",
  "start-up",
  "du an",
  "ho gia dinh",
  "ho kinh doanh",
  "truong",
  "benh vien",
  "phong thi nghiem",
  "hop tac xa",
  "cong trinh",
  "bai bao",
  "sang che",
  "bang sang che",
].sort((a, b) => b.length - a.length);
const CURRENCIES = ["usd", "dong", "vnd"];
/** Words after a number that date or count occurrences rather than measure. */
const TIME_WORDS = new Set([
  "nam",
  "thang",
  "ngay",
  "quy",
  "lan",
  "gio",
  "phut",
  "tuan",
  "giai",
  "ky",
  "cap",
  "muc",
  "so",
]);
const SCALES: Record<string, number> = { nghin: 1e3, ngan: 1e3, trieu: 1e6, ty: 1e9 };

const NUMBER_RE = /(?<![\p{L}\p{N}/.,])\d+(?:[.,]\d+)*(?![\p{L}\p{N}]|\/\d)/gu;

type Found = Omit<Threshold, "comparator" | "approximate" | "explicit">;

function readUnit(sentence: string, f: string, at: number, value: number): Found | null {
  const rest = f.slice(at);
  let m = /^\s?(%|phan tram)/.exec(rest);
  if (m) {
    let end = at + m[0].length;
    const perYear = /^\s?\/\s?nam/.exec(f.slice(end));
    if (perYear) end += perYear[0].length;
    return base(perYear ? "RATE_PER_YEAR" : "PERCENT", perYear ? "%/năm" : "%", end);
  }
  m = /^\s(nghin|ngan|trieu|ty)\b/.exec(rest);
  let scale = 1;
  let unitAt = at;
  if (m) {
    scale = SCALES[m[1]];
    unitAt = at + m[0].length;
  }
  const after = f.slice(unitAt);
  for (const c of CURRENCIES) {
    const cm = new RegExp(`^\\s${c}\\b`).exec(after);
    if (cm) {
      const end = unitAt + cm[0].length;
      // Money keeps the scale in its unit ("100 tỷ USD"): that is how such targets are read.
      return base("AMOUNT", sentence.slice(at, end).trim(), end);
    }
  }
  for (const noun of COUNT_NOUNS) {
    if (after.startsWith(` ${noun}`) && !/^[a-z0-9]/.test(after.slice(noun.length + 1))) {
      let end = unitAt + noun.length + 1;
      let unit = sentence.slice(unitAt + 1, end);
      // "80 thuê bao băng rộng di động/100 dân": a count per population.
      const per = /^[^;,.()]{0,40}?\/\s?(100|1\.?000)\s?(dan|nguoi)\b/.exec(f.slice(end));
      if (per) {
        unit = `${unit}/${per[1]} ${sentence.slice(end + per[0].length - per[2].length, end + per[0].length)}`;
        end += per[0].length;
        return { ...base("AMOUNT", unit, end), value };
      }
      return { ...base("COUNT", unit, end), value: value * scale };
    }
  }
  return null;

  function base(kind: ThresholdKind, unit: string, end: number): Found {
    return {
      start: at,
      end,
      printed: "",
      value,
      kind,
      unit,
      range: null,
      reduction: false,
      ambiguousNumber: false,
    };
  }
}

const GTE_BEFORE =
  /(?:khong it hon|khong thap hon|khong duoi|toi thieu(?: la| o muc| dat)?|it nhat(?: la| dat)?|toi thieu co|it nhat co)\s*$/;
const GT_BEFORE = /(?:^|\s)(?:tren|hon|vuot|cao hon|lon hon|nhieu hon)\s*$/;
const LTE_BEFORE = /(?:khong qua|khong vuot qua|khong cao hon|khong lon hon|toi da(?: la)?)\s*$/;
const LT_BEFORE = /(?:^|\s)(?:duoi|thap hon|it hon|nho hon)\s*$/;
const APPROX_BEFORE = /(?:^|\s)(?:khoang|gan|xap xi|chung|uoc dat|uoc khoang)\s*$/;
const REDUCE_BEFORE = /(?:^|\s)giam(?: it nhat| toi thieu)?\s*$/;
const REDUCE_TO_BEFORE = /(?:^|\s)giam (?:xuong|con)(?: (duoi|con|muc|khong qua))?\s*$/;
const GROW_BEFORE =
  /(?:^|\s)tang(?: truong)?(?: binh quan)?(?: (?:hang|moi) nam)?(?: (?:tren|toi thieu|it nhat|khoang))?\s*$/;

/**
 * Every threshold stated in `sentence`, in order. A number counts when it carries a unit (%, a
 * counted noun, a currency) or sits in a rank phrase ("nhóm 50 nước", "Top 4").
 */
export function findThresholds(sentence: string): Threshold[] {
  const f = fold(sentence);
  const out: Threshold[] = [];
  let consumed = -1;
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(sentence); m; m = NUMBER_RE.exec(sentence)) {
    const at = m.index;
    if (at < consumed) continue;
    const parsed = parseViNumber(m[0]);
    if (!parsed) continue;
    const numEnd = at + m[0].length;
    const before = f.slice(Math.max(0, at - 60), at);

    // Ranks: "nhóm 50 nước dẫn đầu", "Top 4 ASEAN", "thuộc 3 nước dẫn đầu khu vực ASEAN".
    // "nhóm N nước": a rank whatever follows; "nhóm 200 trường đại học hàng đầu": a rank when a
    // "leading" word follows within a few words; "thuộc / trong N nước": only when it follows.
    const afterNum = f.slice(numEnd);
    const leading = /^\s[a-z ]{1,40}?\b(?:dan dau|hang dau|tot nhat|dung dau)\b/.exec(afterNum);
    const rankAfter = /^\s(?:nuoc|quoc gia|nen kinh te)\b/.exec(afterNum) ?? leading;
    const countries = /^\s(?:nuoc|quoc gia|nen kinh te)\b/.test(afterNum) && leading;
    if (
      (/(?:^|\s)nhom(?: cac)?\s*$/.test(before) && rankAfter) ||
      /(?:^|\s)top\s*$/.test(before) ||
      (/(?:^|\s)(?:thuoc|trong)(?: so)?\s*$/.test(before) && countries)
    ) {
      const startWord = before.search(/(?:nhom(?: cac)?|top|thuoc(?: so)?|trong(?: so)?)\s*$/);
      const start = at - (before.length - startWord);
      const end = rankAfter ? numEnd + rankAfter[0].length : numEnd;
      out.push({
        start,
        end,
        printed: sentence.slice(start, end),
        value: parsed.value,
        comparator: "LTE",
        approximate: false,
        kind: "RANK",
        unit: "hạng",
        explicit: true,
        range: null,
        reduction: false,
        ambiguousNumber: parsed.ambiguous,
      });
      consumed = end;
      continue;
    }

    // Ranges: "5-7 tập đoàn", "từ 10 đến 15 bậc", "20 - 25%".
    let range: { from: number; to: number } | null = null;
    let unitFrom = numEnd;
    const dash = /^\s?[-–]\s?(\d+(?:[.,]\d+)*)/.exec(sentence.slice(numEnd));
    const toWord = /^\s(?:den|toi)\s(\d+(?:[.,]\d+)*)/.exec(f.slice(numEnd));
    const r = toWord && /(?:^|\s)tu\s*$/.test(before) ? toWord : dash;
    if (r) {
      const second = parseViNumber(r[1]);
      if (second && second.value > parsed.value && !(parsed.value >= 1900 && parsed.value <= 2100)) {
        range = { from: parsed.value, to: second.value };
        unitFrom = numEnd + r[0].length;
      }
    }

    const found = readUnit(sentence, f, unitFrom, parsed.value);
    let unitless = false;
    let f2: Found;
    const reached = /(?:^|\s)dat(?: (?:khoang|tren|duoi|toi thieu|it nhat|gan|xap xi))?\s*$/.test(before);
    const quantity = (kind: ThresholdKind, unit: string, end: number): Found => ({
      start: at,
      end,
      printed: "",
      value: parsed.value,
      kind,
      unit,
      range: null,
      reduction: false,
      ambiguousNumber: false,
    });
    const prev = out[out.length - 1];
    const word = /^\s([a-z]+)\b/.exec(f.slice(unitFrom));
    if (found) f2 = found;
    else if (prev && (prev.kind === "COUNT" || prev.kind === "AMOUNT") && /(?:dat|la|bo sung|them)\s*$/.test(before)) {
      // "(đến năm 2020 đạt 35,000)": a milestone that repeats the previous count's unit.
      unitless = true;
      f2 = quantity(prev.kind, prev.unit, numEnd);
    } else if (reached && word && !TIME_WORDS.has(word[1]) && !range) {
      // "Tuổi thọ bình quân đạt khoảng 75,5 tuổi": whatever "đạt" reaches is the target's unit.
      const end = unitFrom + word[0].length;
      f2 = quantity("AMOUNT", sentence.slice(unitFrom, end).trim(), end);
    } else if (reached && !word && /\bchi so\b|\bhe so\b/.test(f.slice(0, at)) && !range) {
      // "Chỉ số phát triển con người (HDI) đạt khoảng 0,78": an index value, no unit printed.
      f2 = quantity("AMOUNT", "chỉ số", numEnd);
    } else continue;
    if (range) {
      const scale = parsed.value ? f2.value / parsed.value : 1;
      range = { from: range.from * scale, to: range.to * scale };
    }

    const since = f.slice(Math.max(consumed, 0, at - 60), at);
    const after = f.slice(f2.end);
    let comparator: Comparator = "GTE";
    let approximate = false;
    let explicit = range !== null || f2.kind === "RATE_PER_YEAR";
    let reduction = false;
    if (/^\s?tro len\b/.test(after)) {
      comparator = "GTE";
      explicit = true;
    } else if (/^\s?tro xuong\b/.test(after)) {
      comparator = "LTE";
      explicit = true;
    } else if (LTE_BEFORE.test(since)) {
      comparator = "LTE";
      explicit = true;
    } else if (GTE_BEFORE.test(since)) {
      comparator = "GTE";
      explicit = true;
    } else if (LT_BEFORE.test(since)) {
      comparator = "LT";
      explicit = true;
    } else if (REDUCE_TO_BEFORE.test(since)) {
      const w = REDUCE_TO_BEFORE.exec(since)![1];
      comparator = w === "duoi" ? "LT" : "LTE";
      explicit = true;
    } else if (GT_BEFORE.test(since)) {
      comparator = "GT";
      explicit = true;
    } else if (APPROX_BEFORE.test(since)) {
      explicit = true;
    } else if (REDUCE_BEFORE.test(since) && f2.kind === "PERCENT") {
      reduction = true;
      explicit = true;
    } else if (range === null && f2.value === 100 && f2.kind === "PERCENT") {
      comparator = "EQ";
    } else {
      // "tối thiểu 1000 chuyên gia và 500 đơn vị": a coordinated number shares the comparator.
      const prev = out[out.length - 1];
      const between = f.slice(prev?.end ?? 0, at).trim();
      if (prev && prev.kind === f2.kind && prev.explicit && /^(?:,|va|hoac|,? va)$/.test(between)) {
        comparator = prev.comparator;
        approximate = prev.approximate;
        explicit = true;
      }
    }
    // "khoảng", "gần", "xấp xỉ" (also before another comparator: "khoảng trên"), "phấn đấu đạt".
    if (/(?:^|\s)(?:khoang|gan|xap xi|uoc)(?:\s+(?:tren|duoi|dat))?\s*$/.test(since)) approximate = true;
    if (/\bphan dau\b/.test(f.slice(0, at))) approximate = true;
    if (GROW_BEFORE.test(since) && f2.kind === "PERCENT") {
      explicit = true;
      if (/\b(?:hang nam|moi nam|binh quan)\b/.test(f)) {
        f2.kind = "RATE_PER_YEAR";
        f2.unit = "%/năm";
      }
    }
    const start = at;
    out.push({
      start,
      end: f2.end,
      printed: sentence.slice(start, f2.end),
      value: f2.value,
      comparator,
      approximate,
      kind: f2.kind,
      unit: f2.unit,
      explicit: explicit || unitless,
      range,
      reduction,
      ambiguousNumber: parsed.ambiguous,
    });
    consumed = f2.end;
  }
  return out;
}
