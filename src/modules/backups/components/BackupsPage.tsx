// The administrator's backups page: the state first (a failed or overdue backup as an alert),
// then every kept backup with its time, size, row counts and a download link.
import type { Lang } from "@/i18n/config";
import { fill } from "@/i18n/messages";
import { formatDateTime, formatNumber } from "@/lib/format";
import { opsEn, opsVi } from "@/messages/ops";
import { clockNow } from "@/server/clock";
import type { SessionUser } from "@/server/current-user";
import { AdminHeading, EmptyState } from "@/modules/admin/components/layout";
import { backupsOverview } from "../queries";

function ago(ms: number, t: typeof opsVi.backups, lang: Lang): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 120) return fill(t.minutesAgo, { n: formatNumber(minutes, lang) });
  const hours = Math.round(minutes / 60);
  if (hours < 72) return fill(t.hoursAgo, { n: formatNumber(hours, lang) });
  return fill(t.daysAgo, { n: formatNumber(Math.round(hours / 24), lang) });
}

function size(bytes: number, lang: Lang): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / 1024 / 1024, lang, 1)} MB`;
  return `${formatNumber(bytes / 1024, lang, 1)} KB`;
}

export async function BackupsPage({ lang, user }: { lang: Lang; user: SessionUser }) {
  const t = (lang === "en" ? opsEn : opsVi).backups;
  const now = clockNow();
  const o = await backupsOverview(user, now);
  const h = o.health;
  const alert = h.kind === "failed" || h.kind === "overdue";
  const status =
    h.kind === "ok"
      ? fill(t.statusOk, { at: formatDateTime(h.latestAt, lang), ago: ago(h.ageMs, t, lang) })
      : h.kind === "overdue"
        ? fill(t.statusOverdue, { ago: ago(h.ageMs, t, lang) })
        : h.kind === "failed"
          ? fill(t.statusFailed, { at: formatDateTime(h.failedAt, lang), error: h.error })
          : fill(t.statusNone, { at: o.nextAt ? formatDateTime(o.nextAt, lang) : "—" });
  return (
    <div>
      <AdminHeading lang={lang} title={t.title} intro={o.nextAt ? fill(t.intro, { at: o.at, keep: o.keep }) : t.off} />
      <div
        role={alert ? "alert" : "status"}
        data-testid="backup-status"
        data-state={h.kind}
        className={`mb-6 rounded-lg border p-4 ${alert ? "border-red-300 bg-red-50 font-semibold text-red-900" : "border-slate-200 bg-white text-slate-800"}`}
      >
        <p>{status}</p>
        {o.nextAt ? (
          <p className="mt-1 text-sm font-normal">{fill(t.next, { at: formatDateTime(o.nextAt, lang) })}</p>
        ) : null}
      </div>
      {o.backups.length === 0 ? (
        <EmptyState>{t.empty}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t.colTime}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t.colSize}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t.colRows}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t.colTables}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t.colChecksum}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t.colDownload}
                </th>
              </tr>
            </thead>
            <tbody>
              {o.backups.map((b) => (
                <tr key={b.file} className="border-t border-slate-100">
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(b.createdAt, lang)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{size(b.bytes, lang)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatNumber(b.rows, lang)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatNumber(b.tables, lang)}</td>
                  <td className="px-3 py-2 font-mono text-xs" title={b.sha256}>
                    {b.sha256.slice(0, 12)}…
                  </td>
                  <td className="px-3 py-2">
                    <a
                      href={`/api/admin/backups/${encodeURIComponent(b.file)}`}
                      download
                      aria-label={fill(t.downloadLabel, { at: formatDateTime(b.createdAt, lang) })}
                      className="text-brand-700 underline hover:no-underline"
                    >
                      {t.download}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
