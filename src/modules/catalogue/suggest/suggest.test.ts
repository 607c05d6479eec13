// The whole proposal: what `npm run catalogue:suggest` prints passes the seed schema, and for each
// seed document the proposal passes the seed loader itself (schema, verbatim quotes near their
// lines, known indicators and agencies, row pattern) once its placeholders are left as they are.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSeeds } from "@/server/seed/load";
import { documentFileSchema } from "@/server/seed/schema";
import { rowsBeforeFirstHeading, rowsPerHeading } from "@/server/seed/verify";
import { loadCatalogue } from "./catalogue";
import { suggest } from "./suggest";

const root = process.cwd();
const seeds = path.join(root, "seeds");
const catalogue = loadCatalogue(seeds);
const FILES = [
  "000_8eabb89d266741a7.txt",
  "001_69bc0a198e19f2ce.txt",
  "002_fea93181fd3a4f8b.txt",
  "003_a267e6d62be9a015.txt",
  "004_2b3c07135e571f64.txt",
];
const text = (f: string) => readFileSync(path.join(seeds, "documents", f), "utf8");
const scratch = mkdtempSync(path.join(tmpdir(), "suggest-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("npm run catalogue:suggest", () => {
  it("prints only the proposal on stdout, and it passes the seed schema", () => {
    const stdout = execFileSync(
      path.join(root, "node_modules", ".bin", "tsx"),
      ["src/cli/catalogue-suggest.ts", "seeds/documents/000_8eabb89d266741a7.txt"],
      { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    const parsed = documentFileSchema.safeParse(JSON.parse(stdout));
    expect(parsed.success).toBe(true);
    expect(parsed.data!.document).toMatchObject({ key: "411-2022", sourceFile: "000_8eabb89d266741a7.txt" });
    expect(parsed.data!.targets.length).toBeGreaterThan(30);
    expect(parsed.data!.taskTable!.tasks.length).toBe(171);
  }, 60_000);

  it("refuses a missing file with a message on stderr and no output", () => {
    let failure: { status: number; stdout: string; stderr: string } | null = null;
    try {
      execFileSync(path.join(root, "node_modules", ".bin", "tsx"), ["src/cli/catalogue-suggest.ts", "no/such.txt"], {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (e) {
      failure = e as { status: number; stdout: string; stderr: string };
    }
    expect(failure).toMatchObject({ status: 2, stdout: "" });
    expect(failure!.stderr).toMatch(/no such file/);
  }, 60_000);
});

describe.each(FILES)("the proposal for %s", (file) => {
  const result = suggest(text(file), catalogue, { sourceFile: file });

  it("passes the seed loader's checks, placeholders and all", () => {
    // A seeds folder holding the shared registries and this one proposal.
    const dir = path.join(scratch, file.replace(/\W/g, "_"));
    mkdirSync(path.join(dir, "data"), { recursive: true });
    mkdirSync(path.join(dir, "documents"), { recursive: true });
    for (const f of ["agencies.json", "indicators.json"])
      copyFileSync(path.join(seeds, "data", f), path.join(dir, "data", f));
    copyFileSync(path.join(seeds, "documents", file), path.join(dir, "documents", file));
    writeFileSync(path.join(dir, "data", `doc-${result.document.key}.json`), JSON.stringify(result));
    const bundle = loadSeeds(dir, { withDemo: false });
    expect(bundle.documents).toHaveLength(1);
  });

  it("marks exactly its task rows with its row pattern, under every heading", () => {
    const file_ = documentFileSchema.parse(result);
    expect(rowsPerHeading(file_, text(file)).filter((h) => h.inDocument !== h.inSeed)).toEqual([]);
    expect(rowsBeforeFirstHeading(file_, text(file))).toBe(0);
  });

  it("flags every placeholder the editor must complete", () => {
    expect(result.document.titleEn).toMatch(/^TODO/);
    expect(result.warnings.some((w) => /titleEn is a placeholder/.test(w.message))).toBe(true);
    for (const ind of result.indicators) {
      expect(ind.nameEn).toMatch(/^TODO/);
      expect(result.warnings.some((w) => w.subject === `indicator:${ind.code}`)).toBe(true);
    }
  });
});

describe("a text with nothing to propose", () => {
  it.each(["", "Một dòng không có mục tiêu nào.", "TT\n|\nNhiệm vụ\n|\nChủ trì\n|"])(
    "gives an empty proposal that still passes the schema: %j",
    (t) => {
      const r = suggest(t, catalogue);
      expect(r.targets).toEqual([]);
      expect(r.taskTable).toBeNull();
      expect(documentFileSchema.safeParse(r).success).toBe(true);
    },
  );
});

describe("agencies after the 2025 reorganisation", () => {
  it("are proposed as their successors by default, with the name kept as printed", () => {
    const today = suggest(text("000_8eabb89d266741a7.txt"), catalogue).taskTable!.tasks[0];
    expect(today).toMatchObject({ leadRaw: "Bộ Thông tin và Truyền thông", leads: ["BKHCN"] });
    const printed = suggest(text("000_8eabb89d266741a7.txt"), catalogue, { successors: false }).taskTable!.tasks[0];
    expect(printed.leads).toEqual(["BTTTT"]);
  });
});

describe("the base year", () => {
  it('comes from "so với hiện nay": the issue year (942, line 69)', () => {
    expect(suggest(text("002_fea93181fd3a4f8b.txt"), catalogue).document.baseYear).toBe(2021);
    expect(suggest(text("000_8eabb89d266741a7.txt"), catalogue).document.baseYear).toBeUndefined();
  });
});
