import { clockNow } from "@/server/clock";
import Link from "next/link";
import type { ReactNode } from "react";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDateTime } from "@/lib/format";
import { formatQuarter } from "@/lib/periods";
import type { SessionUser } from "@/server/current-user";
import { can } from "@/server/permissions";
import { Conversation } from "@/modules/conversations/components/Conversation";
import { itemSurroundings } from "../queries";
import { editable } from "../rules";
import { ItemActionForm } from "./ItemForms";
import { StateBadge } from "./StateBadge";

type Revision = {
  id: number;
  version: number;
  state: string;
  createdAt: Date;
  comment: string | null;
  author: { name: string; email: string } | null;
  evidenceFileId: string | null;
};

// Just over 80 lines: the item page is one column of sections (state, evidence, reopen, history),
// each a few lines of markup; the data it needs comes from one query (itemSurroundings).
/** The parts every progress item shows: state, evidence, history, and the forms its roles may use. */
export async function ItemDetail({
  lang,
  m,
  user,
  kind,
  record,
  title,
  summary,
  revisions,
  describe,
}: {
  lang: Lang;
  m: Messages;
  user: SessionUser;
  kind: "obs" | "task";
  record: {
    id: number;
    agencyId: number;
    year: number;
    quarter: number;
    state: string;
    reopened: boolean;
    evidenceUrl: string | null;
    evidenceFileId: string | null;
    reviewComment: string | null;
    late: boolean;
    agency: { nameVi: string; nameEn: string };
  };
  title: string;
  summary: ReactNode;
  revisions: Revision[];
  describe: (r: Revision) => string;
}) {
  const r = m.reporting;
  const { period, files } = await itemSurroundings(
    user,
    record,
    revisions.map((x) => x.evidenceFileId),
  );
  const canWrite =
    can(user.role, "reporting.write") &&
    user.agencyId === record.agencyId &&
    editable(record.state, period, clockNow(), record.reopened);
  return (
    <article className="space-y-6">
      <div>
        <Link
          href={`/${lang}/reporting?period=${record.year}-Q${record.quarter}`}
          className="text-sm text-brand-700 hover:underline"
        >
          ← {r.nav}
        </Link>
        <h1 className="mt-2 text-2xl font-bold text-brand-800">{title}</h1>
        <p className="text-slate-700">
          {lang === "vi" ? record.agency.nameVi : record.agency.nameEn} · {formatQuarter(record, lang)} ·{" "}
          <StateBadge state={record.state} m={r} />
          {record.late && <span className="ml-2 text-xs text-amber-900">⏰ {r.late}</span>}
        </p>
        {record.reviewComment && (
          <p className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900">
            {r.reviewComment}: {record.reviewComment}
          </p>
        )}
      </div>
      <section className="rounded border border-slate-200 bg-white p-4">{summary}</section>
      <section aria-labelledby="evidence" className="space-y-2">
        <h2 id="evidence" className="text-lg font-semibold">
          {r.evidence}
        </h2>
        {record.evidenceUrl && (
          <p className="text-sm">
            <a
              href={record.evidenceUrl}
              rel="noopener noreferrer nofollow"
              target="_blank"
              className="text-brand-700 underline"
            >
              {record.evidenceUrl}
            </a>
          </p>
        )}
        <ul className="text-sm">
          {files.map((f) => (
            <li key={f.id}>
              <a href={`/api/evidence/${f.id}`} className="text-brand-700 underline">
                ⬇ {f.originalName}
              </a>{" "}
              <span className="text-slate-500">({Math.ceil(f.size / 1024)} KB)</span>
            </li>
          ))}
        </ul>
        {canWrite && <ItemActionForm variant="evidence" kind={kind} id={record.id} m={r} />}
        {!canWrite && record.state !== "DRAFT" && record.state !== "RETURNED" && (
          <p className="text-sm text-slate-600">{r.readOnly}</p>
        )}
      </section>
      {can(user.role, "reporting.reopen") && record.state !== "DRAFT" && (
        <section aria-labelledby="reopen" className="space-y-2">
          <h2 id="reopen" className="text-lg font-semibold">
            {r.reopen}
          </h2>
          <ItemActionForm variant="reopen" kind={kind} id={record.id} m={r} />
        </section>
      )}
      <section aria-labelledby="history">
        <h2 id="history" className="text-lg font-semibold">
          {r.history}
        </h2>
        {revisions.length === 0 ? (
          <p className="text-sm text-slate-600">{r.historyEmpty}</p>
        ) : (
          <ol className="mt-2 space-y-2" data-testid="history">
            {revisions.map((rev) => (
              <li key={rev.id} className="rounded border border-slate-200 bg-white p-2 text-sm">
                <p className="text-xs text-slate-600">
                  {fill(r.version, { version: rev.version })} ·{" "}
                  <time dateTime={rev.createdAt.toISOString()}>{formatDateTime(rev.createdAt, lang)}</time>
                  {rev.author ? ` · ${fill(r.by, { who: `${rev.author.name} <${rev.author.email}>` })}` : ""} ·{" "}
                  <StateBadge state={rev.state} m={r} />
                </p>
                <p>{describe(rev)}</p>
                {rev.comment && <p className="text-slate-700">“{rev.comment}”</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <Conversation lang={lang} m={m} user={user} item={{ kind, id: record.id, agencyId: record.agencyId }} />
    </article>
  );
}
