// How a proposal compares with a reviewed seed file: recall and precision of its targets (same
// year, value and comparator; and whether the indicator agrees) and of its task rows (same start
// line, or same number under the same heading, with the same lead agencies). Pure.
import type { SeedTarget, SeedTask } from "./types";

export type Score = {
  expected: number;
  proposed: number;
  matched: number;
  recall: number | null;
  precision: number | null;
};

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

export function scoreTargets(
  expected: SeedTarget[],
  proposed: SeedTarget[],
): Score & { sameIndicator: number; missed: SeedTarget[]; extra: SeedTarget[] } {
  const free = new Set(proposed.map((_, i) => i));
  let matched = 0;
  let sameIndicator = 0;
  const same = (e: SeedTarget, p: SeedTarget) =>
    p.year === e.year && p.value === e.value && p.comparator === e.comparator;
  const nearest = (e: SeedTarget, c: number[]) =>
    c.sort((a, b) => Math.abs(proposed[a].line - e.line) - Math.abs(proposed[b].line - e.line))[0];
  // First the proposals that also name the same indicator, then any with the same threshold, so
  // the order of the seed file does not decide which of two equal thresholds pairs with which.
  const unmatched: SeedTarget[] = [];
  for (const e of expected) {
    const c = [...free].filter((i) => same(e, proposed[i]) && proposed[i].indicator === e.indicator);
    if (!c.length) {
      unmatched.push(e);
      continue;
    }
    free.delete(nearest(e, c));
    matched++;
    sameIndicator++;
  }
  const missed: SeedTarget[] = [];
  for (const e of unmatched) {
    const c = [...free].filter((i) => same(e, proposed[i]));
    if (!c.length) {
      missed.push(e);
      continue;
    }
    free.delete(nearest(e, c));
    matched++;
  }
  return {
    expected: expected.length,
    proposed: proposed.length,
    matched,
    recall: ratio(matched, expected.length),
    precision: ratio(matched, proposed.length),
    sameIndicator,
    missed,
    extra: [...free].map((i) => proposed[i]),
  };
}

export function scoreTasks(
  expected: SeedTask[],
  proposed: SeedTask[],
  sameLeads: (a: string[], b: string[]) => boolean,
): Score & { rowsFound: number; wrongLeads: { expected: SeedTask; proposed: SeedTask }[]; missed: SeedTask[] } {
  const free = new Set(proposed.map((_, i) => i));
  let matched = 0;
  let rowsFound = 0;
  const wrongLeads: { expected: SeedTask; proposed: SeedTask }[] = [];
  const missed: SeedTask[] = [];
  for (const e of expected) {
    const free_ = [...free];
    const at =
      free_.find((i) => proposed[i].line === e.line) ??
      free_.find(
        (i) =>
          e.numberPrinted !== null &&
          proposed[i].numberPrinted === e.numberPrinted &&
          proposed[i].heading === e.heading,
      );
    if (at === undefined) {
      missed.push(e);
      continue;
    }
    free.delete(at);
    rowsFound++;
    if (sameLeads(proposed[at].leads, e.leads)) matched++;
    else wrongLeads.push({ expected: e, proposed: proposed[at] });
  }
  return {
    expected: expected.length,
    proposed: proposed.length,
    matched,
    recall: ratio(matched, expected.length),
    precision: ratio(matched, proposed.length),
    rowsFound,
    wrongLeads,
    missed,
  };
}

/** Two lead lists name the same agencies, in any order, after `map` (e.g. to today's successor). */
export function sameAgencySet(map: (code: string) => string = (c) => c) {
  return (a: string[], b: string[]) => {
    const x = [...new Set(a.map(map))].sort();
    const y = [...new Set(b.map(map))].sort();
    return x.length === y.length && x.every((v, i) => v === y[i]);
  };
}

/** A fixed-width table of rows of cells, for the console. */
export function formatTable(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) => r.map((v, c) => v.padEnd(widths[c])).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}
