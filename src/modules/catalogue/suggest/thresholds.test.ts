// Every wording rule of seeds/FORMAT.md on sentences as the seed documents print them (the line is
// given), and on the published excerpts under fixtures/ where the documents have no example.
import { describe, expect, it } from "vitest";
import { findThresholds } from "./thresholds";

const read = (s: string) =>
  findThresholds(s).map((t) => ({
    printed: t.printed,
    value: t.value,
    comparator: t.comparator,
    kind: t.kind,
    unit: t.unit,
    approximate: t.approximate,
  }));
const one = (s: string) => {
  const all = read(s);
  expect(all).toHaveLength(1);
  return all[0];
};

describe("comparators", () => {
  it('"trên X" is strictly above (411, line 133)', () => {
    expect(one("Tỷ trọng thương mại điện tử trong tổng mức bán lẻ đạt trên 10%;")).toMatchObject({
      value: 10,
      comparator: "GT",
      kind: "PERCENT",
    });
  });

  it('"tối thiểu X" and "ít nhất X" are floors (411, line 131; draft, line 86)', () => {
    expect(one("Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 10%;")).toMatchObject({
      value: 10,
      comparator: "GTE",
    });
    expect(read("Công nghiệp số đạt ít nhất 25% GDP (đến năm 2020 đạt 15%).")).toMatchObject([
      { value: 25, comparator: "GTE" },
      { value: 15, comparator: "GTE" },
    ]);
    // 942, line 65: the floor opens the sentence.
    expect(one("Tối thiểu 80% hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến")).toMatchObject({
      value: 80,
      comparator: "GTE",
    });
  });

  it('plain "đạt X" and a bare "X%" are floors (411, line 130; 942, line 106)', () => {
    expect(one("Tỷ trọng kinh tế số đạt 20% GDP;")).toMatchObject({ value: 20, comparator: "GTE" });
    expect(one("50% cán bộ, công chức, viên chức được tập huấn")).toMatchObject({ value: 50, comparator: "GTE" });
  });

  it('"100%" is exactly all (411, line 147; 942, line 59)', () => {
    expect(one("Tỷ lệ doanh nghiệp sử dụng nền tảng hợp đồng điện tử đạt 100%;")).toMatchObject({
      value: 100,
      comparator: "EQ",
    });
    expect(one("100% thủ tục hành chính đủ điều kiện")).toMatchObject({ comparator: "EQ" });
    expect(one("phủ 100 % các xã")).toMatchObject({ value: 100, comparator: "EQ" });
  });

  it('"dưới X" is strictly below, also after "giảm xuống" (draft, lines 115 and 615; vietbao fixture)', () => {
    expect(one("bảo đảm giá băng thông rộng dưới 2% GNP per capita")).toMatchObject({ value: 2, comparator: "LT" });
    expect(one("tỷ trọng tiền mặt trên tổng phương diện thanh toán sẽ ở mức dưới 10%.")).toMatchObject({
      value: 10,
      comparator: "LT",
    });
    expect(one("Tỷ lệ lao động nông nghiệp trong tổng lao động xã hội giảm xuống dưới 20%.")).toMatchObject({
      value: 20,
      comparator: "LT",
    });
  });

  it('"không quá X" and "tối đa X" are ceilings', () => {
    // No seed document has one; the wording is the usual one for an upper bound.
    expect(one("Thời gian giải quyết thủ tục không quá 5%")).toMatchObject({ comparator: "LTE", value: 5 });
    expect(one("tỷ lệ hồ sơ trễ hạn tối đa 3%")).toMatchObject({ comparator: "LTE", value: 3 });
  });

  it('"khoảng X" and "phấn đấu" are approximate floors (Thanh Niên and dientuungdung fixtures)', () => {
    expect(one("Kinh tế số chiếm khoảng 20% GDP")).toMatchObject({ value: 20, comparator: "GTE", approximate: true });
    expect(one("đặt mục tiêu phấn đấu tỷ trọng giá trị tăng thêm của kinh tế số trong GDP trên 16%")).toMatchObject({
      comparator: "GT",
      approximate: true,
    });
    expect(one("Tỷ trọng kinh tế số đạt 20% GDP")).toMatchObject({ approximate: false });
  });

  it('"giảm X%" is a reduction to reach, "tăng X%" an increase (749 summary, line 45)', () => {
    const [cut, more] = findThresholds(
      "giảm 30% thủ tục hành chính; mở dữ liệu cho các tổ chức, doanh nghiệp, tăng 30% dịch vụ sáng tạo",
    );
    expect(cut).toMatchObject({ value: 30, comparator: "GTE", reduction: true });
    expect(more).toMatchObject({ value: 30, comparator: "GTE", reduction: false, kind: "PERCENT" });
  });
});

