import Link from "next/link";
import type { Lang } from "@/i18n/config";
import { fill, getMessages } from "@/i18n/messages";
import { formatDateTime } from "@/lib/format";
import type { PublishedDocumentDetail } from "../queries";
import { CorrectText, ReviseTarget, ReviseTask } from "./ReviseForms";

/**
 * A published document for its reviewers: live targets and tasks (50 a page), each with its edit
 * and retire forms for those who may publish, and the document's catalogue history newest first.
 */
export function PublishedDocument({
  lang,
  doc,
  taskPage,
  canRevise,
}: {
  lang: Lang;
  doc: PublishedDocumentDetail;
  taskPage: number;
  canRevise: boolean;
}) {
  const m = getMessages(lang);
  const t = m.catalogueHistory;
  const base = `/${lang}/admin/catalogue/documents/${doc.key}`;
  const pageLabel = fill(t.page, { page: taskPage, pages: doc.taskPages });
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/${lang}/admin/catalogue`} className="text-sm text-brand-700 underline">
          {t.back}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{fill(t.title, { key: doc.numberPrinted ?? doc.key })}</h1>
      <p className="text-slate-700">
        {lang === "en" ? doc.titleEn : doc.titleVi} · {t.origin[doc.origin]}
      </p>
      <p className="max-w-3xl text-sm text-slate-700">{t.intro}</p>
      {!canRevise && <p className="rounded bg-slate-100 p-2 text-sm">{t.readOnly}</p>}
      {canRevise && doc.text && (
        <CorrectText lang={lang} docKey={doc.key} version={doc.text.version} text={doc.text.text} />
      )}

      <section aria-labelledby="live-targets">
        <h2 id="live-targets" className="text-xl font-semibold">
          {fill(t.targets, { count: doc.targets.length })}
        </h2>
        {doc.targets.length === 0 ? (
          <p className="text-slate-600">{t.noTargets}</p>
        ) : (
          <ul className="divide-y rounded border" data-testid="live-targets">
            {doc.targets.map((x) => (
              <li key={x.key} className="space-y-1 p-3">
                <p className="text-sm">
                  <span className="font-mono">{x.key}</span> · {lang === "en" ? x.indicator.nameEn : x.indicator.nameVi}{" "}
                  · {x.year} {x.comparator} {x.approximate ? "≈" : ""}
                  {x.value} {x.indicator.unit}
                </p>
                <blockquote className="border-l-4 border-slate-300 pl-2 text-sm text-slate-700">
                  {x.quote} ({m.catalogue.field.line} {x.line})
                </blockquote>
                {canRevise && <ReviseTarget lang={lang} target={x} />}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="live-tasks">
        <h2 id="live-tasks" className="text-xl font-semibold">
          {fill(t.tasks, { count: doc.taskTotal })}
        </h2>
        {doc.tasks.length === 0 ? (
          <p className="text-slate-600">{t.noTasks}</p>
        ) : (
          <ul className="divide-y rounded border" data-testid="live-tasks">
            {doc.tasks.map((x) => (
              <li key={x.key} className="space-y-1 p-3">
                <p className="text-sm">
                  <span className="font-mono">{x.key}</span> · {x.title}
                </p>
                <p className="text-xs text-slate-600">
                  {x.leadRaw ?? x.leads.join(", ")} · {x.deadlineRaw ?? t.deadlineKind[x.deadlineKind as "NONE"]}
                </p>
                {canRevise && <ReviseTask lang={lang} task={x} />}
              </li>
            ))}
          </ul>
        )}
        {doc.taskPages > 1 && (
          <nav className="mt-2 flex gap-3 text-sm" aria-label={pageLabel}>
            {taskPage > 1 && <Link href={`${base}?page=${taskPage - 1}`}>{t.prev}</Link>}
            <span>{pageLabel}</span>
            {taskPage < doc.taskPages && <Link href={`${base}?page=${taskPage + 1}`}>{t.next}</Link>}
          </nav>
        )}
      </section>

      <section aria-labelledby="history">
        <h2 id="history" className="text-xl font-semibold">
          {t.history}
        </h2>
        {doc.history.length === 0 ? (
          <p className="text-slate-600">{t.noHistory}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="catalogue-history">
              <thead>
                <tr className="text-left">
                  <th className="p-1">{t.col.when}</th>
                  <th className="p-1">{t.col.action}</th>
                  <th className="p-1">{t.col.entity}</th>
                  <th className="p-1">{t.col.who}</th>
                  <th className="p-1">{t.col.reason}</th>
                  <th className="p-1">{t.col.change}</th>
                </tr>
              </thead>
              <tbody>
                {doc.history.map((h) => (
                  <tr key={h.id} className="border-t align-top">
                    <td className="p-1 whitespace-nowrap">{formatDateTime(h.at, lang)}</td>
                    <td className="p-1">{t.action[h.action as "EDIT"] ?? h.action}</td>
                    <td className="p-1">
                      {t.entity[h.entity as "TARGET"] ?? h.entity} <span className="font-mono">{h.entityKey}</span>
                    </td>
                    <td className="p-1">
                      {h.who ? `${h.who.name} (${lang === "en" ? h.who.agencyEn : h.who.agencyVi})` : t.unknownUser}
                    </td>
                    <td className="p-1">{h.reason}</td>
                    <td className="p-1">
                      <ul>
                        {h.changes.map((c) => (
                          <li key={c.field}>
                            {c.field}: {c.from} → {c.to}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
