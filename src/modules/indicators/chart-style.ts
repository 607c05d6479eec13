// The colours and marks of the indicator charts: the public server-drawn chart and the dashboards'
// interactive small multiples draw the same series the same way.

export const ACTUAL = "#0b5cad";
export const PATH = "#64748b";
export const PROJECTION = "#b45309";
export const TARGET_FINAL = "#7c3aed";
export const TARGET_LATER = "#047857";

/**
 * Each published source gets its own colour, dash pattern and marker shape, so two sources stay
 * apart in greyscale and for readers who do not tell the colours apart.
 */
export const SOURCE_STYLES = [
  { color: "#be123c", dash: "8 3", marker: "M-4-4h8v8h-8z" },
  { color: "#0f766e", dash: "2 3", marker: "M0-5L5 4H-5z" },
  { color: "#86198f", dash: "6 2 1 2", marker: "M0-5L5 0L0 5L-5 0z" },
  { color: "#0f172a", dash: "4 4", marker: "M-4-4L4 4M4-4L-4 4" },
];
export type SourceStyle = (typeof SOURCE_STYLES)[number];
export const sourceStyle = (i: number): SourceStyle => SOURCE_STYLES[i % SOURCE_STYLES.length];
