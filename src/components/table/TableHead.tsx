import type { ReactNode } from "react";

export type Column = { label: ReactNode; className?: string; key?: string };

/** A table's header row from its column list, so each table states its columns once. */
export function TableHead({
  columns,
  cellClass,
  className,
}: {
  columns: Column[];
  cellClass: string;
  className?: string;
}) {
  return (
    <thead className={className}>
      <tr>
        {columns.map((c, i) => (
          <th key={c.key ?? i} scope="col" className={c.className ? `${c.className} ${cellClass}` : cellClass}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
