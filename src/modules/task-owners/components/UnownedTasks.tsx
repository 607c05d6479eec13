// On an agency's dashboard: how many of the tasks it leads name no person, and the first of them.
// The dashboard is for signed-in staff allowed to see the agency (its page checks); the person's
// name is never shown here, only whether there is one.
import Link from "next/link";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import type { SessionUser } from "@/server/current-user";
import { can } from "@/server/permissions";
import { canSeeOwners } from "../policy";
import { ledTasksWithOwners } from "../queries";
import { ownersHref } from "./OwnersList";

const SHOWN = 10;

export async function UnownedTasks({
  lang,
  m,
  user,
  agency,
}: {
  lang: Lang;
  m: Messages;
  user: SessionUser;
  agency: { id: number; code: string };
}) {
  if (!canSeeOwners(user, agency.id)) return null;
  const t = m.taskOwners;
  const list = await ledTasksWithOwners(user, agency.id, { without: true, skip: 0, take: SHOWN });
  if (list.total === 0) return null;
  // National roles name the agency in the list's address; agency staff always get their own.
  const code = can(user.role, "national.read") ? agency.code : undefined;
  const taskHref = (id: number) => `/${lang}/reporting/owners/${id}${code ? `?agency=${code}` : ""}`;
  return (
    <section aria-labelledby="unowned" className="space-y-2" data-testid="unowned-tasks">
      <h2 id="unowned" className="text-xl font-semibold text-brand-800">
        {t.dashboardTitle}
      </h2>
      <p data-testid="unowned-count">
        {list.without === 0 ? t.dashboardAll : fill(t.dashboardCount, { count: list.without, total: list.total })}
      </p>
      {list.items.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {list.items.map(({ task }) => (
            <li key={task.id}>
              <Link href={taskHref(task.id)} className="text-brand-700 underline">
                {task.document.numberCanonical ?? ""} · {task.numberPrinted ?? ""}
              </Link>{" "}
              <span lang="vi">{task.title.length > 120 ? `${task.title.slice(0, 120)}…` : task.title}</span>
            </li>
          ))}
        </ul>
      )}
      {list.without > 0 && (
        <Link href={ownersHref(lang, { agency: code, without: true })} className="text-sm text-brand-700 underline">
          {fill(t.dashboardMore, { count: list.without })}
        </Link>
      )}
    </section>
  );
}
