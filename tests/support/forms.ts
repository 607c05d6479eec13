/** A FormData built as a browser would submit it. */
export function form(fields: Record<string, string | number | boolean | undefined>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === false) continue;
    fd.append(k, v === true ? "on" : String(v));
  }
  return fd;
}
