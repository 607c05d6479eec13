"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { filterCards } from "@/lib/enhance/cards";
import { shownText } from "@/lib/enhance/logic";

/**
 * Filters the indicator cards in the browser (by text, pillar and status), so the scorecard page
 * itself stays a cached static page. Cards carry data-search, data-pillar and data-statuses.
 * The cards are static markup (not React elements): a plain click on one of their links is turned
 * into a client-side navigation, as a next/link would do. Anonymous visitors get the page without
 * React; src/lib/enhance/lite.ts gives them the same filter (same rules, ../logic).
 */
export function CardFilter({
  labels,
  pillars,
  statuses,
}: {
  labels: { search: string; pillar: string; status: string; all: string; shown: string };
  pillars: [string, string][];
  statuses: [string, string][];
}) {
  const [shown, setShown] = useState<number | null>(null);
  const router = useRouter();
  useEffect(() => {
    const list = document.querySelector<HTMLElement>("[data-cards]");
    if (!list) return;
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element).closest?.("a[href]");
      if (
        !(a instanceof HTMLAnchorElement) ||
        e.defaultPrevented ||
        e.button !== 0 ||
        e.metaKey ||
        e.ctrlKey ||
        e.shiftKey ||
        e.altKey ||
        a.target ||
        a.origin !== location.origin
      )
        return;
      e.preventDefault();
      router.push(a.pathname + a.search + a.hash);
    };
    list.addEventListener("click", onClick);
    return () => list.removeEventListener("click", onClick);
  }, [router]);
  const apply = (form: HTMLFormElement) => setShown(filterCards(form));
  return (
    <form
      role="search"
      data-card-filter
      onInput={(e) => apply(e.currentTarget)}
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget);
      }}
      className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm no-print"
    >
      <div>
        <label htmlFor="card-q" className="block text-xs font-medium">
          {labels.search}
        </label>
        <input id="card-q" name="q" type="search" className="mt-1 rounded border border-slate-300 px-2 py-1" />
      </div>
      <div>
        <label htmlFor="card-pillar" className="block text-xs font-medium">
          {labels.pillar}
        </label>
        <select id="card-pillar" name="pillar" className="mt-1 rounded border border-slate-300 px-2 py-1">
          <option value="">{labels.all}</option>
          {pillars.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="card-status" className="block text-xs font-medium">
          {labels.status}
        </label>
        <select id="card-status" name="status" className="mt-1 rounded border border-slate-300 px-2 py-1">
          <option value="">{labels.all}</option>
          {statuses.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <p aria-live="polite" className="text-xs text-slate-600" data-testid="cards-shown" data-template={labels.shown}>
        {shown === null ? "" : shownText(labels.shown, shown)}
      </p>
    </form>
  );
}
