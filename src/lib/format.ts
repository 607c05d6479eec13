// Number, date and threshold formatting in Vietnamese (20,5%; 1.000; 31/03/2022) and English.
import type { Lang } from "@/i18n/config";

export type Comparator = "GT" | "GTE" | "EQ" | "LTE" | "LT";

const SYMBOL: Record<Comparator, string> = { GT: ">", GTE: "≥", EQ: "=", LTE: "≤", LT: "<" };

function comparatorSymbol(c: Comparator): string {
  return SYMBOL[c];
}

export function formatNumber(n: number, lang: Lang, maxFractionDigits = 2): string {
  return new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: maxFractionDigits }).format(
    n,
  );
}

/** A value in its unit: "20,5%", "1.000 chuyên gia", "hạng 50" / "rank 50". */
export function formatValue(n: number, unit: string, kind: string, lang: Lang): string {
  const num = formatNumber(n, lang);
  if (kind === "RANK") return lang === "vi" ? `hạng ${num}` : `rank ${num}`;
  if (unit === "%" || unit === "%/năm") return `${num}${lang === "vi" ? unit : unit.replace("năm", "year")}`;
  return `${num} ${unit}`;
}

/** A threshold as people read it: "≥ 20%", "= 100%", "top 50 (rank ≤ 50)". */
export function formatThreshold(
  t: { comparator: Comparator; value: number },
  unit: string,
  kind: string,
  lang: Lang,
): string {
  if (kind === "RANK" && (t.comparator === "LTE" || t.comparator === "LT")) {
    const n = formatNumber(t.value, lang);
    return lang === "vi" ? `nhóm ${n} nước dẫn đầu (hạng ≤ ${n})` : `top ${n} (rank ≤ ${n})`;
  }
  return `${comparatorSymbol(t.comparator)} ${formatValue(t.value, unit, kind, lang)}`;
}

/** dd/mm/yyyy in Vietnamese, d Month yyyy in English. Dates are calendar days (UTC). */
export function formatDate(d: Date | string | null | undefined, lang: Lang): string {
  if (!d) return "";
  const date = typeof d === "string" ? new Date(d) : d;
  if (lang === "vi") {
    const p = (x: number) => String(x).padStart(2, "0");
    return `${p(date.getUTCDate())}/${p(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  }
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    date,
  );
}

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * A moment in Vietnam's time (UTC+7 all year, no daylight saving): "03/12/2026 14:05" in
 * Vietnamese, "3 Dec 2026, 14:05" in English. Whatever the server's or browser's zone.
 */
export function formatDateTime(d: Date | string | null | undefined, lang: Lang): string {
  if (!d) return "";
  const v = new Date((typeof d === "string" ? new Date(d) : d).getTime() + VN_OFFSET_MS);
  const p = (x: number) => String(x).padStart(2, "0");
  const time = `${p(v.getUTCHours())}:${p(v.getUTCMinutes())}`;
  if (lang === "vi") return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${time}`;
  const month = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" }).format(v);
  return `${v.getUTCDate()} ${month} ${v.getUTCFullYear()}, ${time}`;
}
