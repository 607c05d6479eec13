// Targets from a document's running text: walks its blocks keeping the heading path (for the
// clause and the year of "Mục tiêu … đến năm 2025"), reads every sentence's thresholds, dates each
// one, finds its scope and its indicator. Pure.
import type { IndicatorSeed } from "@/server/seed/schema";
import { IndicatorMatcher, MATCH_FLOOR, guessPillar, proposeIndicator } from "./indicators";
import { buildBlocks, isGoalHeadingText, type Block } from "./layout";
import { clauses, parenGroups, phraseIds, sentences, yearMentions, type Span } from "./sentences";
import { fold, slug } from "./text";
import { findThresholds, type Threshold } from "./thresholds";
import type { SuggestWarning, TargetProposal } from "./types";

type Scope = TargetProposal["target"]["scope"];

type Heading = { level: number; year: number | null; goal: boolean; title: string };

const LEVEL = { ARTICLE: 0, ROMAN: 1, ARABIC: 2, LETTER: 3 } as const;

/** A sentence that opens with its time: "Đến năm 2030, …", "Cụ thể, tới năm 2025, …". */
const LEAD_YEAR_RE =
  /^\s*(?:(?:cu the|muc tieu|phan dau|theo do|trong do)[\s,]+)*(?:den|toi|vao|trong|cuoi)\s+(?:cuoi\s+)?(?:nam\s+)?((?:19|20)\d{2})\s*[,:]/;
const UNNUMBERED = 9;

function headingYear(text: string): number | null {
  const m = yearMentions(text).find((y) => !y.base);
  if (m) return m.year;
  const any = /\b((?:19|20)\d{2})\b/.exec(text);
  return any ? Number(any[1]) : null;
}

/** A short line without a full stop: a section title rather than a sentence. */
function isHeadingLike(text: string): boolean {
  return text.length <= 120 && !/[.;]["”)]*$/.test(text);
}

/** The walk's state: clause path ("Điều 1, III.1.a") and the headings that date a target. */
class Outline {
  private path: { ARTICLE?: string; ROMAN?: string; ARABIC?: string; LETTER?: string } = {};
  private stack: Heading[] = [];
  /** Paragraphs since the last heading: they often name what the list under them measures. */
  private intro: string[] = [];

  /**
   * The year a sentence opened with ("Đến năm 2030, …", "Cụ thể, tới năm 2025, …"): it dates the
   * sentences after it until the next heading or numbered item.
   */
  leadYear: number | null = null;

  visit(block: Block) {
    const before = this.stack.length;
    const top = this.stack[this.stack.length - 1];
    if ((block.marker && block.marker.kind !== "BULLET") || isHeadingLike(block.text.slice(block.markerEnd)))
      this.leadYear = null;
    this.step(block);
    if (this.stack.length !== before || this.stack[this.stack.length - 1] !== top) this.intro = [];
    else if (!block.marker && !isHeadingLike(block.text) && !/\d/.test(block.text)) this.intro.push(block.text);
  }

  /** Heading titles and the paragraphs under the current heading, for naming an indicator. */
  get context(): string {
    return [...this.stack.map((h) => h.title), ...this.intro.slice(-2)].join(" ").slice(-600);
  }

  private step(block: Block) {
    const body = block.text.slice(block.markerEnd);
    const m = block.marker;
    const goal =
      isGoalHeadingText(body) || (isHeadingLike(body) && /\b(muc tieu|chi tieu|tam nhin)\b/.test(fold(body)));
    if (m && m.kind !== "BULLET") {
      const level = LEVEL[m.kind];
      if (m.kind === "ARTICLE") this.path = { ARTICLE: m.value };
      else if (m.kind === "ROMAN") this.path = { ARTICLE: this.path.ARTICLE, ROMAN: m.value };
      else if (m.kind === "ARABIC") this.path = { ARTICLE: this.path.ARTICLE, ROMAN: this.path.ROMAN, ARABIC: m.value };
      else this.path = { ...this.path, LETTER: m.value };
      this.stack = this.stack.filter((h) => h.level < level);
      if (isHeadingLike(body) || goal)
        this.stack.push({ level, year: goal ? headingYear(body) : null, goal, title: body.replace(/:$/, "") });
      return;
    }
    if (!m && isHeadingLike(body) && (goal || block.upper || /:$/.test(body) || body.length <= 80)) {
      // An unnumbered heading ("Các mục tiêu cơ bản đến năm 2025 của chương trình gồm:") replaces
      // the previous unnumbered one; a title-less capitals line that names no goal changes nothing.
      if (!goal && block.upper) return;
      if (!goal && !/^[\p{Lu}]/u.test(body)) return;
      this.stack = this.stack.filter((h) => h.level < UNNUMBERED);
      if (goal) this.stack.push({ level: UNNUMBERED, year: headingYear(body), goal, title: body.replace(/:$/, "") });
    }
  }

  get inGoal(): boolean {
    return this.stack.some((h) => h.goal);
  }

  get year(): number | null {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i].year) return this.stack[i].year;
    return null;
  }

  clause(line: number): string {
    const p = this.path;
    const dotted = [p.ROMAN, p.ARABIC, p.LETTER].filter(Boolean).join(".");
    if (p.ARTICLE && dotted) return `${p.ARTICLE}, ${dotted}`;
    if (p.ARTICLE || dotted) return p.ARTICLE ?? dotted;
    const goal = [...this.stack].reverse().find((h) => h.goal);
    return goal ? goal.title.slice(0, 100) : `dòng ${line}`;
  }
}

