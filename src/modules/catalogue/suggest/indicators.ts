// Which catalogue indicator a threshold measures: the words of the phrase around it against each
// indicator's Vietnamese name (without diacritics), restricted to indicators of a compatible kind
// and unit; below a floor, a new indicator is proposed from the phrase. Pure.
import type { IndicatorSeed } from "@/server/seed/schema";
import { fold, slug } from "./text";
import type { Threshold, ThresholdKind } from "./thresholds";

/** Words that say nothing about what is measured. */
const STOP = new Set(
  "ty le trong cua va cac duoc co cho nhung mot nay tai ve voi theo den tu tren dat o muc la hoac khi de da se the nhu thi phai bao gom xep hang thu".split(
    " ",
  ),
);

/**
 * Abbreviations and English terms common in Vietnamese policy texts, read as the words an
 * indicator's name uses.
 */
const EXPANSIONS: [RegExp, string][] = [
  [/\bsmes?\b/g, "doanh nghiep nho va vua"],
  [/\bdnnvv\b/g, "doanh nghiep nho va vua"],
  [/\bcqnn\b/g, "co quan nha nuoc"],
  [/\bdvctt\b/g, "dich vu cong truc tuyen"],
  [/\bdvc\b/g, "dich vu cong"],
  [/\btthc\b/g, "thu tuc hanh chinh"],
  [/\btmdt\b/g, "thuong mai dien tu"],
  [/\bcntt\b/g, "cong nghe thong tin"],
  [/\bktxh\b/g, "kinh te xa hoi"],
  [/\bdh\b/g, "dai hoc"],
  [/\bcpdt\b/g, "chinh phu dien tu"],
  [/\bcps\b/g, "chinh phu so"],
  [/\bbang thong rong\b/g, "bang rong"],
  [/\bper capita\b/g, "binh quan dau nguoi"],
  [/\bre-?skills?\b/g, "dao tao lai"],
  [/\bup-?skills?\b/g, "nang cao ky nang"],
  [/\bict\b/g, "ict cong nghe thong tin va truyen thong"],
];

/** Words of a text for matching: folded, abbreviations expanded, "1GBps" read as "1 gbps". */
function matchWords(s: string): string[] {
  let f = fold(s);
  for (const [re, to] of EXPANSIONS) f = f.replace(re, ` ${to} `);
  return f
    .replace(/(\d)([a-z])/g, "$1 $2")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Acronyms an indicator's name gives in brackets ("(EGDI)", "(GCI)"): a strong clue when quoted. */
function acronyms(s: string): string[] {
  return [...s.matchAll(/\(([A-Z]{2,6})\)/g)].map((m) => m[1].toLowerCase());
}

/** Region words: an indicator about a region is not the world ranking, and the other way round. */
const REGION = /\b(asean|dong nam a|chau a|khu vuc)\b/;

const COMPATIBLE: Record<ThresholdKind, IndicatorSeed["kind"][]> = {
  PERCENT: ["PERCENT"],
  RATE_PER_YEAR: ["RATE_PER_YEAR"],
  RANK: ["RANK"],
  COUNT: ["COUNT", "AMOUNT"],
  AMOUNT: ["AMOUNT", "COUNT"],
};

/** Below this score the phrase is not taken to name the indicator. */
export const MATCH_FLOOR = 0.5;

type Prepared = { ind: IndicatorSeed; uni: string[]; bi: string[]; acr: string[]; region: boolean };
type Vocabulary = { uni: Set<string>; bi: Set<string>; text: string };

export class IndicatorMatcher {
  private readonly prepared: Prepared[];
  private readonly weight: Map<string, number>;

  constructor(readonly indicators: IndicatorSeed[]) {
    this.prepared = indicators.map((ind) => {
      const w = matchWords(ind.nameVi);
      return {
        ind,
        uni: [...new Set(w.filter((x) => !STOP.has(x)))],
        bi: bigrams(w),
        acr: acronyms(ind.nameVi),
        region: REGION.test(fold(ind.nameVi)),
      };
    });
    // Words many indicators share ("ty", "dich vu") tell them apart less than rare ones ("asean").
    const df = new Map<string, number>();
    for (const p of this.prepared) for (const x of p.uni) df.set(x, (df.get(x) ?? 0) + 1);
    const n = this.prepared.length || 1;
    this.weight = new Map([...df].map(([x, d]) => [x, (1 + Math.log(n / d)) ** 2]));
  }

  /**
   * Catalogue indicators ranked by how well `context` names them, best first (score 0…1). The
   * sentence's own words decide; when none reaches the floor, the heading and the paragraphs
   * under it (`section`) may help a terse item ("nhóm 50 nước dẫn đầu về chỉ số tổng thể"), for
   * less.
   */
  rank(
    context: string,
    t: Pick<Threshold, "kind" | "unit">,
    section = "",
    head = "",
  ): { code: string; score: number }[] {
    const candidates = this.prepared.filter((p) => COMPATIBLE[t.kind].includes(p.ind.kind));
    const own = this.vocabulary(context);
    // "100% bộ, ngành, địa phương …" counts ministries and provinces: an indicator whose name
    // never mentions what the share is of is a weaker match, whatever else the sentence shares.
    const counted = matchWords(head)
      .filter((w) => !STOP.has(w))
      .slice(0, 2);
    const ofWhat = (p: Prepared) => !counted.length || counted.some((w) => p.uni.includes(w));
    let ranked = candidates.map((p) => ({ code: p.ind.code, score: this.score(p, own, t) * (ofWhat(p) ? 1 : 0.7) }));
    if (section && !ranked.some((r) => r.score >= MATCH_FLOOR)) {
      const wide = this.vocabulary(`${context} ${section}`);
      ranked = candidates.map((p, i) => ({
        code: p.ind.code,
        score: Math.max(ranked[i].score, 0.85 * this.score(p, wide, t) * (ofWhat(p) ? 1 : 0.7)),
      }));
    }
    return ranked.sort((a, b) => b.score - a.score);
  }

  private score(p: Prepared, v: Vocabulary, t: Pick<Threshold, "kind" | "unit">): number {
    const total = p.uni.reduce((s, x) => s + (this.weight.get(x) ?? 1), 0);
    const uniHit = total
      ? p.uni.filter((x) => v.uni.has(x)).reduce((s, x) => s + (this.weight.get(x) ?? 1), 0) / total
      : 0;
    const biHit = p.bi.length ? p.bi.filter((x) => v.bi.has(x)).length / p.bi.length : 0;
    let score = 0.5 * uniHit + 0.5 * biHit;
    if (p.acr.some((a) => v.uni.has(a))) score += 0.3;
    if (t.kind === "RANK" && p.region !== REGION.test(v.text)) score *= 0.6;
    if (t.kind === "COUNT" || t.kind === "AMOUNT") {
      // A count names its noun: "1000 chuyên gia" is not the indicator counted in "đơn vị".
      score += fold(p.ind.unit) === fold(t.unit) ? 0.25 : -0.15;
    }
    if (t.kind === "RATE_PER_YEAR" && p.ind.kind === "RATE_PER_YEAR") score += 0.1;
    return Math.max(0, Math.min(1, score));
  }

  private vocabulary(text: string): Vocabulary {
    const w = matchWords(text);
    return { uni: new Set(w), bi: new Set(bigrams(w)), text: w.join(" ") };
  }

  pillarOf(code: string): IndicatorSeed["pillar"] | undefined {
    return this.indicators.find((i) => i.code === code)?.pillar;
  }
}

function bigrams(w: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < w.length; i++) {
    if (STOP.has(w[i]) && STOP.has(w[i + 1])) continue;
    out.push(`${w[i]} ${w[i + 1]}`);
  }
  return [...new Set(out)];
}

