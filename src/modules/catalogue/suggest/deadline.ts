// A task table's "Thời gian" cell → the deadline shapes of seeds/FORMAT.md. Pure.
import type { SeedTask } from "./types";
import { fold, romanValue } from "./text";

export type Deadline = SeedTask["deadline"];

/**
 * Reads "Quý I/2025", "Quý IV năm 2021", "2022 - 2025", "Giai đoạn 2021-2025", "2025", "Năm 2025",
 * "Hằng năm", "Thường xuyên", "Tháng 6/2025" (its quarter). `note` says what the reading assumed.
 */
export function parseDeadline(raw: string | null | undefined): { deadline: Deadline; note: string | null } {
  if (!raw || !raw.trim()) return { deadline: { kind: "NONE" }, note: null };
  const f = fold(raw).replace(/\s+/g, " ").trim();

  const q = /\bquy\s+([ivx]+|[1-4])\s*(?:\/|-|nam\b|,)\s*(?:nam\s+)?((?:19|20)\d{2})\b/.exec(f);
  if (q) {
    const quarter = /^\d$/.test(q[1]) ? Number(q[1]) : romanValue(q[1].toUpperCase());
    if (quarter && quarter >= 1 && quarter <= 4) {
      const more = (f.match(/\bquy\b/g) ?? []).length > 1;
      return {
        deadline: { kind: "QUARTER", year: Number(q[2]), quarter },
        note: more ? `"${raw}" names more than one quarter; the first is taken.` : null,
      };
    }
  }
  const month = /\bthang\s+(\d{1,2})\s*(?:\/|-|nam\b)\s*(?:nam\s+)?((?:19|20)\d{2})\b/.exec(f);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) {
    const quarter = Math.ceil(Number(month[1]) / 3);
    return {
      deadline: { kind: "QUARTER", year: Number(month[2]), quarter },
      note: `"${raw}" is a month; its quarter (${quarter}/${month[2]}) is proposed.`,
    };
  }
  const period = /\b((?:19|20)\d{2})\s*(?:-|–|—|den|toi)\s*(?:nam\s+)?((?:19|20)\d{2})\b/.exec(f);
  if (period && Number(period[2]) >= Number(period[1])) {
    const tail = f.slice(period.index + period[0].length).trim();
    return {
      deadline: { kind: "PERIOD", from: Number(period[1]), to: Number(period[2]) },
      note: tail && !/^[.;,)]*$/.test(tail) ? `"${raw}" says more than the period; check it.` : null,
    };
  }
  if (/\b(?:hang|moi) nam\b|\bdinh ky\b/.test(f) && !/\b(?:19|20)\d{2}\b/.test(f))
    return { deadline: { kind: "RECURRING", every: "YEAR" }, note: null };
  if (/\b(?:thuong xuyen|lien tuc|hang ngay)\b/.test(f) && !/\b(?:19|20)\d{2}\b/.test(f))
    return { deadline: { kind: "RECURRING", every: "CONTINUOUS" }, note: null };
  const years = [...f.matchAll(/\b((?:19|20)\d{2})\b/g)].map((m) => Number(m[1]));
  if (years.length === 1) {
    const recurring = /\b(?:hang|moi) nam\b|\bthuong xuyen\b/.test(f);
    const open = /\btu\s+(?:nam\s+)?\d{4}|\btro di\b|\bcac nam tiep theo\b/.test(f);
    return {
      deadline: { kind: "YEAR", year: years[0] },
      note: recurring || open ? `"${raw}" continues after ${years[0]}; read as the year ${years[0]}.` : null,
    };
  }
  if (years.length > 1) {
    const from = Math.min(...years);
    const to = Math.max(...years);
    return { deadline: { kind: "PERIOD", from, to }, note: `"${raw}" lists several years; read as ${from}–${to}.` };
  }
  return { deadline: { kind: "NONE" }, note: `"${raw}" is not a date the format knows; no deadline proposed.` };
}
