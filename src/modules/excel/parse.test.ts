import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { INDICATOR_COLUMNS, META, SHEETS, TASK_COLUMNS } from "./layout";
import { translate } from "@/i18n/translate";
import { cellText, checkFile, parseWorkbook, plainNumber, type ImportContext } from "./parse";

/** A zip whose central directory claims one entry of `size` bytes (nothing else is read). */
function zipClaiming(size: number): Uint8Array {
  const head = 30;
  const buf = new Uint8Array(head + 46 + 22);
  const v = new DataView(buf.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint32(head, 0x02014b50, true);
  v.setUint32(head + 24, size, true);
  const eocd = head + 46;
  v.setUint32(eocd, 0x06054b50, true);
  v.setUint16(eocd + 10, 1, true);
  v.setUint32(eocd + 12, 46, true);
  v.setUint32(eocd + 16, head, true);
  return buf;
}

describe("checkFile", () => {
  it("refuses empty, oversized, non-zip and old .xls files with a Vietnamese message by default", () => {
    expect(() => checkFile(new Uint8Array())).toThrow(/trống/);
    expect(() => checkFile(new Uint8Array(5 * 1024 * 1024 + 1))).toThrow(/tối đa là 5 MB/);
    expect(() => checkFile(new TextEncoder().encode("a,b,c\n1,2,3"))).toThrow(/không phải là tệp Excel/);
    expect(() => checkFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toThrow(/97–2003/);
  });

  it("refuses a zip that would unpack to far more than a template, before unpacking it", () => {
    expect(() => checkFile(zipClaiming(1024))).not.toThrow();
    expect(() => checkFile(zipClaiming(100 * 1024 * 1024))).toThrow(/quá lớn sau khi giải nén/);
  });
});

describe("cell values", () => {
  it("writes numbers as the reporting rules read them", () => {
    expect(plainNumber(41.5)).toBe("41,5");
    expect(plainNumber(1000)).toBe("1000");
    expect(plainNumber(1e21)).toBe("1000000000000000000000");
    expect(plainNumber(1e-7)).toBe("0,0000001");
  });

  it("reads rich text, formulas, links and dates as text", () => {
    expect(cellText({ richText: [{ text: "Đang " }, { text: "thực hiện" }] })).toBe("Đang thực hiện");
    expect(cellText({ formula: "A1*2", result: 20.5 })).toBe("20,5");
    expect(cellText({ text: "minh chứng", hyperlink: "https://example.gov.vn/a" })).toBe("minh chứng");
    expect(cellText({ text: "minh chứng", hyperlink: "https://example.gov.vn/a" }, true)).toBe(
      "https://example.gov.vn/a",
    );
    expect(cellText(new Date(Date.UTC(2026, 8, 30)))).toBe("2026-09-30");
    expect(cellText("dòng 1\r\ndòng 2")).toBe("dòng 1\ndòng 2");
  });
});

describe("parseWorkbook", () => {
  const ctx: ImportContext = {
    agencyCode: "T-TEST",
    year: 2026,
    quarter: 3,
    period: { opensAt: new Date("2026-10-01"), dueAt: new Date("2026-11-30"), locksAt: new Date("2027-01-29") },
    now: new Date("2026-11-01"),
    indicators: new Map([
      ["ind-a", { id: 1, nameVi: "A", kind: "PERCENT", unit: "%", minValue: 0, maxValue: 100, assigned: true }],
    ]),
    observations: new Map(),
    tasks: new Map([["task-a", { id: 7, title: "Nhiệm vụ A", led: true }]]),
    progress: new Map(),
  };

  async function file(fill: (ind: ExcelJS.Worksheet, tasks: ExcelJS.Worksheet) => void) {
    const wb = new ExcelJS.Workbook();
    const guide = wb.addWorksheet(SHEETS.guide);
    guide.addRow([META.agencyCode, "T-TEST"]);
    guide.addRow([META.period, "2026-Q3"]);
    const ind = wb.addWorksheet(SHEETS.indicators);
    ind.addRow(INDICATOR_COLUMNS.map((c) => c.header));
    const tasks = wb.addWorksheet(SHEETS.tasks);
    tasks.addRow(TASK_COLUMNS.map((c) => c.header));
    fill(ind, tasks);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it("reads a decimal comma and a percentage-formatted cell", async () => {
    const bytes = await file((ind, tasks) => {
      ind.addRow(["ind-a", 0, "A", "%", "", "", "", "20,5"]);
      const r = tasks.addRow(["task-a", 0, "", "", "", "", "Đang thực hiện", 0.6]);
      r.getCell(8).numFmt = "0%";
    });
    const p = await parseWorkbook(bytes, ctx);
    expect(p.fileErrors).toEqual([]);
    expect(p.indicators[0]).toMatchObject({ outcome: "change", parsedValue: 20.5, input: { value: "20,5" } });
    expect(p.tasks[0]).toMatchObject({ outcome: "change", parsedPercent: 60, input: { status: "IN_PROGRESS" } });
  });

  it("flags a new row without a key and data outside the template's columns", async () => {
    const bytes = await file((ind) => {
      ind.addRow(["", "", "Chỉ tiêu tự thêm", "%", "", "", "", "10"]);
      const r = ind.addRow(["ind-a", 0, "A", "%", "", "", "", "10"]);
      r.getCell(INDICATOR_COLUMNS.length + 2).value = "ghi thêm";
    });
    const p = await parseWorkbook(bytes, ctx);
    expect(translate("vi", p.indicators[0].errors[0].message)).toMatch(/không có mã/);
    expect(translate("vi", p.indicators[1].errors[0].message)).toMatch(/ngoài các cột của mẫu/);
  });

  it("keeps its errors as message keys, so an English reader gets them in English", async () => {
    const bytes = await file((ind, tasks) => {
      ind.addRow(["ind-a", 0, "A", "%", "", "", "", "120"]);
      tasks.addRow(["task-a", 0, "", "", "", "", "Sắp xong"]);
    });
    const p = await parseWorkbook(bytes, { ...ctx, agencyCode: "T-OTHER" });
    const [value] = p.indicators[0].errors;
    expect(value.field).toBe("value");
    expect(translate("en", value.message)).toBe("A percentage must be between 0 and 100.");
    expect(translate("vi", value.message)).toBe("Tỷ lệ phần trăm phải nằm trong khoảng 0–100.");
    expect(translate("en", p.tasks[0].errors[0].message)).toMatch(/^Status "Sắp xong" is not valid\. Choose one of: /);
    expect(p.fileErrors.map((e) => translate("en", e))).toEqual([
      "This file is the template of agency T-TEST, not of your agency (T-OTHER). Download your own agency's template.",
    ]);
    // What the batch stores (JSON) is the key and its parameters, not a sentence.
    expect(JSON.parse(JSON.stringify(p.fileErrors))).toEqual([
      { key: "excel.refusals.otherAgency", params: { file: "T-TEST", own: "T-OTHER" } },
    ]);
  });
});
