// One task's "5 rõ" inside one lead agency: the person now, the internal deadline and expected
// result, the form for the agency's reporters, and every assignment with who made it, when
// (Vietnam time) and why. Shown on the task's reporting page and on its own page.
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDate, formatDateTime } from "@/lib/format";
import type { SessionUser } from "@/server/current-user";
import { dueDateText } from "../dates";
import { taskOwnerPanel, type TaskOwnerPanelData } from "../queries";
import { TaskOwnerForm } from "./TaskOwnerForm";

const who = (u: { name: string; email: string } | null) => (u ? `${u.name} <${u.email}>` : "—");

/** The panel for a task the agency leads; nothing when it does not lead it. */
export async function TaskOwnerPanel({
  lang,
  m,
  user,
  taskId,
  agencyId,
}: {
  lang: Lang;
  m: Messages;
  user: SessionUser;
  taskId: number;
  agencyId: number;
}) {
  const p = await taskOwnerPanel(user, taskId, agencyId);
  return p ? <TaskOwnerView lang={lang} m={m} p={p} /> : null;
}

export function TaskOwnerView({ lang, m, p }: { lang: Lang; m: Messages; p: TaskOwnerPanelData }) {
  const t = m.taskOwners;
  const taskId = p.task.id;
  const cur = p.current;
  // The form starts from the newest row when it names someone still holding the task.
  const start = cur ?? null;
  return (
    <section aria-labelledby="task-owner-title" className="space-y-3" data-testid="task-owner">
      <h2 id="task-owner-title" className="text-lg font-semibold">
        {t.title}
      </h2>
      <dl className="grid gap-2 rounded border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-medium text-slate-600">{t.person}</dt>
          <dd data-testid="task-owner-person">{cur ? who(cur.person) : <em>{t.nobody}</em>}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-600">{t.internalDue}</dt>
          <dd data-testid="task-owner-due">{cur?.internalDueOn ? formatDate(cur.internalDueOn, lang) : "—"}</dd>
        </div>
        <div className="sm:col-span-3">
          <dt className="font-medium text-slate-600">{t.expectedResult}</dt>
          <dd className="whitespace-pre-line" data-testid="task-owner-result">
            {cur?.expectedResult ?? "—"}
          </dd>
        </div>
      </dl>
      {p.canAssign && (
        <TaskOwnerForm
          lang={lang}
          taskId={taskId}
          basedOn={p.latestId}
          colleagues={p.colleagues.map((u) => ({ id: u.id, label: who(u) }))}
          initial={{
            userId: start ? String(start.userId) : "",
            due: dueDateText(start?.internalDueOn),
            result: start?.expectedResult ?? "",
          }}
          currentLabel={cur ? who(cur.person) : null}
        />
      )}
      <h3 className="font-semibold">{t.history}</h3>
      {p.history.length === 0 ? (
        <p className="text-sm text-slate-600">{t.historyEmpty}</p>
      ) : (
        <ol className="space-y-2" data-testid="task-owner-history">
          {p.history.map((h) => (
            <li key={h.id} className="rounded border border-slate-200 bg-white p-2 text-sm">
              <p className="text-xs text-slate-600">
                <time dateTime={h.createdAt.toISOString()}>
                  {fill(t.assignedBy, { who: who(h.by), at: formatDateTime(h.createdAt, lang) })}
                </time>
              </p>
              <p>
                {h.person ? (
                  <>
                    <strong>{who(h.person)}</strong>
                    {h.internalDueOn ? ` · ${t.internalDue}: ${formatDate(h.internalDueOn, lang)}` : ""}
                  </>
                ) : (
                  <strong>{t.withdrawn}</strong>
                )}
              </p>
              {h.expectedResult && (
                <p className="whitespace-pre-line text-slate-700">
                  {t.expectedResult}: {h.expectedResult}
                </p>
              )}
              {h.reason && (
                <p className="text-slate-700">
                  {t.reason}: “{h.reason}”
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
