// The catalogue in the browser against a real PostgreSQL: an editor pastes a real excerpt (342/QĐ-TTg,
// its header and section III), the suggester proposes targets, the editor accepts and edits them; a
// quote not in the text is refused with a field error and nothing stored; the editor submits and
// cannot publish; a reviewer publishes: the targets exist with origin BROWSER, revisions and an
// audit row are written, the public version moves and the document exports as a seed file. Agency
// reporters, viewers and anonymous visitors are refused every action, and re-running the seed
// leaves the browser's document as published.
// DocumentText and CatalogueRevision refuse DELETE, so this file works in a database of its own.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { promisify } from "node:util";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

vi.mock("@/server/session", () => import("../support/session-mock"));

import {
  addTargetAction,
  correctTextAction,
  createDraftAction,
  publishDraftAction,
  returnDraftAction,
  saveItemAction,
  submitDraftAction,
} from "@/modules/catalogue/actions";
import { exportDocument } from "@/modules/catalogue/queries";
import { loadDocumentSource } from "@/modules/documents/source";
import { createPrisma, type Db } from "@/server/db";
import { migrate } from "@/server/db/migrate";
import { runSeed } from "@/server/seed";
import { actAs } from "../support/session-mock";

const KEY = "342-2021-excerpt";
const source = readFileSync(path.join(process.cwd(), "seeds/documents/002_fea93181fd3a4f8b.txt"), "utf8").split("\n");
// The header (number, date, title) and section III with its lettered targets.
const TEXT = [...source.slice(0, 12), ...source.slice(46, 75)].join("\n");

const holder = globalThis as { __prisma?: unknown };
let shared: unknown;
let own: Db;
let url: string;
const dbName = `cds_catalogue_drafts_${process.pid}_${Date.now()}`;

async function adminQuery(sql: string) {
  const admin = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await admin.connect();
  await admin.query(sql);
  await admin.end();
}

beforeAll(async () => {
  await adminQuery(`CREATE DATABASE ${dbName}`);
  const u = new URL(inject("adminDatabaseUrl"));
  u.pathname = `/${dbName}`;
  url = u.toString();
  await migrate(url);
  await runSeed(url);
  shared = holder.__prisma;
  own = createPrisma(url);
  holder.__prisma = own;
}, 240_000);

