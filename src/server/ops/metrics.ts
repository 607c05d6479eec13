// What the portal's code reports to the metrics, without depending on prom-client: Next.js runs in
// the front server's process but bundles its own copies of modules, so the registry (created by
// the front server, ./metrics-registry.ts) is found through globalThis. Outside the front server
// (tests, CLIs, `next dev`) there is none and every report is a no-op.
export type MetricsSink = {
  httpRequest(route: string, method: string, status: number, seconds: number): void;
  loginFailure(): void;
  importDuration(seconds: number, outcome: "ok" | "refused" | "failed"): void;
  backupDone(at: Date, seconds?: number): void;
  backupFailed(): void;
};

const KEY = "__cdsMetrics";

export function metrics(): MetricsSink | null {
  return ((globalThis as Record<string, unknown>)[KEY] as MetricsSink | undefined) ?? null;
}

export function installMetrics(sink: MetricsSink | null): void {
  (globalThis as Record<string, unknown>)[KEY] = sink ?? undefined;
}

/**
 * The route label of a request: bounded, whatever paths visitors invent. The language, the first
 * page segment (two under /api/v1) are kept; later segments (slugs, ids, codes) become ":param";
 * anything that answered 404 is "unmatched", so made-up paths add no series.
 */
export function routeLabel(url: string | undefined, status: number): string {
  if (status === 404) return "unmatched";
  const p = (url ?? "/").split("?")[0];
  const segs = p.split("/").filter(Boolean);
  if (segs.length === 0) return "/";
  if (segs[0] === "_next") return "/_next";
  const keep = segs[0] === "api" ? (segs[1] === "v1" ? 3 : 2) : segs[0] === "vi" || segs[0] === "en" ? 2 : 1;
  const word = /^[a-z][a-z0-9._-]{0,40}$/;
  const out = segs.slice(0, 5).map((s, i) => {
    if (i === 0 && (s === "vi" || s === "en")) return ":lang";
    return i < keep && word.test(s) ? s : ":param";
  });
  return "/" + out.join("/") + (segs.length > 5 ? "/…" : "");
}
