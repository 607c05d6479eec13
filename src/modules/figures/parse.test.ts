import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  asPublishedOn,
  checkCsv,
  comparePeriods,
  csvTemplate,
  CSV_COLUMNS,
  MAX_CSV_ROWS,
  parseDay,
  parseNumber,
  splitCsv,
  type CheckContext,
} from "./parse";

const URL1 = "https://example.gov.vn/thong-cao-2023";
const URL2 = "https://example.gov.vn/thong-cao-2024";

function ctx(over: Partial<CheckContext> = {}): CheckContext {
  return {
    indicators: new Map([
      ["digital-economy-gdp-share", { min: 0, max: 100 }],
      ["egdi-rank", { min: 1, max: 193 }],
    ]),
    sources: new Set(["NSO", "UN_DESA"]),
    stored: [
      {
        key: `digital-economy-gdp-share|NSO|2022|2023-09-14|${URL1}`,
        indicator: "digital-economy-gdp-share",
        source: "NSO",
        period: "2022",
        releaseUrl: URL1,
        releaseDate: "2023-09-14",
      },
    ],
    today: "2026-11-15",
    ...over,
  };
}

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;
const good: Row = {
  indicator: "digital-economy-gdp-share",
  source: "NSO",
  period: "2022",
  value: "12,67",
  provisional: "có",
  release_title: "Thông cáo",
  release_date: "2023-12-04",
  release_url: URL2,
  quote: "Kinh tế số chiếm 12,67% GDP năm 2022",
  printed: "12,67%",
  revises_url: URL1,
  revises_date: "2023-09-14",
  definition_note: "",
};
function csv(rows: Row[], delim = ";", bom = true): string {
  const cell = (s: string) =>
    s.includes(delim) || s.includes('"') || s.includes("\n") ? `"${s.replace(/"/g, '""')}"` : s;
  const lines = [CSV_COLUMNS.join(delim), ...rows.map((r) => CSV_COLUMNS.map((c) => cell(r[c] ?? "")).join(delim))];
  return (bom ? "\uFEFF" : "") + lines.join("\r\n") + "\r\n";
}
const codes = (text: string, c = ctx()) => checkCsv(text, c).rows.map((r) => r.errors.map((e) => e.code));

describe("splitCsv", () => {
  it("reads semicolons (Excel in a Vietnamese locale) and commas, quoted cells with delimiters, quotes and newlines", () => {
    expect(splitCsv('a;b\r\n"x;1,5";"say ""hi""\nthere"\r\n').rows).toEqual([
      ["a", "b"],
      ["x;1,5", 'say "hi"\nthere'],
    ]);
    expect(splitCsv('a,b\n1,"2,5"\n\n').rows).toEqual([
      ["a", "b"],
      ["1", "2,5"],
    ]);
  });
  it("drops the byte-order mark and reports an unclosed quote", () => {
    expect(splitCsv("\uFEFFa,b\n1,2").rows[0]).toEqual(["a", "b"]);
    expect(splitCsv('a,b\n"1,2\n').badQuotes).toBe(true);
  });
  it("stops reading past the row cap", () => {
    const text = "a\n" + "1\n".repeat(50);
    const r = splitCsv(text, 10);
    expect(r.truncated).toBe(true);
    expect(r.rows.length).toBe(11);
  });
});

describe("parseNumber and parseDay", () => {
  it("reads numbers the Vietnamese way and the English way", () => {
    expect(parseNumber("12,5")).toBe(12.5);
    expect(parseNumber("12.5")).toBe(12.5);
    expect(parseNumber("1.000,5")).toBe(1000.5);
    expect(parseNumber("1,000.5")).toBe(1000.5);
    expect(parseNumber("12,67%")).toBe(12.67);
    for (const bad of ["", "abc", "1,2,3", "NaN", "Infinity", "1e3", "0x10", "12,5 triệu"])
      expect(parseNumber(bad), bad).toBeNull();
  });
  it("reads ISO and dd/mm/yyyy dates and refuses days that do not exist", () => {
    expect(parseDay("2024-01-06")).toBe("2024-01-06");
    expect(parseDay("6/1/2024")).toBe("2024-01-06");
    expect(parseDay("2024-02-30")).toBeNull();
    expect(parseDay("31/04/2024")).toBeNull();
    expect(parseDay("2024/01/06")).toBeNull();
  });
});

