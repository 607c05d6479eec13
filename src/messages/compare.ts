// Messages of the comparison of agencies (public page and indicator page links).
export const compareVi = {
  title: "So sánh các đơn vị: {name}",
  metaDescription:
    "Giá trị đã duyệt của từng bộ, tỉnh cho chỉ tiêu {name}, xếp hạng theo quý, so với mức sàn mỗi đơn vị.",
  intro:
    "Giá trị đã được thẩm định của từng đơn vị được giao chỉ tiêu này trong quý đã chọn, xếp từ tốt nhất. Chỉ số liệu đã duyệt: số liệu đã nộp nhưng chưa duyệt không hiển thị.",
  period: "Quý",
  show: "Xem",
  back: "← Về trang chỉ tiêu",
  counts: "{reported} trên {expected} đơn vị được giao đã có số liệu đã duyệt trong {period}.",
  rankingTitle: "Xếp hạng {period}",
  rank: "Hạng",
  floorHeader: "Mức sàn {year} ({floor})",
  meets: "Đạt",
  misses: "Chưa đạt",
  notApplicable: "Không áp dụng",
  floorLegend: "Vạch đứng: mức sàn mỗi đơn vị phải đạt ({floors}).",
  floorEach: "mỗi đơn vị",
  floorCentral: "cấp bộ, tỉnh",
  noFloor: "Chỉ tiêu này không có mức sàn cho từng đơn vị; bảng chỉ xếp hạng các giá trị.",
  nobody: "Chưa đơn vị nào có số liệu đã duyệt trong quý này.",
  missingTitle: "Chưa báo cáo ({count})",
  missingIntro: "Các đơn vị được giao chỉ tiêu nhưng chưa có số liệu đã duyệt cho {period}:",
  none: "Mọi đơn vị được giao đều đã có số liệu.",
  link: "So sánh các đơn vị",
  perUnitNote:
    "Trạng thái này tính từ số liệu đã duyệt của từng đơn vị (đơn vị thấp nhất quyết định), không từ số liệu toàn quốc: xem giá trị từng đơn vị ở trang so sánh.",
  sourceNote:
    "Chưa có số liệu toàn quốc đã duyệt từ báo cáo của các cơ quan: trạng thái này tính từ số liệu công bố của {source} (xem mục Nguồn số liệu).",
  national: "Toàn quốc",
  glossary: "“{status}” nghĩa là gì?",
  submittedToggle: "Gồm cả số liệu đã nộp, đang chờ duyệt",
  submittedNote:
    "Đang hiển thị cả số liệu các đơn vị đã nộp nhưng chưa được duyệt, mỗi giá trị ghi “chờ duyệt”. Chỉ người thẩm định thấy các giá trị này; trang công khai và API chỉ có số liệu đã duyệt.",
  pending: "chờ duyệt",
  pendingBar: "Vạch sọc: giá trị chờ duyệt.",
  countsSubmitted:
    "{approved} đã duyệt, {submitted} chờ duyệt, {missing} chưa báo cáo; {expected} đơn vị được giao chỉ tiêu, {period}.",
  nobodySubmitted: "Chưa đơn vị nào có số liệu đã duyệt hay chờ duyệt trong quý này.",
  missingIntroSubmitted: "Các đơn vị được giao chỉ tiêu nhưng chưa có số liệu đã duyệt hay chờ duyệt cho {period}:",
};

export const compareEn: typeof compareVi = {
  title: "Agencies compared: {name}",
  metaDescription:
    "Each ministry's and province's approved value of {name}, ranked by quarter, against the per-unit floor.",
  intro:
    "The reviewed value of every agency assigned this indicator in the chosen quarter, best first. Approved data only: values submitted but not yet approved are not shown.",
  period: "Quarter",
  show: "Show",
  back: "← Back to the indicator",
  counts: "{reported} of the {expected} agencies assigned it have an approved value for {period}.",
  rankingTitle: "Ranking, {period}",
  rank: "Rank",
  floorHeader: "{year} floor ({floor})",
  meets: "Met",
  misses: "Not met",
  notApplicable: "Does not apply",
  floorLegend: "Vertical line: the floor each unit must reach ({floors}).",
  floorEach: "each unit",
  floorCentral: "ministries and provinces",
  noFloor: "This indicator has no per-unit floor; the table only ranks the values.",
  nobody: "No agency has an approved value for this quarter yet.",
  missingTitle: "Not reported ({count})",
  missingIntro: "Agencies assigned the indicator without an approved value for {period}:",
  none: "Every agency assigned it has a value.",
  link: "Compare agencies",
  perUnitNote:
    "This status comes from each agency's approved values (the lowest one decides), not from a national figure: see each agency's value on the comparison page.",
  sourceNote:
    "No approved national value from the agencies' reports yet: this status comes from the figures published by {source} (see the sources panel).",
  national: "National",
  glossary: "What does “{status}” mean?",
  submittedToggle: "Include values submitted and awaiting review",
  submittedNote:
    "Values the agencies submitted that are not approved yet are shown too, each marked “awaiting review”. Only reviewers see them; the public page and the API have approved values only.",
  pending: "awaiting review",
  pendingBar: "Striped bar: a value awaiting review.",
  countsSubmitted:
    "{approved} approved, {submitted} awaiting review, {missing} not reported; {expected} agencies are assigned the indicator, {period}.",
  nobodySubmitted: "No agency has an approved value or one awaiting review for this quarter yet.",
  missingIntroSubmitted:
    "Agencies assigned the indicator without an approved value or one awaiting review for {period}:",
};
