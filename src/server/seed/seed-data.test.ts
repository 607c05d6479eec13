// The seed files against the raw documents, without a database: every quote verbatim, every
// heading's row count as in the document, and a hand-checked sample of values.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NormalisedText } from "@/lib/text";
import { defaultSeedsDir, loadSeeds } from "./load";
import { rowsBeforeFirstHeading, rowsPerHeading } from "./verify";

const bundle = loadSeeds(defaultSeedsDir());
const docs = Object.fromEntries(bundle.documents.map((d) => [d.document.key, d]));
const source = (key: string) =>
  readFileSync(path.join(defaultSeedsDir(), "documents", docs[key].document.sourceFile), "utf8");
const target = (id: string) => bundle.documents.flatMap((d) => d.targets).find((t) => t.id === id);

describe("seed files", () => {
  it("cover the five source documents", () => {
    expect(Object.keys(docs).sort()).toEqual(["1437-2024", "411-2022", "749-2020", "942-2021", "draft-cds"]);
    for (const f of [
      "000_8eabb89d266741a7.txt",
      "001_69bc0a198e19f2ce.txt",
      "002_fea93181fd3a4f8b.txt",
      "003_a267e6d62be9a015.txt",
      "004_2b3c07135e571f64.txt",
    ]) {
      expect(bundle.documents.some((d) => d.document.sourceFile === f)).toBe(true);
    }
  });

  describe.each(bundle.documents.map((d) => [d.document.key, d] as const))("%s", (_key, d) => {
    const text = new NormalisedText(source(d.document.key));

    it("quotes every target, commitment and task verbatim", () => {
      const missing = [
        ...d.targets.map((t) => ["target", t.id, t.quote] as const),
        ...d.commitments.map((c) => ["commitment", c.id, c.quote] as const),
        ...(d.taskTable?.tasks ?? []).flatMap((t) => [
          ["task", t.id, t.title] as const,
          ["lead", t.id, t.leadRaw ?? ""] as const,
        ]),
      ].filter(([, , q]) => q && !text.includes(q));
      expect(missing).toEqual([]);
    });

    it("states each target's number inside its quote", () => {
      // The documents write thousands as 1.000 and, in the draft, sometimes as 80,000.
      const vi = (n: number) => [
        String(n),
        n.toLocaleString("de-DE"),
        n.toLocaleString("en-US"),
        String(n).replace(".", ","),
      ];
      const absent = d.targets
        .filter((t) => !vi(t.value).some((s) => t.quote.replace(/\s+/g, " ").includes(s)))
        .map((t) => t.id);
      expect(absent).toEqual([]);
    });

    it("has as many task rows under each heading as the document", () => {
      const counts = rowsPerHeading(d, source(d.document.key));
      expect(counts.filter((c) => c.inDocument !== c.inSeed)).toEqual([]);
      expect(rowsBeforeFirstHeading(d, source(d.document.key))).toBe(0);
      expect(counts.reduce((n, c) => n + c.inSeed, 0)).toBe(d.taskTable?.tasks.length ?? 0);
    });

    it("gives every task a lead agency", () => {
      expect((d.taskTable?.tasks ?? []).filter((t) => t.leads.length === 0).map((t) => t.id)).toEqual([]);
    });
  });

  it("holds the values the documents state (hand-checked sample)", () => {
    const pick = (id: string) => {
      const t = target(id);
      return t && { indicator: t.indicator, year: t.year, comparator: t.comparator, value: t.value };
    };
    expect(pick("411-2025-de-gdp-share")).toEqual({
      indicator: "digital-economy-gdp-share",
      year: 2025,
      comparator: "GTE",
      value: 20,
    });
    expect(pick("749-2020-2030-de-gdp-share")).toEqual({
      indicator: "digital-economy-gdp-share",
      year: 2030,
      comparator: "GTE",
      value: 30,
    });
    expect(pick("749-2020-2025-egdi-rank")).toEqual({
      indicator: "egdi-rank",
      year: 2025,
      comparator: "LTE",
      value: 70,
    });
    expect(pick("749-2020-2025-fibre-households")).toEqual({
      indicator: "fibre-broadband-household-coverage",
      year: 2025,
      comparator: "GT",
      value: 80,
    });
    const levels = bundle.documents
      .flatMap((d) => d.targets)
      .filter((t) => t.id.startsWith("749-2020-2025-work-records-online"))
      .map((t) => [t.scope.kind === "GOV_LEVEL" ? t.scope.level : t.scope.kind, t.value]);
    expect(Object.fromEntries(levels)).toEqual({ CENTRAL_PROVINCE: 90, DISTRICT: 80, COMMUNE: 60 });
  });

  it("keeps decision numbers as printed and records the misprints", () => {
    expect(docs["942-2021"].document.numberPrinted).toBe("342 /QĐ-TTg");
    expect(docs["942-2021"].document.numberCanonical).toBe("942/QĐ-TTg");
    expect(
      docs["942-2021"].dataQualityNotes.some((n) => n.kind === "NUMBER_MISMATCH" && n.evidence?.includes("342")),
    ).toBe(true);
    expect(docs["1437-2024"].document.numberCanonical).toBe("1437/QĐ-TTg");
    expect(docs["1437-2024"].document.numberPrinted).toBe("4437/QĐ-TTg");
    const plan = docs["1437-2024"].dataQualityNotes;
    expect(plan.some((n) => n.kind === "NUMBER_MISMATCH" && n.evidence?.includes("143/QĐ-TTg"))).toBe(true);
    // One note names both printed variants and cites the public page that gives 1437/QĐ-TTg.
    const canonical = plan.find((n) => n.kind === "NUMBER_MISMATCH" && n.evidence?.includes("1437/QĐ-TTg"))!;
    for (const text of [canonical.noteVi, canonical.noteEn]) {
      expect(text).toContain('"4437/QĐ-TTg"');
      expect(text).toContain('"143/QĐ-TTg"');
      expect(text).toContain("https://sonv.ninhthuan.gov.vn/portal/pages/print.aspx?p=33480");
    }
    expect(plan.some((n) => n.kind === "WRONG_DATE" && n.evidence?.includes("2023"))).toBe(true);
    expect(docs["draft-cds"].document.inForce).toBe(false);
  });

  it("shares indicators between decisions so one chart can show all their thresholds", () => {
    const byIndicator = new Map<string, Set<string>>();
    for (const d of bundle.documents)
      for (const t of d.targets)
        (byIndicator.get(t.indicator) ?? byIndicator.set(t.indicator, new Set()).get(t.indicator)!).add(d.document.key);
    expect([...byIndicator.get("digital-economy-gdp-share")!].sort()).toEqual(["411-2022", "749-2020"]);
    expect(byIndicator.get("egdi-rank")!.size).toBeGreaterThanOrEqual(2);
  });
});
