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

const HIDDEN = "hidden";
const EDIT = "edit";

/**
 * Every column either sheet has, by key: header, width, and whether it is a hidden id column or
 * one the reporter fills in (otherwise shown, read-only). A column both sheets have (version,
 * evidence, state) is one entry; each sheet lists its columns in order below.
 */
const COLUMNS = {
  code: ["Mã chỉ tiêu (không sửa)", 30, HIDDEN],
  key: ["Mã nhiệm vụ (không sửa)", 16, HIDDEN],
  version: ["Phiên bản (không sửa)", 10, HIDDEN],
  name: ["Chỉ tiêu", 50],
  unit: ["Đơn vị", 10],
  previous: ["Giá trị quý trước", 16],
  target2025: ["Mục tiêu 2025", 26],
  target2030: ["Mục tiêu 2030", 26],
  document: ["Văn bản", 14],
  number: ["STT", 6],
  title: ["Nhiệm vụ", 60],
  deadline: ["Thời hạn", 16],
  value: ["Giá trị kỳ này", 16, EDIT],
  source: ["Nguồn / phương pháp", 30, EDIT],
  note: ["Ghi chú", 30, EDIT],
  explanation: ["Giải thích biến động", 30, EDIT],
  status: ["Tình trạng", 18, EDIT],
  percent: ["% hoàn thành", 12, EDIT],
  achieved: ["Kết quả đạt được", 40, EDIT],
  obstacles: ["Khó khăn, vướng mắc", 30, EDIT],
  nextSteps: ["Bước tiếp theo", 30, EDIT],
  evidenceUrl: ["Đường dẫn minh chứng", 30, EDIT],
  state: ["Trạng thái", 26],
} satisfies Record<string, [string, number, (typeof HIDDEN | typeof EDIT)?]>;

function columnsOf<K extends keyof typeof COLUMNS>(keys: readonly K[]): readonly ColumnSpec<K>[] {
  return keys.map((key) => {
    const [header, width, mark] = COLUMNS[key] as [string, number, string?];
    return { key, header, width, editable: mark === EDIT, ...(mark === HIDDEN ? { hidden: true } : {}) };
  });
}

/** The columns of each sheet, in order (the parser finds them by header, the template writes them so). */
export const INDICATOR_COLUMNS = columnsOf([
  "code",
  "version",
  "name",
  "unit",
  "previous",
  "target2025",
  "target2030",
  "value",
  "source",
  "note",
  "explanation",
  "evidenceUrl",
  "state",
]);
export const TASK_COLUMNS = columnsOf([
  "key",
  "version",
  "document",
  "number",
  "title",
  "deadline",
  "status",
  "percent",
  "achieved",
  "obstacles",
  "nextSteps",
  "evidenceUrl",
  "state",
]);

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
