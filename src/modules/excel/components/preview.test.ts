import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { getMessages } from "@/i18n/messages";
import { msg } from "@/i18n/translate";
import type { ImportBatchView } from "../import";
import type { ParsedImport } from "../parse";
import { PreviewTable } from "./PreviewTable";

const row = (errors: ParsedImport["tasks"][number]["errors"]): ParsedImport["tasks"][number] => ({
  row: 5,
  key: "task-a",
  taskId: 7,
  title: "Nhiệm vụ A",
  version: 0,
  input: { status: null, statusText: "", percent: "", achieved: "", obstacles: "", nextSteps: "", evidenceUrl: "" },
  parsedPercent: null,
  current: null,
  outcome: "error",
  errors,
});

function batch(parsed: ParsedImport): ImportBatchView {
  const at = new Date(Date.UTC(2026, 9, 2));
  return {
    id: 1,
    status: "PREVIEW",
    year: 2026,
    quarter: 3,
    fileName: "a.xlsx",
    createdAt: at,
    appliedAt: null,
    errorCount: 1,
    parsed,
    summary: { valid: 0, invalid: 1, changes: 0, unchanged: 0 },
  };
}

const render = (parsed: ParsedImport, lang: "vi" | "en") =>
  renderToStaticMarkup(createElement(PreviewTable, { batch: batch(parsed), lang, m: getMessages(lang) }));

describe("the preview's errors", () => {
  it("are read in the page's language from their keys", () => {
    const parsed: ParsedImport = {
      fileErrors: [msg("excel.refusals.unknownSheet", { sheet: "Nháp" })],
      indicators: [],
      tasks: [row([{ field: "status", message: msg("excel.rows.statusRequired") }])],
    };
    const en = render(parsed, "en");
    expect(en).toContain("Please choose the task&#x27;s status.");
    expect(en).toContain("Sheet &quot;Nháp&quot; is not part of the template.");
    expect(render(parsed, "vi")).toContain("Vui lòng chọn tình trạng của nhiệm vụ.");
  });

  it("show a batch stored before messages were keys as it was written", () => {
    const old = "Vui lòng chọn tình trạng của nhiệm vụ.";
    const parsed: ParsedImport = {
      fileErrors: ["Thiếu trang tính"],
      indicators: [],
      tasks: [row([{ field: null, message: old }])],
    };
    const html = render(parsed, "en");
    expect(html).toContain(old);
    expect(html).toContain("Thiếu trang tính");
  });
});
