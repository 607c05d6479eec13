// The task table in the three layouts the copies use, on rows as the seed documents print them,
// then on the four real tables against their reviewed seed files.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { agenciesFileSchema, documentFileSchema } from "@/server/seed/schema";
import { AgencyResolver } from "./agencies";
import { chooseRowPattern, extractTaskTable, roleOf } from "./table";

const seeds = path.join(process.cwd(), "seeds");
const registry = agenciesFileSchema.parse(JSON.parse(readFileSync(path.join(seeds, "data", "agencies.json"), "utf8")));
const resolver = new AgencyResolver(registry, { successors: false });

describe("roleOf", () => {
  it("names each column from its header", () => {
    expect(
      [
        "TT",
        "Nhiệm vụ, giải pháp",
        "Sản phẩm",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời gian hoàn thành",
        "Ghi chú",
      ].map(roleOf),
    ).toEqual(["number", "title", "product", "lead", "partners", "deadline", "other"]);
  });
});

describe("a table of cells between | lines (411's layout)", () => {
  const lines = [
    "PHỤ LỤC",
    "DANH MỤC CÁC NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM",
    "TT",
    "|",
    "Nhiệm vụ, giải",
    "pháp",
    "|",
    "Chủ trì",
    "|",
    "Thời gian",
    "|",
    "A",
    "|",
    "PHÁT TRIỂN NỀN MÓNG CHO",
    "KINH TẾ SỐ VÀ XÃ HỘI SỐ",
    "|",
    "I",
    "|",
    "Hoàn thiện thể chế",
    "|",
    "1",
    "|",
    "Xây dựng, trình ban hành và tổ chức thực thi Luật",
    "Giao dịch điện tử",
    "|",
    "Bộ Thông tin và",
    "Truyền thông",
    "|",
    "2022 - 2025",
    "|",
    "V",
    "|",
    "Phát triển kinh tế số thương mại",
    "|",
    "V.1",
    "|",
    "Thương mại",
    "|",
    "1",
    "|",
    "Tổ chức các Tổ công nghệ số cộng đồng đến từng khối",
    "phố, thôn, bản",
    "|",
    "Các tỉnh, thành phố",
    "trực thuộc trung ương",
    "|",
    "|",
    "2",
    "|",
    "Quản lý, giám sát hoạt động của các nền tảng thương mại điện tử",
    "|",
    "Bộ Công Thương",
    "|",
    "2022 - 2025",
  ];
  const { table, warnings } = extractTaskTable(lines, "k", resolver);

  it("reads headings into a path (A, A.I, then V.1 under V: A.V.1)", () => {
    expect(table!.headings).toEqual([
      { code: "A", title: "PHÁT TRIỂN NỀN MÓNG CHO KINH TẾ SỐ VÀ XÃ HỘI SỐ", line: 12 },
      { code: "A.I", title: "Hoàn thiện thể chế", line: 17 },
      { code: "A.V", title: "Phát triển kinh tế số thương mại", line: 31 },
      { code: "A.V.1", title: "Thương mại", line: 35 },
    ]);
  });

  it("reads each row's cells, joining a cell's lines, and an empty deadline cell", () => {
    expect(
      table!.tasks.map((t) => [t.id, t.line, t.title.split(" ").slice(0, 4).join(" "), t.leadRaw, t.leads, t.deadline]),
    ).toEqual([
      [
        "k-A.I-1",
        21,
        "Xây dựng, trình ban",
        "Bộ Thông tin và Truyền thông",
        ["BTTTT"],
        { kind: "PERIOD", from: 2022, to: 2025 },
      ],
      [
        "k-A.V.1-1",
        39,
        "Tổ chức các Tổ",
        "Các tỉnh, thành phố trực thuộc trung ương",
        ["@ALL_PROVINCES"],
        { kind: "NONE" },
      ],
      ["k-A.V.1-2", 48, "Quản lý, giám sát", "Bộ Công Thương", ["BCT"], { kind: "PERIOD", from: 2022, to: 2025 }],
    ]);
  });

  it("opens at the appendix title and picks the pattern that marks exactly the rows", () => {
    expect(table).toMatchObject({ firstLine: 1, lastLine: 54, rowStartPattern: "^\\d+$" });
    expect(warnings.filter((w) => /row-start pattern/.test(w.message))).toEqual([]);
  });
});