/** The earliest year a goal heading names: the milestone for thresholds stated without one. */
function horizonYear(blocks: Block[]): number | null {
  const years = blocks
    .map((b) => b.text.slice(b.markerEnd))
    .filter((t) => isGoalHeadingText(t))
    .map(headingYear)
    .filter((y): y is number => y !== null);
  return years.length ? Math.min(...years) : null;
}

const GOV_LEVEL_RE = /\bcap (bo|tinh|huyen|xa)\b(?:,? (?:cap )?(tinh|huyen|xa)\b)?/;

function scopeOf(t: Threshold, pre: string, post: string): Scope {
  if (t.kind === "RANK") return { kind: "NATIONAL" };
  for (const part of [post, pre]) {
    const f = fold(part);
    const m = GOV_LEVEL_RE.exec(f);
    if (m) {
      const first = m[1];
      const level =
        first === "bo" || first === "tinh" ? "CENTRAL_PROVINCE" : first === "huyen" ? "DISTRICT" : "COMMUNE";
      return { kind: "GOV_LEVEL", level, label: part.slice(m.index, m.index + m[0].length) };
    }
  }
  // "100% bộ, ngành, địa phương ban hành …": every ministry and province, the central and
  // provincial level.
  const ministries = /^\s*(?:các\s+)?bộ,\s*ngành(?:,\s*địa phương)?/.exec(post.toLowerCase());
  if (ministries)
    return { kind: "GOV_LEVEL", level: "CENTRAL_PROVINCE", label: post.trim().slice(0, ministries[0].trim().length) };
  for (const part of [pre, post]) {
    // On the accented text: folded, "mới" (new) and "môi" would read as "mỗi" (each).
    const m = /(?<=^|\s)(mỗi|từng)\s+(?!năm\b|bước\b|lúc\b|nơi\b|người\b|lần\b)([\p{L}]+(?:[ ,]+[\p{L}]+){0,7})/u.exec(
      part.toLowerCase(),
    );
    if (m) {
      let label = part.slice(m.index, m.index + m[0].length);
      // The unit ends before a verb or a comparator ("từng ngành, lĩnh vực đạt tối thiểu"); read on
      // the accented text, where "có" (has) and "cơ" (as in "cơ quan") differ.
      const stop =
        /\s(?:đạt|có|được|là|chiếm|phải|đều|tối thiểu|ít nhất|trên|dưới|khoảng|sử dụng|tham gia|hoàn thành|thực hiện)(?=\s|$)/.exec(
          label.toLowerCase(),
        );
      if (stop) label = label.slice(0, stop.index);
      label = label.replace(/[\s,]+$/, "");
      const lf = fold(label);
      const of = /co quan|to chuc/.test(lf)
        ? "OTHER"
        : /\bbo\b/.test(lf)
          ? "MINISTRY"
          : /tinh|dia phuong|thanh pho/.test(lf)
            ? "PROVINCE"
            : /doanh nghiep/.test(lf)
              ? "ENTERPRISE"
              : /nganh|linh vuc/.test(lf)
                ? "SECTOR"
                : "OTHER";
      return { kind: "EACH", of, label };
    }
  }
  const age =
    /(?:dan so|nguoi dan|nguoi)?\s*tu \d{1,2} tuoi tro len|(?:dan so|nguoi dan|nguoi)?\s*tu \d{1,2} (?:den|-) \d{1,2} tuoi/.exec(
      fold(pre),
    );
  if (age) return { kind: "SUBGROUP", label: pre.slice(age.index, age.index + age[0].length).trim() };
  return { kind: "NATIONAL" };
}

