// The shape of the reporting workbook, shared by the template writer and the upload parser: sheet
// names and columns (header text, which are keys, which the reporter may edit).
// Everything inside the workbook is Vietnamese.
import { vi } from "@/messages/vi";

export const SHEETS = { guide: "Hướng dẫn", indicators: "Chỉ tiêu", tasks: "Nhiệm vụ" } as const;

/** Labels of the guide sheet cells that identify the file; the parser compares, never trusts. */
export const META = { agencyCode: "Mã cơ quan (không sửa)", period: "Kỳ báo cáo (không sửa)" } as const;

export type ColumnSpec<K extends string> = {
  key: K;
  header: string;
  width: number;
  editable: boolean;
  hidden?: boolean;
};

export const INDICATOR_COLUMNS = [
  { key: "code", header: "Mã chỉ tiêu (không sửa)", width: 30, editable: false, hidden: true },
  { key: "version", header: "Phiên bản (không sửa)", width: 10, editable: false, hidden: true },
  { key: "name", header: "Chỉ tiêu", width: 50, editable: false },
  { key: "unit", header: "Đơn vị", width: 10, editable: false },
  { key: "previous", header: "Giá trị quý trước", width: 16, editable: false },
  { key: "target2025", header: "Mục tiêu 2025", width: 26, editable: false },
  { key: "target2030", header: "Mục tiêu 2030", width: 26, editable: false },
  { key: "value", header: "Giá trị kỳ này", width: 16, editable: true },
  { key: "source", header: "Nguồn / phương pháp", width: 30, editable: true },
  { key: "note", header: "Ghi chú", width: 30, editable: true },
  { key: "explanation", header: "Giải thích biến động", width: 30, editable: true },
  { key: "evidenceUrl", header: "Đường dẫn minh chứng", width: 30, editable: true },
  { key: "state", header: "Trạng thái", width: 26, editable: false },
] as const satisfies readonly ColumnSpec<string>[];

export const TASK_COLUMNS = [
  { key: "key", header: "Mã nhiệm vụ (không sửa)", width: 16, editable: false, hidden: true },
  { key: "version", header: "Phiên bản (không sửa)", width: 10, editable: false, hidden: true },
  { key: "document", header: "Văn bản", width: 14, editable: false },
  { key: "number", header: "STT", width: 6, editable: false },
  { key: "title", header: "Nhiệm vụ", width: 60, editable: false },
  { key: "deadline", header: "Thời hạn", width: 16, editable: false },
  { key: "status", header: "Tình trạng", width: 18, editable: true },
  { key: "percent", header: "% hoàn thành", width: 12, editable: true },
  { key: "achieved", header: "Kết quả đạt được", width: 40, editable: true },
  { key: "obstacles", header: "Khó khăn, vướng mắc", width: 30, editable: true },
  { key: "nextSteps", header: "Bước tiếp theo", width: 30, editable: true },
  { key: "evidenceUrl", header: "Đường dẫn minh chứng", width: 30, editable: true },
  { key: "state", header: "Trạng thái", width: 26, editable: false },
] as const satisfies readonly ColumnSpec<string>[];

export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number]["key"];
export type TaskColumn = (typeof TASK_COLUMNS)[number]["key"];

export const TASK_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "BLOCKED"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The Vietnamese labels offered in the status drop-down (the same words as the portal). */
export const STATUS_LABELS: Record<TaskStatus, string> = vi.reporting.taskStatus;

export const STATE_LABELS: Record<string, string> = vi.reporting.states;

/** Headers, labels and keys compare after Unicode NFC, collapsed spaces and lower case. */
export { normalizeLabel } from "./normalize";

/** "2026-Q3" */
export function periodKeyOf(year: number, quarter: number): string {
  return `${year}-Q${quarter}`;
}
