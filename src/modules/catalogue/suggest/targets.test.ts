// Dating, scoping and naming targets, on the seed documents' own text (line numbers are theirs)
// and on the published excerpts under fixtures/.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { indicatorsFileSchema } from "@/server/seed/schema";
import { extractTargets } from "./targets";

const seeds = path.join(process.cwd(), "seeds");
const indicators = indicatorsFileSchema.parse(
  JSON.parse(readFileSync(path.join(seeds, "data", "indicators.json"), "utf8")),
).indicators;
const doc = (file: string) => readFileSync(path.join(seeds, "documents", file), "utf8").split("\n");
const fixture = (file: string) => readFileSync(path.join(import.meta.dirname, "fixtures", file), "utf8").split("\n");

/** Targets of lines [from, to] of a document (1-based, inclusive), as the suggester reads them. */
function targetsOf(lines: string[], from = 1, to = lines.length) {
  return extractTargets({ key: "t", lines, skip: (n) => n < from || n > to, indicators });
}
const at = (r: ReturnType<typeof targetsOf>, line: number) => r.targets.filter((p) => p.target.line === line);

const D411 = doc("000_8eabb89d266741a7.txt");
const D942 = doc("002_fea93181fd3a4f8b.txt");
const D749 = doc("003_a267e6d62be9a015.txt");
const DRAFT = doc("004_2b3c07135e571f64.txt");

describe("the year of a target", () => {
  it('comes from the enclosing heading ("a) Mục tiêu cơ bản đến năm 2025", 411)', () => {
    const r = targetsOf(D411, 1, 220);
    expect(at(r, 130).map((p) => [p.target.year, p.target.value])).toEqual([[2025, 20]]);
    expect(at(r, 142).map((p) => [p.target.year, p.target.value])).toEqual([[2030, 30]]);
    expect(at(r, 172).map((p) => p.target.year)).toEqual([2025]);
    expect(at(r, 197).map((p) => p.target.year)).toEqual([2030]);
    expect(at(r, 130)[0].target.clause).toBe("Điều 1, III.1.a");
    expect(at(r, 197)[0].target.clause).toBe("Điều 1, III.2.b");
  });

  it('or from a section title ("II. TẦM NHÌN ĐẾN NĂM 2030" then "III. MỤC TIÊU ĐẾN NĂM 2025", 942)', () => {
    const r = targetsOf(D942, 1, 150);
    expect(at(r, 41).map((p) => [p.target.year, p.target.comparator, p.target.value])).toEqual([[2030, "LTE", 30]]);
    expect(at(r, 59).map((p) => p.target.year)).toEqual([2025]);
    expect(at(r, 144).map((p) => p.target.year)).toEqual([2025]);
  });

  it("or from an unnumbered heading of a press summary, which also names the clause (749 summary)", () => {
    const r = targetsOf(D749, 1, 60);
    expect(at(r, 15)[0].target).toMatchObject({
      year: 2025,
      clause: "Các mục tiêu cơ bản đến năm 2025 của chương trình gồm",
    });
    expect(at(r, 41)[0].target.year).toBe(2030);
  });

  it("a milestone in brackets is dated by the year in the brackets (draft, lines 84 and 149)", () => {
    const r = targetsOf(DRAFT, 1, 220);
    expect(at(r, 84).map((p) => [p.target.year, p.target.value])).toEqual([
      [2025, 50],
      [2020, 10],
    ]);
    // "đạt 80% vào năm 2025 (đến năm 2020 đạt 60%)": each year dates the number next to it.
    expect(at(r, 149).map((p) => [p.target.year, p.target.value])).toEqual([
      [2025, 80],
      [2020, 60],
    ]);
    // "(đến 2020, kết nối đến 25% …)": the year may come without "năm".
    expect(at(r, 198).map((p) => [p.target.year, p.target.value])).toEqual([
      [2025, 40],
      [2020, 25],
    ]);
  });

  it("a year in the same phrase dates the threshold before it (draft, line 143)", () => {
    const r = targetsOf(DRAFT, 1, 220);
    expect(at(r, 143).map((p) => [p.target.year, p.target.comparator, p.target.value])).toEqual([
      [2020, "GTE", 10],
      [2025, "LTE", 4],
    ]);
  });

  it('a sentence that opens with its year dates the next ones; a rate over "thời kỳ 2021-2030" is due in 2030', () => {
    const r = targetsOf(fixture("nq52-2019-thanhnien.txt"));
    // "Cụ thể, tới năm 2025, …. Kinh tế số chiếm khoảng 20% GDP; …"
    expect(at(r, 4).map((p) => [p.target.year, p.target.value])).toEqual([
      [2025, 100],
      [2025, 20],
      [2025, 7],
      [2025, 3],
    ]);
    expect(at(r, 5).every((p) => p.target.year === 2030)).toBe(true);
    const v = targetsOf(fixture("muc-tieu-2030-vietbao-2025.txt"));
    expect(at(v, 4)[0].target).toMatchObject({ year: 2030, comparator: "GT", value: 8 });
  });

  it("outside any dated section an explicit threshold takes the nearest milestone and says so (411, line 239)", () => {
    const r = targetsOf(D411, 1, 260);
    const [p] = at(r, 239);
    expect(p.target).toMatchObject({ year: 2025, comparator: "GTE", value: 50 });
    expect(r.warnings.some((w) => w.subject === `target:${p.target.id}` && /nearest milestone/.test(w.message))).toBe(
      true,
    );
  });

  it("outside target sections a bare percentage is not a target, a stated floor is", () => {
    const r = targetsOf([
      "III. MỤC TIÊU ĐẾN NĂM 2025",
      "- Tỷ lệ hộ gia đình được phủ mạng Internet băng rộng cáp quang đạt 80%;",
      "IV. NHIỆM VỤ",
      "a) Hỗ trợ 50% chi phí đào tạo kỹ năng số cho doanh nghiệp nhỏ và vừa.",
      "b) Bảo đảm tối thiểu 30% doanh nghiệp nhỏ và vừa sử dụng nền tảng số.",
    ]);
    expect(r.targets.map((p) => [p.target.line, p.target.year, p.target.value])).toEqual([
      [2, 2025, 80],
      [5, 2025, 30],
    ]);
  });
});

