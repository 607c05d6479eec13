// The internal deadline as people type it. Pure. Vietnamese write dates day first ("05/03/2027",
// "5/3/2027", "5-3-2027", "5.3.2027"); a browser's date control sends ISO ("2027-03-05"). Both
// are read, anything else refused, and an impossible day (31/02) is refused rather than rolled
// over into the next month as Date would.

/** Earliest and latest years accepted: the programmes run to 2030; a typo such as 0202 is refused. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** The calendar day (UTC midnight) the text names, or null when it names none. */
export function parseDueDate(text: string): Date | null {
  const s = text.trim();
  let day: number, month: number, year: number;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return null;
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? d : null;
}

/** "05/03/2027": how a stored day is written back into the form. */
export function dueDateText(d: Date | null | undefined): string {
  if (!d) return "";
  const p = (x: number) => String(x).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}