const PILLAR_WORDS: [IndicatorSeed["pillar"], RegExp][] = [
  [
    "DIGITAL_GOVERNMENT",
    /chinh phu|dich vu cong|thu tuc hanh chinh|co quan nha nuoc|cong chuc|vien chuc|ho so cong viec|chinh quyen/,
  ],
  ["FOUNDATION", /bang rong|cap quang|5g|4g|ha tang|an toan thong tin|an ninh mang|trung tam du lieu|internet|di dong/],
  ["DIGITAL_ECONOMY", /kinh te so|doanh nghiep|thuong mai dien tu|gdp|nang suat|xuat khau|cong nghiep|thanh toan/],
  ["DIGITAL_SOCIETY", /dan so|nguoi dan|ky nang so|y te|giao duc|suc khoe|hoc sinh|sinh vien|cong dan/],
];

/** The pillar the words of a phrase point to, or undefined when they point nowhere. */
export function guessPillar(text: string): IndicatorSeed["pillar"] | undefined {
  const f = fold(text);
  return PILLAR_WORDS.find(([, re]) => re.test(f))?.[0];
}

const KIND_SUFFIX: Record<ThresholdKind, string> = {
  PERCENT: "share",
  RATE_PER_YEAR: "growth",
  RANK: "rank",
  COUNT: "count",
  AMOUNT: "amount",
};

/**
 * A new indicator named from the phrase that states the threshold. Its English name is a
 * placeholder the editor must write (the caller says so in a warning).
 */
export function proposeIndicator(
  subject: string,
  t: Pick<Threshold, "kind" | "unit" | "comparator">,
  pillar: IndicatorSeed["pillar"],
  taken: Set<string>,
): IndicatorSeed {
  const s = subject.replace(/\s+/g, " ").trim();
  const f = fold(s);
  let nameVi: string;
  if (t.kind === "RANK") nameVi = /^(xep hang|thu hang)/.test(f) ? s : `Xếp hạng ${s}`;
  else if (t.kind === "COUNT" || t.kind === "AMOUNT") nameVi = /^so\b/.test(f) ? s : `Số ${s}`;
  else if (t.kind === "RATE_PER_YEAR") nameVi = /^(toc do|muc tang)/.test(f) ? s : `Tốc độ tăng ${s}`;
  else nameVi = /^(ty le|ty trong)/.test(f) ? s : `Tỷ lệ ${s}`;
  nameVi = nameVi.charAt(0).toUpperCase() + nameVi.slice(1);
  const stem = slug(s.replace(/^(tỷ lệ|tỷ trọng|số|xếp hạng|thứ hạng)\s+/i, ""), 5) || "indicator";
  let code = `${stem}-${KIND_SUFFIX[t.kind]}`;
  for (let n = 2; taken.has(code); n++) code = `${stem}-${KIND_SUFFIX[t.kind]}-${n}`;
  taken.add(code);
  const percent = t.kind === "PERCENT";
  return {
    code,
    nameVi,
    nameEn: `TODO (English name): ${nameVi}`,
    pillar,
    kind: t.kind === "RATE_PER_YEAR" ? "RATE_PER_YEAR" : t.kind,
    unit: t.unit,
    direction:
      t.kind === "RANK" || t.comparator === "LT" || t.comparator === "LTE" ? "LOWER_IS_BETTER" : "HIGHER_IS_BETTER",
    periodicity: "YEAR",
    min: t.kind === "RANK" ? 1 : t.kind === "RATE_PER_YEAR" ? null : 0,
    max: percent ? 100 : null,
    descriptionVi: null,
    descriptionEn: null,
  };
}
