import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { it } from "vitest";
import { vi as viMsgs } from "@/messages/vi";
import { PreviewTable } from "./components/PreviewTable";
it("renders", () => {
  const batch: any = { id: 1, status: "PREVIEW", year: 2026, quarter: 3, fileName: "a.xlsx", createdAt: new Date(), appliedAt: null, errorCount: 1,
    summary: { valid: 1, invalid: 1, changes: 1, unchanged: 0 },
    parsed: { fileErrors: ["Trang tính \"Nháp\" không thuộc mẫu."], indicators: [{ row: 2, code: "x", indicatorId: 1, name: "Chỉ tiêu X", unit: "%", kind: "PERCENT", version: 0, input: { value: "41,5", source: "Nguồn", note: "", explanation: "", evidenceUrl: "" }, parsedValue: 41.5, current: { value: 40, state: "DRAFT", version: 1 }, outcome: "change", errors: [] }],
      tasks: [{ row: 3, key: "t", taskId: 2, title: "NV", version: 0, input: { status: "IN_PROGRESS", statusText: "Đang thực hiện", percent: "120", achieved: "ok", obstacles: "", nextSteps: "", evidenceUrl: "" }, parsedPercent: null, current: null, outcome: "error", errors: [{ field: "percent", message: "Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100." }] }] } };
  console.log(renderToStaticMarkup(createElement(PreviewTable, { batch, lang: "vi", m: viMsgs })));
});
