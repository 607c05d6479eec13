// Pure logic over the agency registry: who an agency is today after mergers, and which agencies
// a collective lead ("Các bộ, ngành, địa phương") stands for. No database access here.

export type RegistryAgency = { code: string; kind: string; validFrom?: string | null; validTo?: string | null };
export type RegistryEvent = { date: string; kind: "MERGE" | "RENAME" | "TRANSFER_PART"; from: string[]; to: string };
export type RegistryGroup = { code: string; kinds: string[]; members?: string[] };

function isValidOn(a: RegistryAgency, day: string): boolean {
  return (!a.validFrom || a.validFrom <= day) && (!a.validTo || a.validTo >= day);
}

export class AgencyRegistry {
  private readonly byCode: Map<string, RegistryAgency>;
  private readonly successor = new Map<string, { to: string; date: string }>();

  constructor(
    readonly agencies: RegistryAgency[],
    events: RegistryEvent[],
    readonly groups: RegistryGroup[],
  ) {
    this.byCode = new Map(agencies.map((a) => [a.code, a]));
    // Only a merge or rename moves an agency's responsibilities; a partial transfer leaves the
    // agency in charge of what it led.
    for (const e of [...events].sort((a, b) => a.date.localeCompare(b.date))) {
      if (e.kind === "TRANSFER_PART") continue;
      for (const f of e.from) if (f !== e.to) this.successor.set(f, { to: e.to, date: e.date });
    }
  }

  /** The agency responsible on `day` for what `code` was responsible for, following mergers. */
  current(code: string, day: string): { code: string; chain: string[] } {
    const chain = [code];
    let at = code;
    for (let guard = 0; guard < 20; guard++) {
      const next = this.successor.get(at);
      if (!next || next.date > day) break;
      at = next.to;
      chain.push(at);
    }
    return { code: at, chain };
  }

  /** The agencies a group stands for on `day`. */
  expand(groupCode: string, day: string, seen = new Set<string>()): string[] {
    const g = this.groups.find((x) => x.code === groupCode);
    if (!g || seen.has(groupCode)) return [];
    seen.add(groupCode);
    if (g.members && g.members.length) {
      const out = g.members.flatMap((m) =>
        m.startsWith("@") ? this.expand(m, day, seen) : [this.current(m, day).code],
      );
      return [...new Set(out)];
    }
    return this.agencies.filter((a) => g.kinds.includes(a.kind) && isValidOn(a, day)).map((a) => a.code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }
}