describe("ranks", () => {
  it('"nhóm N nước" is a rank at most N (942, line 144; line 128 prints "03")', () => {
    expect(one("Việt Nam thuộc nhóm 50 nước dẫn đầu về chỉ số tổng thể.")).toMatchObject({
      printed: "nhóm 50 nước",
      value: 50,
      comparator: "LTE",
      kind: "RANK",
    });
    expect(one("thuộc nhóm 03 nước tốt nhất trong khu vực Đông Nam Á.")).toMatchObject({ value: 3, kind: "RANK" });
    expect(one("vào nhóm 4 quốc gia dẫn đầu về năng lực cạnh tranh du lịch")).toMatchObject({ value: 4 });
  });

  it('"Top N" and "thuộc N nước dẫn đầu" are ranks too (draft, line 62; Bạc Liêu fixture)', () => {
    expect(one("Việt Nam thuộc Top 4 ASEAN về xếp hạng số hóa quốc gia.")).toMatchObject({ value: 4, kind: "RANK" });
    expect(one("Việt Nam phải duy trì xếp hạng GII thuộc 3 nước dẫn đầu khu vực ASEAN.")).toMatchObject({
      value: 3,
      kind: "RANK",
    });
    expect(read("(WEF): Top 40. (đến năm 2020 đạt Top 50)").map((t) => t.value)).toEqual([40, 50]);
  });

  it("a rank of other things needs a leading word after it (vietbao fixture)", () => {
    expect(one("thuộc nhóm 10 quốc gia có hệ thống giáo dục đại học tốt nhất châu Á")).toMatchObject({ kind: "RANK" });
    expect(read("thuộc nhóm 200 trường đại học hàng đầu châu Á")).toMatchObject([{ value: 200, kind: "RANK" }]);
  });
});

describe("rates per year", () => {
  it('"tăng X%/năm" and "hàng năm tăng X%" are yearly rates (749 summary, line 25; Thanh Niên fixture)', () => {
    expect(one("năng suất lao động hàng năm tăng tối thiểu 7%;")).toMatchObject({
      value: 7,
      comparator: "GTE",
      kind: "RATE_PER_YEAR",
      unit: "%/năm",
    });
    expect(one("năng suất lao động tăng bình quân trên 7%/năm.")).toMatchObject({
      value: 7,
      comparator: "GT",
      kind: "RATE_PER_YEAR",
    });
    expect(one("năng suất lao động tăng bình quân khoảng 7,5%/năm.")).toMatchObject({ value: 7.5, approximate: true });
  });
});

