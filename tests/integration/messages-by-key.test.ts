// Server errors carry a message key and are translated where they are shown: a refused save on an
// English page reads in English, on a Vietnamese page in Vietnamese, and the JSON API answers in
// the language the request asks for (`?lang=` or Accept-Language).
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";

vi.mock("@/server/session", () => import("../support/session-mock"));
// The page that posts a server action is named by the Referer header.
let referer: string | null = null;
vi.mock("next/headers", () => ({ headers: async () => new Headers(referer ? { referer } : {}) }));

import { POST as saveObservations } from "@/app/api/v1/reporting/observations/route";
import { GET as indicatorGET } from "@/app/api/v1/indicators/[code]/route";
import { GET as workspaceGET } from "@/app/api/v1/reporting/workspace/route";
import { createUserAction } from "@/modules/admin/actions";
import { uploadImportAction } from "@/modules/excel/actions";
import { reopenAction, saveIndicatorsAction } from "@/modules/reporting/actions";
import { actAs } from "../support/session-mock";
import { form } from "../support/forms";
import { openQuarter } from "../support/periods";

const PERIOD = openQuarter().key;
let c: pg.Client;
let ops: number;

beforeAll(async () => {
  c = new pg.Client({ connectionString: inject("databaseUrl") });
  await c.connect();
  ops = (await c.query(`SELECT id FROM "Indicator" WHERE code = 'online-public-services-level4-share'`)).rows[0].id;
});
afterAll(async () => c.end());
beforeEach(() => {
  referer = null;
});

/**
 * The version Hà Nội's value for the indicator is at now (0 if never saved): other test files save
 * the same item (the Excel programs' test does), and a stale version would be refused as a
 * conflict before the value is judged.
 */
async function currentVersion(): Promise<number> {
  const r = await c.query(
    `SELECT o.version FROM "Observation" o JOIN "Agency" a ON a.id = o."agencyId" WHERE o."indicatorId" = $1 AND a.code = 'T-HA-NOI' AND o.year = $2 AND o.quarter = $3`,
    [ops, openQuarter().year, openQuarter().quarter],
  );
  return r.rows[0]?.version ?? 0;
}

const badSave = async (extra: Record<string, string> = {}) =>
  saveIndicatorsAction(
    null,
    form({ period: PERIOD, [`ind.${ops}.value`]: "120", [`ind.${ops}.version`]: await currentVersion(), ...extra }),
  );

describe("a server action's errors in the page's language", () => {
  it("answers an English page in English and a Vietnamese one in Vietnamese", async () => {
    await actAs("reporter.hanoi@cds.gov.vn");
    referer = "http://127.0.0.1:3000/en/reporting?tab=indicators";
    const en = await badSave();
    expect(en.ok).toBe(false);
    expect(en.message).toBe("Some entries are not valid. Please correct the highlighted fields.");
    expect(en.fieldErrors?.[`ind.${ops}.value`]).toEqual(["A percentage must be between 0 and 100."]);

    referer = "http://127.0.0.1:3000/vi/reporting";
    const vn = await badSave();
    expect(vn.message).toBe("Dữ liệu chưa hợp lệ. Vui lòng sửa các ô được đánh dấu.");
    expect(vn.fieldErrors?.[`ind.${ops}.value`]).toEqual(["Tỷ lệ phần trăm phải nằm trong khoảng 0–100."]);
  });

  it("takes a form's own lang field over the page address, and translates refusals raised before the handler", async () => {
    await actAs("reporter.hanoi@cds.gov.vn");
    referer = "http://127.0.0.1:3000/vi/reporting";
    expect((await badSave({ lang: "en" })).fieldErrors?.[`ind.${ops}.value`]).toEqual([
      "A percentage must be between 0 and 100.",
    ]);
    await actAs(null);
    expect((await badSave({ lang: "en" })).message).toBe("Please sign in to continue.");
    await actAs("reporter.hanoi@cds.gov.vn");
    expect((await reopenAction(null, form({ kind: "obs", id: 1, comment: "x", lang: "en" }))).message).toBe(
      "You are not allowed to do this.",
    );
  });
});

