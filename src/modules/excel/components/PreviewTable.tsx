import type { ReactNode } from "react";
import { TableHead } from "@/components/table/TableHead";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { translate } from "@/i18n/translate";
import { formatValue } from "@/lib/format";
import type { ImportBatchView } from "../import";
import type { IndicatorImportRow, RowError, TaskImportRow } from "../parse";

const MAX_SHOWN = 300;
const short = (s: string) => (s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s);

/** A row's errors in the page's language (a batch stored before messages were keys shows its text as is). */
function Errors({ errors, lang, m, id }: { errors: RowError[]; lang: Lang; m: Messages; id: string }) {
  if (!errors.length) return null;
  return (
    <ul id={id} className="list-disc space-y-1 pl-4 text-red-800">
      {errors.map((e, i) => (
        <li key={i}>
          {e.field && e.field in m.excel.fields && (
            <strong>{m.excel.fields[e.field as keyof Messages["excel"]["fields"]]}: </strong>
          )}
          {translate(lang, e.message)}
        </li>
      ))}
    </ul>
  );
}

function Fields({ items, m }: { items: FieldList; m: Messages }) {
  const shown = items.filter(([, v]) => v != null && v.trim() !== "");
  if (!shown.length) return null;
  return (
    <dl className="mt-1 space-y-0.5 text-xs text-slate-700">
      {shown.map(([k, v]) => (
        <div key={k}>
          <dt className="inline font-medium">{m.excel.fields[k]}: </dt>
          <dd className="inline whitespace-pre-line break-words">{short(v!)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What is stored now: the value (children) and its workflow state, or "not started". */
function CurrentCell({ m, state, children }: { m: Messages; state: string | undefined; children: ReactNode }) {
  return (
    <td className="px-3 py-2">
      {state ? (
        <>
          {children}
          <span className="block text-xs text-slate-500">
            {m.reporting.states[state as keyof Messages["reporting"]["states"]] ?? state}
          </span>
        </>
      ) : (
        <span className="text-slate-500">{m.reporting.states.NOT_STARTED}</span>
      )}
    </td>
  );
}

function OutcomeCell({ lang, m, row, id }: { lang: Lang; m: Messages; row: ImportRow; id: string }) {
  return (
    <td className="px-3 py-2">
      <span className={row.outcome === "error" ? "font-medium text-red-800" : ""}>{m.excel.outcome[row.outcome]}</span>
      <Errors errors={row.errors} lang={lang} m={m} id={id} />
    </td>
  );
}

type ImportRow = IndicatorImportRow | TaskImportRow;
type FieldList = [keyof Messages["excel"]["fields"], string | null | undefined][];

/** What differs between an indicator's and a task's line of the preview. */
type RowView = { item: ReactNode; current: ReactNode; proposed: ReactNode; fields: FieldList };

function indicatorView(r: IndicatorImportRow, lang: Lang, m: Messages): RowView {
  return {
    item: (
      <>
        {r.name || r.code || m.excel.empty}
        <span className="block text-xs text-slate-500">{r.code}</span>
      </>
    ),
    current:
      r.current && (r.current.value == null ? m.excel.empty : formatValue(r.current.value, r.unit, r.kind, lang)),
    proposed: r.parsedValue != null ? formatValue(r.parsedValue, r.unit, r.kind, lang) : r.input.value || m.excel.empty,
    fields: [
      ["source", r.input.source],
      ["note", r.input.note],
      ["explanation", r.input.explanation],
      ["evidenceUrl", r.input.evidenceUrl],
    ],
  };
}

function taskView(r: TaskImportRow, _lang: Lang, m: Messages): RowView {
  const status = (s: string | null) =>
    s ? (m.reporting.taskStatus[s as keyof Messages["reporting"]["taskStatus"]] ?? s) : m.excel.empty;
  return {
    item: (
      <>
        <span className="line-clamp-3">{r.title || m.excel.empty}</span>
        <span className="block text-xs text-slate-500">{r.key}</span>
      </>
    ),
    current:
      r.current &&
      `${status(r.current.status)}${r.current.percentComplete != null ? ` · ${r.current.percentComplete}%` : ""}`,
    proposed: (
      <>
        {r.input.status ? status(r.input.status) : r.input.statusText || m.excel.empty}
        {r.parsedPercent != null ? ` · ${r.parsedPercent}%` : r.input.percent ? ` · ${r.input.percent}` : ""}
      </>
    ),
    fields: [
      ["achieved", r.input.achieved],
      ["obstacles", r.input.obstacles],
      ["nextSteps", r.input.nextSteps],
      ["evidenceUrl", r.input.evidenceUrl],
    ],
  };
}

const ROW_CLASS = { error: "bg-red-50", change: "bg-white", same: "bg-white text-slate-600" } as const;

/**
 * The lines of the preview, the same for indicators and tasks: each row's line in the file, the
 * item, what is stored now, what would be written (the main figure, then the text fields) and the
 * outcome; `view` supplies what differs by kind.
 */
function PreviewRows<R extends ImportRow>({
  rows,
  prefix,
  view,
  lang,
  m,
}: {
  rows: R[];
  prefix: string;
  view: (r: R, lang: Lang, m: Messages) => RowView;
  lang: Lang;
  m: Messages;
}) {
  return rows.map((row) => {
    const { item, current, proposed, fields } = view(row, lang, m);
    const id = `${prefix}-${row.row}`;
    return (
      <tr
        key={id}
        className={`border-t border-slate-100 align-top ${ROW_CLASS[row.outcome]}`}
        data-testid="preview-row"
        data-outcome={row.outcome}
      >
        <td className="px-3 py-2 tabular-nums">{row.row}</td>
        <td className="px-3 py-2">{item}</td>
        <CurrentCell m={m} state={row.current?.state}>
          {current}
        </CurrentCell>
        <td className="px-3 py-2">
          <span className="font-medium">{proposed}</span>
          <Fields m={m} items={fields} />
        </td>
        <OutcomeCell lang={lang} m={m} row={row} id={`${id}-errors`} />
      </tr>
    );
  });
}

function Table({ caption, children, m }: { caption: string; children: ReactNode; m: Messages }) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="bg-slate-50 px-3 py-2 text-left font-semibold">{caption}</caption>
        <TableHead
          className="bg-slate-100 text-left"
          cellClass="px-3 py-2"
          columns={[m.excel.row, m.excel.item, m.excel.current, m.excel.willWrite, m.excel.outcomeLabel].map(
            (label) => ({
              label,
            }),
          )}
        />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function Section<R extends { outcome: string }>({
  title,
  rows,
  render,
  m,
}: {
  title: string;
  rows: R[];
  render: (rows: R[]) => ReactNode;
  m: Messages;
}) {
  const main = rows.filter((r) => r.outcome !== "same");
  const same = rows.filter((r) => r.outcome === "same");
  return (
    <section className="space-y-2">
      <h3 className="text-lg font-semibold">
        {title} ({rows.length})
      </h3>
      {main.length ? (
        <Table caption={title} m={m}>
          {render(main)}
        </Table>
      ) : (
        <p className="text-sm text-slate-600">{m.excel.noRows}</p>
      )}
      {same.length > 0 && (
        <details className="rounded border border-slate-200 bg-white p-2">
          <summary className="cursor-pointer text-sm">{fill(m.excel.unchangedRows, { count: same.length })}</summary>
          <div className="mt-2">
            <Table caption={fill(m.excel.unchangedRows, { count: same.length })} m={m}>
              {render(same)}
            </Table>
          </div>
        </details>
      )}
    </section>
  );
}

/** Every row of an uploaded file: what is stored now, what would be written, and its errors. */
export function PreviewTable({ batch, lang, m }: { batch: ImportBatchView; lang: Lang; m: Messages }) {
  const { parsed, summary } = batch;
  return (
    <div className="space-y-4">
      <div
        role="status"
        className={`rounded border p-3 ${summary.invalid + parsed.fileErrors.length > 0 ? "border-red-300 bg-red-50" : "border-green-300 bg-green-50"}`}
      >
        <p className="font-semibold" data-testid="preview-summary">
          {fill(m.excel.summary, { valid: summary.valid, invalid: summary.invalid })}
        </p>
        <p className="text-sm">
          {fill(m.excel.summaryDetail, { changes: summary.changes, unchanged: summary.unchanged })}
        </p>
      </div>
      {parsed.fileErrors.length > 0 && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-semibold">{m.excel.fileErrors}</p>
          <ul className="mt-1 list-disc pl-5">
            {parsed.fileErrors.map((e, i) => (
              <li key={i}>{translate(lang, e)}</li>
            ))}
          </ul>
        </div>
      )}
      <Section
        title={m.excel.indicators}
        rows={parsed.indicators}
        m={m}
        render={(rows) => <PreviewRows rows={rows} prefix="ind" view={indicatorView} lang={lang} m={m} />}
      />
      <Section
        title={m.excel.tasks}
        rows={parsed.tasks}
        m={m}
        render={(rows) => <PreviewRows rows={rows} prefix="task" view={taskView} lang={lang} m={m} />}
      />
    </div>
  );
}
