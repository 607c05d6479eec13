// Label comparison shared by the layout, the parser and the workbook reader's worker (which must
// not load the message catalogue): Unicode NFC, collapsed spaces, lower case.
export function normalizeLabel(s: string): string {
  return s.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("vi");
}