afterAll(async () => {
  holder.__prisma = shared;
  await own?.$disconnect();
  await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

function form(fields: Record<string, string | number>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
  return f;
}

const newDraft = {
  key: KEY,
  kind: "STRATEGY",
  numberPrinted: "342/QĐ-TTg",
  issuedOn: "2021-06-15",
  titleVi: "Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số (trích)",
  titleEn: "E-government towards digital government strategy (excerpt)",
  inForce: "on",
  text: TEXT,
};

describe("catalogue drafts", () => {
  let draftId = 0;

  it("refuses every action to an agency reporter, a viewer and an anonymous visitor, writing nothing", async () => {
    for (const who of ["reporter.hanoi@cds.gov.vn", "viewer.hanoi@cds.gov.vn", null]) {
      await actAs(who);
      for (const [act, fields] of [
        [createDraftAction, newDraft],
        [saveItemAction, { op: "accept", draftId: 1, itemId: 1 }],
        [addTargetAction, { draftId: 1, year: 2025, comparator: "GTE", value: 1, indicator: "x", quote: "x", line: 1 }],
        [submitDraftAction, { draftId: 1 }],
        [returnDraftAction, { draftId: 1, note: "x" }],
        [publishDraftAction, { draftId: 1 }],
      ] as const) {
        const r = await act(null, form(fields as Record<string, string>));
        expect(r.ok, `${who} ${act.name}`).toBe(false);
      }
    }
    expect(await own.catalogueDraft.count()).toBe(0);
  });

  it("creates a draft with the suggester's targets, the text as version 1 unpublished", async () => {
    await actAs("editor@cds.gov.vn");
    const r = await createDraftAction(null, form(newDraft));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    draftId = (r.data as { id: number }).id;
    const items = await own.catalogueDraftItem.findMany({ where: { draftId }, orderBy: { position: "asc" } });
    expect(items.filter((i) => i.kind === "TARGET").length).toBeGreaterThanOrEqual(3);
    const text = await own.documentText.findFirstOrThrow({ where: { draftId } });
    expect(text.publishedAt).toBeNull();
    expect(text.text).toContain("Tối thiểu 80% hồ sơ thủ tục hành chính");
    // The same key again is refused while the draft is open.
    const again = await createDraftAction(null, form(newDraft));
    expect(again.fieldErrors?.key?.[0]).toMatch(/đã được dùng/);
  });

  it("accepts and edits items; a quote not in the text is a field error and nothing is stored", async () => {
    const targets = await own.catalogueDraftItem.findMany({
      where: { draftId, kind: "TARGET" },
      orderBy: { position: "asc" },
    });
    for (const t of targets.slice(1)) {
      const r = await saveItemAction(null, form({ op: "accept", draftId, itemId: t.id }));
      expect(r.ok).toBe(true);
    }
    const first = targets[0];
    const data = first.data as {
      indicator: string;
      year: number;
      comparator: string;
      value: number;
      quote: string;
      line: number;
    };
    const bad = await saveItemAction(
      null,
      form({
        op: "edit",
        draftId,
        itemId: first.id,
        ...data,
        scope: "NATIONAL",
        quote: "Tối thiểu 99% hồ sơ được xử lý trên mây",
      }),
    );
    expect(bad.ok).toBe(false);
    expect(bad.fieldErrors?.quote?.[0]).toMatch(/không có nguyên văn/);
    const english = await saveItemAction(
      null,
      form({
        op: "edit",
        lang: "en",
        draftId,
        itemId: first.id,
        ...data,
        scope: "NATIONAL",
        quote: "not in the text at all",
      }),
    );
    expect(english.fieldErrors?.quote?.[0]).toMatch(/not verbatim/);
    const unchanged = await own.catalogueDraftItem.findUniqueOrThrow({ where: { id: first.id } });
    expect(unchanged.data).toEqual(first.data);
    expect(unchanged.decision).toBe("PROPOSED");

    const ok = await saveItemAction(
      null,
      form({ op: "edit", draftId, itemId: first.id, ...data, scope: "NATIONAL", year: 2026 }),
    );
    expect(ok.ok, JSON.stringify(ok)).toBe(true);
    const saved = await own.catalogueDraftItem.findUniqueOrThrow({ where: { id: first.id } });
    expect(saved).toMatchObject({ decision: "ACCEPTED", edited: true });
    expect((saved.data as { year: number }).year).toBe(2026);

    const line = TEXT.split("\n").findIndex((l) => l.startsWith("đ) Tối thiểu 90%")) + 1;
    const added = await addTargetAction(
      null,
      form({
        draftId,
        year: 2025,
        comparator: "GTE",
        value: 90,
        indicator: data.indicator,
        quote: "Tối thiểu 90% người dân, doanh nghiệp hài lòng",
        line,
      }),
    );
    expect(added.ok, JSON.stringify(added)).toBe(true);
    const addedBad = await addTargetAction(
      null,
      form({
        draftId,
        year: 2025,
        comparator: "GTE",
        value: 90,
        indicator: data.indicator,
        quote: "Tối thiểu 95% hài lòng",
        line,
      }),
    );
    expect(addedBad.fieldErrors?.quote).toBeDefined();
  });

  it("lets only another reviewer publish a submitted draft, in one transaction", async () => {
    expect((await submitDraftAction(null, form({ draftId }))).ok).toBe(true);
    // The editor cannot publish (no permission), nor edit a submitted draft.
    expect((await publishDraftAction(null, form({ draftId }))).ok).toBe(false);
    const item = await own.catalogueDraftItem.findFirstOrThrow({ where: { draftId } });
    expect((await saveItemAction(null, form({ op: "reject", draftId, itemId: item.id }))).ok).toBe(false);

    await actAs("reviewer@cds.gov.vn");
    const returned = await returnDraftAction(null, form({ draftId, note: "" }));
    expect(returned.fieldErrors?.note).toBeDefined();
    const version = await own.publicDataVersion.findUnique({ where: { id: 1 } });
    const r = await publishDraftAction(null, form({ draftId }));
    expect(r.ok, JSON.stringify(r)).toBe(true);

    const doc = await own.document.findUniqueOrThrow({
      where: { key: KEY },
      include: { targets: { include: { indicator: true } } },
    });
    expect(doc.origin).toBe("BROWSER");
    expect(doc.publishedAt).not.toBeNull();
    const accepted = await own.catalogueDraftItem.count({ where: { draftId, decision: "ACCEPTED", kind: "TARGET" } });
    expect(doc.targets.length).toBe(accepted);
    expect(doc.targets.every((t) => t.origin === "BROWSER")).toBe(true);
    expect(doc.targets.some((t) => t.year === 2026)).toBe(true);
    const revisions = await own.catalogueRevision.findMany({ where: { documentKey: KEY } });
    expect(revisions.filter((x) => x.entity === "DOCUMENT")).toHaveLength(1);
    expect(revisions.filter((x) => x.entity === "TARGET")).toHaveLength(accepted);
    expect(await own.auditLog.count({ where: { action: "catalogue.draft.publish", entityId: KEY } })).toBe(1);
    const after = await own.publicDataVersion.findUniqueOrThrow({ where: { id: 1 } });
    expect(after.version).toBeGreaterThan(version?.version ?? 0);
    const text = await own.documentText.findFirstOrThrow({ where: { draftId } });
    expect(text.documentId).toBe(doc.id);
    expect(text.publishedAt).not.toBeNull();

    const file = await exportDocument(KEY);
    expect(file?.targets.map((t) => t.id).sort()).toEqual(doc.targets.map((t) => t.key).sort());
    // The document's line viewer reads the published text: each target's quote is on its line.
    const src = await loadDocumentSource(KEY);
    for (const t of doc.targets)
      expect(src!.lines.slice(t.line - 1, t.line + 3).join(" ")).toContain(t.quote.slice(0, 20));
    // Publishing twice is refused.
    expect((await publishDraftAction(null, form({ draftId }))).ok).toBe(false);
  });

  it("refuses a reviewer publishing a draft they created", async () => {
    await actAs("reviewer@cds.gov.vn");
    await own.catalogueDraft.create({
      data: {
        documentKey: "own-draft",
        meta: {},
        createdById: (await own.user.findUniqueOrThrow({ where: { email: "reviewer@cds.gov.vn" } })).id,
        state: "SUBMITTED",
        texts: { create: { text: "x\n", sha256: "0", createdById: 1 } },
      },
    });
    const own1 = await own.catalogueDraft.findFirstOrThrow({ where: { documentKey: "own-draft" } });
    const r = await publishDraftAction(null, form({ draftId: own1.id }));
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/không được tự công bố/);
  });

  it("leaves the browser's document untouched when the seed runs again", async () => {
    const before = await own.target.findMany({ where: { document: { key: KEY } }, orderBy: { key: "asc" } });
    await runSeed(url);
    const after = await own.target.findMany({ where: { document: { key: KEY } }, orderBy: { key: "asc" } });
    expect(after).toEqual(before);
    expect((await own.document.findUniqueOrThrow({ where: { key: KEY } })).origin).toBe("BROWSER");
  });

  it("corrects a published text only as a new version with its note, keeping every live quote", async () => {
    const doc = await own.document.findUniqueOrThrow({ where: { key: KEY } });
    const v1 = await own.documentText.findFirstOrThrow({ where: { documentId: doc.id, version: 1 } });
    const fields = (text: string) => ({
      key: KEY,
      text,
      noteVi: "Bổ sung dòng ghi nơi nhận bị thiếu ở cuối văn bản.",
      noteEn: "Added the missing distribution line at the end.",
      reason: "Bản sao ban đầu thiếu dòng nơi nhận.",
    });
    await actAs("editor@cds.gov.vn");
    expect((await correctTextAction(null, form(fields(`${v1.text}\nNơi nhận: như trên.`)))).ok).toBe(false);
    await actAs("reviewer@cds.gov.vn");
    // A text that loses a live target's quote is refused, naming it; nothing is written.
    const lost = await correctTextAction(null, form(fields(v1.text.replace("Tối thiểu 80%", "Tối thiểu 85%"))));
    expect(lost.fieldErrors?.text?.[0]).toMatch(/làm mất \d+ trích dẫn/);
    expect(await own.documentText.count({ where: { documentId: doc.id } })).toBe(1);
    const ok = await correctTextAction(null, form(fields(`${v1.text}\nNơi nhận: như trên.`)));
    expect(ok.ok, JSON.stringify(ok)).toBe(true);
    const v2 = await own.documentText.findFirstOrThrow({ where: { documentId: doc.id, version: 2 } });
    expect(v2.publishedAt).not.toBeNull();
    expect(v2.text.trimEnd().endsWith("Nơi nhận: như trên.")).toBe(true);
    expect(await own.documentText.findUniqueOrThrow({ where: { id: v1.id } })).toEqual(v1);
    expect((await loadDocumentSource(KEY))!.lines).toContain("Nơi nhận: như trên.");
    expect(await own.dataQualityNote.count({ where: { documentId: doc.id, kind: "CORRECTED_TEXT" } })).toBe(1);
    const rev = await own.catalogueRevision.findFirstOrThrow({ where: { documentKey: KEY, action: "CORRECT_TEXT" } });
    expect(rev.after).toMatchObject({ version: 2 });
    // The published version itself can never be changed, whatever the code path.
    await expect(own.documentText.update({ where: { id: v1.id }, data: { text: "x" } })).rejects.toThrow(/immutable/);
  });

  it("reads a .docx written by LibreOffice Writer into the draft's text, and refuses an image with the reason next to the file field", async () => {
    await actAs("editor@cds.gov.vn");
    const dir = mkdtempSync(path.join(os.tmpdir(), "cds-docx-"));
    try {
      writeFileSync(path.join(dir, "excerpt.txt"), TEXT);
      await promisify(execFile)(
        "soffice",
        [
          "--headless",
          "--norestore",
          `-env:UserInstallation=file://${path.join(dir, "profile")}`,
          "--infilter=Text (encoded):UTF8,LF,,",
          "--convert-to",
          "docx",
          "--outdir",
          dir,
          path.join(dir, "excerpt.txt"),
        ],
        { timeout: 120_000 },
      );
      const upload = (name: string, bytes: Uint8Array<ArrayBuffer>, key: string) => {
        const f = form({ ...newDraft, key, text: "" });
        f.set("file", new File([bytes], name));
        return createDraftAction(null, f);
      };
      const r = await upload("342.docx", new Uint8Array(readFileSync(path.join(dir, "excerpt.docx"))), "342-2021-docx");
      expect(r.ok, JSON.stringify(r)).toBe(true);
      const text = await own.documentText.findFirstOrThrow({ where: { draftId: (r.data as { id: number }).id } });
      expect(text.fileName).toBe("342.docx");
      expect(text.text).toContain("Tối thiểu 80% hồ sơ thủ tục hành chính");
      expect(await own.catalogueDraftItem.count({ where: { draftId: text.draftId!, kind: "TARGET" } })).toBeGreaterThan(
        2,
      );
      // A PNG named .pdf: refused, in the editor's language, next to the file field.
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
      const bad = await upload("scan.pdf", png, "342-2021-png");
      expect(bad.ok).toBe(false);
      expect(bad.fieldErrors?.file?.[0]).toMatch(/ảnh/);
      expect(await own.catalogueDraft.count({ where: { documentKey: "342-2021-png" } })).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