describe("checkCsv", () => {
  it("accepts a valid revision whether the file has a BOM or not, semicolons or commas", () => {
    for (const [delim, bom] of [
      [";", true],
      [",", false],
      [",", true],
    ] as const) {
      const r = checkCsv(csv([good], delim, bom), ctx());
      expect(r.fileErrors).toEqual([]);
      expect(r.rows[0].errors).toEqual([]);
      expect(r.rows[0].figure).toMatchObject({
        value: 12.67,
        provisional: true,
        release: { date: "2023-12-04" },
        revises: { url: URL1, date: "2023-09-14" },
      });
    }
  });

  it("names each row's problem", () => {
    const rows: Row[] = [
      { ...good, indicator: "no-such-indicator" },
      { ...good, source: "GSO" },
      { ...good, period: "2022-Q5" },
      { ...good, value: "mười hai" },
      { ...good, value: "120,5", printed: "120,5", quote: "120,5" },
      { ...good, printed: "12,76%" },
      { ...good, revises_url: "https://example.gov.vn/khong-co", revises_date: "2023-09-14" },
      { ...good, revises_date: "" },
      { ...good, revises_date: "2024-01-01" },
      { ...good, release_date: "2027-01-01", revises_url: "", revises_date: "" },
      { ...good, release_url: "javascript:alert(1)", revises_url: "", revises_date: "" },
      { ...good, provisional: "maybe" },
      { ...good, quote: "" },
      { ...good, quote: "Ký tự \u0000 lạ" },
    ];
    expect(codes(csv(rows))).toEqual([
      ["unknownIndicator"],
      ["unknownSource"],
      ["badPeriod"],
      ["notNumber"],
      ["outOfBounds"],
      ["printedNotInQuote"],
      ["revisesNowhere"],
      ["revisesIncomplete"],
      ["revisesLater"],
      ["futureDate"],
      ["badUrl"],
      ["badBoolean"],
      ["required"],
      ["badChars"],
    ]);
  });

  it("refuses a duplicate of a stored figure and a row repeated in the file", () => {
    const stored = { ...good, release_date: "2023-09-14", release_url: URL1, revises_url: "", revises_date: "" };
    expect(codes(csv([stored]))).toEqual([["duplicateStored"]]);
    const r = checkCsv(csv([good, good]), ctx());
    expect(r.rows.map((x) => x.errors.map((e) => e.code))).toEqual([[], ["duplicateInFile"]]);
    expect(r.rows[1].errors[0].values).toEqual({ line: 2 });
    expect(r.invalid).toBe(1);
  });

  it("lets a revision point at a release uploaded in the same file", () => {
    const first = {
      ...good,
      release_date: "2024-11-24",
      release_url: "https://example.gov.vn/a",
      revises_url: "",
      revises_date: "",
    };
    const second = {
      ...good,
      release_date: "2025-01-06",
      release_url: "https://example.gov.vn/b",
      revises_url: "https://example.gov.vn/a",
      revises_date: "24/11/2024",
    };
    expect(codes(csv([first, second]))).toEqual([[], []]);
  });

  it("refuses files without rows, with a missing or unknown column, or too many rows", () => {
    expect(checkCsv("", ctx()).fileErrors.map((e) => e.code)).toEqual(["empty"]);
    expect(checkCsv(CSV_COLUMNS.join(";") + "\r\n", ctx()).fileErrors.map((e) => e.code)).toEqual(["empty"]);
    const noValue = CSV_COLUMNS.filter((c) => c !== "value").join(";") + "\nx";
    expect(checkCsv(noValue, ctx()).fileErrors).toEqual([{ code: "missingColumn", values: { column: "value" } }]);
    expect(checkCsv(CSV_COLUMNS.join(";") + ";giá_trị\nx", ctx()).fileErrors.map((e) => e.code)).toEqual([
      "unknownColumn",
    ]);
    // A nameless trailing column (Excel's trailing ";") is ignored, with its empty cells.
    expect(checkCsv(csv([good]).replace(/\r\n/g, ";\r\n"), ctx()).rows.map((r) => r.errors)).toEqual([[]]);
    const many = csv(Array.from({ length: MAX_CSV_ROWS + 1 }, () => good));
    expect(checkCsv(many, ctx()).fileErrors.map((e) => e.code)).toEqual(["tooManyRows"]);
    expect(checkCsv(csv(Array.from({ length: 3 }, () => good)), ctx()).fileErrors).toEqual([]);
  });
});

describe("asPublishedOn", () => {
  // The statistics office's 2022 digital-economy share as successive releases gave it.
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  const f = (id: number, period: string, date: string, value: number) => ({
    id,
    indicatorId: 1,
    sourceId: 1,
    period,
    releaseDate: d(date),
    value,
  });
  const series = [
    f(1, "2022", "2023-09-14", 12.86),
    f(2, "2022", "2023-12-04", 12.67),
    f(3, "2022", "2024-11-24", 12.63),
    f(4, "2022", "2025-01-06", 12.83),
    f(5, "2023", "2024-11-24", 12.33),
  ];
  const at = (day: string) => asPublishedOn(series, d(day)).map((x) => [x.period, x.value]);

  it("answers what each series said on a date, the release day included", () => {
    expect(at("2023-09-13")).toEqual([]);
    expect(at("2023-09-14")).toEqual([["2022", 12.86]]);
    expect(at("2023-12-03")).toEqual([["2022", 12.86]]);
    expect(at("2023-12-04")).toEqual([["2022", 12.67]]);
    expect(at("2024-12-31")).toEqual([
      ["2022", 12.63],
      ["2023", 12.33],
    ]);
    expect(at("2026-01-01")).toEqual([
      ["2022", 12.83],
      ["2023", 12.33],
    ]);
  });
  it("keeps sources and indicators apart, and prefers the later-stored of two same-day releases", () => {
    const other = { ...f(6, "2022", "2024-01-01", 99), sourceId: 2 };
    const sameDay = f(7, "2022", "2025-01-06", 12.84);
    expect(
      asPublishedOn([...series, other, sameDay], d("2026-01-01"))
        .map((x) => x.id)
        .sort(),
    ).toEqual([5, 6, 7]);
  });
});

describe("keys, periods and the template", () => {
  it("orders periods as a reader expects", () => {
    expect(["2023", "2022-2023", "2023-Q2", "2022", "2023-Q1"].sort(comparePeriods)).toEqual([
      "2022",
      "2023-Q1",
      "2023-Q2",
      "2023",
      "2022-2023",
    ]);
  });
  it("the downloadable template is the one the code writes, reads back valid but already stored", () => {
    const text = csvTemplate();
    expect(readFileSync("public/templates/so-lieu-cong-bo.csv", "utf8")).toBe(text);
    const row = checkCsv(text, ctx({ stored: [] })).rows[0];
    expect(row.errors.map((e) => e.code)).toEqual(["revisesNowhere"]);
  });
});
