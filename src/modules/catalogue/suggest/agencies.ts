// Agency names in a lead or partner cell → registry codes (seeds/data/agencies.json): names, short
// names and aliases matched without diacritics, longest first, so "Bộ Công Thương Các bộ, ngành"
// (two names with no separator) reads as two. Collective names map to group codes; a group that
// only stands for other groups is written as its members (seeds/FORMAT.md). An agency merged or
// renamed in the 2025 reorganisation is proposed as its successor. Pure.
import { AgencyRegistry } from "@/lib/agency-registry";
import type { SuggestCatalogue } from "./types";
import { fold } from "./text";

export type Token = { t: string; start: number; end: number };

/** Words of `s` with their offsets; "&" reads "và" ("Bộ TT&TT" = "Bộ TT và TT"). */
export function tokens(s: string): Token[] {
  const f = fold(s);
  const out: Token[] = [];
  const re = /[a-z0-9]+|&/g;
  for (let m = re.exec(f); m; m = re.exec(f))
    out.push({ t: m[0] === "&" ? "va" : m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

type Alias = { words: string[]; code: string; group: boolean };

/** Words that join names in a cell without naming anyone. */
const JOINERS = new Set(["va", "cac", "cung", "voi", "chu", "tri", "phoi", "hop", "lien", "quan", "khac"]);

export type Resolved = {
  codes: string[];
  /** Parts of the cell no registry name covers, as printed. */
  unmatched: string[];
  notes: string[];
};

export class AgencyResolver {
  private readonly byFirst = new Map<string, Alias[]>();
  private readonly registry: AgencyRegistry;
  private readonly groupMembers = new Map<string, string[]>();
  private readonly names = new Map<string, string>();

  constructor(
    catalogue: Pick<SuggestCatalogue, "agencies" | "groups" | "events">,
    private readonly opts: { successors?: boolean; asOf?: string } = {},
  ) {
    const add = (name: string | null | undefined, code: string, group: boolean) => {
      if (!name) return;
      const words = tokens(name).map((x) => x.t);
      if (!words.length) return;
      const list = this.byFirst.get(words[0]) ?? [];
      if (!list.some((a) => a.code === code && a.words.join(" ") === words.join(" ")))
        list.push({ words, code, group });
      this.byFirst.set(words[0], list);
    };
    for (const a of catalogue.agencies) {
      this.names.set(a.code, a.nameVi);
      for (const n of [a.nameVi, a.shortVi, ...a.aliases]) add(n, a.code, false);
    }
    for (const g of catalogue.groups) {
      this.names.set(g.code, g.nameVi);
      for (const n of [g.nameVi, ...g.aliases]) add(n, g.code, true);
      if (g.members?.length && g.members.every((m) => m.startsWith("@"))) this.groupMembers.set(g.code, g.members);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
    this.registry = new AgencyRegistry(
      catalogue.agencies.map((a) => ({ code: a.code, kind: a.kind, validFrom: a.validFrom, validTo: a.validTo })),
      catalogue.events,
      catalogue.groups.map((g) => ({ code: g.code, kinds: g.kinds, members: g.members })),
    );
  }

  /** The longest registry name starting at token `i`, if any. */
  private matchAt(toks: Token[], i: number): Alias | null {
    for (const a of this.byFirst.get(toks[i].t) ?? []) {
      if (i + a.words.length > toks.length) continue;
      if (a.words.every((w, k) => toks[i + k].t === w)) return a;
    }
    return null;
  }

  /** Every agency and group a cell names, in order. */
  resolve(raw: string | null | undefined): Resolved {
    const out: Resolved = { codes: [], unmatched: [], notes: [] };
    if (!raw) return out;
    const toks = tokens(raw);
    const found: string[] = [];
    let leftover: Token[] = [];
    const flushLeftover = () => {
      const meaningful = leftover.filter((x) => !JOINERS.has(x.t));
      if (meaningful.length) {
        const text = raw.slice(meaningful[0].start, meaningful[meaningful.length - 1].end);
        const collective = collectiveOf(meaningful.map((x) => x.t));
        if (collective.length) {
          found.push(...collective);
          out.notes.push(`"${text}" is read as the collective ${collective.join(", ")}; check it.`);
        } else out.unmatched.push(text);
      }
      leftover = [];
    };
    for (let i = 0; i < toks.length;) {
      // "… theo Nghị quyết 17/NQ-CP …": what follows says why, not who.
      if (toks[i].t === "theo") break;
      const a = this.matchAt(toks, i);
      if (a) {
        flushLeftover();
        found.push(a.code);
        i += a.words.length;
      } else {
        leftover.push(toks[i]);
        i++;
      }
    }
    flushLeftover();

    const day = this.opts.asOf ?? "9999-12-31";
    for (const code of found) {
      for (const c of this.groupMembers.get(code) ?? [code]) {
        let chosen = c;
        if (!c.startsWith("@") && this.opts.successors !== false) {
          const now = this.registry.current(c, day);
          if (now.code !== c) {
            chosen = now.code;
            out.notes.push(
              `${this.names.get(c) ?? c} (${c}) is now ${this.names.get(now.code) ?? now.code} (${now.code}) after the reorganisation; the successor is proposed, the cell keeps the name as printed.`,
            );
          }
        }
        if (!out.codes.includes(chosen)) out.codes.push(chosen);
      }
    }
    return out;
  }

  /**
   * Where, in a row that prints the task and its lead with nothing between them ("Phát triển
   * công nghiệp số Bộ Thông tin và Truyền thông"), the lead begins: the earliest registry name
   * from which the rest of the row is only names, joiners and a "theo …" qualifier.
   */
  trailingNamesStart(text: string): number | null {
    const toks = tokens(text);
    for (let i = 1; i < toks.length; i++) {
      if (!this.matchAt(toks, i)) continue;
      if (!/^[\p{Lu}]/u.test(text.slice(toks[i].start))) continue;
      let j = i;
      let ok = true;
      while (j < toks.length) {
        if (toks[j].t === "theo") break;
        const a = this.matchAt(toks, j);
        if (a) j += a.words.length;
        else if (JOINERS.has(toks[j].t)) j++;
        else {
          ok = false;
          break;
        }
      }
      if (ok) return toks[i].start;
    }
    return null;
  }
}

/** A collective lead the registry has no alias for, from its words ("Các bộ, ngành, tỉnh"). */
function collectiveOf(words: string[]): string[] {
  const w = ` ${words.join(" ")} `;
  const out: string[] = [];
  if (/ bo /.test(w)) out.push("@ALL_MINISTRIES");
  if (/ nganh /.test(w)) out.push("@ALL_MINISTRIES", "@ALL_GOV_AGENCIES");
  if (/ dia phuong | tinh /.test(w)) out.push("@ALL_PROVINCES");
  if (/ doanh nghiep /.test(w)) out.push("@ALL_ENTERPRISES");
  return [...new Set(out)];
}
