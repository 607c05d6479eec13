import "server-only";
import { cache } from "react";
import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { clockNow } from "@/server/clock";
import { asPublishedOn, comparePeriods, type CheckContext } from "./parse";
import { assertCanImportFigures } from "./policy";
import { resolveStatusSource, type SourceRef, type StatusSourceChoice } from "./choice";
import { currentValues } from "./series";

// Reads of published figures. Everything here is public (figures are published by definition),
// except importContext, which serves the import screen and checks its permission itself.

const figureSelect = {
  id: true,
  key: true,
  indicatorId: true,
  sourceId: true,
  period: true,
  periodStart: true,
  periodEnd: true,
  value: true,
  provisional: true,
  releaseTitle: true,
  releaseDate: true,
  releaseUrl: true,
  quote: true,
  printed: true,
  definitionNote: true,
  revisesId: true,
  revises: {
    select: {
      id: true,
      key: true,
      value: true,
      printed: true,
      releaseDate: true,
      releaseUrl: true,
      releaseTitle: true,
    },
  },
  indicator: { select: { code: true, nameVi: true, nameEn: true, unit: true, kind: true } },
  source: { select: { code: true, kind: true, nameVi: true, nameEn: true, url: true } },
} satisfies Prisma.PublishedFigureSelect;

export type FigureRow = Prisma.PublishedFigureGetPayload<{ select: typeof figureSelect }>;

/**
 * Figures matching the filters, every release (the whole history) or, with `asOf`, what each
 * series said on that day. Ordered by indicator, source, period, release date.
 */
export async function findFigures(f: {
  indicator?: string;
  /** Several indicators at once (the dashboards' charts). */
  indicatorIds?: number[];
  source?: string;
  asOf?: Date;
}): Promise<FigureRow[]> {
  const rows = await db.publishedFigure.findMany({
    where: {
      ...(f.indicator ? { indicator: { code: f.indicator } } : {}),
      ...(f.indicatorIds ? { indicatorId: { in: f.indicatorIds } } : {}),
      ...(f.source ? { source: { code: f.source } } : {}),
      ...(f.asOf ? { releaseDate: { lte: f.asOf } } : {}),
    },
    orderBy: [
      { indicator: { code: "asc" } },
      { source: { code: "asc" } },
      { periodEnd: "asc" },
      { periodStart: "desc" },
      { releaseDate: "asc" },
      { id: "asc" },
    ],
    select: figureSelect,
  });
  return f.asOf ? asPublishedOn(rows, f.asOf) : rows;
}

export type SourceSeries = {
  source: FigureRow["source"];
  /** Per period, every release in date order; the last is the current value. */
  periods: Map<string, FigureRow[]>;
};
export type IndicatorFigures = { indicator: FigureRow["indicator"]; periods: string[]; sources: SourceSeries[] };

/** Groups figures per indicator, then per source, each period keeping its chain of releases. */
export function groupFigures(rows: readonly FigureRow[]): IndicatorFigures[] {
  const byIndicator = new Map<string, IndicatorFigures>();
  for (const r of rows) {
    let ind = byIndicator.get(r.indicator.code);
    if (!ind) byIndicator.set(r.indicator.code, (ind = { indicator: r.indicator, periods: [], sources: [] }));
    let src = ind.sources.find((s) => s.source.code === r.source.code);
    if (!src) ind.sources.push((src = { source: r.source, periods: new Map() }));
    const chain = src.periods.get(r.period) ?? [];
    chain.push(r);
    src.periods.set(r.period, chain);
    if (!ind.periods.includes(r.period)) ind.periods.push(r.period);
  }
  for (const ind of byIndicator.values()) {
    ind.periods.sort(comparePeriods);
    for (const s of ind.sources)
      for (const chain of s.periods.values())
        chain.sort((a, b) => a.releaseDate.getTime() - b.releaseDate.getTime() || a.id - b.id);
  }
  return [...byIndicator.values()];
}

/** One indicator's figures grouped by source, each with its citation and revision chain. */
export async function indicatorFigures(code: string, asOf?: Date): Promise<IndicatorFigures | null> {
  return groupFigures(await findFigures({ indicator: code, asOf }))[0] ?? null;
}

/** Indicators that have published figures, for the page's filter. */
export const figureIndicators = cache(async () =>
  db.indicator.findMany({
    where: { figures: { some: {} } },
    orderBy: { code: "asc" },
    select: { code: true, nameVi: true, nameEn: true },
  }),
);

