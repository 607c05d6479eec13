// The open-data API called as Next.js calls it: every target and task of the seed files must be
// reachable by following the pagination links.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as agenciesGET } from "@/app/api/v1/agencies/route";
import { GET as decisionGET } from "@/app/api/v1/decisions/[key]/route";
import { GET as decisionsGET } from "@/app/api/v1/decisions/route";
import { GET as indicatorsGET } from "@/app/api/v1/indicators/route";
import { GET as tasksGET } from "@/app/api/v1/tasks/route";

type Handler = (req: Request) => Promise<Response>;
const base = "http://localhost";

async function collect(handler: Handler, first: string) {
  const items: any[] = [];
  let next: string | null = first;
  let pages = 0;
  while (next) {
    const res = await handler(new Request(base + next));
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = await res.json();
    items.push(...body.data);
    next = body.links.next;
    if (++pages > 100) throw new Error("pagination does not end");
  }
  return { items, pages };
}

const seedDocs = [
  "doc-411-2022.json",
  "doc-1437-2024.json",
  "doc-749-2020.json",
  "doc-942-2021.json",
  "doc-draft-cds.json",
].map((f) => JSON.parse(readFileSync(path.join(process.cwd(), "seeds/data", f), "utf8")));

describe("GET /api/v1/indicators", () => {
  it("lists every quantitative target with its decision, year, comparator, value and quote", async () => {
    const { items, pages } = await collect(indicatorsGET, "/api/v1/indicators?pageSize=7");
    expect(pages).toBeGreaterThan(1);
    const served = new Map(items.flatMap((i) => i.targets.map((t: any) => [t.key, { ...t, indicator: i.code }])));
    const expected = seedDocs.flatMap((d) => d.targets.map((t: any) => ({ ...t, doc: d.document })));
    expect(served.size).toBe(expected.length);
    for (const t of expected) {
      const s: any = served.get(t.id);
      expect(s, t.id).toBeDefined();
      expect({
        indicator: s.indicator,
        decision: s.decision.key,
        year: s.year,
        comparator: s.comparator,
        value: s.value,
        quote: s.quote,
      }).toEqual({
        indicator: t.indicator,
        decision: t.doc.key,
        year: t.year,
        comparator: t.comparator,
        value: t.value,
        quote: t.quote,
      });
    }
  });

  it("shows one indicator's targets from several decisions together", async () => {
    const res = await indicatorsGET(new Request(`${base}/api/v1/indicators?pageSize=500`));
    const gdp = (await res.json()).data.find((i: any) => i.code === "digital-economy-gdp-share");
    const pairs = gdp.targets.map((t: any) => `${t.decision.number} ${t.year} ${t.comparator} ${t.value}`).sort();
    expect(pairs).toEqual([
      "411/QĐ-TTg 2025 GTE 20",
      "411/QĐ-TTg 2030 GTE 30",
      "749/QĐ-TTg 2025 GTE 20",
      "749/QĐ-TTg 2030 GTE 30",
    ]);
  });

  it("rejects bad query parameters with a 400 and a message", async () => {
    for (const q of ["pageSize=0", "pageSize=abc", "page=-1", "pillar=SPACE", "pageSize=100000"]) {
      const res = await indicatorsGET(new Request(`${base}/api/v1/indicators?${q}`));
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.message).toMatch(/không hợp lệ/);
    }
  });

  it("refuses a parameter given twice, naming it, whichever value comes last; ignores repeated unknown ones", async () => {
    for (const q of [
      "page=-1&page=1",
      "page=1&page=1",
      "pillar=SPACE&pillar=DIGITAL_ECONOMY",
      "pageSize=5&decision=411-2022&decision=942-2021",
    ]) {
      const res = await indicatorsGET(new Request(`${base}/api/v1/indicators?${q}`));
      expect(res.status, q).toBe(400);
      const { error } = await res.json();
      const param = q.split("&").at(-1)!.split("=")[0];
      expect(error.details, q).toEqual([
        { param, message: `Tham số "${param}" được gửi nhiều lần; mỗi tham số chỉ được gửi một lần.` },
      ]);
    }
    const res = await indicatorsGET(new Request(`${base}/api/v1/indicators?pageSize=5&utm=a&utm=b`));
    expect(res.status).toBe(200);
    expect((await res.json()).data).toHaveLength(5);
  });
});

describe("GET /api/v1/tasks", () => {
  it("lists every task with its lead agencies and deadline", async () => {
    const { items } = await collect(tasksGET, "/api/v1/tasks?pageSize=100");
    const expected = seedDocs.flatMap((d) => d.taskTable?.tasks ?? []);
    expect(items).toHaveLength(expected.length);
    const byKey = new Map(items.map((t) => [t.key, t]));
    for (const t of expected) {
      const s: any = byKey.get(t.id);
      expect(s.title).toBe(t.title);
      expect(s.leads.map((l: any) => l.code)).toEqual(t.leads);
      expect(s.deadline.kind).toBe(t.deadline.kind);
      expect(s.deadline.raw).toBe(t.deadlineRaw ?? null);
      expect(s.reportingAgencies.lead.length, t.id).toBeGreaterThan(0);
    }
  });

  it("hands tasks of merged ministries to their successors and filters by agency", async () => {
    const res = await tasksGET(new Request(`${base}/api/v1/tasks?decision=942-2021&pageSize=500`));
    const ndxp = (await res.json()).data.find(
      (t: any) => t.title === "Phát triển Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)",
    );
    expect(ndxp.leads.map((l: any) => l.code)).toEqual(["BTTTT"]);
    expect(ndxp.reportingAgencies.lead).toEqual(["BKHCN"]);
    const mine = await (await tasksGET(new Request(`${base}/api/v1/tasks?agency=BKHCN&pageSize=500`))).json();
    expect(mine.data.length).toBeGreaterThan(50);
    expect(
      mine.data.every((t: any) => [...t.reportingAgencies.lead, ...t.reportingAgencies.partner].includes("BKHCN")),
    ).toBe(true);
  });
});

describe("GET /api/v1/agencies and /decisions", () => {
  it("lists the registry with the 2025 reorganisation", async () => {
    const { items } = await collect(agenciesGET, "/api/v1/agencies?pageSize=50");
    const btttt = items.find((a) => a.code === "BTTTT");
    expect(btttt.validTo).toBe("2025-02-28");
    expect(btttt.successors).toContainEqual(
      expect.objectContaining({ code: "BKHCN", date: "2025-03-01", kind: "MERGE" }),
    );
    const current = await (
      await agenciesGET(new Request(`${base}/api/v1/agencies?kind=PROVINCE&current=true&pageSize=500`))
    ).json();
    expect(current.meta.total).toBe(34);
  });

  it("lists the five documents and serves one with its targets and data-quality notes", async () => {
    const list = await (await decisionsGET(new Request(`${base}/api/v1/decisions`))).json();
    expect(list.data.map((d: any) => d.key).sort()).toEqual([
      "1437-2024",
      "411-2022",
      "749-2020",
      "942-2021",
      "draft-cds",
    ]);
    const res = await decisionGET(new Request(`${base}/api/v1/decisions/942-2021`), {
      params: Promise.resolve({ key: "942-2021" }),
    });
    const d = (await res.json()).data;
    expect(d.numberPrinted).toBe("342 /QĐ-TTg");
    expect(d.dataQualityNotes.some((n: any) => n.kind === "NUMBER_MISMATCH")).toBe(true);
    const missing = await decisionGET(new Request(`${base}/api/v1/decisions/nope`), {
      params: Promise.resolve({ key: "nope" }),
    });
    expect(missing.status).toBe(404);
  });
});
