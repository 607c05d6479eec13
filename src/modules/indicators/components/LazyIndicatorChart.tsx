"use client";
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { IndicatorChart } from "./IndicatorChart";

// recharts is the heaviest script on public pages: load it after the page is interactive. The
// same data is in the table below the chart, and the figure caption summarises it meanwhile.
const Chart = dynamic(() => import("./IndicatorChart").then((m) => m.IndicatorChart), {
  ssr: false,
  loading: () => <div className="h-80 w-full animate-pulse rounded bg-slate-100" aria-hidden="true" />,
});

export function LazyIndicatorChart(props: ComponentProps<typeof IndicatorChart>) {
  return (
    <figure className="rounded border border-slate-200 bg-white p-3" aria-labelledby="chart-title" aria-describedby="chart-summary">
      <figcaption>
        <p id="chart-title" className="font-semibold">{props.title}</p>
        <p id="chart-summary" className="text-xs text-slate-600">{props.summary}</p>
      </figcaption>
      <Chart {...props} />
    </figure>
  );
}
