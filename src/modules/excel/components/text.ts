// Tiny client-safe helpers (the message catalogue's `fill` would pull both languages into the bundle).
export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
