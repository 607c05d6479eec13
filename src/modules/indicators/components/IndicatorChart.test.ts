import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Lang } from "@/i18n/config";
import { IndicatorChart } from "./IndicatorChart";

const chart = (lang: Lang) =>
  renderToStaticMarkup(
    createElement(IndicatorChart, {
      lang,
      kind: "PERCENT",
      unit: "%",
      title: "t",
      summary: "s",
      labels: { actual: "a", projection: "p" },
      inverted: false,
      bounded: true,
      series: [
        { t: 2021.25, value: 1.23, label: "Q1/2021" },
        { t: 2022.25, value: 1.85, label: "Q1/2022" },
      ],
      targets: [{ t: 2026, value: 2, label: "2025 ≥ 2%", final: true }],
      paths: [],
      projection: null,
    }),
  );

describe("indicator chart", () => {
  it("reads values out and labels the value axis in the page's language", () => {
    const vi = chart("vi");
    const points = JSON.parse(vi.match(/data-points="([^"]*)"/)![1].replace(/&quot;/g, '"')) as { value: string }[];
    expect(points.map((p) => p.value)).toEqual(["1,23%", "1,85%"]);
    expect(vi).toContain(">1,2%<");
    expect(vi).not.toContain(">1.2%<");
    expect(chart("en")).toContain("1.23%");
  });
});
