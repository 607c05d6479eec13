"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type BarKey = { key: string; name: string; color: string };

const ROW_PX = 26;

/**
 * Horizontal stacked bars with tooltips (status counts per pillar or document, task statuses per
 * agency). Decorative for assistive technology: the table next to it holds the same numbers.
 */
export function StackedBars({
  rows,
  keys,
  labelWidth = 160,
}: {
  rows: ({ label: string } & Record<string, string | number | undefined>)[];
  keys: BarKey[];
  labelWidth?: number;
}) {
  const height = rows.length * ROW_PX + 70;
  const used = keys.filter((k) => rows.some((r) => typeof r[k.key] === "number" && (r[k.key] as number) > 0));
  return (
    <div aria-hidden="true" data-testid="stacked-bars">
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ top: 4, right: 12, bottom: 4, left: 4 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="#e2e8f0" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize: 11 }} interval={0} />
          <Tooltip contentStyle={{ fontSize: 12 }} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {used.map((k) => (
            <Bar key={k.key} dataKey={k.key} name={k.name} stackId="all" fill={k.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
