import type { excelVi } from "@/messages/excel";

export type ExcelMessages = typeof excelVi;