describe("a table of tab-separated rows (1437's layout)", () => {
  const lines = [
    "Phụ lục",
    "TT\tNhiệm vụ, giải pháp\tSản phẩm\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành",
    "A PHÁT TRIỂN KINH TẾ SỐ ICT\t\t\t\t\t",
    "1\tPhát triển hạ tầng số.\tKế hoạch được ban hành\tBộ Thông tin và Truyền thông\tCác bộ, ngành, địa phương\tQuý I/2025",
    "",
    "\tNghiên cứu, sửa đổi Nghị định số 154/2013/NĐ-CP.\tNghị định sửa đổi\tBộ Thông tin và Truyền thông\tCác bộ, ngành, địa phương\tQuý IV/2024",
    "B PHÁT TRIỂN DỮ LIỆU SỐ\t\t\t\t\t",
    "1\t<p>Xây dựng Đề án thí điểm sàn giao dịch dữ liệu.</p>\t<p>Đề án trình Thủ tướng Chính phủ</p>\t<p>Ủy ban nhân dân Thành phố Hồ Chí Minh</p>\t<p>Bộ Công an</p>\t<p>Quý II/2025</p>",
    "C PHÁT TRIỂN KINH TẾ SỐ NGÀNH\t\t\t\t\t",
    "I\tPhát triển kinh tế số du lịch\t\t\t\t",
    "1\tHình thành cơ sở dữ liệu du lịch trong và\tKế hoạch\tBộ Văn hóa, Thể thao và Du lịch\tCác bộ ngành, địa phương\tQuý III/2025",
    "\tngoài nước.\t\t\t\t",
    "D\tQUẢN TRỊ SỐ\t\t\t\t",
    "1\tTriển khai thí điểm trợ lý ảo.\tĐề án\tBộ Thông tin và Truyền thông\tCác bộ, ngành, địa phương\tQuý IV/2025",
    "D\tTỔ CHỨC THỰC HIỆN\t\t\t\t",
    "I\tTuyên truyền\t\t\t\t",
    "TT\tNhiệm vụ, giải pháp\tSản phẩm\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành",
    "1\tXây dựng kế hoạch tuyên truyền.\tKế hoạch\tĐài Truyền hình Việt Nam\tCác bộ, ngành, địa phương\tHằng năm",
  ];
  const { table, warnings } = extractTaskTable(lines, "k", resolver);

  it("reads letter headings with their title in one cell and roman ones in two; a repeated letter is the next", () => {
    expect(table!.headings.map((h) => [h.code, h.title])).toEqual([
      ["A", "PHÁT TRIỂN KINH TẾ SỐ ICT"],
      ["B", "PHÁT TRIỂN DỮ LIỆU SỐ"],
      ["C", "PHÁT TRIỂN KINH TẾ SỐ NGÀNH"],
      ["C.I", "Phát triển kinh tế số du lịch"],
      ["D", "QUẢN TRỊ SỐ"],
      ["E", "TỔ CHỨC THỰC HIỆN"],
      ["E.I", "Tuyên truyền"],
    ]);
    expect(warnings.some((w) => w.line === 15 && /repeats/.test(w.message))).toBe(true);
  });

  it("reads product, partners and deadline by column; a row without a number gets the next one in its id", () => {
    const [a1, a2, b1, c1, d1, e1] = table!.tasks;
    expect(a1).toMatchObject({
      id: "k-A-1",
      product: "Kế hoạch được ban hành",
      partners: ["@ALL_MINISTRIES", "@ALL_GOV_AGENCIES", "@ALL_PROVINCES"],
    });
    expect(a2).toMatchObject({
      id: "k-A-2",
      numberPrinted: null,
      line: 6,
      deadline: { kind: "QUARTER", year: 2024, quarter: 4 },
    });
    // HTML paragraph tags around cells are dropped: the text stays verbatim.
    expect(b1).toMatchObject({
      title: "Xây dựng Đề án thí điểm sàn giao dịch dữ liệu.",
      leads: ["T-HO-CHI-MINH"],
      partners: ["BCA"],
    });
    // The fragment on the next line (cut by a page break) is left out, with a warning.
    expect(c1.title).toBe("Hình thành cơ sở dữ liệu du lịch trong và");
    expect(warnings.some((w) => w.line === 12)).toBe(true);
    expect(d1.id).toBe("k-D-1");
    expect(e1).toMatchObject({ id: "k-E.I-1", leads: ["VTV"], deadline: { kind: "RECURRING", every: "YEAR" } });
  });

  it("skips the header row repeated at a page break, and marks rows with or without a number", () => {
    expect(table!.tasks).toHaveLength(6);
    expect(table!.rowStartPattern).toMatch(/^\^\(\?:\\d\+\\t\|\\t\[A-ZĐ/);
    expect(warnings.filter((w) => /row-start pattern/.test(w.message))).toEqual([]);
  });
});

describe("a table whose rows run the task into its lead (the draft's layout)", () => {
  const lines = [
    " Phụ lục I: DANH MỤC NHIỆM VỤ TRIỂN KHAI ",
    "",
    "TT Nhiệm vụ ",
    "Cơ quan chủ trì  ",
    "",
    "tổ chức thực hiện ",
    "",
    "1.  Phát triển công nghiệp số Bộ Thông tin và Truyền thông ",
    "",
    "2.  ",
    "Tạo điều kiện phát triển cho kinh tế chia ",
    "",
    "sẻ, kinh tế trả công ",
    "Bộ Kế hoạch và Đầu tư ",
    "",
    "3.  ",
    "Xây dựng pháp luật cho kinh tế chia sẻ ",
    "Bộ Kế hoạch và Đầu tư ",
    "18 ",
    "TT Nhiệm vụ ",
    "Cơ quan chủ trì  ",
    "tổ chức thực hiện ",
    "trong kinh tế nền tảng) ",
    "4.  Chuyển đổi số cơ quan nhà nước ",
    "Các Bộ, ngành, địa phương theo ",
    "Nghị quyết 17/NQ-CP ngày ",
    "7/3/2019 của Chính phủ ",
  ];
  const { table, warnings } = extractTaskTable(lines, "d", resolver);

  it("takes the appendix title as the heading of a table without group headings", () => {
    expect(table!.headings).toEqual([{ code: "I", title: "Phụ lục I: DANH MỤC NHIỆM VỤ TRIỂN KHAI", line: 1 }]);
  });

  it("splits each row where the agency names begin", () => {
    expect(table!.tasks.map((t) => [t.id, t.title, t.leadRaw, t.leads])).toEqual([
      ["d-I-1", "Phát triển công nghiệp số", "Bộ Thông tin và Truyền thông", ["BTTTT"]],
      ["d-I-2", "Tạo điều kiện phát triển cho kinh tế chia sẻ, kinh tế trả công", "Bộ Kế hoạch và Đầu tư", ["BKHDT"]],
      ["d-I-3", "Xây dựng pháp luật cho kinh tế chia sẻ", "Bộ Kế hoạch và Đầu tư", ["BKHDT"]],
      [
        "d-I-4",
        "Chuyển đổi số cơ quan nhà nước",
        "Các Bộ, ngành, địa phương theo Nghị quyết 17/NQ-CP ngày 7/3/2019 của Chính phủ",
        ["@ALL_MINISTRIES", "@ALL_GOV_AGENCIES", "@ALL_PROVINCES"],
      ],
    ]);
    expect(table!.tasks.every((t) => t.deadline.kind === "NONE")).toBe(true);
  });

  it("leaves out a page number, the repeated header and the text after a page break, and says so", () => {
    expect(warnings.some((w) => w.line === 23 && /page break/.test(w.message))).toBe(true);
    expect(table!.rowStartPattern).toBe("^\\d+\\.\\s");
  });
});

describe("chooseRowPattern", () => {
  it("prefers a pattern that marks exactly the rows, else the closest", () => {
    const lines = ["1", "text", "2", "2025", "3."];
    expect(chooseRowPattern(lines, 1, 5, [1, 3, 5])).toEqual({ pattern: "^\\d+\\.?$", exact: false });
    expect(chooseRowPattern(["1", "a", "2"], 1, 3, [1, 3])).toEqual({ pattern: "^\\d+$", exact: true });
  });
});

describe("the four real task tables", () => {
  it.each([
    ["000_8eabb89d266741a7.txt", "doc-411-2022.json"],
    ["001_69bc0a198e19f2ce.txt", "doc-1437-2024.json"],
    ["002_fea93181fd3a4f8b.txt", "doc-942-2021.json"],
    ["004_2b3c07135e571f64.txt", "doc-draft-cds.json"],
  ])("%s: every row as the reviewed seed file has it", (source, seed) => {
    const reviewed = documentFileSchema.parse(
      JSON.parse(readFileSync(path.join(seeds, "data", seed), "utf8")),
    ).taskTable!;
    const lines = readFileSync(path.join(seeds, "documents", source), "utf8").split("\n");
    const { table } = extractTaskTable(lines, "k", resolver);
    const fields = (t: (typeof reviewed.tasks)[number]) => ({
      heading: t.heading,
      numberPrinted: t.numberPrinted,
      line: t.line,
      title: t.title,
      product: t.product ?? null,
      leadRaw: t.leadRaw ?? null,
      leads: [...t.leads].sort(),
      partnersRaw: t.partnersRaw ?? null,
      partners: [...t.partners].sort(),
      deadlineRaw: t.deadlineRaw ?? null,
      deadline: t.deadline,
    });
    expect(table!.tasks.map(fields)).toEqual(reviewed.tasks.map(fields));
    expect(table!.headings.map((h) => [h.code, h.title, h.line])).toEqual(
      reviewed.headings.map((h) => [h.code, h.title, h.line]),
    );
  });
});
