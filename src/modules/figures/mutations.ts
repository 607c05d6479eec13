import "server-only";
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { dayOf, figureRow } from "@/lib/published-figure";
import { figuresVi } from "@/messages/figures";
import { audit } from "@/server/audit";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { AppError, NotFoundError, ValidationError } from "@/server/errors";
import { msg } from "@/i18n/translate";
import { clockNow } from "@/server/clock";
import { refreshPublicPages } from "@/server/public-cache";
import { bumpPublicVersion } from "@/server/public-version";
import { checkCsv, type CheckedFile } from "./parse";
import { AGENCY_REPORTS } from "./choice";
import { assertCanChooseStatusSource, assertCanImportFigures } from "./policy";
import { importContext } from "./queries";
import type { StatusSourceInput } from "./schemas";

/** Fingerprint of an upload: the confirmation must be of the very bytes that were previewed. */
function digestOf(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Reads and checks an upload; writes nothing. */
export async function previewFigures(
  user: SessionUser | null,
  text: string,
): Promise<CheckedFile & { digest: string }> {
  const ctx = await importContext(user);
  return { ...checkCsv(text, ctx), digest: digestOf(text) };
}

/**
 * Adds every figure of a previewed upload, or none: the file is checked again inside the
 * transaction (a figure stored since the preview makes its row a duplicate), the figures are
 * inserted oldest release first so a revision finds what it revises, one audit row records who,
 * when and how many, and the published-data version moves so every instance drops its pages.
 */
export async function importFigures(
  user: SessionUser | null,
  text: string,
  expectedDigest: string,
  fileName: string,
): Promise<{ count: number }> {
  assertCanImportFigures(user);
  if (digestOf(text) !== expectedDigest) throw new AppError(figuresVi.import.changedSincePreview, 409);
  let count = 0;
  try {
    await db.$transaction(
      async (tx) => {
        // One import at a time across instances: two uploads of the same release cannot both pass the duplicate check.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('figures.import'))`;
        const checked = checkCsv(text, await importContext(user));
        if (checked.fileErrors.length || checked.invalid > 0 || checked.valid === 0)
          throw new AppError(figuresVi.import.hasErrors, 400);
        const figures = checked.rows.map((r) => r.figure!).sort((a, b) => a.release.date.localeCompare(b.release.date));
        const indicatorId = new Map(
          (
            await tx.indicator.findMany({
              where: { code: { in: [...new Set(figures.map((f) => f.indicator))] } },
              select: { id: true, code: true },
            })
          ).map((i) => [i.code, i.id]),
        );
        const sourceId = new Map(
          (await tx.source.findMany({ select: { id: true, code: true } })).map((s) => [s.code, s.id]),
        );
        const created: string[] = [];
        for (const f of figures) {
          const iid = indicatorId.get(f.indicator)!;
          const sid = sourceId.get(f.source)!;
          const revised = f.revises
            ? await tx.publishedFigure.findFirst({
                where: {
                  indicatorId: iid,
                  sourceId: sid,
                  period: f.period,
                  releaseUrl: f.revises.url,
                  releaseDate: dayOf(f.revises.date),
                },
                orderBy: { id: "desc" },
                select: { id: true },
              })
            : null;
          const row = await tx.publishedFigure.create({
            data: { ...figureRow(f, iid, sid), revisesId: revised?.id ?? null },
            select: { key: true },
          });
          created.push(row.key);
        }
        count = created.length;
        await audit(tx, {
          actor: { id: user.id, email: user.email },
          action: "figures.import",
          entityType: "PublishedFigure",
          after: { count, fileName: fileName.slice(0, 200), sha256: expectedDigest, keys: created.slice(0, 100) },
        });
        await bumpPublicVersion(tx);
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw new AppError(figuresVi.import.hasErrors, 409);
    throw e;
  }
  await refreshPublicPages();
  return { count };
}

/**
 * A reviewer names the source an indicator's statuses use: a new IndicatorStatusSource row (the
 * table refuses UPDATE and DELETE, so every earlier choice stays), an audit row with the reason,
 * and a new published-data version so every instance redraws the indicator's pages. Only a source
 * that has published figures for the indicator, or the agencies' own reports, may be chosen.
 */
export async function chooseStatusSource(
  user: SessionUser | null,
  input: StatusSourceInput,
): Promise<{ source: string | null }> {
  assertCanChooseStatusSource(user);
  const indicator = await db.indicator.findUnique({ where: { code: input.indicator }, select: { id: true } });
  if (!indicator) throw new NotFoundError(msg("figures.statusSource.errors.indicator"));
  const source =
    input.source === AGENCY_REPORTS
      ? null
      : await db.source.findFirst({
          where: { code: input.source, figures: { some: { indicatorId: indicator.id } } },
          select: { id: true, code: true },
        });
  if (input.source !== AGENCY_REPORTS && !source)
    throw new ValidationError({ source: [msg("figures.statusSource.errors.source")] });
  await db.$transaction(async (tx) => {
    // One choice at a time per indicator: the "unchanged" check and the insert see the same newest row.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('figures.statusSource'), ${indicator.id}::int)`;
    const previous = await tx.indicatorStatusSource.findFirst({
      where: { indicatorId: indicator.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { sourceId: true, source: { select: { code: true } } },
    });
    if (previous && previous.sourceId === (source?.id ?? null))
      throw new ValidationError({ source: [msg("figures.statusSource.errors.unchanged")] });
    const row = await tx.indicatorStatusSource.create({
      data: {
        indicatorId: indicator.id,
        sourceId: source?.id ?? null,
        userId: user.id,
        reason: input.reason,
        createdAt: clockNow(),
      },
      select: { id: true },
    });
    await audit(tx, {
      actor: { id: user.id, email: user.email },
      action: "figures.statusSource",
      entityType: "Indicator",
      entityId: input.indicator,
      before: previous ? { source: previous.source?.code ?? null } : null,
      after: { source: source?.code ?? null, choice: row.id },
      reason: input.reason,
    });
    await bumpPublicVersion(tx);
  });
  await refreshPublicPages();
  return { source: source?.code ?? null };
}