export async function listSources() {
  const rows = await db.source.findMany({
    orderBy: { code: "asc" },
    select: { code: true, kind: true, nameVi: true, nameEn: true, url: true, _count: { select: { figures: true } } },
  });
  return rows.map(({ _count, ...s }) => ({ ...s, figures: _count.figures }));
}

/** What an upload is checked against: the catalogue and the stored figures. Reviewers and administrators only. */
export async function importContext(user: SessionUser | null): Promise<CheckContext> {
  assertCanImportFigures(user);
  const [indicators, sources, stored] = await Promise.all([
    db.indicator.findMany({ select: { code: true, minValue: true, maxValue: true } }),
    db.source.findMany({ select: { code: true } }),
    db.publishedFigure.findMany({
      select: {
        key: true,
        period: true,
        releaseUrl: true,
        releaseDate: true,
        indicator: { select: { code: true } },
        source: { select: { code: true } },
      },
    }),
  ]);
  return {
    indicators: new Map(indicators.map((i) => [i.code, { min: i.minValue, max: i.maxValue }])),
    sources: new Set(sources.map((s) => s.code)),
    stored: stored.map((s) => ({
      key: s.key,
      indicator: s.indicator.code,
      source: s.source.code,
      period: s.period,
      releaseUrl: s.releaseUrl,
      releaseDate: s.releaseDate.toISOString().slice(0, 10),
    })),
    today: clockNow().toISOString().slice(0, 10),
  };
}

const sourceRefSelect = {
  id: true,
  code: true,
  kind: true,
  nameVi: true,
  nameEn: true,
  cutoffDays: true,
} satisfies Prisma.SourceSelect;

/**
 * The source each indicator's statuses use, as it stood at `asOf` (default: now, every row): the newest
 * choice made by then, or the default among the sources that had published for it by then.
 * Indicators without figures or choices are absent: their statuses use agency reporting.
 */
export async function statusSourceChoices(asOf?: Date): Promise<Map<number, StatusSourceChoice>> {
  // Now is every row: not `lte clockNow()`, since a clock moved by NOW starts where each server
  // bundle first loads it, so a choice written by the action's bundle can look "future" to another.
  const at = asOf ? { lte: asOf } : undefined;
  const [sources, choices, published] = await Promise.all([
    db.source.findMany({ select: sourceRefSelect }),
    db.indicatorStatusSource.findMany({
      where: { createdAt: at },
      select: { indicatorId: true, sourceId: true, userId: true, reason: true, createdAt: true },
    }),
    db.publishedFigure.findMany({
      where: { releaseDate: at },
      distinct: ["indicatorId", "sourceId"],
      select: { indicatorId: true, sourceId: true },
    }),
  ]);
  const byId = new Map<number, SourceRef>(sources.map((s) => [s.id, s]));
  const ids = new Set([...choices.map((c) => c.indicatorId), ...published.map((p) => p.indicatorId)]);
  const out = new Map<number, StatusSourceChoice>();
  for (const id of ids) {
    const pub = published.filter((p) => p.indicatorId === id).map((p) => byId.get(p.sourceId)!);
    out.set(
      id,
      resolveStatusSource(
        id,
        choices.filter((c) => c.indicatorId === id),
        pub,
        byId,
      ),
    );
  }
  return out;
}

/** The open API's shape of a figure. */
export function figureToApi(f: FigureRow) {
  return {
    id: f.id,
    key: f.key,
    indicator: f.indicator.code,
    source: { code: f.source.code, kind: f.source.kind, name: { vi: f.source.nameVi, en: f.source.nameEn } },
    period: f.period,
    periodStart: f.periodStart.toISOString().slice(0, 10),
    periodEnd: f.periodEnd.toISOString().slice(0, 10),
    value: f.value,
    unit: f.indicator.unit,
    provisional: f.provisional,
    release: { title: f.releaseTitle, date: f.releaseDate.toISOString().slice(0, 10), url: f.releaseUrl },
    quote: f.quote,
    printed: f.printed,
    revises: f.revises ? { id: f.revises.id, key: f.revises.key } : null,
    definitionNote: f.definitionNote,
    illustrative: false as const,
  };
}

