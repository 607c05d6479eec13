// Messages of the status method: the one-sentence explanation every status carries and the public
// methodology page (Vietnamese default, English second); merged into the catalogue as `methodology`.

export const methodologyVi = {
  nav: "Phương pháp",
  sentence: {
    need: "Cần đạt {target} vào năm {year}",
    needEach: "Mỗi đơn vị cần đạt {target} vào năm {year}",
    achieved: "{need}; {period} đạt {latest}, nên mục tiêu đã đạt.",
    achievedEarly: "{need}; {period} đã đạt {latest}, sớm hơn hạn.",
    missed: "{need}; {period} chỉ đạt {latest}, nên mục tiêu không đạt.",
    noData: "{need}; không có số liệu nào của năm đó, nên chưa thể kết luận.",
    notEnough: "{need}; chưa đủ hai số liệu kể từ năm gốc {baseYear} để tính tiến độ.",
    noBase: "{need}; văn bản không nêu năm gốc và không có ngày ban hành, nên chưa tính được tiến độ.",
    noSubgroup:
      "{need}; chỉ tiêu dành cho một nhóm dân cư riêng nhưng chưa có chuỗi số liệu của nhóm đó, nên không đánh giá bằng số liệu toàn dân.",
    noLevel: "{need}; số liệu cấp này không được báo cáo, nên chưa thể đánh giá.",
    pace: "{need}; từ {base} ({basePeriod}) cần {needed}, thực tế đến {period} ({latest}) là {achieved}, nên {meaning}.",
    stalled:
      "{need}; từ {base} ({basePeriod}) đến {period} ({latest}) gần như không đổi (chênh lệch không quá {tolerance}), nên {meaning}.",
    rate: "{need}; tốc độ gần nhất ({period}) là {latest}, nên {meaning}.",
    notYet: "{need}; đến {period} vẫn chưa đạt, nên {meaning}.",
    coverage:
      "{need}; mới có {reported}/{expected} đơn vị có số liệu (cần ít nhất {required}), nên chưa đủ để đánh giá.",
    meaning: {
      ON_TRACK: "đang đúng tiến độ",
      NEEDS_ACCELERATION: "cần đẩy nhanh",
      LIMITED_PROGRESS: "tiến triển còn hạn chế",
      MOVING_AWAY: "đang đi ngược mục tiêu",
    },
    up: "tăng {x}",
    down: "giảm {x}",
    rankUp: "lên {x} bậc",
    rankDown: "xuống {x} bậc",
    points: "{x} điểm phần trăm",
    places: "{x} bậc",
    percent: "{x}%",
    perYear: "{x}/năm",
    notes: {
      provisional: "Kết quả tạm tính đến {date}, khi số liệu của năm {year} được coi là đầy đủ.",
      outsideYear: "Lưu ý: số liệu quyết định là của {period}, không phải của năm {year}.",
      baseShifted: "Năm gốc {baseYear} không có số liệu, nên lấy {basePeriod} làm gốc.",
      provisionalFigure: "Số liệu {period} là số sơ bộ của nơi công bố.",
      worstUnit: "Đơn vị thấp nhất: {name}.",
      source: "Nguồn: {source}.",
    },
    how: "Cách tính",
  },
  page: {
    title: "Phương pháp đánh giá tình trạng chỉ tiêu",
    metaDescription:
      "Cách cổng tính tình trạng từng chỉ tiêu chuyển đổi số: nguồn số liệu, năm gốc, phương pháp theo loại chỉ tiêu, ngưỡng phân loại, dung sai, tạm tính và độ bao phủ, kèm ví dụ tính tay.",
    intro:
      "Mỗi chỉ tiêu của một văn bản có một mốc (năm) và một ngưỡng. Cổng so sánh số liệu với ngưỡng theo phương pháp của Open SDG (Cơ quan Thống kê Canada, Eurostat), điều chỉnh theo từng loại chỉ tiêu như dưới đây. Mọi con số trong các ví dụ được tính bằng chính chương trình tính tình trạng của cổng.",
    contents: "Nội dung",
    statusesTitle: "Các tình trạng",
    statusesIntro: "Trước hết là ý nghĩa của từng tình trạng:",
    statusMeaning: {
      ACHIEVED: "Giá trị đã đạt ngưỡng (trước hoặc sau mốc).",
      ON_TRACK: "Chưa đạt, nhưng tốc độ hiện tại đủ để đạt đúng hạn (R ≥ 0,95).",
      NEEDS_ACCELERATION: "Đang tiến triển nhưng chậm hơn tốc độ cần thiết (0,60 ≤ R < 0,95).",
      LIMITED_PROGRESS: "Tiến triển rất chậm hoặc không đổi (0 ≤ R < 0,60).",
      MOVING_AWAY: "Giá trị đang đi ngược hướng mục tiêu (R < 0).",
      MISSED: "Mốc đã qua và giá trị quyết định không đạt ngưỡng.",
      INSUFFICIENT_COVERAGE: "Chỉ tiêu áp cho từng đơn vị nhưng chưa đủ đơn vị báo cáo để đánh giá.",
      NOT_ENOUGH_DATA: "Chưa đủ hai số liệu kể từ năm gốc để tính tiến độ.",
      NO_DATA: "Mốc đã qua mà không có số liệu nào.",
    },
    sourceTitle: "1. Số liệu lấy từ đâu",
    sourceBody:
      "Mỗi chỉ tiêu có thể có nhiều nguồn: Cục Thống kê, ước tính của bộ, chỉ số quốc tế, khảo sát và số liệu các cơ quan báo cáo. Tình trạng chỉ dùng một nguồn, được nêu rõ trên trang chỉ tiêu: mặc định là số liệu thống kê chính thức nếu có, sau đó là chỉ số quốc tế, khảo sát, ước tính của bộ, cuối cùng là số liệu các cơ quan báo cáo đã được duyệt. Người thẩm định có thể đổi nguồn, kèm lý do, và mọi lần đổi đều được lưu lại. Với số liệu công bố, cổng dùng con số mà nguồn đã công bố tính đến ngày đánh giá (lần điều chỉnh sau không làm thay đổi quá khứ). Chỉ tiêu áp cho từng đơn vị luôn dùng số liệu các đơn vị báo cáo.",
    periodTitle: "2. Kỳ số liệu và một giá trị cho mỗi kỳ",
    periodBody:
      "Mỗi chỉ tiêu có chu kỳ đo: quý, năm hoặc hai năm (như khảo sát Chính phủ điện tử của Liên hợp quốc). Một giá trị được đặt ở thời điểm kết thúc kỳ nó mô tả: quý 3/2024 là 2024,75; năm 2024 là 2025,0. Giá trị chỉ được tính khi kỳ đã kết thúc. Báo cáo quý của một chỉ tiêu đo theo năm được gộp thành một giá trị cho năm. Khi một kỳ có nhiều giá trị, giá trị mô tả phần muộn nhất của kỳ được dùng, sau đó là bản công bố hoặc phê duyệt muộn nhất, rồi mã bản ghi lớn nhất, rồi giá trị kém thuận lợi hơn: kết quả không phụ thuộc thứ tự nhập.",
    baseTitle: "3. Năm gốc",
    baseBody:
      "Tiến độ được đo từ năm gốc mà văn bản nêu; nếu văn bản không nêu thì từ năm ban hành văn bản, không bao giờ từ “giá trị cũ nhất có trong bảng”. Giá trị gốc là giá trị của kỳ chứa năm gốc (với số liệu quý: quý muộn nhất của năm đó). Nếu năm gốc không có số liệu, giá trị gần nhất sau đó được dùng và lời giải thích nói rõ điều này. Số liệu trước năm gốc không ảnh hưởng đến tình trạng.",
    phaseTitle: "4. Đang thực hiện, tạm tính và chính thức",
    phaseBody:
      "Trước khi hết năm mốc, chỉ tiêu được đánh giá theo tốc độ. Sau khi hết năm, chỉ tiêu được quyết định bằng giá trị gần nhất của một kỳ kết thúc trong năm mốc hoặc trước đó: đạt hoặc không đạt. Kết quả là tạm tính cho đến ngày chốt số liệu của nguồn (hết năm mốc cộng số ngày chốt của nguồn: {agencyDays} ngày với số liệu các cơ quan báo cáo, khi kỳ báo cáo quý 4 đã khóa), sau đó mới là chính thức. Lời giải thích cảnh báo khi giá trị quyết định không phải của năm mốc, hoặc là số sơ bộ.",
    methodTitle: "5. Phương pháp theo loại chỉ tiêu",
    methodIntro:
      "Khi chưa đạt ngưỡng, cổng so sánh tốc độ thực tế từ gốc (v0 tại t0) đến giá trị gần nhất (v1 tại t1) với tốc độ cần để đạt ngưỡng vT vào thời điểm tT = năm mốc + 1. R = tốc độ thực tế / tốc độ cần thiết (có dấu theo hướng mục tiêu).",
    methodRows: {
      LEVEL:
        "Số lượng, giá trị: tăng trưởng kép CAGR = (v1/v0)^(1/(t1−t0)) − 1 khi mọi giá trị dương; nếu không, thay đổi tuyến tính mỗi năm.",
      BOUNDED:
        "Tỷ lệ phần trăm (có trần 100 %): điểm phần trăm mỗi năm, (v1 − v0)/(t1 − t0) so với (vT − v0)/(tT − t0); không dùng CAGR cho tỷ lệ gần 100 %.",
      RANK: "Thứ hạng: số bậc tăng mỗi năm so với số bậc cần tăng mỗi năm để lên hạng yêu cầu; không dùng tốc độ tăng trưởng của thứ hạng.",
      RATE: "Chỉ tiêu tốc độ (“tăng 7 %/năm”): tốc độ gần nhất so với tốc độ yêu cầu, R = v1/vT; đạt tốc độ là đúng tiến độ, chỉ “đã đạt” khi hết năm mốc.",
      BOOLEAN: "Có/không: đã đạt hoặc chưa đạt; không có tốc độ.",
    },
    measure: "Loại",
    howMeasured: "Cách đo tiến độ",
    measureName: {
      LEVEL: "Số lượng",
      BOUNDED: "Tỷ lệ %",
      RANK: "Thứ hạng",
      RATE: "Tốc độ tăng",
      BOOLEAN: "Có/không",
    },
    classifyTitle: "6. Ngưỡng phân loại và làm tròn",
    classifyBody:
      "R được làm tròn đến 2 chữ số thập phân (làm tròn nửa lên, xa số 0) trước khi phân loại, nên R = 0,95 đúng là “đúng tiến độ”. So sánh với ngưỡng dùng giá trị làm tròn đến 9 chữ số thập phân để tránh sai số dấu phẩy động.",
    toleranceTitle: "7. Dung sai",
    toleranceBody:
      "Một thay đổi không vượt quá dung sai của loại chỉ tiêu được coi là không đổi (R = 0), để một dao động nhỏ không làm đổi tình trạng. Chỉ tiêu “khoảng X” được coi là đạt khi cách X không quá dung sai.",
    toleranceRows: {
      LEVEL: "1 % giá trị gốc",
      BOUNDED: "0,5 điểm phần trăm",
      RANK: "1 bậc",
      RATE: "0,5 điểm phần trăm",
      BOOLEAN: "không có",
    },
    tolerance: "Dung sai",
    coverageTitle: "8. Độ bao phủ và nhóm dân cư",
    coverageBody:
      "Chỉ tiêu áp cho từng đơn vị (“mỗi tỉnh tối thiểu X”) được đánh giá trên từng đơn vị phải báo cáo, và kết quả là của đơn vị kém nhất, nhưng chỉ khi đủ số đơn vị có số liệu (mặc định: tất cả; văn bản có thể nêu một tỷ lệ). Nếu chưa đủ, tình trạng là “chưa đủ độ bao phủ (N/M)” và nêu đơn vị thấp nhất. Chỉ tiêu cho một nhóm dân cư (ví dụ người từ 15 tuổi) chỉ được đánh giá bằng chuỗi số liệu của đúng nhóm đó.",
    examplesTitle: "9. Ví dụ tính tay",
    exampleUnit: "doanh nghiệp",
    examplesIntro:
      "Các ví dụ dùng số liệu giả định và một ngày đánh giá cố định; mỗi kết quả được tính bằng chính chương trình của cổng.",
    example: {
      data: "Số liệu",
      evaluatedOn: "Ngày đánh giá: {date}",
      target: "Chỉ tiêu: {target} vào năm {year} (năm gốc {baseYear})",
      arithmetic: "Phép tính",
      result: "Kết quả",
      sentence: "Lời giải thích",
    },
    examples: {
      level: "Số lượng, tăng trưởng kép",
      bounded: "Tỷ lệ phần trăm, điểm phần trăm",
      rank: "Thứ hạng, số bậc",
      rate: "Chỉ tiêu tốc độ tăng",
      exact: "R đúng bằng 0,95",
      stalled: "Dao động trong dung sai",
      provisional: "Tạm tính rồi chính thức",
      final: "Cùng chỉ tiêu, sau ngày chốt",
      coverage: "Độ bao phủ chưa đủ",
    },
    arithmetic: {
      needed: "Tốc độ cần: {formula} = {value}",
      achieved: "Tốc độ thực tế: {formula} = {value}",
      ratio: "R = {achieved} / {needed} = {ratio}",
      threshold: "So sánh: {latest} với ngưỡng {target}",
      coverage: "Đơn vị có số liệu: {reported}/{expected}; cần {required}",
      finalFrom: "Chính thức từ: {date}",
    },
    glossaryLink: "Xem phương pháp đánh giá",
  },
};