describe("the scope of a target", () => {
  it("one sentence split by level of government gives one target per level (942, line 96)", () => {
    const r = targetsOf(D942, 1, 150);
    const parts = at(r, 96);
    expect(parts.map((p) => [p.target.value, p.target.scope])).toEqual([
      [90, { kind: "GOV_LEVEL", level: "CENTRAL_PROVINCE", label: "cấp bộ, tỉnh" }],
      [80, { kind: "GOV_LEVEL", level: "DISTRICT", label: "cấp huyện" }],
      [60, { kind: "GOV_LEVEL", level: "COMMUNE", label: "cấp xã" }],
    ]);
    // They share the sentence, so each keeps its predicate ("được xử lý trên môi trường mạng").
    expect(new Set(parts.map((p) => p.target.quote)).size).toBe(1);
    expect(parts[0].target.quote).toMatch(/^90% hồ sơ công việc tại cấp bộ, tỉnh; 80% .* bí mật nhà nước\)\.$/);
    expect(parts.every((p) => p.target.indicator === "work-records-processed-online-share")).toBe(true);
  });

  it('"cấp bộ, tỉnh" and "bộ, ngành, địa phương" are the central and provincial level (942, line 81; fixture)', () => {
    expect(at(targetsOf(D942, 1, 150), 81)[0].target.scope).toMatchObject({
      kind: "GOV_LEVEL",
      level: "CENTRAL_PROVINCE",
    });
    const r = targetsOf(fixture("ubqgcds-2023-dientuungdung.txt"));
    expect(at(r, 8).map((p) => p.target.scope)).toEqual([
      { kind: "GOV_LEVEL", level: "CENTRAL_PROVINCE", label: "bộ, ngành, địa phương" },
      { kind: "GOV_LEVEL", level: "CENTRAL_PROVINCE", label: "bộ, ngành, địa phương" },
    ]);
  });

  it('"mỗi / từng …" is a floor for each unit (411, lines 131 and 239)', () => {
    const r = targetsOf(D411, 1, 260);
    expect(at(r, 131)[0].target.scope).toEqual({ kind: "EACH", of: "SECTOR", label: "từng ngành, lĩnh vực" });
    expect(at(r, 239)[0].target.scope).toEqual({
      kind: "EACH",
      of: "OTHER",
      label: "mỗi cơ quan, tổ chức, ngành, lĩnh vực",
    });
  });

  it('"mới" (new) is not "mỗi" (each), though both fold to "moi" (942, line 82)', () => {
    expect(at(targetsOf(D942, 1, 150), 82)[0].target.scope).toEqual({ kind: "NATIONAL" });
  });

  it("an age group is a subgroup (411, line 174)", () => {
    expect(at(targetsOf(D411, 1, 220), 174)[0].target.scope).toEqual({
      kind: "SUBGROUP",
      label: "dân số từ 15 tuổi trở lên",
    });
  });

  it('a rank is national even when the sentence speaks of "mỗi người" (942, line 128)', () => {
    expect(at(targetsOf(D942, 1, 150), 128)[0].target).toMatchObject({
      comparator: "LTE",
      value: 3,
      scope: { kind: "NATIONAL" },
      indicator: "immigration-procedures-asean-rank",
    });
  });
});

