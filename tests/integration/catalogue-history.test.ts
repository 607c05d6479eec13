// A retired or later-published target is a fact of its time: current statuses follow the catalogue
// as it is, the "as published" views as it was.
import { describe, expect, it } from "vitest";
import { computeStatuses } from "@/modules/statuses/queries";
import { db } from "@/server/db";

const KEY = "411-2025-de-gdp-share";
const t = (iso: string) => new Date(iso);

describe("the catalogue at an instant", () => {
  it("counts a target from its publication until its retirement, and no longer after", async () => {
    const before = await db.target.findUniqueOrThrow({ where: { key: KEY } });
    try {
      await db.target.update({
        where: { key: KEY },
        data: { publishedAt: t("2023-02-01T00:00:00Z"), retiredAt: t("2025-08-01T00:00:00Z") },
      });
      const keys = async (at: string) =>
        new Set((await computeStatuses(t(at), { historical: true })).map((s) => s.targetKey));
      expect((await keys("2022-12-31T16:59:59Z")).has(KEY)).toBe(false);
      expect((await keys("2023-03-31T16:59:59Z")).has(KEY)).toBe(true);
      expect((await keys("2025-06-30T16:59:59Z")).has(KEY)).toBe(true);
      expect((await keys("2025-09-30T16:59:59Z")).has(KEY)).toBe(false);
      // The other targets of the decision are untouched.
      expect((await keys("2025-09-30T16:59:59Z")).has("411-2030-de-gdp-share")).toBe(true);
    } finally {
      await db.target.update({
        where: { key: KEY },
        data: { publishedAt: before.publishedAt, retiredAt: before.retiredAt },
      });
    }
  });
});
