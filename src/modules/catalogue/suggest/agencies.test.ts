import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { agenciesFileSchema, documentFileSchema } from "@/server/seed/schema";
import { AgencyResolver } from "./agencies";

const data = path.join(process.cwd(), "seeds", "data");
const registry = agenciesFileSchema.parse(JSON.parse(readFileSync(path.join(data, "agencies.json"), "utf8")));
const asPrinted = new AgencyResolver(registry, { successors: false });
const today = new AgencyResolver(registry);

describe("AgencyResolver.resolve", () => {
  it("finds a ministry by its name, short name or alias, with or without diacritics", () => {
    for (const raw of [
      "Bộ Thông tin và Truyền thông",
      "Bộ TT&TT",
      "Bộ Thông tin và truyền thông",
      "Bo Thong tin va Truyen thong",
    ])
      expect(asPrinted.resolve(raw).codes).toEqual(["BTTTT"]);
    expect(asPrinted.resolve("Ủy ban nhân dân Thành phố Hồ Chí Minh").codes).toEqual(["T-HO-CHI-MINH"]);
  });

  it("reads two names printed with nothing between them (411, line 1452)", () => {
    expect(asPrinted.resolve("Bộ Công Thương Các bộ, ngành").codes).toEqual([
      "BCT",
      "@ALL_MINISTRIES",
      "@ALL_GOV_AGENCIES",
    ]);
  });

  it('writes a collective name as the groups it stands for ("Các bộ, ngành, địa phương")', () => {
    expect(asPrinted.resolve("Các bộ, ngành, địa phương").codes).toEqual([
      "@ALL_MINISTRIES",
      "@ALL_GOV_AGENCIES",
      "@ALL_PROVINCES",
    ]);
    expect(asPrinted.resolve("Bộ Công an, Bộ Thông tin và Truyền thông và các bộ, ngành liên quan").codes).toEqual([
      "BCA",
      "BTTTT",
      "@ALL_MINISTRIES",
      "@ALL_GOV_AGENCIES",
    ]);
    // A group with agencies as members is kept as the group.
    expect(asPrinted.resolve("Các bộ, cơ quan quản lý các lĩnh vực trọng điểm").codes).toEqual([
      "@KEY_SECTOR_MINISTRIES",
    ]);
  });

  it('ignores why after "theo …" (draft, line 1224)', () => {
    const r = asPrinted.resolve("Các Bộ, ngành, địa phương theo Nghị quyết 17/NQ-CP ngày 7/3/2019 của Chính phủ");
    expect(r.codes).toEqual(["@ALL_MINISTRIES", "@ALL_GOV_AGENCIES", "@ALL_PROVINCES"]);
    expect(r.unmatched).toEqual([]);
  });

  it("proposes a merged ministry's successor and says so", () => {
    const r = today.resolve("Bộ Thông tin và Truyền thông, Bộ Kế hoạch và Đầu tư, Bộ Y tế");
    expect(r.codes).toEqual(["BKHCN", "BTC", "BYT"]);
    expect(r.notes).toHaveLength(2);
    expect(r.notes[0]).toMatch(/BTTTT.*BKHCN/);
    // Two names now one agency: listed once.
    expect(today.resolve("Bộ Tài nguyên và Môi trường; Bộ Nông nghiệp và Phát triển nông thôn").codes).toEqual([
      "BNNMT",
    ]);
  });

  it("follows only the events up to asOf", () => {
    const before = new AgencyResolver(registry, { asOf: "2025-02-28" });
    expect(before.resolve("Bộ Thông tin và Truyền thông").codes).toEqual(["BTTTT"]);
    const after = new AgencyResolver(registry, { asOf: "2025-03-01" });
    expect(after.resolve("Bộ Thông tin và Truyền thông").codes).toEqual(["BKHCN"]);
  });

  it("reads an unlisted collective from its words, and reports what it cannot read", () => {
    const collective = asPrinted.resolve("Các bộ, ngành và tỉnh");
    expect(collective.codes).toEqual(["@ALL_MINISTRIES", "@ALL_GOV_AGENCIES", "@ALL_PROVINCES"]);
    expect(collective.notes.some((n) => /"tỉnh" is read as the collective @ALL_PROVINCES/.test(n))).toBe(true);
    const unknown = asPrinted.resolve("Bộ Công an, Hội Tin học Việt Nam");
    expect(unknown.codes).toEqual(["BCA"]);
    expect(unknown.unmatched).toEqual(["Hội Tin học Việt Nam"]);
  });

  it("gives every lead and partner cell of the reviewed seed files the codes the reviewers chose", () => {
    const wrong: string[] = [];
    let cells = 0;
    for (const f of readdirSync(data).filter((x) => /^doc-.*\.json$/.test(x))) {
      const doc = documentFileSchema.parse(JSON.parse(readFileSync(path.join(data, f), "utf8")));
      for (const t of doc.taskTable?.tasks ?? [])
        for (const [raw, codes] of [
          [t.leadRaw, t.leads],
          [t.partnersRaw, t.partners],
        ] as const) {
          if (!raw) continue;
          cells++;
          const got = asPrinted.resolve(raw).codes;
          if ([...got].sort().join() !== [...codes].sort().join()) wrong.push(`${t.id}: ${raw}`);
        }
    }
    expect(cells).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
  });
});

describe("AgencyResolver.trailingNamesStart", () => {
  it("finds where the lead begins in a row that prints task and lead together (draft, lines 1178 and 1222)", () => {
    const row = "Phát triển công nghiệp số Bộ Thông tin và Truyền thông";
    expect(row.slice(asPrinted.trailingNamesStart(row)!)).toBe("Bộ Thông tin và Truyền thông");
    const group =
      "Chuyển đổi số cơ quan nhà nước Các Bộ, ngành, địa phương theo Nghị quyết 17/NQ-CP ngày 7/3/2019 của Chính phủ";
    expect(group.slice(asPrinted.trailingNamesStart(group)!)).toMatch(/^Các Bộ, ngành, địa phương theo/);
  });

  it("does not cut inside a task that names an agency in passing", () => {
    const row = "Phối hợp với Bộ Công an xây dựng cơ sở dữ liệu Bộ Tư pháp";
    expect(row.slice(asPrinted.trailingNamesStart(row)!)).toBe("Bộ Tư pháp");
    expect(asPrinted.trailingNamesStart("Phát triển hạ tầng số quốc gia")).toBeNull();
  });
});
