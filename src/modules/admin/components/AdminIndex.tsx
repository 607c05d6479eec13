// The admin landing page: the sections the signed-in user may open.
import Link from "next/link";
import type { Lang } from "@/i18n/config";
import type { SessionUser } from "@/server/current-user";
import { can, type Permission } from "@/server/permissions";
import { getMessages } from "@/i18n/messages";
import { AdminHeading } from "./layout";

export function AdminIndex({ lang, user }: { lang: Lang; user: SessionUser }) {
  const m = getMessages(lang);
  const t = m.admin;
  const sections: { permission: Permission; href: string; title: string; hint: string }[] = [
    { permission: "admin.users", href: "users", title: t.index.users, hint: t.index.usersHint },
    { permission: "admin.periods", href: "periods", title: t.index.periods, hint: t.index.periodsHint },
    { permission: "admin.assignments", href: "assignments", title: t.index.assignments, hint: t.index.assignmentsHint },
    { permission: "catalogue.read", href: "catalogue", title: m.catalogue.nav, hint: m.catalogue.intro },
    { permission: "audit.read", href: "audit", title: t.index.audit, hint: t.index.auditHint },
    { permission: "admin.backups", href: "backups", title: m.ops.backups.nav, hint: m.ops.backups.navHint },
    { permission: "admin.outbox", href: "outbox", title: m.mail.outbox.nav, hint: m.mail.outbox.navHint },
  ];
  return (
    <div>
      <AdminHeading lang={lang} title={t.title} intro={t.intro} back={false} />
      <ul className="grid gap-4 sm:grid-cols-2">
        {sections
          .filter((s) => can(user.role, s.permission))
          .map((s) => (
            <li key={s.href} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="text-lg font-semibold">
                <Link href={`/${lang}/admin/${s.href}`} className="text-brand-700 hover:underline">
                  {s.title}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-slate-700">{s.hint}</p>
            </li>
          ))}
      </ul>
    </div>
  );
}
