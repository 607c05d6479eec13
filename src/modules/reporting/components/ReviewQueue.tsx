import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatNumber, formatValue } from "@/lib/format";
import { formatQuarter } from "@/lib/periods";
import { Pager } from "@/modules/admin/components/layout";
import { reviewQueue } from "../queries";
import { REVIEW_PAGE_SIZE, reviewPages } from "../rules";
import { targetsSummary } from "./Workspace";
import { ReviewForm, type ReviewRow } from "./ReviewForm";

export async function ReviewQueue({ lang, m, page = 1 }: { lang: Lang; m: Messages; page?: number }) {
  const q = await reviewQueue({ skip: (page - 1) * REVIEW_PAGE_SIZE, take: REVIEW_PAGE_SIZE });
  const pages = reviewPages(q.obsTotal, q.taskTotal);
  const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) : "");
  const rows: ReviewRow[] = [
    ...q.observations.map((o) => ({
      kind: "obs" as const,
      id: o.id,
      version: o.version,
      agency: lang === "vi" ? o.agency.nameVi : o.agency.nameEn,
      item: `${lang === "vi" ? o.indicator.nameVi : o.indicator.nameEn} — ${formatQuarter(o, lang)}`,
      value: o.value == null ? "—" : formatValue(o.value, o.indicator.unit, o.indicator.kind, lang),
      previous: o.approvedValue == null ? "—" : formatNumber(o.approvedValue, lang),
      context: [targetsSummary(o.indicator.targets, o.indicator.unit, o.indicator.kind, lang), o.explanation ? `“${o.explanation}”` : null].filter(Boolean).join(" · "),
      submittedAt: when(o.submittedAt),
      late: o.late,
      href: `/${lang}/reporting/observations/${o.id}`,
    })),
    ...q.tasks.map((t) => ({
      kind: "task" as const,
      id: t.id,
      version: t.version,
      agency: lang === "vi" ? t.agency.nameVi : t.agency.nameEn,
      item: `${t.task.document.numberCanonical ?? ""} · ${t.task.numberPrinted ?? ""} — ${formatQuarter(t, lang)}`,
      value: `${m.reporting.taskStatus[t.status]}${t.percentComplete == null ? "" : ` (${t.percentComplete}%)`}`,
      previous: t.approvedStatus ? m.reporting.taskStatus[t.approvedStatus] : "—",
      context: `${t.task.title.slice(0, 160)}${t.task.title.length > 160 ? "…" : ""}${t.achieved ? ` · “${t.achieved}”` : ""}`,
      submittedAt: when(t.submittedAt),
      late: t.late,
      href: `/${lang}/reporting/tasks/${t.id}`,
    })),
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{m.review.title}</h1>
      <p className="text-slate-700">{m.review.intro}</p>
      <p className="text-sm text-slate-600">
        {fill(m.review.indicators, { count: q.obsTotal })} · {fill(m.review.tasks, { count: q.taskTotal })}
      </p>
      <ReviewForm lang={lang} m={m} rows={rows} />
      {pages > 1 && <Pager lang={lang} path={`/${lang}/review`} params={{}} page={page} pages={pages} total={q.obsTotal + q.taskTotal} />}
    </div>
  );
}
