import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allDocumentChecks, checkOutcome, documentChecks } from "./checks";

const dir = path.join(process.cwd(), "seeds/data");
const keys = readdirSync(dir)
  .filter((f) => /^doc-.*\.json$/.test(f))
  .map((f) => (JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { document: { key: string } }).document.key);

describe("document checks against public sources", () => {
  it("name documents by the keys in use", () => {
    for (const c of allDocumentChecks()) expect(keys, c.document).toContain(c.document);
  });

  it("record that public sources give 1437/QĐ-TTg, not the header's 4437", () => {
    const plan = documentChecks("1437-2024");
    const ninhThuan = plan.find(
      (c) => c.field === "numberCanonical" && c.url === "https://sonv.ninhthuan.gov.vn/portal/pages/print.aspx?p=33480",
    );
    expect(ninhThuan).toMatchObject({ stored: "4437/QĐ-TTg", found: "1437/QĐ-TTg", matches: false });
    expect(ninhThuan!.quote).toContain("1437/QĐ-TTg");
    expect(plan.find((c) => c.field === "issuedOn")).toMatchObject({ found: "2024-11-20", matches: true });
  });
});

describe("the outcome of a check", () => {
  const doc = {
    numberCanonical: "1437/QĐ-TTg",
    numberPrinted: "4437/QĐ-TTg",
    issuedOn: new Date("2024-11-20T00:00:00Z"),
  };
  it("says whether the data was corrected to the source or keeps the misprint as printed", () => {
    const [canonical, printed, date] = (["numberCanonical", "numberPrinted", "issuedOn"] as const).map((f) =>
      documentChecks("1437-2024").find((c) => c.field === f)!,
    );
    expect(checkOutcome(canonical, doc)).toBe("corrected");
    expect(checkOutcome(printed, doc)).toBe("keptAsPrinted");
    expect(checkOutcome(date, doc)).toBe("match");
    expect(checkOutcome(canonical, { ...doc, numberCanonical: "4437/QĐ-TTg" })).toBe("differs");
  });
});
