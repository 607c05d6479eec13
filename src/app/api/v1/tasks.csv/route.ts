import { corsPreflight, publicRoute } from "@/server/api";
import { csvResponse, toCsv } from "@/lib/csv";
import { parseTaskFilters } from "@/modules/tasks/filters";
import { publicTasks } from "@/modules/tasks/public";

export const dynamic = "force-dynamic";

/** Public: every task matching the tasks page's filters (all pages), status from approved updates only. */
export const GET = publicRoute(async (req: Request) => {
  const { decision, agency, status, q } = parseTaskFilters(new URL(req.url).searchParams);
  const rows = await publicTasks({ decision, agency, status, q });
  return csvResponse(
    "tasks.csv",
    toCsv(
      [
        "key",
        "decision",
        "number",
        "title",
        "lead_as_named",
        "lead_agencies_today",
        "deadline_raw",
        "due_date",
        "status",
      ],
      rows.map((t) => [
        t.key,
        t.document.key,
        t.numberPrinted,
        t.title,
        t.leadRaw,
        t.leadCodes.join("; "),
        t.deadlineRaw,
        t.dueOn ? t.dueOn.toISOString().slice(0, 10) : null,
        t.status,
      ]),
    ),
    { public: true },
  );
});

export const OPTIONS = corsPreflight;
