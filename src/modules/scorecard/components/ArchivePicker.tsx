"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { archiveHref } from "@/lib/enhance/logic";

/** Jumps to the scorecard as it was published at the end of a past quarter. */
export function ArchivePicker({
  lang,
  label,
  go,
  periods,
  current,
  now,
}: {
  lang: string;
  label: string;
  go: string;
  periods: [string, string][];
  current: string;
  now: string;
}) {
  const router = useRouter();
  const [value, setValue] = useState(current);
  return (
    <form
      data-archive={lang}
      className="mt-3 flex flex-wrap items-end gap-2 text-sm no-print"
      onSubmit={(e) => {
        e.preventDefault();
        router.push(archiveHref(lang, value));
      }}
    >
      <div>
        <label htmlFor="archive-period" className="block text-xs font-medium">
          {label}
        </label>
        <select
          id="archive-period"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="mt-1 rounded border border-slate-300 px-2 py-1"
        >
          <option value="">{now}</option>
          {periods.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded border border-slate-400 px-3 py-1">
        {go}
      </button>
    </form>
  );
}