const TRAILING_WORDS =
  /(?:\s+(?:dat|chiem|la|o muc|toi thieu|it nhat|tren|duoi|khoang|gan|khong qua|toi da|tang|giam|xuong|con|thuoc|nhom|top|se|phan dau|co|duoc|ve|trong|len|tu|den|hang nam|binh quan|truong))+\s*$/;

/** The words that name what is measured, for a new indicator's name. */
function subjectOf(t: Threshold, pre: string, post: string): string {
  const clean = (s: string) => s.replace(/^[\s\-–•+*]*(?:[a-zđ]\)\s*)?/, "").replace(/[\s;,.:()]+$/, "");
  if (t.kind === "RANK") {
    const about = /\s(?:về|trong)\s+(.+)$/.exec(post);
    if (about) return clean(about[1]).split(" ").slice(0, 12).join(" ");
  }
  const p = clean(pre);
  const f = fold(p);
  const cut = TRAILING_WORDS.exec(` ${f}`);
  const preWords = (cut ? p.slice(0, Math.max(0, cut.index - 1)) : p).replace(
    /^(?:Việt Nam|Phấn đấu|Đến năm \d{4},?)\s*/i,
    "",
  );
  const chosen =
    preWords.split(" ").filter(Boolean).length >= 2 ? preWords : clean(`${t.unit === "%" ? "" : t.unit} ${post}`);
  return chosen
    .replace(/\s*\(.*$/, "")
    .split(" ")
    .filter(Boolean)
    .slice(0, 12)
    .join(" ");
}

/**
 * Where the words between two thresholds stop belonging to the first: at the first semicolon,
 * bracket, comma or "và" ("80% hộ gia đình, 100% xã": "hộ gia đình" is the first one's noun).
 */
function splitBetween(sentence: string, groups: number[], from: number, to: number): number {
  // The next threshold opens a bracket ("80% vào năm 2025 (đến năm 2020 đạt 60%)"): the bracket
  // is its own. A bracket that only names something ("Index (IDI)") is not a boundary.
  if (groups[to] !== groups[from] && groups[to] >= from) return groups[to];
  const between = sentence.slice(from, to);
  for (const re of [/;/, /,/, /\svà\s/]) {
    const m = re.exec(between);
    if (m) return from + m.index;
  }
  return from;
}

const BARE_WORDS = new Set(
  "den nam dat la bo sung them top nhom nuoc vao toi cuoi trong tu tren duoi toi thieu it nhat khoang muc o do giai doan thoi ky rieng".split(
    " ",
  ),
);

/** A milestone in brackets that only repeats a number ("(đến năm 2020 đạt 10%)"). */
function isBareMilestone(text: string): boolean {
  return (
    fold(text)
      .replace(/\b(?:19|20)\d{2}\b/g, " ")
      .split(/[^a-z]+/)
      .filter((w) => w && !BARE_WORDS.has(w)).length === 0
  );
}

/** A phrase without its list marker and the comparator words before a number. */
function stripComparators(pre: string): string {
  return pre
    .toLowerCase()
    .replace(/^[\s\-–•+*;,]*(?:[a-zđ]\)\s*)?/, "")
    .replace(/(?:tối thiểu|ít nhất|không ít hơn|trên|dưới|khoảng|gần|đạt|là|chiếm|và)\s*/g, "")
    .trim();
}

export type TargetContext = {
  key: string;
  lines: string[];
  skip: (line: number) => boolean;
  indicators: IndicatorSeed[];
};

/**
 * The year a sentence gives a threshold: one in the same comma phrase, else the last one before
 * it, else one after it with no other threshold in between — all within its brackets, then the
 * brackets around them. Null when the sentence names none.
 */
function dateThreshold(
  t: Threshold,
  groups: number[],
  phrases: number[],
  years: ReturnType<typeof yearMentions>,
  others: Threshold[],
): number | null {
  const g = groups[t.start];
  const candidates = years.filter((y) => !y.base);
  const find = (group: number) => {
    const inGroup = candidates.filter((y) => groups[y.at] === group);
    const same = inGroup.filter((y) => phrases[y.at] === phrases[t.start]);
    if (same.length) return nearest(same);
    const before = inGroup.filter((y) => y.at < t.start);
    if (before.length) return before[before.length - 1].year;
    // A year after the threshold dates it when no other threshold stands in between.
    const after = inGroup.filter((y) => y.at > t.end && !others.some((o) => o.start > t.end && o.start < y.at));
    return after.length ? after[0].year : null;
  };
  const nearest = (ys: typeof candidates) =>
    ys.reduce((a, b) => (Math.abs(a.at - t.start) <= Math.abs(b.at - t.start) ? a : b)).year;
  let y = find(g);
  // A threshold in brackets with no year of its own takes the sentence's.
  for (let outer = g; y === null && outer !== -1;) {
    outer = groups[outer];
    y = find(outer);
  }
  return y;
}