describe("the indicator of a target", () => {
  it("is the catalogue's when the phrase names it (411, line 130; 749 summary, line 25)", () => {
    expect(at(targetsOf(D411, 1, 220), 130)[0].match).toMatchObject({
      indicator: "digital-economy-gdp-share",
      created: false,
    });
    // Four targets on one line, four indicators.
    expect(at(targetsOf(D749, 1, 60), 25).map((p) => p.target.indicator)).toEqual([
      "egdi-rank",
      "digital-economy-gdp-share",
      "digital-economy-sector-share",
      "labour-productivity-growth",
    ]);
  });

  it("an abbreviation reads as its words (draft, line 84: SMEs; line 163: re-skills)", () => {
    const r = targetsOf(DRAFT, 1, 220);
    expect(at(r, 84)[0].target.indicator).toBe("sme-digital-platform-share");
    expect(at(r, 163)[0].target.indicator).toBe("workforce-ict-reskilled-share");
  });

  it("a regional ranking is not the world ranking (Bạc Liêu fixture: GII among ASEAN)", () => {
    const r = targetsOf(fixture("nq52-2019-baobaclieu.txt"));
    const gii = r.targets.find((p) => p.target.comparator === "LTE" && p.target.value === 3)!;
    expect(gii.target.indicator).not.toBe("gii-rank");
    expect(r.targets.find((p) => p.target.value === 4)!.target.indicator).toBe("egdi-asean-rank");
  });

  it("is proposed new, with kind, unit and pillar, when none matches (942, line 97)", () => {
    const r = targetsOf(D942, 1, 150);
    const [p] = at(r, 97);
    expect(p.match.created).toBe(true);
    const ind = r.indicators.find((i) => i.code === p.target.indicator)!;
    expect(ind).toMatchObject({ kind: "PERCENT", unit: "%", pillar: "DIGITAL_GOVERNMENT", min: 0, max: 100 });
    expect(ind.code).toMatch(/-share$/);
    expect(ind.nameVi).toMatch(/^Tỷ lệ công tác báo cáo/);
    expect(ind.nameEn).toMatch(/^TODO/);
  });

  it("a milestone that only repeats a number measures what its sentence measures (draft, line 202)", () => {
    const [main, milestone] = at(targetsOf(DRAFT, 1, 220), 202);
    expect(main.target.indicator).toBe("mobile-broadband-subscriptions-per-100");
    expect(milestone.target).toMatchObject({ year: 2020, value: 60, indicator: main.target.indicator });
  });
});

describe("quotes and repeats", () => {
  it("quotes the clause without its list marker, from the line it starts on (411, line 131)", () => {
    const [p] = at(targetsOf(D411, 1, 220), 131);
    expect(p.target.quote).toBe("Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 10%");
  });

  it("does not propose a threshold twice (draft, lines 84 and 374)", () => {
    const r = targetsOf(DRAFT, 1, 400);
    expect(at(r, 374)).toEqual([]);
    expect(r.warnings.some((w) => w.line === 374 && /line 84/.test(w.message))).toBe(true);
  });
});
