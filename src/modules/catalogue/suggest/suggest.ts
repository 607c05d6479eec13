// The catalogue suggester: a Vietnamese decision's text in, a seed file proposed (seeds/FORMAT.md):
// its document fields, its targets and its task table, every one with a verbatim quote and its
// line, plus what the editor must check. Pure: the catalogue is passed in (catalogue.ts reads it).
import { NormalisedText } from "@/lib/text";
import { AgencyResolver } from "./agencies";
import { documentFields } from "./document";
import { extractTaskTable } from "./table";
import { extractTargets } from "./targets";
import type { SuggestCatalogue, SuggestOptions, Suggestion, SuggestWarning } from "./types";

export function suggest(text: string, catalogue: SuggestCatalogue, opts: SuggestOptions = {}): Suggestion {
  const lines = text.split("\n");
  const warnings: SuggestWarning[] = [];
  const document = documentFields(lines, opts, warnings);

  const resolver = new AgencyResolver(catalogue, { successors: opts.successors, asOf: opts.asOf });
  const { table, warnings: tableWarnings } = extractTaskTable(lines, document.key, resolver);
  warnings.push(...tableWarnings);

  // The task table's text is not read for targets: its numbers belong to tasks.
  const skip = table ? (n: number) => n >= table.firstLine && n <= table.lastLine : () => false;
  const found = extractTargets({ key: document.key, lines, skip, indicators: catalogue.indicators });
  warnings.push(...found.warnings);

  const issueYear = document.issuedOn ? Number(document.issuedOn.slice(0, 4)) : null;
  const base = found.baseYearStated === "ISSUE_YEAR" ? issueYear : found.baseYearStated;
  if (base !== null && (issueYear === null || base <= issueYear)) {
    document.baseYear = base;
    warnings.push({
      subject: "document",
      line: null,
      message: `baseYear ${base} is proposed from the text's "so với …" (statuses measure from it); check it.`,
    });
  }

  // Everything quoted must be found verbatim, as the seed verifier will check.
  const normalised = new NormalisedText(text);
  const targets = found.targets.filter((p) => {
    const at = normalised.findLines(p.target.quote);
    if (!at.length) {
      warnings.push({
        subject: `target:${p.target.id}`,
        line: p.target.line,
        message: "Its quote is not verbatim in the text; the target is left out.",
      });
      return false;
    }
    p.target.line = at.reduce((a, b) => (Math.abs(b - p.target.line) < Math.abs(a - p.target.line) ? b : a));
    return true;
  });
  const byCode = new Map([...catalogue.indicators, ...found.indicators].map((i) => [i.code, i]));
  for (const { target: t } of targets) {
    const ind = byCode.get(t.indicator);
    if (ind && ((ind.min != null && t.value < ind.min) || (ind.max != null && t.value > ind.max)))
      warnings.push({
        subject: `target:${t.id}`,
        line: t.line,
        message: `${t.value} is outside ${ind.code}'s bounds; the indicator or the value is wrong.`,
      });
  }
  for (const ind of found.indicators)
    warnings.push({
      subject: `indicator:${ind.code}`,
      line: null,
      message: `A new indicator is proposed ("${ind.nameVi}"): check its name, kind, unit and pillar, write nameEn, or map the target to an existing one.`,
    });
  if (table) {
    for (const h of table.headings)
      if (!normalised.includes(h.title))
        warnings.push({
          subject: `heading:${h.code}`,
          line: h.line,
          message: "Its title is not verbatim in the text.",
        });
    for (const t of table.tasks)
      for (const field of ["title", "product", "leadRaw", "partnersRaw", "deadlineRaw"] as const) {
        const v = t[field];
        if (v && !normalised.includes(v))
          warnings.push({
            subject: `task:${t.id}`,
            line: t.line,
            message: `Its ${field} is not verbatim in the text.`,
          });
      }
  }

  return {
    document,
    indicators: found.indicators,
    targets: targets.map((p) => p.target),
    taskTable: table,
    review: {
      targets: targets.map((p) => ({ target: p.target.id, printed: p.printed, unit: p.unit, match: p.match })),
    },
    warnings: mergeRepeated(warnings),
  };
}

/**
 * The same remark about many tasks (a merged ministry that leads a hundred rows) is said once,
 * naming the tasks, instead of a hundred times.
 */
function mergeRepeated(warnings: SuggestWarning[]): SuggestWarning[] {
  const byMessage = new Map<string, SuggestWarning[]>();
  for (const w of warnings) {
    if (!w.subject.startsWith("task:")) continue;
    byMessage.set(w.message, [...(byMessage.get(w.message) ?? []), w]);
  }
  const out: SuggestWarning[] = [];
  const done = new Set<string>();
  for (const w of warnings) {
    const same = w.subject.startsWith("task:") ? byMessage.get(w.message)! : [w];
    if (same.length < 3) {
      out.push(w);
      continue;
    }
    if (done.has(w.message)) continue;
    done.add(w.message);
    const ids = same.map((x) => x.subject.slice("task:".length));
    out.push({
      subject: "document",
      line: w.line,
      message: `${w.message} (${ids.length} tasks: ${ids.slice(0, 6).join(", ")}${ids.length > 6 ? ", …" : ""})`,
    });
  }
  return out;
}
