// CSV for downloads: RFC 4180 quoting, CRLF, and a UTF-8 byte-order mark so Excel reads Vietnamese.

export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  const cell = (v: string | number | boolean | null | undefined) => {
    if (v == null) return "";
    const s = String(v);
    // A leading =, +, - or @ would be read as a formula by spreadsheets.
    const safe = /^[=+\-@]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return "\uFEFF" + [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function csvResponse(filename: string, body: string, opts: { public?: boolean } = {}): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": opts.public ? "public, max-age=0, s-maxage=60" : "private, no-store",
      ...(opts.public ? { "Access-Control-Allow-Origin": "*" } : {}),
    },
  });
}
