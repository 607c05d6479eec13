import { decisionRef } from "@/modules/decisions/serialize";
import type { TaskRow } from "./queries";

export function deadlineOf(t: {
  deadlineKind: string;
  deadlineRaw: string | null;
  deadlineYear: number | null;
  deadlineQuarter: number | null;
  deadlineFrom: number | null;
  deadlineTo: number | null;
  deadlineEvery: string | null;
  dueOn: Date | null;
}) {
  return {
    kind: t.deadlineKind,
    raw: t.deadlineRaw,
    year: t.deadlineYear,
    quarter: t.deadlineQuarter,
    from: t.deadlineFrom,
    to: t.deadlineTo,
    every: t.deadlineEvery,
    dueOn: t.dueOn ? t.dueOn.toISOString().slice(0, 10) : null,
  };
}

export function taskToApi(t: TaskRow, groups: Map<string, { nameVi: string; nameEn: string | null }>) {
  const named = (role: "LEAD" | "PARTNER") =>
    t.agencies
      .filter((a) => a.role === role)
      .map((a) =>
        a.agency
          ? { code: a.agency.code, name: { vi: a.agency.nameVi, en: a.agency.nameEn }, group: false }
          : {
              code: a.groupCode!,
              name: {
                vi: groups.get(a.groupCode!)?.nameVi ?? a.groupCode!,
                en: groups.get(a.groupCode!)?.nameEn ?? null,
              },
              group: true,
            },
      );
  return {
    key: t.key,
    decision: decisionRef(t.document),
    heading: t.heading ? { code: t.heading.code, title: t.heading.title } : null,
    numberPrinted: t.numberPrinted,
    line: t.line,
    title: t.title,
    product: t.product,
    leadRaw: t.leadRaw,
    partnersRaw: t.partnersRaw,
    leads: named("LEAD"),
    partners: named("PARTNER"),
    deadline: deadlineOf(t),
    reportingAgencies: {
      lead: t.assignees.filter((a) => a.role === "LEAD").map((a) => a.agency.code),
      partner: t.assignees.filter((a) => a.role === "PARTNER").map((a) => a.agency.code),
    },
  };
}