export const methodologyEn: typeof methodologyVi = {
  nav: "Methodology",
  sentence: {
    need: "The target is {target} by {year}",
    needEach: "Every unit must reach {target} by {year}",
    achieved: "{need}; {period} reached {latest}, so the target was achieved.",
    achievedEarly: "{need}; {period} already reached {latest}, ahead of time.",
    missed: "{need}; {period} reached only {latest}, so the target was missed.",
    noData: "{need}; there is no value for that year, so nothing can be concluded.",
    notEnough: "{need}; there are not yet two values since the base year {baseYear} to measure the pace.",
    noBase: "{need}; the decision states no base year and has no date, so the pace cannot be measured.",
    noSubgroup:
      "{need}; the target is for a population group that has no series of its own yet, so it is not judged on the whole population's.",
    noLevel: "{need}; values at this level are not reported, so it cannot be judged.",
    pace: "{need}; from {base} ({basePeriod}) it needed {needed}, and by {period} ({latest}) it achieved {achieved}, so it {meaning}.",
    stalled:
      "{need}; from {base} ({basePeriod}) to {period} ({latest}) it barely moved (by no more than {tolerance}), so it {meaning}.",
    rate: "{need}; the latest rate ({period}) is {latest}, so it {meaning}.",
    notYet: "{need}; by {period} it was not yet met, so it {meaning}.",
    coverage:
      "{need}; only {reported} of {expected} units have a value (at least {required} needed), so it cannot be judged yet.",
    meaning: {
      ON_TRACK: "is on track",
      NEEDS_ACCELERATION: "needs to speed up",
      LIMITED_PROGRESS: "is making limited progress",
      MOVING_AWAY: "is moving away from the target",
    },
    up: "a rise of {x}",
    down: "a fall of {x}",
    rankUp: "a climb of {x} places",
    rankDown: "a drop of {x} places",
    points: "{x} percentage points",
    places: "{x} places",
    percent: "{x}%",
    perYear: "{x}/year",
    notes: {
      provisional: "Provisional until {date}, when the data for {year} count as complete.",
      outsideYear: "Note: the deciding value is for {period}, not for {year}.",
      baseShifted: "The base year {baseYear} has no value, so {basePeriod} is the base.",
      provisionalFigure: "The {period} figure is provisional by its publisher.",
      worstUnit: "Lowest unit: {name}.",
      source: "Source: {source}.",
    },
    how: "How is this calculated",
  },
  page: {
    title: "How target statuses are assessed",
    metaDescription:
      "How the portal computes the status of each digital-transformation target: sources, base year, a method per kind of indicator, classification thresholds, tolerance, provisional results and coverage, with worked examples.",
    intro:
      "Each target of a decision has a milestone year and a threshold. The portal compares the data with the threshold using the Open SDG method (Statistics Canada, Eurostat), adapted to each kind of indicator as below. Every number in the examples is computed by the portal's own status engine.",
    contents: "Contents",
    statusesTitle: "The statuses",
    statusesIntro: "First, what each status means:",
    statusMeaning: {
      ACHIEVED: "The value meets the threshold (before or after the milestone).",
      ON_TRACK: "Not met yet, but the current pace is enough to meet it in time (R ≥ 0.95).",
      NEEDS_ACCELERATION: "Progressing, but slower than needed (0.60 ≤ R < 0.95).",
      LIMITED_PROGRESS: "Very slow progress or none (0 ≤ R < 0.60).",
      MOVING_AWAY: "The value is moving the wrong way (R < 0).",
      MISSED: "The milestone is over and the deciding value does not meet the threshold.",
      INSUFFICIENT_COVERAGE: "A per-unit target without enough reporting units to judge it.",
      NOT_ENOUGH_DATA: "Fewer than two values since the base year to measure the pace.",
      NO_DATA: "The milestone is over and there is no value at all.",
    },
    sourceTitle: "1. Where the values come from",
    sourceBody:
      "An indicator can have several sources: the statistics office, a ministry's estimate, an international index, a survey and the agencies' reports. A status uses one source, named on the indicator page: by default the official statistic when there is one, then an international index, a survey, a ministry's estimate, and last the agencies' approved reports. A reviewer can change the source, giving a reason, and every change is kept. For published figures the portal uses what the source had published by the assessment date (a later revision does not rewrite the past). Per-unit targets always use the units' reports.",
    periodTitle: "2. Periods, and one value per period",
    periodBody:
      "Each indicator is measured every quarter, year or two years (as the UN e-government survey). A value is placed at the end of the period it describes: Q3 2024 is 2024.75; the year 2024 is 2025.0. A value counts only once its period is over. Quarterly reports of an annual indicator collapse to one value for the year. When a period has several values, the one describing the latest part of it wins, then the latest release or approval, then the highest record id, then the less favourable value: the result never depends on input order.",
    baseTitle: "3. The base year",
    baseBody:
      "Progress is measured from the base year the decision states, or else the year it was issued; never from “the oldest value in the table”. The base value is the value of the period covering the base year (for quarterly data, that year's latest quarter). When the base year has no value, the nearest later value is used and the explanation says so. Values before the base year do not affect the status.",
    phaseTitle: "4. In progress, provisional and final",
    phaseBody:
      "Until the milestone year is over, a target is judged on its pace. After it, the target is decided by the latest value of a period ending in the milestone year or earlier: achieved or missed. The result is provisional until the source's data cut-off (the end of the milestone year plus the source's cut-off days: {agencyDays} days for the agencies' reports, when the fourth quarter's reporting locks), and final after it. The explanation warns when the deciding value is not from the milestone year, or is provisional.",
    methodTitle: "5. A method per kind of indicator",
    methodIntro:
      "While a threshold is not met, the portal compares the pace achieved from the base (v0 at t0) to the latest value (v1 at t1) with the pace needed to reach the threshold vT at tT = milestone year + 1. R = achieved pace / needed pace (signed by the target's direction).",
    methodRows: {
      LEVEL:
        "Counts and amounts: compound annual growth, CAGR = (v1/v0)^(1/(t1−t0)) − 1, when all values are positive; otherwise straight-line change per year.",
      BOUNDED:
        "Percentages (capped at 100 %): percentage points per year, (v1 − v0)/(t1 − t0) against (vT − v0)/(tT − t0); never CAGR on shares near 100 %.",
      RANK: "Ranks: places gained per year against the places per year needed to reach the required rank; never a growth rate of a rank.",
      RATE: "Growth-rate targets (“7 % a year”): the latest rate against the required one, R = v1/vT; meeting the rate is on track, and “achieved” only once the year is over.",
      BOOLEAN: "Yes/no: met or not yet; there is no pace.",
    },
    measure: "Kind",
    howMeasured: "How pace is measured",
    measureName: {
      LEVEL: "Count or amount",
      BOUNDED: "Percentage",
      RANK: "Rank",
      RATE: "Growth rate",
      BOOLEAN: "Yes/no",
    },
    classifyTitle: "6. Classification thresholds and rounding",
    classifyBody:
      "R is rounded to 2 decimals (half away from zero) before it is classified, so R = 0.95 exactly is “on track”. Comparisons with a threshold use values rounded to 9 decimals, so floating-point error cannot decide them.",
    toleranceTitle: "7. Tolerance",
    toleranceBody:
      "A move no larger than the tolerance of its kind counts as no move (R = 0), so a small wobble does not flip a status. A target of “about X” is met within the tolerance of X.",
    toleranceRows: {
      LEVEL: "1 % of the base value",
      BOUNDED: "0.5 percentage point",
      RANK: "1 place",
      RATE: "0.5 percentage point",
      BOOLEAN: "none",
    },
    tolerance: "Tolerance",
    coverageTitle: "8. Coverage and population groups",
    coverageBody:
      "A per-unit target (“every province at least X”) is judged on each unit expected to report, and takes the least favourable unit's result, but only when enough units have a value (by default all; a decision may state a share). Otherwise the status is “insufficient coverage (N of M)” and names the lowest unit. A target for a population group (for example people aged 15 and over) is judged only on a series for that group.",
    examplesTitle: "9. Worked examples",
    exampleUnit: "businesses",
    examplesIntro:
      "The examples use made-up values and a fixed assessment date; each result is computed by the portal's own engine.",
    example: {
      data: "Values",
      evaluatedOn: "Assessed on: {date}",
      target: "Target: {target} by {year} (base year {baseYear})",
      arithmetic: "Arithmetic",
      result: "Result",
      sentence: "Explanation",
    },
    examples: {
      level: "A count, compound growth",
      bounded: "A percentage, percentage points",
      rank: "A rank, places",
      rate: "A growth-rate target",
      exact: "R exactly 0.95",
      stalled: "A wobble within tolerance",
      provisional: "Provisional, then final",
      final: "The same target after the cut-off",
      coverage: "Insufficient coverage",
    },
    arithmetic: {
      needed: "Pace needed: {formula} = {value}",
      achieved: "Pace achieved: {formula} = {value}",
      ratio: "R = {achieved} / {needed} = {ratio}",
      threshold: "Compared: {latest} with the threshold {target}",
      coverage: "Units with a value: {reported} of {expected}; {required} needed",
      finalFrom: "Final from: {date}",
    },
    glossaryLink: "See how statuses are assessed",
  },
};