export function extractTargets(ctx: TargetContext): {
  targets: TargetProposal[];
  indicators: IndicatorSeed[];
  warnings: SuggestWarning[];
  baseYearStated: number | "ISSUE_YEAR" | null;
} {
  const blocks = buildBlocks(ctx.lines, ctx.skip);
  const outline = new Outline();
  const horizon = horizonYear(blocks);
  const matcher = new IndicatorMatcher(ctx.indicators);
  const taken = new Set(ctx.indicators.map((i) => i.code));
  const created = new Map<string, IndicatorSeed>();
  const targets: TargetProposal[] = [];
  const warnings: SuggestWarning[] = [];
  const seen = new Map<string, number>();
  const ids = new Set<string>();
  let baseYearStated: number | "ISSUE_YEAR" | null = null;

  for (const block of blocks) {
    outline.visit(block);
    for (const s of sentences(block.text, block.markerEnd)) {
      const sentence = block.text.slice(s.start, s.end);
      const fs = fold(sentence);
      const lead = LEAD_YEAR_RE.exec(fs);
      if (lead) outline.leadYear = Number(lead[1]);
      const found = findThresholds(sentence);
      if (!found.length) continue;
      const years = yearMentions(sentence);
      for (const y of years) if (y.base) baseYearStated ??= y.year;
      if (/so voi hien nay|so voi hien tai/.test(fs)) baseYearStated ??= "ISSUE_YEAR";
      const groups = parenGroups(sentence);
      const phrases = phraseIds(sentence);
      const goalSentence =
        outline.leadYear !== null ||
        (years.some((y) => !y.base) && /\b(?:den|vao|toi)\s+(?:cuoi\s+)?(?:nam\s+)?(?:19|20)\d{2}/.test(fs));
      const local: Span[] = clauses(block.text, s).map((c) => ({ start: c.start - s.start, end: c.end - s.start }));
      let lastOfSentence: { indicator: string; created: boolean; unit: string; score: number } | null = null;
      for (const c of local) {
        const inClause = found.filter((t) => t.start >= c.start && t.end <= c.end);
        inClause.forEach((t, i) => {
          if (!(t.explicit || outline.inGoal || goalSentence)) return;
          if (t.kind === "PERCENT" && t.value > 100 && !t.reduction) return;
          if (t.value <= 0) return;
          const cuts = inClause.map((x, k) =>
            k + 1 < inClause.length ? splitBetween(sentence, groups, x.end, inClause[k + 1].start) : c.end,
          );
          const pre = sentence.slice(i > 0 ? cuts[i - 1] : c.start, t.start);
          const post = sentence.slice(t.end, cuts[i]);
          const head = inClause.length > 1 && i > 0 ? sentence.slice(c.start, inClause[0].start) : "";
          const tail =
            inClause.length > 1 && i + 1 < inClause.length
              ? sentence.slice(inClause[inClause.length - 1].end, c.end)
              : "";

          // The sentence's own year, else the year a sentence before it opened with, else its
          // heading's, else the document's nearest milestone (flagged).
          let year = dateThreshold(t, groups, phrases, years, found) ?? outline.leadYear ?? outline.year;
          const inferred = year === null;
          year ??= horizon;
          if (year === null) return;

          const scope = scopeOf(t, pre, post);
          const context = `${head} ${pre} ${t.printed} ${post} ${tail}`;
          // "N% <what>": when nothing but a comparator comes before the number, the words after it
          // say what the share is of.
          const numberFirst = t.kind === "PERCENT" && !/[\p{L}]{2,}/u.test(stripComparators(pre));
          const ranked = matcher.rank(context, t, outline.context, numberFirst ? post : "");
          const best = ranked[0];
          let indicator: string;
          let createdNew = false;
          const main = lastOfSentence;
          const g = groups[t.start];
          let close = t.end;
          while (close < sentence.length && groups[close] === g) close++;
          const unitWords = ` ${t.printed.replace(/[\d.,%]/g, " ")} `;
          // A milestone in brackets, or a clause ("…; trong đó giai đoạn 2026-2030 đạt trên
          // 8,5%/năm") that names only a time and a number.
          const bare =
            main !== null &&
            ((g !== -1 && isBareMilestone(sentence.slice(g + 1, close).replace(t.printed, unitWords))) ||
              (g === -1 &&
                inClause.length === 1 &&
                isBareMilestone(sentence.slice(c.start, c.end).replace(t.printed, unitWords))));
          if (bare && main) {
            // "(đến năm 2020 đạt 10%)" measures what the sentence's main threshold measures.
            indicator = main.indicator;
            createdNew = main.created;
            if (main.unit !== t.unit)
              warnings.push({
                subject: "document",
                line: block.lineAt[s.start + t.start] ?? block.firstLine,
                message: `The milestone "${t.printed}" is printed in "${t.unit}" while the target it dates is in "${main.unit}".`,
              });
          } else if (best && best.score >= MATCH_FLOOR) indicator = best.code;
          else {
            const subject = subjectOf(t, `${head} ${pre}`.trim(), post) || sentence.slice(0, 60);
            const key = `${slug(subject)}|${t.kind}|${t.unit}`;
            let ind = created.get(key);
            if (!ind) {
              // The nearest catalogue indicator's pillar, else words of the phrase, else of its section.
              const pillar =
                (best && best.score >= 0.2 ? matcher.pillarOf(best.code) : undefined) ??
                guessPillar(subject) ??
                guessPillar(`${sentence} ${outline.context}`) ??
                "DIGITAL_ECONOMY";
              ind = proposeIndicator(subject, t, pillar, taken);
              created.set(key, ind);
            }
            indicator = ind.code;
            createdNew = true;
          }

          const clauseText = sentence.slice(c.start, c.end);
          const lead = /^(?:[-–•+*]\s*)?(?:[a-zđ]\)\s*)?/.exec(clauseText)![0].length;
          const quote = clauseText.slice(lead).replace(/[\s;,:]+$/, "");
          const line = block.lineAt[s.start + c.start + lead] ?? block.firstLine;

          const score = bare && main ? main.score : (best?.score ?? 0);
          lastOfSentence = { indicator, created: createdNew, unit: t.unit, score };
          const dedupe = JSON.stringify([indicator, year, t.comparator, t.value, scope]);
          if (seen.has(dedupe)) {
            warnings.push({
              subject: "document",
              line,
              message: `The threshold "${t.printed}" repeats the one proposed from line ${seen.get(dedupe)}; not proposed twice.`,
            });
            return;
          }
          seen.set(dedupe, line);

          const suffix =
            scope.kind === "GOV_LEVEL"
              ? `-${scope.level.toLowerCase().replace(/_/g, "-")}`
              : scope.kind === "EACH"
                ? "-each"
                : "";
          let id = `${ctx.key}-${year}-${indicator}${suffix}`;
          for (let n = 2; ids.has(id); n++) id = `${ctx.key}-${year}-${indicator}${suffix}-${n}`;
          ids.add(id);

          const notes: string[] = [];
          if (inferred)
            notes.push(`No year is stated for it or in its heading; ${year} is the document's nearest milestone.`);
          if (t.range) notes.push(`A range (${t.range.from}–${t.range.to}); the lower bound is proposed.`);
          if (t.reduction) notes.push("A reduction: the value is the decrease to reach.");
          if (t.ambiguousNumber) notes.push(`The number "${t.printed}" can be read two ways; check the value.`);
          if (createdNew) notes.push(`No catalogue indicator matches; a new one is proposed (${indicator}).`);
          for (const message of notes) warnings.push({ subject: `target:${id}`, line, message });

          targets.push({
            target: {
              id,
              indicator,
              year,
              comparator: t.comparator,
              value: t.value,
              scope,
              clause: outline.clause(line),
              line,
              quote,
              approximate: t.approximate,
            },
            match: {
              indicator,
              created: createdNew,
              score: Math.round(score * 100) / 100,
              alternatives: ranked
                .slice(createdNew ? 0 : 1, createdNew ? 3 : 4)
                .filter((r) => r.score > 0.2)
                .map((r) => ({ code: r.code, score: Math.round(r.score * 100) / 100 })),
            },
            printed: t.printed,
            unit: t.unit,
          });
        });
      }
    }
  }
  return { targets, indicators: [...created.values()], warnings, baseYearStated };
}
