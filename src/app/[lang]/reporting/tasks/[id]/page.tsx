import { forbidden, notFound } from "next/navigation";
import { resolveLang } from "@/i18n/server";
import { ItemDetail } from "@/modules/reporting/components/ItemDetail";
import { taskProgressDetail } from "@/modules/reporting/queries";
import { TaskOwnerPanel } from "@/modules/task-owners/components/TaskOwnerPanel";
import { pageUser } from "@/server/page-auth";

export const dynamic = "force-dynamic";

export default async function TaskProgressPage({ params }: { params: Promise<{ lang: string; id: string }> }) {
  const { lang, m } = await resolveLang(params);
  const { id } = await params;
  const { user, allowed } = await pageUser(lang, "reporting.read", `/${lang}/reporting/tasks/${id}`);
  if (!allowed) forbidden();
  const n = Number(id);
  const p = Number.isInteger(n) && n > 0 && n < 2 ** 31 ? await taskProgressDetail(user, n) : null;
  if (!p) notFound();
  const r = m.reporting;
  return (
    <div className="space-y-6">
      <ItemDetail
        lang={lang}
        m={m}
        user={user}
        kind="task"
        record={p}
        title={`${p.task.document.numberCanonical ?? ""} · ${p.task.numberPrinted ?? ""}`}
        revisions={p.revisions}
        describe={(rev) => {
          const full = p.revisions.find((x) => x.id === rev.id)!;
          return `${r.taskStatus[full.status]}${full.percentComplete == null ? "" : ` (${full.percentComplete}%)`}${full.achieved ? ` · ${r.achieved}: ${full.achieved}` : ""}`;
        }}
        summary={
          <div className="space-y-2 text-sm">
            <p lang="vi">{p.task.title}</p>
            <dl className="grid gap-2 sm:grid-cols-2">
              <div>
                <dt className="font-medium text-slate-600">{r.status}</dt>
                <dd>
                  {r.taskStatus[p.status]}
                  {p.percentComplete == null ? "" : ` (${p.percentComplete}%)`}
                </dd>
              </div>
              <div>
                <dt className="font-medium text-slate-600">{r.achieved}</dt>
                <dd>{p.achieved ?? "—"}</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-600">{r.obstacles}</dt>
                <dd>{p.obstacles ?? "—"}</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-600">{r.nextSteps}</dt>
                <dd>{p.nextSteps ?? "—"}</dd>
              </div>
            </dl>
          </div>
        }
      />
      <TaskOwnerPanel lang={lang} m={m} user={user} taskId={p.taskId} agencyId={p.agencyId} />
    </div>
  );
}
