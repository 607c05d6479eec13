import { forbidden, notFound } from "next/navigation";
import { resolveLang } from "@/i18n/server";
import { formatNumber, formatValue } from "@/lib/format";
import { ItemDetail } from "@/modules/reporting/components/ItemDetail";
import { observationDetail } from "@/modules/reporting/queries";
import { pageUser } from "@/server/page-auth";

export const dynamic = "force-dynamic";

export default async function ObservationPage({ params }: { params: Promise<{ lang: string; id: string }> }) {
  const { lang, m } = await resolveLang(params);
  const { id } = await params;
  const { user, allowed } = await pageUser(lang, "reporting.read", `/${lang}/reporting/observations/${id}`);
  if (!allowed) forbidden();
  const n = Number(id);
  // Another agency's item is "not found", not "forbidden": its existence is not revealed.
  const o = Number.isInteger(n) && n > 0 && n < 2 ** 31 ? await observationDetail(user, n) : null;
  if (!o) notFound();
  const r = m.reporting;
  const unit = o.indicator.unit;
  return (
    <ItemDetail
      lang={lang}
      m={m}
      user={user}
      kind="obs"
      record={o}
      title={lang === "vi" ? o.indicator.nameVi : o.indicator.nameEn}
      revisions={o.revisions}
      describe={(rev) => {
        const full = o.revisions.find((x) => x.id === rev.id)!;
        return `${r.value}: ${full.value == null ? "—" : formatValue(full.value, unit, o.indicator.kind, lang)}${full.source ? ` · ${r.source}: ${full.source}` : ""}${full.explanation ? ` · ${r.explanation}: ${full.explanation}` : ""}`;
      }}
      summary={
        <dl className="grid gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-medium text-slate-600">{r.value}</dt>
            <dd className="text-lg font-semibold" data-testid="current-value">
              {o.value == null ? "—" : formatValue(o.value, unit, o.indicator.kind, lang)}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-600">{m.review.previous}</dt>
            <dd>{o.approvedValue == null ? "—" : formatNumber(o.approvedValue, lang)}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-600">{r.source}</dt>
            <dd>{o.source ?? "—"}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-600">{r.note}</dt>
            <dd>{o.note ?? "—"}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="font-medium text-slate-600">{r.explanation}</dt>
            <dd>{o.explanation ?? "—"}</dd>
          </div>
        </dl>
      }
    />
  );
}
