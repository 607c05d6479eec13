import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AgencyRegistry } from "./agency-registry";

const file = JSON.parse(readFileSync(path.join(process.cwd(), "seeds/data/agencies.json"), "utf8"));
const registry = new AgencyRegistry(file.agencies, file.events, file.groups);

describe("AgencyRegistry on the seeded registry", () => {
  it("hands the former Ministry of Information and Communications' work to Science and Technology from 1 March 2025", () => {
    expect(registry.current("BTTTT", "2025-02-28").code).toBe("BTTTT");
    expect(registry.current("BTTTT", "2025-03-01")).toEqual({ code: "BKHCN", chain: ["BTTTT", "BKHCN"] });
  });
  it("merges the two ministries of agriculture and environment into one", () => {
    expect(registry.current("BTNMT", "2026-01-01").code).toBe("BNNMT");
    expect(registry.current("BNNPTNT", "2026-01-01").code).toBe("BNNMT");
  });
  it("keeps a ministry whose functions were only partly transferred", () => {
    expect(registry.current("BNV", "2026-01-01").code).toBe("BNV");
  });
  it("has 63 provinces before 1 July 2025 and 34 after", () => {
    expect(registry.expand("@ALL_PROVINCES", "2025-06-30")).toHaveLength(63);
    expect(registry.expand("@ALL_PROVINCES", "2025-07-01")).toHaveLength(34);
  });
  it("sends an absorbed province's tasks to the province that absorbed it", () => {
    expect(registry.current("T-BAC-GIANG", "2025-07-01").code).toBe("T-BAC-NINH");
    expect(registry.current("T-BAC-GIANG", "2025-06-30").code).toBe("T-BAC-GIANG");
  });
  it("has 17 ministries and ministry-level bodies after the March 2025 reorganisation", () => {
    expect(registry.expand("@ALL_MINISTRIES", "2025-03-01")).toHaveLength(17);
    expect(registry.expand("@ALL_MINISTRIES", "2025-02-28")).toHaveLength(22);
  });
  it("expands composite groups through their member groups without duplicates", () => {
    const all = registry.expand("@ALL_MINISTRIES_GOV_AGENCIES_PROVINCES", "2026-01-01");
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain("BKHCN");
    expect(all).toContain("T-HA-NOI");
    expect(all).not.toContain("BTTTT");
  });
  it("expands an open set to nobody", () => {
    expect(registry.expand("@ALL_ENTERPRISES", "2026-01-01")).toEqual([]);
  });
});