describe("messages written in schemas, read in the page's language", () => {
  it("answers an English admin page's refused form in English, field by field, and a Vietnamese one in Vietnamese", async () => {
    await actAs("admin@cds.gov.vn");
    const fields = { email: "", name: "", role: "REPORTER", agencyId: "x", password: "short" };
    referer = "http://127.0.0.1:3000/en/admin/users/new";
    const en = await createUserAction(null, form(fields));
    expect(en.fieldErrors).toMatchObject({
      email: ["Please enter an email address."],
      name: ["Please enter a full name."],
      agencyId: ["Please choose an agency."],
    });
    expect(en.fieldErrors?.password).toContain("The password must have at least 10 characters.");
    referer = "http://127.0.0.1:3000/vi/admin/users/new";
    const vn = await createUserAction(null, form(fields));
    expect(vn.fieldErrors).toMatchObject({
      email: ["Vui lòng nhập thư điện tử."],
      agencyId: ["Vui lòng chọn cơ quan."],
    });
    expect(vn.fieldErrors?.password).toContain("Mật khẩu phải có ít nhất 10 ký tự.");
  });
});

describe("the reporting API's errors in the request's language", () => {
  const post = async (url: string, headers: Record<string, string> = {}) =>
    saveObservations(
      new Request(`http://localhost${url}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({
          period: PERIOD,
          rows: [{ indicatorId: ops, version: await currentVersion(), value: "120" }],
        }),
      }),
    );

  it("answers ?lang=en and Accept-Language: en in English, anything else in Vietnamese", async () => {
    await actAs("reporter.hanoi@cds.gov.vn");
    for (const res of [
      await post("/api/v1/reporting/observations?lang=en"),
      await post("/api/v1/reporting/observations", { "accept-language": "en-GB,en;q=0.9,vi;q=0.5" }),
    ]) {
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.message).toBe("Some entries are not valid. Please correct the highlighted fields.");
      expect(body.error.fieldErrors[`ind.${ops}.value`]).toEqual(["A percentage must be between 0 and 100."]);
    }
    for (const res of [
      await post("/api/v1/reporting/observations"),
      await post("/api/v1/reporting/observations?lang=vi", { "accept-language": "en" }),
    ]) {
      expect((await res.json()).error.message).toBe("Dữ liệu chưa hợp lệ. Vui lòng sửa các ô được đánh dấu.");
    }
  });

  it("translates the refusals of the request itself (sign-in, body type)", async () => {
    await actAs(null);
    expect((await (await post("/api/v1/reporting/observations?lang=en")).json()).error.message).toBe(
      "Please sign in to continue.",
    );
    await actAs("reporter.hanoi@cds.gov.vn");
    const res = await saveObservations(
      new Request("http://localhost/api/v1/reporting/observations", {
        method: "POST",
        headers: { "content-type": "text/plain", "accept-language": "en" },
        body: "x",
      }),
    );
    expect([res.status, (await res.json()).error.message]).toEqual([
      415,
      "The request body must be JSON (Content-Type: application/json).",
    ]);
  });
});

describe("the Excel import's refusals in the page's language", () => {
  const upload = async (page: string) => {
    referer = `http://127.0.0.1:3000/${page}/reporting/import`;
    const fd = new FormData();
    fd.set("period", PERIOD);
    fd.set("file", new File([Buffer.from("a,b,c\n1,2,3")], "so-lieu.xlsx"));
    return uploadImportAction(null, fd);
  };

  it("refuses a file that is not a workbook in English on an English page, in Vietnamese on a Vietnamese one", async () => {
    await actAs("reporter.hanoi@cds.gov.vn");
    const en = await upload("en");
    expect(en.ok).toBe(false);
    expect(en.fieldErrors?.file).toEqual([
      "The uploaded file is not an Excel workbook (.xlsx). Download the template from the portal, fill it in and save it as .xlsx.",
    ]);
    expect((await upload("vi")).fieldErrors?.file?.[0]).toMatch(/^Tệp tải lên không phải là tệp Excel \(\.xlsx\)/);
  });
});

describe("the public and reporting APIs' query errors in the request's language", () => {
  it("answers an unknown indicator and a malformed period in English when asked, Vietnamese by default", async () => {
    const missing = (url: string) =>
      indicatorGET(new Request(`http://localhost${url}`), { params: Promise.resolve({ code: "khong-co" }) });
    expect((await (await missing("/api/v1/indicators/khong-co?lang=en")).json()).error.message).toBe(
      "Indicator not found.",
    );
    expect((await (await missing("/api/v1/indicators/khong-co")).json()).error.message).toBe("Không tìm thấy chỉ số.");

    await actAs("reporter.hanoi@cds.gov.vn");
    const res = await workspaceGET(new Request("http://localhost/api/v1/reporting/workspace?period=2026-Q9&lang=en"));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.message).toBe("Invalid query parameters.");
    expect(body.error.fieldErrors.period).toEqual(["Invalid reporting period."]);
  });
});