export type StatusSourceHistoryRow = {
  id: number;
  source: SourceRef | null;
  by: "seed" | "user";
  /** The chooser's agency, never their name: a reviewer's judgement is public, the reviewer is not. */
  agency: { code: string; nameVi: string; nameEn: string } | null;
  reason: string;
  at: Date;
};

export type IndicatorStatusSourceView = {
  current: StatusSourceChoice;
  /** The agency of the reviewer who made the current choice (null for the default or the seed). */
  agency: StatusSourceHistoryRow["agency"];
  /** Every recorded choice, newest first. */
  history: StatusSourceHistoryRow[];
  /** The sources that have published figures for the indicator: what a reviewer may choose. */
  options: SourceRef[];
};

/** The source an indicator's statuses use now, its recorded history and what may be chosen. */
export async function indicatorStatusSource(indicatorId: number): Promise<IndicatorStatusSourceView> {
  // Every row, not those up to clockNow(): see statusSourceChoices.
  const [sources, rows, published] = await Promise.all([
    db.source.findMany({ select: sourceRefSelect, orderBy: { code: "asc" } }),
    db.indicatorStatusSource.findMany({
      where: { indicatorId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, sourceId: true, userId: true, reason: true, createdAt: true },
    }),
    db.publishedFigure.findMany({
      where: { indicatorId },
      distinct: ["sourceId"],
      select: { sourceId: true },
    }),
  ]);
  const byId = new Map<number, SourceRef>(sources.map((s) => [s.id, s]));
  const userIds = [...new Set(rows.map((r) => r.userId).filter((u): u is number => u !== null))];
  const users = new Map(
    (
      await db.user.findMany({
        where: { id: { in: userIds } },
        select: { id: true, agency: { select: { code: true, nameVi: true, nameEn: true } } },
      })
    ).map((u) => [u.id, u.agency]),
  );
  const options = published.map((p) => byId.get(p.sourceId)!).sort((a, b) => a.code.localeCompare(b.code, "en"));
  const history: StatusSourceHistoryRow[] = rows.map((r) => ({
    id: r.id,
    source: r.sourceId === null ? null : (byId.get(r.sourceId) ?? null),
    by: r.userId === null ? "seed" : "user",
    agency: r.userId === null ? null : (users.get(r.userId) ?? null),
    reason: r.reason,
    at: r.createdAt,
  }));
  const current = resolveStatusSource(indicatorId, rows, options, byId);
  return { current, agency: current.by === "default" ? null : (history[0]?.agency ?? null), history, options };
}

const choiceBy = (by: "default" | "seed" | "user") => (by === "user" ? ("reviewer" as const) : by);

/**
 * The open API's view of an indicator's sources: each publisher's current value per period (the
 * newest release, with the one it revised) and citation, and which source the statuses use.
 */
export function indicatorSourcesToApi(g: IndicatorFigures | null, choice: IndicatorStatusSourceView) {
  const chosen = choice.current.source?.code ?? null;
  const name = (s: { nameVi: string; nameEn: string } | null) => (s ? { vi: s.nameVi, en: s.nameEn } : null);
  return {
    sources: (g?.sources ?? []).map((s) => ({
      code: s.source.code,
      kind: s.source.kind,
      name: { vi: s.source.nameVi, en: s.source.nameEn },
      chosenForStatus: s.source.code === chosen,
      values: currentValues({ periods: g!.periods, chains: s.periods }).map(({ period, figure: f, revises }) => ({
        period,
        value: f.value,
        provisional: f.provisional,
        release: { title: f.releaseTitle, date: f.releaseDate.toISOString().slice(0, 10), url: f.releaseUrl },
        quote: f.quote,
        printed: f.printed,
        revises: revises
          ? {
              value: revises.value,
              release: { date: revises.releaseDate.toISOString().slice(0, 10), url: revises.releaseUrl },
            }
          : null,
        definitionNote: f.definitionNote,
        illustrative: false as const,
      })),
    })),
    statusSource: {
      code: chosen,
      kind: choice.current.source?.kind ?? null,
      name: name(choice.current.source),
      by: choiceBy(choice.current.by),
      agency: choice.agency?.code ?? null,
      reason: choice.current.reason,
      chosenAt: choice.current.chosenAt?.toISOString() ?? null,
      history: choice.history.map((h) => ({
        code: h.source?.code ?? null,
        by: choiceBy(h.by),
        agency: h.agency?.code ?? null,
        reason: h.reason,
        chosenAt: h.at.toISOString(),
      })),
    },
  };
}
