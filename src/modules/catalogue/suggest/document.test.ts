import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { documentFields } from "./document";
import type { SuggestWarning } from "./types";

const read = (file: string) => {
  const warnings: SuggestWarning[] = [];
  const lines = readFileSync(path.join(process.cwd(), "seeds", "documents", file), "utf8").split("\n");
  return { fields: documentFields(lines, { sourceFile: file }, warnings), warnings };
};

describe("documentFields", () => {
  it("reads a decision's header: number, date, kind, issuer, title (411)", () => {
    const { fields, warnings } = read("000_8eabb89d266741a7.txt");
    expect(fields).toMatchObject({
      key: "411-2022",
      sourceFile: "000_8eabb89d266741a7.txt",
      numberPrinted: "411/QĐ-TTg",
      kind: "DECISION",
      inForce: true,
      issuedOn: "2022-03-31",
      issuer: "Thủ tướng Chính phủ",
    });
    expect(fields.titleVi).toMatch(/^PHÊ DUYỆT CHIẾN LƯỢC QUỐC GIA PHÁT TRIỂN KINH TẾ SỐ/);
    expect(warnings.some((w) => /capitals/.test(w.message))).toBe(true);
  });

  it("keeps the number as printed and flags where the text prints it otherwise (942, lines 3 and 533)", () => {
    const { fields, warnings } = read("002_fea93181fd3a4f8b.txt");
    expect(fields).toMatchObject({ numberPrinted: "342 /QĐ-TTg", issuedOn: "2021-06-15", kind: "DECISION" });
    expect(warnings.some((w) => w.line === 533 && /942\/QĐ-TTg/.test(w.message))).toBe(true);
  });

  it("reads a decision that issues an action plan as one (1437)", () => {
    const { fields, warnings } = read("001_69bc0a198e19f2ce.txt");
    expect(fields).toMatchObject({
      kind: "ACTION_PLAN",
      titleVi: "Ban hành Kế hoạch hành động quốc gia về phát triển kinh tế số giai đoạn 2024 - 2025",
    });
    expect(warnings.filter((w) => /gives the number as/.test(w.message)).map((w) => w.line)).toEqual([73, 227]);
  });

  it("reads a draft: not in force, no number, no date, title to complete (draft)", () => {
    const { fields, warnings } = read("004_2b3c07135e571f64.txt");
    expect(fields).toMatchObject({ kind: "DRAFT", inForce: false, numberPrinted: null, issuedOn: null });
    expect(fields.titleVi).toMatch(/^TODO/);
    expect(fields.key).toMatch(/^[a-z0-9-]+$/);
    expect(warnings.some((w) => /No document number/.test(w.message))).toBe(true);
  });

  it("reads a press summary: the number and date of the sentence naming it (749 summary, line 7)", () => {
    const { fields } = read("003_a267e6d62be9a015.txt");
    expect(fields).toMatchObject({
      kind: "PRESS_SUMMARY",
      numberPrinted: "749/QĐ-TTg",
      issuedOn: "2020-06-03",
      key: "749-2020",
    });
  });

  it("always leaves the English title to the editor", () => {
    const { fields, warnings } = read("000_8eabb89d266741a7.txt");
    expect(fields.titleEn).toMatch(/^TODO/);
    expect(warnings.some((w) => /titleEn/.test(w.message))).toBe(true);
  });
});
