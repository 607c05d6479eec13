// XLSX downloads: one sheet per table (bold frozen header, filter buttons, widths that fit) and a
// sheet naming the filter the rows were chosen with, so a file read in a meeting says what it holds.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";

export type XlsxCell = string | number | boolean | Date | null | undefined;
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Data rows a sheet holds at most (the format's limit is 1,048,576 rows, header included). */
export const XLSX_MAX_ROWS = 1_000_000;

/** Text a spreadsheet would read as a formula is kept as text (as the CSVs do). */
function safe(v: XlsxCell): XlsxCell {
  return typeof v === "string" && /^[=+\-@]/.test(v) ? `'${v}` : v;
}

function sized(ws: ExcelJS.Worksheet, header: string[], widths: number[]) {
  ws.columns = header.map((h, i) => ({ header: h, width: Math.min(60, Math.max(8, widths[i] + 2)) }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
}

/** A sheet holding `rows` under `header`. */
export function addTableSheet(wb: ExcelJS.Workbook, name: string, header: string[], rows: XlsxCell[][]) {
  const ws = wb.addWorksheet(name);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.slice(0, 500).map((r) => String(r[i] ?? "").length)));
  sized(ws, header, widths);
  for (const r of rows) ws.addRow(r.map(safe));
  ws.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return ws;
}

/** The filter sheet: one line per filter (label, value), first in the file. */
export function addFilterSheet(wb: ExcelJS.Workbook, name: string, title: string, entries: [string, XlsxCell][]) {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]).font = { bold: true, size: 13 };
  for (const [k, v] of entries) ws.addRow([k, safe(v)]);
  ws.getColumn(1).width = Math.max(12, ...entries.map(([k]) => k.length + 2));
  ws.getColumn(2).width = Math.min(80, Math.max(12, ...entries.map(([, v]) => String(v ?? "").length + 2)));
  return ws;
}

export function newWorkbook(now: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "CDS";
  wb.created = now;
  wb.modified = now;
  return wb;
}

export async function xlsxResponse(
  filename: string,
  wb: ExcelJS.Workbook,
  headers: Record<string, string> = { "Cache-Control": "private, no-store" },
): Promise<Response> {
  const body = new Uint8Array(await wb.xlsx.writeBuffer());
  return new Response(body, { headers: { ...xlsxHeaders(filename), ...headers } });
}

function xlsxHeaders(filename: string): Record<string, string> {
  return { "Content-Type": XLSX_TYPE, "Content-Disposition": `attachment; filename="${filename}"` };
}

/**
 * A one-sheet workbook written while `chunks` are read (ExcelJS's streaming writer: rows are
 * committed as they come and the zip is streamed out), waiting for the reader between chunks so
 * memory stays bounded however many rows there are. At most XLSX_MAX_ROWS rows, then `cappedNote`.
 */
export async function xlsxStreamResponse(
  filename: string,
  sheet: { name: string; header: string[]; widths: number[]; cappedNote: string },
  chunks: AsyncIterable<XlsxCell[][]>,
  headers: Record<string, string>,
): Promise<Response> {
  const iterator = chunks[Symbol.asyncIterator]();
  // The first chunk is read before answering, so a database that cannot be reached is an error
  // answer instead of a 200 whose body breaks off.
  const first = await iterator.next();
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = sheet.header.map((h, i) => ({ header: h, width: sheet.widths[i] }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  void (async () => {
    let written = 0;
    try {
      for (let next = first; !next.done; next = await iterator.next()) {
        for (const r of next.value) {
          if (written === XLSX_MAX_ROWS) break;
          ws.addRow(r.map(safe)).commit();
          written++;
        }
        if (written === XLSX_MAX_ROWS) {
          ws.addRow([sheet.cappedNote]).commit();
          await iterator.return?.();
          break;
        }
        if (out.writableNeedDrain) await new Promise((r) => out.once("drain", r));
      }
      ws.commit();
      await wb.commit();
    } catch (e) {
      console.error("[api] XLSX stream failed", e);
      out.destroy(e as Error);
    }
  })();
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: { ...xlsxHeaders(filename), ...headers },
  });
}