describe("counts and amounts", () => {
  it("a number with the noun it counts, Vietnamese or English grouping (411, line 538; draft, line 88)", () => {
    expect(read("với tối thiểu 1000 chuyên gia và 500 đơn vị tư vấn được Bộ Thông tin và Truyền thông")).toEqual([
      {
        printed: "1000 chuyên gia",
        value: 1000,
        comparator: "GTE",
        kind: "COUNT",
        unit: "chuyên gia",
        approximate: false,
      },
      // Coordinated with "và", the second number shares the first one's "tối thiểu".
      { printed: "500 đơn vị", value: 500, comparator: "GTE", kind: "COUNT", unit: "đơn vị", approximate: false },
    ]);
    expect(
      read("Phát triển ít nhất 80,000 doanh nghiệp công nghệ số Việt Nam (đến năm 2020 đạt 35,000)."),
    ).toMatchObject([
      { value: 80_000, unit: "doanh nghiệp" },
      // The milestone repeats the count without its noun.
      { value: 35_000, unit: "doanh nghiệp" },
    ]);
    expect(read("Đào tạo thêm 1,000,000 chuyên gia ICT (đến năm 2020 đạt 300.000).").map((t) => t.value)).toEqual([
      1_000_000, 300_000,
    ]);
  });

  it("a count per population is an amount in that unit (draft, line 202)", () => {
    expect(read("80 thuê bao băng rộng di động/100 dân (đến năm 2020 là 60%).")).toMatchObject([
      { value: 80, kind: "AMOUNT", unit: "thuê bao/100 dân" },
      { value: 60, kind: "PERCENT" },
    ]);
  });

  it("ranges give their lower bound (draft, lines 143 and 275)", () => {
    expect(findThresholds("Hình thành 5-7 tập đoàn, doanh nghiệp công nghệ lớn")).toMatchObject([
      { value: 5, comparator: "GTE", unit: "tập đoàn", range: { from: 5, to: 7 } },
    ]);
    expect(findThresholds("tăng từ 10 đến 15 bậc năm 2020")).toMatchObject([
      { value: 10, unit: "bậc", range: { from: 10, to: 15 } },
    ]);
  });

  it("money keeps its scale in the unit; a scale word multiplies a count (vietbao fixture)", () => {
    expect(one("GDP bình quân đầu người theo giá hiện hành đạt khoảng 8.500 USD.")).toMatchObject({
      value: 8500,
      kind: "AMOUNT",
      unit: "USD",
      approximate: true,
    });
    expect(one("quy mô dân số đạt khoảng 105 triệu người.")).toMatchObject({ value: 105_000_000, unit: "người" });
    expect(one("Tuổi thọ bình quân đạt khoảng 75,5 tuổi.")).toMatchObject({ value: 75.5, unit: "tuổi" });
    expect(one("Chỉ số phát triển con người (HDI) đạt khoảng 0,78.")).toMatchObject({ value: 0.78, unit: "chỉ số" });
  });
});

describe("several thresholds in one sentence", () => {
  it("keeps each with its own comparator (vietbao fixture; 749 summary, line 33)", () => {
    expect(
      read(
        "Tỷ trọng trong GDP của khu vực dịch vụ đạt trên 50%, khu vực công nghiệp - xây dựng trên 40%, khu vực nông, lâm, thủy sản dưới 10%.",
      ).map((t) => [t.value, t.comparator]),
    ).toEqual([
      [50, "GT"],
      [40, "GT"],
      [10, "LT"],
    ]);
    expect(
      read("Hạ tầng mạng băng rộng cáp quang phủ trên 80% hộ gia đình, 100% xã;").map((t) => t.comparator),
    ).toEqual(["GT", "EQ"]);
  });
});

describe("numbers that are not thresholds", () => {
  it.each([
    ["a level of service (draft, line 149)", "dịch vụ công trực tuyến mức độ 3,4"],
    ["a technology", "Mạng di động 5G phủ sóng toàn quốc"],
    ["a schedule", "cung cấp dịch vụ 24/7, sẵn sàng phục vụ trực tuyến"],
    ["a speed", "kết nối băng rộng tốc độ 1GBps"],
    ["a document number", "Nghị định số 154/2013/NĐ-CP của Chính phủ"],
    ["an age", "dân số từ 15 tuổi trở lên có tài khoản"],
    ["a period", "Giai đoạn 3 (2026 – 2030): Kinh tế - xã hội số toàn diện"],
    ["a count of regions", "tại 3 vùng kinh tế trọng điểm"],
  ])("%s", (_what, s) => {
    expect(findThresholds(s)).toEqual([]);
  });
});
