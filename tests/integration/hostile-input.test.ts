// Hostile input, table-driven. Every server action (each export of src/modules/*/actions.ts) and
// every route handler (each exported method of src/app/api/**/route.ts) is sent what an attacker
// or a broken client sends: wrong types, missing and extra fields, 1 MB strings, NaN / Infinity /
// -0 / 1e309, out-of-range numbers, lone surrogates, zero-width and RTL characters, NUL bytes,
// combining marks, emoji, HTML and SQL injection, disguised and oversized files, other agencies'
// ids, bad query strings, bad JSON and wrong content types.
//
// Every case must end in a clean refusal: an action returns { ok: false } with a Vietnamese
// message; a route answers 4xx with a JSON error (or, where the API documents that it ignores a
// parameter, exactly what it answers without it). Never an exception, a 5xx, a logged
// "unexpected error" or internal text (stack, Prisma, SQL); and never a write: every writable
// table and the evidence folder are fingerprinted around each case. afterAll prints the tally and
// fails if the table shrank.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

// Evidence files of this file go to a folder of its own (its contents are part of the
// fingerprint), and Next's request storage exists so the next-auth handler can read headers.
const { UPLOAD_DIR } = await vi.hoisted(async () => {
  const { AsyncLocalStorage } = await import("node:async_hooks");
  (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
  const fs = await import("node:fs");
  const osm = await import("node:os");
  const p = await import("node:path");
  const dir = fs.mkdtempSync(p.join(osm.tmpdir(), "cds-hostile-uploads-"));
  process.env.UPLOAD_DIR = dir;
  return { UPLOAD_DIR: dir };
});

vi.mock("@/server/session", () => import("../support/session-mock"));

import { NextRequest } from "next/server";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store";
import * as adminActions from "@/modules/admin/actions";
import * as authActions from "@/modules/auth/actions";
import * as catalogueActions from "@/modules/catalogue/actions";
import * as conversationsActions from "@/modules/conversations/actions";
import * as notificationsActions from "@/modules/notifications/actions";
import * as statusActions from "@/modules/statuses/actions";
import * as excelActions from "@/modules/excel/actions";
import * as figuresActions from "@/modules/figures/actions";
import * as mailActions from "@/modules/mail/actions";
import * as reportingActions from "@/modules/reporting/actions";
import * as taskOwnerActions from "@/modules/task-owners/actions";
import * as nextauthRoute from "@/app/api/auth/[...nextauth]/route";
import * as unsubscribeRoute from "@/app/api/mail/unsubscribe/route";
import { hashToken, newToken } from "@/modules/mail/tokens";
import * as internalRefreshRoute from "@/app/api/internal/refresh/route";
import * as evidenceRoute from "@/app/api/evidence/[id]/route";
import * as backupDownloadRoute from "@/app/api/admin/backups/[name]/route";
import { handleOps } from "@/server/ops/http";
import * as meRoute from "@/app/api/me/route";
import * as templateRoute from "@/app/api/reporting/template/route";
import * as agenciesRoute from "@/app/api/v1/agencies/route";
import * as bulkIndicatorsCsvRoute from "@/app/api/v1/bulk/indicators.csv/route";
import * as bulkIndicatorsJsonRoute from "@/app/api/v1/bulk/indicators.json/route";
import * as bulkObservationsCsvRoute from "@/app/api/v1/bulk/observations.csv/route";
import * as bulkTasksCsvRoute from "@/app/api/v1/bulk/tasks.csv/route";
import * as completenessCsvRoute from "@/app/api/v1/dashboard/completeness.csv/route";
import * as targetsCsvRoute from "@/app/api/v1/dashboard/targets.csv/route";
import * as dashboardTasksCsvRoute from "@/app/api/v1/dashboard/tasks.csv/route";
import * as bulkIndicatorsXlsxRoute from "@/app/api/v1/bulk/indicators.xlsx/route";
import * as bulkObservationsXlsxRoute from "@/app/api/v1/bulk/observations.xlsx/route";
import * as targetsXlsxRoute from "@/app/api/v1/dashboard/targets.xlsx/route";
import * as completenessXlsxRoute from "@/app/api/v1/dashboard/completeness.xlsx/route";
import * as dashboardTasksXlsxRoute from "@/app/api/v1/dashboard/tasks.xlsx/route";
import * as decisionRoute from "@/app/api/v1/decisions/[key]/route";
import * as documentSeedRoute from "@/app/api/v1/documents/[key]/seed.json/route";
import * as decisionsRoute from "@/app/api/v1/decisions/route";
import * as figuresRoute from "@/app/api/v1/figures/route";
import * as sourcesRoute from "@/app/api/v1/sources/route";
import * as indicatorCompareRoute from "@/app/api/v1/indicators/[code]/compare/route";
import * as indicatorObservationsCsvRoute from "@/app/api/v1/indicators/[code]/observations.csv/route";
import * as indicatorRoute from "@/app/api/v1/indicators/[code]/route";
import * as indicatorsRoute from "@/app/api/v1/indicators/route";
import * as observationsRoute from "@/app/api/v1/observations/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as saveObservationsRoute from "@/app/api/v1/reporting/observations/route";
import * as saveTasksRoute from "@/app/api/v1/reporting/tasks/route";
import * as workspaceRoute from "@/app/api/v1/reporting/workspace/route";
import * as indexRoute from "@/app/api/v1/route";
import * as statusesRoute from "@/app/api/v1/statuses/route";
import * as tasksCsvRoute from "@/app/api/v1/tasks.csv/route";
import * as tasksRoute from "@/app/api/v1/tasks/route";
import { buildTemplate } from "@/modules/excel/template";
import { cancelImport, previewImport } from "@/modules/excel/import";
import { attachEvidence } from "@/modules/reporting/evidence";
import { saveIndicatorValues, saveTaskProgress } from "@/modules/reporting/mutations";
import { indicatorRow, taskRow } from "@/modules/reporting/schemas";
import type { ActionResult } from "@/server/action";
import { currentUser, type SessionUser } from "@/server/current-user";
import { env } from "@/server/env";
import type { SessionClaims } from "@/server/session";
import { setClaims } from "../support/session-mock";
import {
  BAD_IDS,
  FILES,
  HUGE,
  MB,
  S,
  SOME_BAD_IDS,
  VIETNAMESE,
  changed,
  fingerprint,
  formOf,
  leakIn,
  type Field,
  type Fingerprint,
} from "../support/hostile";
import { lockedQuarter, notOpenQuarter, openQuarter } from "../support/periods";

// ---- The table ------------------------------------------------------------------------------

type Category =
  | "authorization"
  | "missing field"
  | "wrong type"
  | "extra field"
  | "huge string"
  | "number edge"
  | "unicode"
  | "html injection"
  | "sql injection"
  | "file"
  | "forged id"
  | "state"
  | "bad query"
  | "bad json"
  | "content type";

/** Who sends the request: a role, the two test agencies' reporters, or a session that must not count. */
type Who = "anon" | "admin" | "reviewer" | "editor" | "viewer" | "A" | "B" | "stale" | "ghost" | "inactive";

type ActionFn = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult<unknown>>;
type ActionCase = {
  target: string;
  category: Category;
  name: string;
  as: Who;
  form: () => FormData | Promise<FormData>;
  field?: RegExp;
  message?: RegExp;
};

/**
 * What a route must answer: a status (a refusal: 4xx with a JSON error), "same" (a parameter the
 * API documents as ignored: exactly the answer to `sameAs`), or a custom check.
 */
type RouteExpect =
  | { status: number | number[] }
  | { sameAs: () => Promise<Response>; key: string }
  | { check: (res: Response, text: string) => void };
type RouteCase = {
  target: string;
  category: Category;
  name: string;
  as: Who;
  call: () => Promise<Response>;
  expect: RouteExpect;
  nextauth?: boolean;
};

// The quarter open at the instant the tests set the clock to (tests/support/periods.ts).
const PERIOD = openQuarter().key;
const BASE = "http://localhost";

const ACTIONS: Record<string, Record<string, unknown>> = {
  "src/modules/admin/actions.ts": adminActions,
  "src/modules/auth/actions.ts": authActions,
  "src/modules/catalogue/actions.ts": catalogueActions,
  "src/modules/conversations/actions.ts": conversationsActions,
  "src/modules/notifications/actions.ts": notificationsActions,
  "src/modules/statuses/actions.ts": statusActions,
  "src/modules/excel/actions.ts": excelActions,
  "src/modules/figures/actions.ts": figuresActions,
  "src/modules/mail/actions.ts": mailActions,
  "src/modules/reporting/actions.ts": reportingActions,
  "src/modules/task-owners/actions.ts": taskOwnerActions,
};
const ACTION_FNS: Record<string, ActionFn> = Object.fromEntries(
  Object.values(ACTIONS).flatMap(
    (m) => Object.entries(m).filter(([, f]) => typeof f === "function") as [string, ActionFn][],
  ),
);

const ROUTES: Record<string, Record<string, unknown>> = {
  "src/app/api/auth/[...nextauth]/route.ts": nextauthRoute,
  "src/app/api/evidence/[id]/route.ts": evidenceRoute,
  "src/app/api/mail/unsubscribe/route.ts": unsubscribeRoute,
  "src/app/api/admin/backups/[name]/route.ts": backupDownloadRoute,
  "src/app/api/internal/refresh/route.ts": internalRefreshRoute,
  "src/app/api/me/route.ts": meRoute,
  "src/app/api/reporting/template/route.ts": templateRoute,
  "src/app/api/v1/agencies/route.ts": agenciesRoute,
  "src/app/api/v1/bulk/indicators.csv/route.ts": bulkIndicatorsCsvRoute,
  "src/app/api/v1/bulk/indicators.json/route.ts": bulkIndicatorsJsonRoute,
  "src/app/api/v1/bulk/observations.csv/route.ts": bulkObservationsCsvRoute,
  "src/app/api/v1/bulk/tasks.csv/route.ts": bulkTasksCsvRoute,
  "src/app/api/v1/dashboard/completeness.csv/route.ts": completenessCsvRoute,
  "src/app/api/v1/dashboard/targets.csv/route.ts": targetsCsvRoute,
  "src/app/api/v1/dashboard/tasks.csv/route.ts": dashboardTasksCsvRoute,
  "src/app/api/v1/bulk/indicators.xlsx/route.ts": bulkIndicatorsXlsxRoute,
  "src/app/api/v1/bulk/observations.xlsx/route.ts": bulkObservationsXlsxRoute,
  "src/app/api/v1/dashboard/targets.xlsx/route.ts": targetsXlsxRoute,
  "src/app/api/v1/dashboard/completeness.xlsx/route.ts": completenessXlsxRoute,
  "src/app/api/v1/dashboard/tasks.xlsx/route.ts": dashboardTasksXlsxRoute,
  "src/app/api/v1/decisions/[key]/route.ts": decisionRoute,
  "src/app/api/v1/decisions/route.ts": decisionsRoute,
  "src/app/api/v1/documents/[key]/seed.json/route.ts": documentSeedRoute,
  "src/app/api/v1/figures/route.ts": figuresRoute,
  "src/app/api/v1/indicators/[code]/compare/route.ts": indicatorCompareRoute,
  "src/app/api/v1/indicators/[code]/observations.csv/route.ts": indicatorObservationsCsvRoute,
  "src/app/api/v1/indicators/[code]/route.ts": indicatorRoute,
  "src/app/api/v1/indicators/route.ts": indicatorsRoute,
  "src/app/api/v1/observations/route.ts": observationsRoute,
  "src/app/api/v1/openapi.json/route.ts": openapiRoute,
  "src/app/api/v1/reporting/observations/route.ts": saveObservationsRoute,
  "src/app/api/v1/reporting/tasks/route.ts": saveTasksRoute,
  "src/app/api/v1/reporting/workspace/route.ts": workspaceRoute,
  "src/app/api/v1/route.ts": indexRoute,
  "src/app/api/v1/sources/route.ts": sourcesRoute,
  "src/app/api/v1/statuses/route.ts": statusesRoute,
  "src/app/api/v1/tasks.csv/route.ts": tasksCsvRoute,
  "src/app/api/v1/tasks/route.ts": tasksRoute,
};
const urlOf = (file: string) => "/" + path.dirname(file).replace(/^src\/app\//, "");

/** The fixtures every case refers to, filled in by beforeAll (cases read them when they run). */
const fx = {
  agA: 0,
  agB: 0,
  codeA: "T-DA-NANG",
  codeB: "T-HAI-PHONG",
  former: 0,
  ind: 0,
  indB: 0,
  gdp: 0,
  obsA: { id: 0, version: 0 },
  obsB: { id: 0, version: 0 },
  taskA: 0,
  taskMinistry: 0,
  tpB: { id: 0, version: 0 },
  tpBSub: { id: 0, version: 0 },
  evB: "",
  batchA: 0,
  batchAErr: 0,
  batchACancelled: 0,
  batchB: 0,
  templateA: new Uint8Array() as Uint8Array,
  periodQ3: { id: 0, opensAt: "", dueAt: "", locksAt: "" },
  assignB: 0,
  target: 0,
  targetNoOverride: 0,
  adminId: 0,
  userT: 0,
  /** A notification of B's reporter, about B's observation. */
  noteB: 0,
  /** Email tokens (reset, unsubscribe) already used or expired, written by beforeAll. */
  tokens: { usedReset: "", expiredReset: "", usedUnsub: "", expiredUnsub: "" },
  claims: {} as Record<Who, SessionClaims | null>,
};

const NOWHERE = 2_000_000_000; // a valid int4 id that no record has
const stamp = `${process.pid}${Date.now()}`;

// ---- Server action cases --------------------------------------------------------------------

const actionCases: ActionCase[] = [];

function act(
  target: string,
  as: Who,
  category: Category,
  name: string,
  fields: () => Record<string, Field>,
  opts: { field?: RegExp; message?: RegExp } = {},
) {
  actionCases.push({ target, as, category, name, form: () => formOf(fields()), ...opts });
}

const NOT_SIGNED_IN = /đăng nhập/;
const NO_RIGHT = /không có quyền|chỉ được|không được giao|không do cơ quan/;

/** The usual authorization cases of an action, with its otherwise valid form. */
function authCases(target: string, who: Who[], fields: () => Record<string, Field>, reporterMessage = NO_RIGHT) {
  for (const w of who) {
    const message =
      w === "anon" || w === "stale" || w === "ghost" || w === "inactive"
        ? NOT_SIGNED_IN
        : w === "A" || w === "B"
          ? reporterMessage
          : NO_RIGHT;
    act(target, w, "authorization", `as ${w}`, fields, { message });
  }
}

function idCases(
  target: string,
  as: Who,
  fieldName: string,
  base: () => Record<string, Field>,
  values: readonly [string, string][] = SOME_BAD_IDS,
  category: Category = "number edge",
) {
  for (const [label, v] of values) {
    const cat: Category =
      label === "SQL"
        ? "sql injection"
        : label === "HTML"
          ? "html injection"
          : /digit|zero-width|NUL/.test(label)
            ? "unicode"
            : category;
    act(target, as, cat, `${fieldName} = ${label}`, () => ({ ...base(), [fieldName]: v }));
  }
}

// -- reporting: saveIndicatorsAction ----------------------------------------------------------
{
  const T = "saveIndicatorsAction";
  const k = (f: string, id = fx.ind) => `ind.${id}.${f}`;
  const base = () => ({ period: PERIOD, intent: "draft", [k("value")]: "55", [k("version")]: String(fx.obsA.version) });
  const withRow = (over: Record<string, Field>) => () => ({
    ...base(),
    ...Object.fromEntries(Object.entries(over).map(([f, v]) => [k(f), v])),
  });
  authCases(T, ["anon", "viewer", "reviewer", "admin", "stale", "ghost", "inactive"], base);
  act(T, "A", "missing field", "no period", () => ({ ...base(), period: undefined }), { field: /^period$/ });
  act(T, "A", "missing field", "empty period", () => ({ ...base(), period: "" }), { field: /^period$/ });
  act(T, "A", "missing field", "submit with nothing selected", () => ({ ...base(), intent: "submit" }), {
    message: /Dữ liệu chưa hợp lệ/,
  });
  act(T, "A", "missing field", "no version (stale by default)", () => ({ ...base(), [k("version")]: undefined }));
  act(T, "A", "wrong type", "period is a file", () => ({ ...base(), period: FILES.pdf() }), { field: /^period$/ });
  act(T, "A", "wrong type", "value is a file", () => ({ ...base(), [k("value")]: FILES.pdf() }));
  act(T, "A", "wrong type", "intent is not draft/submit", () => ({ ...base(), intent: "publish" }), {
    field: /^intent$/,
  });
  for (const v of ["NaN", "Infinity", "-Infinity", "1e309", "1e3", "-1", "101", "0x10", "1,5,5", "9".repeat(31)]) {
    act(T, "A", "number edge", `value ${v.length > 12 ? `${v.length} digits` : v}`, withRow({ value: v }), {
      field: /value$/,
    });
  }
  for (const v of ["-1", "NaN", "1.5", "1e309", "2147483648"])
    act(T, "A", "number edge", `version ${v}`, withRow({ version: v }), { field: /version|value$/ });
  act(T, "A", "number edge", "indicator id 0 in the field name", () => ({
    period: PERIOD,
    "ind.0.value": "5",
    "ind.0.version": "0",
  }));
  act(T, "A", "number edge", "indicator id over int4 in the field name", () => ({
    period: PERIOD,
    "ind.2147483648.value": "5",
    "ind.2147483648.version": "0",
  }));
  for (const f of ["value", "source", "note", "explanation", "evidenceUrl", "comment"])
    act(T, "A", "huge string", `1 MB ${f}`, withRow({ [f]: HUGE }), { field: new RegExp(`${f}$`) });
  act(T, "A", "unicode", "full-width digits", withRow({ value: "\uff15\uff15" }), { field: /value$/ });
  act(T, "A", "unicode", "Arabic-Indic digits", withRow({ value: "\u0665\u0665" }), { field: /value$/ });
  act(T, "A", "unicode", "zero-width space in value", withRow({ value: "55\u200b" }), { field: /value$/ });
  act(T, "A", "unicode", "RTL override in value", withRow({ value: "\u202e55" }), { field: /value$/ });
  act(T, "A", "unicode", "combining mark in value", withRow({ value: "5\u03015" }), { field: /value$/ });
  act(T, "A", "unicode", "emoji value", withRow({ value: S.emoji }), { field: /value$/ });
  act(T, "A", "unicode", "zero-width space in period", () => ({ ...base(), period: `${PERIOD}\u200b` }), {
    field: /^period$/,
  });
  act(T, "A", "unicode", "full-width period", () => ({ ...base(), period: "\uff12\uff10\uff12\uff16-Q3" }), {
    field: /^period$/,
  });
  act(T, "A", "unicode", "NUL in source", withRow({ source: S.nul }), { field: /source$/ });
  act(T, "A", "unicode", "ANSI escape sequence in note", withRow({ note: S.ansi }), { field: /note$/ });
  act(T, "A", "unicode", "bell character in explanation", withRow({ explanation: "Tăng\u0007" }), {
    field: /explanation$/,
  });
  act(T, "A", "unicode", "NUL in revision comment", withRow({ comment: S.nul }), { field: /comment$/ });
  act(T, "A", "unicode", "NUL in evidence link", withRow({ evidenceUrl: "https://so.gov.vn/\u0000" }), {
    field: /evidenceUrl$/,
  });
  act(T, "A", "html injection", "script as value", withRow({ value: S.html }), { field: /value$/ });
  act(
    T,
    "A",
    "html injection",
    "javascript: evidence link",
    withRow({ evidenceUrl: "javascript:alert(document.cookie)" }),
    { field: /evidenceUrl$/ },
  );
  act(
    T,
    "A",
    "html injection",
    "data: evidence link",
    withRow({ evidenceUrl: "data:text/html,<script>alert(1)</script>" }),
    { field: /evidenceUrl$/ },
  );
  act(T, "A", "html injection", "markup as period", () => ({ ...base(), period: S.htmlAttr }), { field: /^period$/ });
  act(T, "A", "sql injection", "SQL as value", withRow({ value: S.sql }), { field: /value$/ });
  act(T, "A", "sql injection", "SQL in period", () => ({ ...base(), period: `${PERIOD}' OR '1'='1` }), {
    field: /^period$/,
  });
  act(T, "A", "sql injection", "SQL as version", withRow({ version: "1 OR 1=1" }), { field: /version$/ });
  act(
    T,
    "A",
    "forged id",
    "another agency's indicator",
    () => ({ period: PERIOD, [k("value", fx.indB)]: "50", [k("version", fx.indB)]: "0" }),
    { message: NO_RIGHT },
  );
  act(
    T,
    "A",
    "forged id",
    "another agency's indicator, agency named in the form",
    () => ({
      period: PERIOD,
      agencyId: String(fx.agB),
      agency: fx.codeB,
      [k("value", fx.indB)]: "50",
      [k("version", fx.indB)]: "0",
    }),
    { message: NO_RIGHT },
  );
  act(T, "A", "state", "locked quarter", () => ({ ...base(), period: lockedQuarter().key, [k("version")]: "0" }), {
    field: /value$/,
  });
  act(
    T,
    "A",
    "state",
    "quarter not open yet",
    () => ({ ...base(), period: notOpenQuarter().key, [k("version")]: "0" }),
    {
      field: /value$/,
    },
  );
  act(T, "A", "state", "quarter that does not exist", () => ({ ...base(), period: "1999-Q1" }), {
    message: /không tồn tại/,
  });
}

// -- reporting: saveTasksAction ---------------------------------------------------------------
{
  const T = "saveTasksAction";
  const k = (f: string, id = fx.taskA) => `task.${id}.${f}`;
  const base = () => ({
    period: PERIOD,
    intent: "draft",
    [k("status")]: "IN_PROGRESS",
    [k("percent")]: "40",
    [k("achieved")]: "Đang triển khai",
    [k("version")]: "0",
  });
  const withRow = (over: Record<string, Field>) => () => ({
    ...base(),
    ...Object.fromEntries(Object.entries(over).map(([f, v]) => [k(f), v])),
  });
  authCases(T, ["anon", "viewer", "reviewer", "stale"], base);
  act(T, "A", "missing field", "no period", () => ({ ...base(), period: undefined }), { field: /^period$/ });
  act(T, "A", "missing field", "no status", withRow({ status: undefined }), { field: /status$/ });
  act(
    T,
    "A",
    "missing field",
    "submit without results",
    () => ({ ...base(), intent: "submit", [k("select")]: "on", [k("achieved")]: "" }),
    { field: /achieved$/ },
  );
  act(T, "A", "wrong type", "status is a file", withRow({ status: FILES.pdf() }), { field: /status$/ });
  act(T, "A", "wrong type", "percent is a file", withRow({ percent: FILES.pdf() }), { field: /percent$/ });
  act(T, "A", "wrong type", "empty status", withRow({ status: "" }), { field: /status$/ });
  act(T, "A", "wrong type", "lower-case status", withRow({ status: "done" }), { field: /status$/ });
  act(T, "A", "wrong type", "workflow state as status", withRow({ status: "APPROVED" }), { field: /status$/ });
  act(T, "A", "unicode", "zero-width space in status", withRow({ status: "DONE\u200b" }), { field: /status$/ });
  act(T, "A", "html injection", "script as status", withRow({ status: S.html }), { field: /status$/ });
  act(T, "A", "sql injection", "SQL as status", withRow({ status: S.sql }), { field: /status$/ });
  for (const v of ["NaN", "Infinity", "-1", "101", "50.5", "1e2", "0x32", "1e309"])
    act(T, "A", "number edge", `percent ${v}`, withRow({ percent: v }), { field: /percent$/ });
  act(T, "A", "unicode", "Arabic-Indic percent", withRow({ percent: "\u0661\u0660" }), { field: /percent$/ });
  act(T, "A", "number edge", "done at 50%", withRow({ status: "DONE", percent: "50" }), { field: /percent$/ });
  for (const f of ["achieved", "obstacles", "nextSteps", "evidenceUrl", "percent"])
    act(T, "A", "huge string", `1 MB ${f}`, withRow({ [f]: HUGE }), { field: new RegExp(`${f}$`) });
  act(T, "A", "unicode", "NUL in results", withRow({ achieved: S.nul }), { field: /achieved$/ });
  act(T, "A", "unicode", "ANSI escape sequence in obstacles", withRow({ obstacles: S.ansi }), { field: /obstacles$/ });
  act(T, "A", "unicode", "NUL in next steps", withRow({ nextSteps: S.nul }), { field: /nextSteps$/ });
  act(T, "A", "html injection", "javascript: evidence link", withRow({ evidenceUrl: "javascript:alert(1)" }), {
    field: /evidenceUrl$/,
  });
  for (const v of ["-1", "abc", "2147483648"])
    act(T, "A", "number edge", `version ${v}`, withRow({ version: v }), { field: /version$/ });
  act(
    T,
    "A",
    "forged id",
    "a task another agency leads",
    () => ({ period: PERIOD, [k("status", fx.taskMinistry)]: "DONE", [k("version", fx.taskMinistry)]: "0" }),
    { message: NO_RIGHT },
  );
  act(
    T,
    "A",
    "forged id",
    "a task another agency leads, agency named in the form",
    () => ({
      period: PERIOD,
      agencyId: String(fx.agB),
      [k("status", fx.taskMinistry)]: "DONE",
      [k("version", fx.taskMinistry)]: "0",
    }),
    { message: NO_RIGHT },
  );
  act(T, "A", "number edge", "task id 0 in the field name", () => ({
    period: PERIOD,
    "task.0.status": "DONE",
    "task.0.version": "0",
  }));
  act(T, "A", "number edge", "task id over int4 in the field name", () => ({
    period: PERIOD,
    "task.2147483648.status": "DONE",
    "task.2147483648.version": "0",
  }));
  act(
    T,
    "A",
    "forged id",
    "a task that does not exist",
    () => ({ period: PERIOD, [k("status", NOWHERE)]: "DONE", [k("version", NOWHERE)]: "0" }),
    { message: NO_RIGHT },
  );
  act(T, "A", "state", "locked quarter", () => ({ ...base(), period: lockedQuarter().key }), { field: /status$/ });
}

// -- reporting: reviewAction ------------------------------------------------------------------
{
  const T = "reviewAction";
  const item = () => `task:${fx.tpBSub.id}:${fx.tpBSub.version}`;
  const base = () => ({ decision: "APPROVE", item: item() });
  authCases(T, ["anon", "A", "B", "viewer", "admin"], base);
  act(T, "reviewer", "missing field", "no decision", () => ({ item: item() }), { field: /^decision$/ });
  act(T, "reviewer", "missing field", "no item", () => ({ decision: "APPROVE" }), { field: /^items$/ });
  act(T, "reviewer", "missing field", "return without a reason", () => ({ decision: "RETURN", item: item() }), {
    field: /^comment$/,
  });
  act(T, "reviewer", "wrong type", "lower-case decision", () => ({ ...base(), decision: "approve" }), {
    field: /^decision$/,
  });
  act(T, "reviewer", "wrong type", "unknown decision", () => ({ ...base(), decision: "DELETE" }), {
    field: /^decision$/,
  });
  act(T, "reviewer", "unicode", "NUL in decision", () => ({ ...base(), decision: "APPROVE\u0000" }), {
    field: /^decision$/,
  });
  act(T, "reviewer", "html injection", "script as decision", () => ({ ...base(), decision: S.html }), {
    field: /^decision$/,
  });
  act(T, "reviewer", "sql injection", "SQL as decision", () => ({ ...base(), decision: S.sql }), {
    field: /^decision$/,
  });
  act(T, "reviewer", "wrong type", "item id is a word", () => ({ ...base(), item: "obs:abc:1" }), { field: /^items/ });
  act(T, "reviewer", "number edge", "item id -1", () => ({ ...base(), item: "obs:-1:1" }), { field: /^items/ });
  act(T, "reviewer", "number edge", "item version 0", () => ({ ...base(), item: `task:${fx.tpBSub.id}:0` }), {
    field: /^items/,
  });
  act(T, "reviewer", "number edge", "item version 1e309", () => ({ ...base(), item: `task:${fx.tpBSub.id}:1e309` }), {
    field: /^items/,
  });
  act(T, "reviewer", "number edge", "item version over int4", () => ({
    ...base(),
    item: `task:${fx.tpBSub.id}:2147483648`,
  }));
  act(T, "reviewer", "number edge", "item id over int4", () => ({ ...base(), item: "task:2147483648:1" }), {
    field: /^items/,
  });
  act(T, "reviewer", "wrong type", "unknown item kind", () => ({ ...base(), item: `file:${fx.tpBSub.id}:1` }), {
    field: /^items/,
  });
  act(T, "reviewer", "sql injection", "SQL as item id", () => ({ ...base(), item: `obs:${S.sqlNum}:1` }), {
    field: /^items/,
  });
  act(
    T,
    "reviewer",
    "state",
    "stale version",
    () => ({ ...base(), item: `task:${fx.tpBSub.id}:${fx.tpBSub.version + 5}` }),
    { message: /vừa được người khác/ },
  );
  act(
    T,
    "reviewer",
    "state",
    "a draft, not a submission",
    () => ({ ...base(), item: `task:${fx.tpB.id}:${fx.tpB.version}` }),
    { message: /vừa được người khác/ },
  );
  act(T, "reviewer", "forged id", "an item that does not exist", () => ({ ...base(), item: `obs:${NOWHERE}:1` }), {
    message: /Không tìm thấy/,
  });
  act(
    T,
    "reviewer",
    "state",
    "a valid item with an unknown one: all or nothing",
    () => ({ ...base(), item: [item(), `obs:${NOWHERE}:1`] }),
    { message: /Không tìm thấy/ },
  );
  act(
    T,
    "reviewer",
    "huge string",
    "501 items",
    () => ({ ...base(), item: Array.from({ length: 501 }, (_, i) => `obs:${i + 1}:1`) }),
    { field: /^items$/ },
  );
  act(T, "reviewer", "huge string", "1 MB reason", () => ({ decision: "RETURN", item: item(), comment: HUGE }), {
    field: /^comment$/,
  });
  act(
    T,
    "reviewer",
    "unicode",
    "NUL in reason",
    () => ({ decision: "RETURN", item: item(), comment: `Thiếu nguồn ${S.nul}` }),
    { field: /^comment$/ },
  );
  act(
    T,
    "reviewer",
    "unicode",
    "ANSI escape sequence in reason",
    () => ({ decision: "RETURN", item: item(), comment: `Thiếu nguồn ${S.ansi}` }),
    { field: /^comment$/ },
  );
  const own = () => `comment.task.${fx.tpBSub.id}`;
  act(
    T,
    "reviewer",
    "missing field",
    "return with a blank item comment and none shared",
    () => ({ decision: "RETURN", item: item(), [own()]: " \u200b " }),
    { field: /^comment/ },
  );
  act(T, "reviewer", "huge string", "1 MB item comment", () => ({ decision: "RETURN", item: item(), [own()]: HUGE }), {
    field: /^items\.0\.comment$/,
  });
  act(
    T,
    "reviewer",
    "unicode",
    "NUL in item comment",
    () => ({ decision: "RETURN", item: item(), [own()]: `Thiếu ${S.nul}` }),
    { field: /^items\.0\.comment$/ },
  );
  act(
    T,
    "reviewer",
    "wrong type",
    "item comment is a file",
    () => ({ decision: "RETURN", item: item(), [own()]: FILES.pdf() }),
    { field: /^items\.0\.comment$/ },
  );
}

// -- reporting: submitReadyAction --------------------------------------------------------------
{
  const T = "submitReadyAction";
  const item = () => `ind:${fx.ind}:${fx.obsA.version}`;
  const base = () => ({ period: PERIOD, item: item() });
  const CHANGED = /đã thay đổi/;
  authCases(T, ["anon", "viewer", "reviewer", "stale"], base);
  act(T, "A", "missing field", "no period", () => ({ item: item() }), { field: /^period$/ });
  act(T, "A", "missing field", "no item", () => ({ period: PERIOD }), { field: /^items$/ });
  act(T, "A", "wrong type", "item id is a word", () => ({ ...base(), item: "ind:abc:1" }), { field: /^items/ });
  act(T, "A", "wrong type", "unknown item kind", () => ({ ...base(), item: `obs:${fx.ind}:1` }), { field: /^items/ });
  act(T, "A", "wrong type", "item is a file", () => ({ ...base(), item: FILES.pdf() }), { field: /^items/ });
  act(T, "A", "number edge", "version 0", () => ({ ...base(), item: `ind:${fx.ind}:0` }), { field: /^items/ });
  act(T, "A", "number edge", "version 1e309", () => ({ ...base(), item: `ind:${fx.ind}:1e309` }), { field: /^items/ });
  act(T, "A", "number edge", "id over int4", () => ({ ...base(), item: "task:2147483648:1" }), { field: /^items/ });
  act(T, "A", "sql injection", "SQL as item id", () => ({ ...base(), item: `ind:${S.sqlNum}:1` }), { field: /^items/ });
  act(T, "A", "unicode", "NUL in item", () => ({ ...base(), item: `ind:${fx.ind}:1\u0000` }), { field: /^items/ });
  act(
    T,
    "A",
    "state",
    "a version the reporter never saw",
    () => ({ ...base(), item: `ind:${fx.ind}:${fx.obsA.version + 5}` }),
    { message: CHANGED },
  );
  act(T, "A", "state", "locked quarter", () => ({ ...base(), period: lockedQuarter().key }), { message: CHANGED });
  act(T, "A", "forged id", "a task another agency leads", () => ({ ...base(), item: `task:${fx.taskMinistry}:1` }), {
    message: CHANGED,
  });
  act(
    T,
    "A",
    "forged id",
    "another agency's observation, agency named in the form",
    () => ({ ...base(), agencyId: String(fx.agB), item: `ind:${fx.indB}:${fx.obsB.version}` }),
    { message: CHANGED },
  );
  act(
    T,
    "A",
    "forged id",
    "a valid item with another agency's: all or nothing",
    () => ({ ...base(), item: [item(), `task:${fx.taskMinistry}:1`] }),
    { message: CHANGED },
  );
  act(
    T,
    "A",
    "huge string",
    "2,001 items",
    () => ({ ...base(), item: Array.from({ length: 2001 }, (_, i) => `ind:${i + 1}:1`) }),
    { field: /^items$/ },
  );
}

// -- reporting: reopenAction ------------------------------------------------------------------
{
  const T = "reopenAction";
  const base = () => ({ kind: "task", id: String(fx.tpBSub.id), comment: "Mở lại để sửa số liệu" });
  authCases(T, ["anon", "A", "B", "viewer", "admin"], base);
  act(T, "reviewer", "missing field", "no reason", () => ({ ...base(), comment: undefined }), { field: /^comment$/ });
  act(T, "reviewer", "missing field", "blank reason", () => ({ ...base(), comment: "   \n\t " }), {
    field: /^comment$/,
  });
  act(T, "reviewer", "missing field", "no kind", () => ({ ...base(), kind: undefined }), { field: /^kind$/ });
  act(T, "reviewer", "missing field", "no id", () => ({ ...base(), id: undefined }), { field: /^id$/ });
  act(T, "reviewer", "wrong type", "unknown kind", () => ({ ...base(), kind: "observation" }), { field: /^kind$/ });
  act(T, "reviewer", "wrong type", "upper-case kind", () => ({ ...base(), kind: "TASK" }), { field: /^kind$/ });
  act(T, "reviewer", "html injection", "script as kind", () => ({ ...base(), kind: S.html }), { field: /^kind$/ });
  act(T, "reviewer", "sql injection", "SQL as kind", () => ({ ...base(), kind: S.sql }), { field: /^kind$/ });
  idCases(T, "reviewer", "id", base);
  act(T, "reviewer", "forged id", "an item that does not exist", () => ({ ...base(), id: String(NOWHERE) }), {
    message: /Không tìm thấy/,
  });
  act(T, "reviewer", "huge string", "1 MB reason", () => ({ ...base(), comment: HUGE }), { field: /^comment$/ });
  act(T, "reviewer", "unicode", "NUL in reason", () => ({ ...base(), comment: `Mở lại ${S.nul}` }), {
    field: /^comment$/,
  });
  act(T, "reviewer", "unicode", "ANSI escape sequence in reason", () => ({ ...base(), comment: `Mở lại ${S.ansi}` }), {
    field: /^comment$/,
  });
}

// -- reporting: uploadEvidenceAction ----------------------------------------------------------
{
  const T = "uploadEvidenceAction";
  const base = (): Record<string, Field> => ({ kind: "obs", id: String(fx.obsA.id), file: FILES.pdf() });
  authCases(T, ["anon", "viewer", "reviewer", "B"], base);
  act(T, "A", "forged id", "another agency's observation", () => ({ ...base(), id: String(fx.obsB.id) }), {
    message: NO_RIGHT,
  });
  act(
    T,
    "A",
    "forged id",
    "another agency's task progress",
    () => ({ ...base(), kind: "task", id: String(fx.tpB.id) }),
    { message: NO_RIGHT },
  );
  act(
    T,
    "A",
    "extra field",
    "another agency's observation, agency named in the form",
    () => ({ ...base(), id: String(fx.obsB.id), agencyId: String(fx.agA), agency: fx.codeA }),
    { message: NO_RIGHT },
  );
  act(T, "A", "forged id", "a record that does not exist", () => ({ ...base(), id: String(NOWHERE) }), {
    message: /Không tìm thấy/,
  });
  idCases(T, "A", "id", base, BAD_IDS);
  act(T, "A", "wrong type", "empty kind", () => ({ ...base(), kind: "" }), { field: /^kind$/ });
  act(T, "A", "wrong type", "unknown kind", () => ({ ...base(), kind: "evidence" }), { field: /^kind$/ });
  act(T, "A", "file", "no file", () => ({ ...base(), file: undefined }), { field: /^file$/ });
  act(T, "A", "wrong type", "file field is text", () => ({ ...base(), file: "minh-chung.pdf" }), { field: /^file$/ });
  // Every refused file is refused on the file field.
  for (const [cat, name, file] of [
    ["file", "empty file", FILES.empty],
    ["file", ".exe renamed .pdf", FILES.exeAsPdf],
    ["file", "an .exe", FILES.exe],
    ["file", "text named .pdf", FILES.textAsPdf],
    ["file", "text named .xlsx", FILES.textAsXlsx],
    ["file", "PNG named .jpg", FILES.pngAsJpg],
    ["file", "double extension .pdf.exe", FILES.pdfDoubleExt],
    ["file", "no extension", FILES.pdfNoExt],
    ["unicode", "RTL override hiding .exe", FILES.pdfRtlName],
    ["file", "11 MB", FILES.pdf11MB],
    ["unicode", "NUL in the file name", FILES.pdfNulName],
    ["unicode", "ANSI escape sequence in the file name", FILES.pdfAnsiName],
    ["huge string", "1 MB file name", FILES.pdfHugeName],
  ] as [Category, string, () => Field][]) {
    act(T, "A", cat, name, () => ({ ...base(), file: file() }), { field: /^file$/ });
  }
  act(T, "B", "state", "a submitted item", () => ({ kind: "task", id: String(fx.tpBSub.id), file: FILES.pdf() }), {
    message: /không còn sửa được/,
  });
}

// -- excel: uploadImportAction ----------------------------------------------------------------
{
  const T = "uploadImportAction";
  const xlsx = (bytes: Uint8Array, name = "bao-cao.xlsx") =>
    new File([Buffer.from(bytes)], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const base = (): Record<string, Field> => ({ period: PERIOD, file: xlsx(fx.templateA) });
  authCases(T, ["anon", "viewer", "reviewer", "admin", "stale"], base);
  act(T, "A", "missing field", "no period", () => ({ ...base(), period: undefined }), { field: /^period$/ });
  act(T, "A", "wrong type", "quarter 5", () => ({ ...base(), period: "2026-Q5" }), { field: /^period$/ });
  act(T, "A", "wrong type", "period is a word", () => ({ ...base(), period: "abc" }), { field: /^period$/ });
  act(T, "A", "wrong type", "two periods, the first invalid", () => ({ ...base(), period: ["2026-Q9", PERIOD] }), {
    field: /^period$/,
  });
  act(T, "A", "sql injection", "SQL in period", () => ({ ...base(), period: `${PERIOD}' --` }), { field: /^period$/ });
  act(T, "A", "unicode", "full-width period", () => ({ ...base(), period: "\uff12\uff10\uff12\uff16-Q3" }), {
    field: /^period$/,
  });
  act(T, "A", "unicode", "NUL in period", () => ({ ...base(), period: `${PERIOD}\u0000` }), { field: /^period$/ });
  act(T, "A", "huge string", "1 MB period", () => ({ ...base(), period: HUGE }), { field: /^period$/ });
  act(T, "A", "state", "quarter that does not exist", () => ({ ...base(), period: "1999-Q1" }), {
    message: /không tồn tại/,
  });
  act(T, "A", "file", "no file", () => ({ ...base(), file: undefined }), { field: /^file$/ });
  act(T, "A", "wrong type", "file field is text", () => ({ ...base(), file: "bao-cao.xlsx" }), { field: /^file$/ });
  act(T, "A", "file", "empty file", () => ({ ...base(), file: xlsx(new Uint8Array()) }), { field: /^file$/ });
  act(T, "A", "file", "text named .xlsx", () => ({ ...base(), file: FILES.textAsXlsx() }), { field: /^file$/ });
  act(T, "A", "file", ".exe renamed .xlsx", () => ({ ...base(), file: FILES.exeAsXlsx() }), { field: /^file$/ });
  act(T, "A", "file", "Excel 97 file named .xlsx", () => ({ ...base(), file: FILES.oleAsXlsx() }), { field: /^file$/ });
  act(T, "A", "file", "6 MB", () => ({ ...base(), file: FILES.zip6MB() }), { field: /^file$/ });
  act(T, "A", "file", "a zip that is not a workbook", () => ({ ...base(), file: xlsx(zips.plain) }), {
    field: /^file$/,
  });
  act(
    T,
    "A",
    "file",
    "a truncated workbook",
    () => ({ ...base(), file: xlsx(fx.templateA.slice(0, Math.floor(fx.templateA.length / 2))) }),
    { field: /^file$/ },
  );
  act(T, "A", "file", "a zip bomb (61 MB unpacked)", () => ({ ...base(), file: xlsx(zips.bomb) }), { field: /^file$/ });
  act(
    T,
    "A",
    "file",
    "a zip claiming 10 KB that inflates to 1 GB",
    () => ({ ...base(), file: FILES.xlsxLyingSizes() }),
    { field: /^file$/ },
  );
  act(T, "A", "file", "700,000 honest rows", () => ({ ...base(), file: FILES.xlsx700kRows() }), { field: /^file$/ });
  act(T, "A", "unicode", "a NUL in a cell (hand-made _x0000_)", () => ({ ...base(), file: xlsx(zips.nulCell) }), {
    field: /^file$/,
  });
  act(
    T,
    "A",
    "unicode",
    "an ANSI escape sequence in a cell (hand-made _x001B_)",
    () => ({ ...base(), file: xlsx(zips.ansiCell) }),
    { field: /^file$/ },
  );
  act(
    T,
    "A",
    "unicode",
    "a lone surrogate in a cell (hand-made _xD800_)",
    () => ({ ...base(), file: xlsx(zips.surrogateCell) }),
    { field: /^file$/ },
  );
}

// -- excel: confirmImportAction and cancelImportAction ----------------------------------------
for (const T of ["confirmImportAction", "cancelImportAction"]) {
  const base = () => ({ batchId: String(fx.batchA) });
  authCases(T, ["anon", "viewer", "reviewer", "B"], base, /Không tìm thấy lô nhập/);
  act(T, "A", "forged id", "another agency's batch", () => ({ batchId: String(fx.batchB) }), {
    message: /Không tìm thấy lô nhập/,
  });
  act(
    T,
    "A",
    "extra field",
    "another agency's batch, its user and agency named in the form",
    () => ({ batchId: String(fx.batchB), userId: "1", agencyId: String(fx.agB), agency: fx.codeB }),
    {
      message: /Không tìm thấy lô nhập/,
    },
  );
  act(T, "A", "state", "a cancelled batch", () => ({ batchId: String(fx.batchACancelled) }), { message: /đã bị hủy/ });
  act(T, "A", "forged id", "a batch that does not exist", () => ({ batchId: String(NOWHERE) }), {
    message: /Không tìm thấy lô nhập/,
  });
  if (T === "confirmImportAction")
    act(T, "A", "state", "a batch with errors", () => ({ batchId: String(fx.batchAErr) }), { message: /lỗi/ });
  idCases(T, "A", "batchId", base, T === "confirmImportAction" ? BAD_IDS : SOME_BAD_IDS);
}

// -- figures: chooseStatusSourceAction ----------------------------------------------------------
{
  const T = "chooseStatusSourceAction";
  const base = () => ({
    indicator: "digital-economy-gdp-share",
    source: "MST",
    reason: "Số liệu của Bộ cập nhật hơn (lý do kiểm thử)",
  });
  authCases(T, ["anon", "A", "B", "viewer", "admin", "stale", "ghost", "inactive"], base);
  for (const f of ["indicator", "source", "reason"] as const)
    act(T, "reviewer", "missing field", `no ${f}`, () => ({ ...base(), [f]: undefined }), {
      field: new RegExp(`^${f}$`),
    });
  act(T, "reviewer", "missing field", "blank reason", () => ({ ...base(), reason: "   \t " }), { field: /^reason$/ });
  act(T, "reviewer", "missing field", "reason of four letters", () => ({ ...base(), reason: "abcd" }), {
    field: /^reason$/,
  });
  act(T, "reviewer", "wrong type", "reason is a file", () => ({ ...base(), reason: FILES.pdf() }), {
    field: /^reason$/,
  });
  act(T, "reviewer", "wrong type", "source in lower case", () => ({ ...base(), source: "mst" }), { field: /^source$/ });
  act(T, "reviewer", "wrong type", "indicator in upper case", () => ({ ...base(), indicator: "DIGITAL" }), {
    field: /^indicator$/,
  });
  act(T, "reviewer", "huge string", "1 MB reason", () => ({ ...base(), reason: HUGE }), { field: /^reason$/ });
  act(T, "reviewer", "huge string", "1 MB source", () => ({ ...base(), source: HUGE }), { field: /^source$/ });
  act(T, "reviewer", "unicode", "reason of zero-width characters only", () => ({ ...base(), reason: S.zeroWidth }), {
    field: /^reason$/,
  });
  act(T, "reviewer", "unicode", "NUL in reason", () => ({ ...base(), reason: `Lý do hợp lệ ${S.nul}` }), {
    field: /^reason$/,
  });
  act(T, "reviewer", "unicode", "ANSI escape sequence in reason", () => ({ ...base(), reason: `Lý do ${S.ansi}` }), {
    field: /^reason$/,
  });
  act(T, "reviewer", "unicode", "zero-width space in source", () => ({ ...base(), source: "MST\u200b" }), {
    field: /^source$/,
  });
  act(T, "reviewer", "html injection", "script as source", () => ({ ...base(), source: S.html }), {
    field: /^source$/,
  });
  act(T, "reviewer", "sql injection", "SQL as indicator", () => ({ ...base(), indicator: S.sql }), {
    field: /^indicator$/,
  });
  act(T, "reviewer", "forged id", "an indicator that does not exist", () => ({ ...base(), indicator: "khong-co" }), {
    message: /Không tìm thấy/,
  });
  act(T, "reviewer", "forged id", "a source that does not exist", () => ({ ...base(), source: "NOPE" }), {
    field: /^source$/,
  });
  act(T, "reviewer", "forged id", "a source with no figures for the indicator", () => ({ ...base(), source: "WIPO" }), {
    field: /^source$/,
  });
}

// -- task-owners: assignTaskOwnerAction --------------------------------------------------------
{
  // A names themself for a task both provinces lead: valid as it stands, so every case below
  // changes one thing (or is sent by someone who may not assign) and must be refused.
  const T = "assignTaskOwnerAction";
  const base = (): Record<string, Field> => ({
    taskId: String(fx.taskA),
    userId: String(fx.claims.A!.uid),
    internalDueOn: "31/03/2027",
    expectedResult: "Hệ thống vận hành thử (kiểm thử)",
    basedOn: "0",
  });
  authCases(T, ["anon", "viewer", "reviewer", "admin", "editor", "stale", "ghost", "inactive"], base);
  act(T, "B", "forged id", "B names A's reporter for B's own assignment", base, { field: /^userId$/ });
  act(T, "A", "forged id", "a task only a ministry leads", () => ({ ...base(), taskId: String(fx.taskMinistry) }), {
    message: NO_RIGHT,
  });
  act(
    T,
    "A",
    "forged id",
    "a ministry's task, agency named in the form",
    () => ({ ...base(), taskId: String(fx.taskMinistry), agencyId: String(fx.agB), agency: fx.codeB }),
    { message: NO_RIGHT },
  );
  act(T, "A", "forged id", "a task that does not exist", () => ({ ...base(), taskId: String(NOWHERE) }), {
    message: NO_RIGHT,
  });
  act(T, "A", "forged id", "a person of another agency", () => ({ ...base(), userId: String(fx.userT) }), {
    field: /^userId$/,
  });
  act(T, "A", "forged id", "a deactivated colleague", () => ({ ...base(), userId: String(fx.claims.inactive!.uid) }), {
    field: /^userId$/,
  });
  act(T, "A", "forged id", "a national administrator", () => ({ ...base(), userId: String(fx.adminId) }), {
    field: /^userId$/,
  });
  act(T, "A", "forged id", "a person id no user has", () => ({ ...base(), userId: String(NOWHERE) }), {
    field: /^userId$/,
  });
  act(T, "A", "state", "based on a row that does not exist", () => ({ ...base(), basedOn: "5" }), {
    message: /người khác/,
  });
  act(
    T,
    "A",
    "state",
    "withdraw what was never assigned",
    () => ({ ...base(), userId: "none", reason: "Thu hồi thử" }),
    {
      field: /^userId$/,
    },
  );
  for (const f of ["taskId", "userId", "basedOn"] as const)
    act(T, "A", "missing field", `no ${f}`, () => ({ ...base(), [f]: undefined }), { field: new RegExp(`^${f}$`) });
  act(T, "A", "missing field", "no person chosen", () => ({ ...base(), userId: "" }), { field: /^userId$/ });
  act(T, "A", "missing field", "no internal deadline", () => ({ ...base(), internalDueOn: undefined }), {
    field: /^internalDueOn$/,
  });
  act(T, "A", "missing field", "blank internal deadline", () => ({ ...base(), internalDueOn: "  " }), {
    field: /^internalDueOn$/,
  });
  act(T, "A", "missing field", "no expected result", () => ({ ...base(), expectedResult: undefined }), {
    field: /^expectedResult$/,
  });
  act(T, "A", "missing field", "blank expected result", () => ({ ...base(), expectedResult: " \t " }), {
    field: /^expectedResult$/,
  });
  act(T, "A", "missing field", "a reason of four letters", () => ({ ...base(), reason: "abcd" }), {
    field: /^reason$/,
  });
  for (const f of ["taskId", "userId", "internalDueOn", "expectedResult", "reason", "basedOn"] as const)
    act(T, "A", "wrong type", `${f} is a file`, () => ({ ...base(), [f]: FILES.pdf() }), {
      field: new RegExp(`^${f}$`),
    });
  act(T, "A", "wrong type", "userId repeated", () => ({ ...base(), userId: [String(fx.claims.A!.uid), "none"] }));
  idCases(T, "A", "taskId", base);
  idCases(T, "A", "userId", base);
  idCases(
    T,
    "A",
    "basedOn",
    base,
    SOME_BAD_IDS.filter(([k]) => k !== "zero"),
  );
  for (const [name, v] of [
    ["31 February", "31/02/2027"],
    ["30 February, ISO", "2027-02-30"],
    ["month 13", "01/13/2027"],
    ["two-digit year", "31/03/27"],
    ["year 0202", "31/03/0202"],
    ["a word", "ngày mai"],
    ["1e309", "1e309"],
    ["a timestamp", "2027-03-31T10:00:00Z"],
  ])
    act(T, "A", "number edge", `internal deadline ${name}`, () => ({ ...base(), internalDueOn: v }), {
      field: /^internalDueOn$/,
    });
  act(T, "A", "huge string", "1 MB internal deadline", () => ({ ...base(), internalDueOn: HUGE }), {
    field: /^internalDueOn$/,
  });
  act(T, "A", "huge string", "1 MB expected result", () => ({ ...base(), expectedResult: HUGE }), {
    field: /^expectedResult$/,
  });
  act(
    T,
    "A",
    "huge string",
    "1,001-character expected result",
    () => ({ ...base(), expectedResult: "ạ".repeat(1001) }),
    {
      field: /^expectedResult$/,
    },
  );
  act(T, "A", "huge string", "1 MB reason", () => ({ ...base(), reason: HUGE }), { field: /^reason$/ });
  act(T, "A", "huge string", "1 MB userId", () => ({ ...base(), userId: HUGE }), { field: /^userId$/ });
  act(
    T,
    "A",
    "unicode",
    "full-width digits in the deadline",
    () => ({ ...base(), internalDueOn: "\uff13\uff11/03/2027" }),
    {
      field: /^internalDueOn$/,
    },
  );
  act(T, "A", "unicode", "zero-width space in the deadline", () => ({ ...base(), internalDueOn: "31/03\u200b/2027" }), {
    field: /^internalDueOn$/,
  });
  act(T, "A", "unicode", "NUL in the deadline", () => ({ ...base(), internalDueOn: "31/03/2027\u0000" }), {
    field: /^internalDueOn$/,
  });
  act(
    T,
    "A",
    "unicode",
    "expected result of zero-width characters only",
    () => ({ ...base(), expectedResult: S.zeroWidth }),
    {
      field: /^expectedResult$/,
    },
  );
  act(T, "A", "unicode", "NUL in the expected result", () => ({ ...base(), expectedResult: `Kết quả ${S.nul}` }), {
    field: /^expectedResult$/,
  });
  act(
    T,
    "A",
    "unicode",
    "ANSI escape in the expected result",
    () => ({ ...base(), expectedResult: `Kết quả ${S.ansi}` }),
    {
      field: /^expectedResult$/,
    },
  );
  act(T, "A", "unicode", "bell character in the expected result", () => ({ ...base(), expectedResult: "Xong\u0007" }), {
    field: /^expectedResult$/,
  });
  act(T, "A", "unicode", "NUL in the reason", () => ({ ...base(), reason: `Lý do hợp lệ ${S.nul}` }), {
    field: /^reason$/,
  });
  act(T, "A", "unicode", "reason of zero-width characters only", () => ({ ...base(), reason: S.zeroWidth }), {
    field: /^reason$/,
  });
  act(T, "A", "unicode", "zero-width space after userId", () => ({ ...base(), userId: `${fx.claims.A!.uid}\u200b` }), {
    field: /^userId$/,
  });
  act(T, "A", "html injection", "markup as the deadline", () => ({ ...base(), internalDueOn: S.htmlAttr }), {
    field: /^internalDueOn$/,
  });
  act(T, "A", "html injection", "script as userId", () => ({ ...base(), userId: S.html }), { field: /^userId$/ });
  act(T, "A", "sql injection", "SQL as the deadline", () => ({ ...base(), internalDueOn: S.sql }), {
    field: /^internalDueOn$/,
  });
  act(T, "A", "sql injection", "SQL as userId", () => ({ ...base(), userId: `1 OR 1=1` }), { field: /^userId$/ });
  act(T, "A", "sql injection", "'none' followed by SQL", () => ({ ...base(), userId: `none' OR '1'='1` }), {
    field: /^userId$/,
  });
}

// -- figures: previewFiguresAction and confirmFiguresAction -----------------------------------
{
  const COLUMNS =
    "indicator;source;period;value;provisional;release_title;release_date;release_url;quote;printed;revises_url;revises_date;definition_note";
  const row = (over: Record<string, string> = {}) => {
    const r: Record<string, string> = {
      indicator: "digital-economy-gdp-share",
      source: "NSO",
      period: "2026-Q1",
      value: "14,5",
      provisional: "có",
      release_title: "Bản công bố thử nghiệm (kiểm thử)",
      release_date: "2026-04-06",
      release_url: "https://example.test/hostile",
      quote: "ước đạt 14,5% (câu thử nghiệm)",
      printed: "14,5%",
      revises_url: "",
      revises_date: "",
      definition_note: "",
      ...over,
    };
    return COLUMNS.split(";")
      .map((c) => (/[";\n]/.test(r[c]) ? `"${r[c].replace(/"/g, '""')}"` : r[c]))
      .join(";");
  };
  const csvFile = (text: string, name = "so-lieu.csv") => new File([text], name, { type: "text/csv" });
  // The fingerprint is of the text as read (a byte-order mark is not part of it).
  const sha = (text: string) =>
    createHash("sha256")
      .update(text.replace(/^\uFEFF/, ""))
      .digest("hex");
  const good = `${COLUMNS}\r\n${row()}\r\n`;
  for (const T of ["previewFiguresAction", "confirmFiguresAction"]) {
    const base = (): Record<string, Field> => ({ file: csvFile(good), digest: sha(good) });
    authCases(T, ["anon", "A", "B", "viewer", "stale", "ghost", "inactive"], base);
    act(T, "reviewer", "file", "no file", () => ({ ...base(), file: undefined }), { field: /^file$/ });
    act(T, "reviewer", "wrong type", "file field is text", () => ({ ...base(), file: good }), { field: /^file$/ });
    act(T, "reviewer", "file", "empty file", () => ({ ...base(), file: csvFile("") }), { field: /^file$/ });
    act(T, "reviewer", "file", "over 1 MB", () => ({ ...base(), file: csvFile(good + "x".repeat(MB)) }), {
      field: /^file$/,
    });
    act(T, "reviewer", "file", "an .exe named .csv", () => ({ ...base(), file: FILES.exeAsXlsx() }), {
      field: /^file$/,
    });
    act(
      T,
      "reviewer",
      "file",
      "an .xlsx named .csv",
      () => ({ ...base(), file: new File([FILES.zip6MB().slice(0, 4096)], "so-lieu.csv") }),
      { field: /^file$/ },
    );
    act(
      T,
      "reviewer",
      "unicode",
      "Windows-1258 bytes, not UTF-8",
      () => ({
        ...base(),
        file: new File([Buffer.from([...Buffer.from(COLUMNS + "\n"), 0xe1, 0xd2, 0x0a])], "so-lieu.csv"),
      }),
      { field: /^file$/ },
    );
  }
  {
    // Confirming with the right fingerprint: whatever the file holds, a row with an error refuses it all.
    const T = "confirmFiguresAction";
    const withText = (text: string) => () => ({ file: csvFile(text), digest: sha(text) });
    act(T, "reviewer", "missing field", "no fingerprint", () => ({ file: csvFile(good) }), { field: /^digest$/ });
    act(T, "reviewer", "wrong type", "a fingerprint that is not one", () => ({ file: csvFile(good), digest: "abc" }), {
      field: /^digest$/,
    });
    act(T, "reviewer", "sql injection", "SQL as fingerprint", () => ({ file: csvFile(good), digest: S.sql }), {
      field: /^digest$/,
    });
    act(
      T,
      "reviewer",
      "state",
      "a file changed after its preview",
      () => ({ file: csvFile(good), digest: sha(`${good} `) }),
      { message: /đã thay đổi/ },
    );
    const CONTENT_REFUSED = /còn lỗi/;
    for (const [cat, name, text] of [
      ["sql injection", "SQL as indicator", `${COLUMNS}\n${row({ indicator: S.sql })}\n`],
      ["sql injection", "SQL as value", `${COLUMNS}\n${row({ value: S.sqlNum })}\n`],
      ["html injection", "script in the quote, not containing the number", `${COLUMNS}\n${row({ quote: S.html })}\n`],
      ["html injection", "javascript: release link", `${COLUMNS}\n${row({ release_url: "javascript:alert(1)" })}\n`],
      ["unicode", "a bell character in the quote", `${COLUMNS}\n${row({ quote: "ước đạt 14,5% \u0007" })}\n`],
      ["unicode", "ANSI escape in the title", `${COLUMNS}\n${row({ release_title: S.ansi })}\n`],
      ["unicode", "RTL override in the value", `${COLUMNS}\n${row({ value: "\u202e14,5" })}\n`],
      ["unicode", "full-width digits", `${COLUMNS}\n${row({ value: "\uff11\uff14" })}\n`],
      ["number edge", "value 1e309", `${COLUMNS}\n${row({ value: "1e309" })}\n`],
      ["number edge", "value NaN", `${COLUMNS}\n${row({ value: "NaN" })}\n`],
      ["number edge", "a share of 101 %", `${COLUMNS}\n${row({ value: "101", printed: "101", quote: "101" })}\n`],
      ["number edge", "a release dated in the future", `${COLUMNS}\n${row({ release_date: "2099-01-01" })}\n`],
      ["number edge", "30 February", `${COLUMNS}\n${row({ release_date: "2026-02-30" })}\n`],
      ["huge string", "a 6,000-character quote", `${COLUMNS}\n${row({ quote: `14,5% ${"a".repeat(6_000)}` })}\n`],
      [
        "huge string",
        "2,001 rows",
        `${COLUMNS}\n${Array.from({ length: 2_001 }, (_, i) => row({ release_url: `https://example.test/r${i}` })).join("\n")}\n`,
      ],
      ["missing field", "no value column", `${COLUMNS.replace(";value", "")}\nx\n`],
      ["missing field", "only the header", `${COLUMNS}\n`],
      ["wrong type", "an unclosed quotation mark", `${COLUMNS}\n"${row()}\n`],
      [
        "forged id",
        "a revision of a release that does not exist",
        `${COLUMNS}\n${row({ revises_url: "https://example.test/khong-co", revises_date: "2026-01-01" })}\n`,
      ],
      [
        "state",
        "a figure already stored (the template unchanged)",
        readFileSync("public/templates/so-lieu-cong-bo.csv", "utf8"),
      ],
      [
        "state",
        "a valid row and a bad one: all or nothing",
        `${COLUMNS}\n${row()}\n${row({ source: "KHONG-CO", release_url: "https://example.test/2" })}\n`,
      ],
    ] as [Category, string, string][]) {
      act(T, "reviewer", cat, name, withText(text), { message: CONTENT_REFUSED });
    }
    act(
      T,
      "reviewer",
      "unicode",
      "NUL in the quote: not a text file",
      withText(`${COLUMNS}\n${row({ quote: `ước đạt 14,5% ${S.nul}` })}\n`),
      { field: /^file$/ },
    );
    act(T, "admin", "state", "the same row twice in one file", withText(`${COLUMNS}\n${row()}\n${row()}\n`), {
      message: CONTENT_REFUSED,
    });
  }
}

// -- dashboards: overrideStatusAction ---------------------------------------------------------
{
  const T = "overrideStatusAction";
  const base = () => ({
    targetId: String(fx.target),
    status: "ON_TRACK",
    reason: "Số liệu sơ bộ cho thấy tiến độ tốt",
  });
  authCases(T, ["anon", "A", "viewer", "admin"], base);
  idCases(T, "reviewer", "targetId", base);
  act(T, "reviewer", "forged id", "a target that does not exist", () => ({ ...base(), targetId: String(NOWHERE) }), {
    message: /Không tìm thấy/,
  });
  act(T, "reviewer", "missing field", "empty status", () => ({ ...base(), status: "" }), { field: /^status$/ });
  act(T, "reviewer", "wrong type", "lower-case status", () => ({ ...base(), status: "on_track" }), {
    field: /^status$/,
  });
  act(T, "reviewer", "wrong type", "unknown status", () => ({ ...base(), status: "HACKED" }), { field: /^status$/ });
  act(T, "reviewer", "html injection", "script as status", () => ({ ...base(), status: S.html }), {
    field: /^status$/,
  });
  act(T, "reviewer", "unicode", "zero-width space in status", () => ({ ...base(), status: "ON_TRACK\u200b" }), {
    field: /^status$/,
  });
  act(T, "reviewer", "sql injection", "SQL as status", () => ({ ...base(), status: S.sql }), { field: /^status$/ });
  act(T, "reviewer", "missing field", "no reason", () => ({ ...base(), reason: undefined }), { field: /^reason$/ });
  act(T, "reviewer", "missing field", "blank reason", () => ({ ...base(), reason: "     \t" }), { field: /^reason$/ });
  act(
    T,
    "reviewer",
    "unicode",
    "reason of zero-width characters only",
    () => ({ ...base(), reason: S.zeroWidth.repeat(2) }),
    { field: /^reason$/ },
  );
  act(T, "reviewer", "huge string", "1 MB reason", () => ({ ...base(), reason: HUGE }), { field: /^reason$/ });
  act(T, "reviewer", "unicode", "NUL in reason", () => ({ ...base(), reason: `Lý do hợp lệ ${S.nul}` }), {
    field: /^reason$/,
  });
  act(
    T,
    "reviewer",
    "unicode",
    "ANSI escape sequence in reason",
    () => ({ ...base(), reason: `Lý do hợp lệ ${S.ansi}` }),
    { field: /^reason$/ },
  );
  act(T, "reviewer", "wrong type", "unknown intent", () => ({ ...base(), intent: "delete" }), { field: /^intent$/ });
  act(
    T,
    "reviewer",
    "state",
    "revoke where there is nothing to revoke",
    () => ({ ...base(), targetId: String(fx.targetNoOverride), intent: "revoke" }),
    { message: /không có điều chỉnh/ },
  );
}

// -- admin ------------------------------------------------------------------------------------
{
  const T = "createUserAction";
  const base = () => ({
    email: `hostile-new-${stamp}@example.vn`,
    name: "Người thử",
    role: "REPORTER",
    agencyId: String(fx.agA),
    password: "Matkhau2026an",
  });
  authCases(T, ["anon", "reviewer", "A", "viewer"], base);
  act(
    T,
    "A",
    "extra field",
    "a reporter asking for the admin role",
    () => ({ ...base(), role: "ADMIN", isAdmin: "true" }),
    { message: NO_RIGHT },
  );
  const emails: [Category, string, string][] = [
    ["missing field", "no email", ""],
    ["wrong type", "not an email", "not-an-email"],
    ["huge string", "1 MB email", `${HUGE}@example.vn`],
    ["html injection", "script in email", `${S.html}@example.vn`],
    ["sql injection", "SQL in email", `' OR 1=1 --@example.vn`],
    ["state", "an address already used", "admin@cds.gov.vn"],
    ["state", "an address already used, in capitals and spaces", "  ADMIN@CDS.GOV.VN "],
    ["unicode", "RTL override in email", "\u202eadmin@cds.gov.vn"],
    ["unicode", "zero-width space in email", "adm\u200bin@example.vn"],
    ["unicode", "full-width letter in email", "\uff41dmin@example.vn"],
    ["unicode", "NUL in email", "ad\u0000min@example.vn"],
    ["unicode", "emoji email", `${S.emoji}@example.vn`],
    ["unicode", "combining marks in email", `${S.combining}@example.vn`],
  ];
  for (const [cat, name, v] of emails)
    act(T, "admin", cat, name, () => ({ ...base(), email: v }), { field: /^email$/ });
  act(T, "admin", "missing field", "no name", () => ({ ...base(), name: undefined }), { field: /^name$/ });
  act(T, "admin", "missing field", "blank name", () => ({ ...base(), name: "  \t " }), { field: /^name$/ });
  act(T, "admin", "huge string", "1 MB name", () => ({ ...base(), name: HUGE }), { field: /^name$/ });
  act(T, "admin", "unicode", "NUL in name", () => ({ ...base(), name: `Người ${S.nul}` }), { field: /^name$/ });
  act(T, "admin", "unicode", "ANSI escape sequence in name", () => ({ ...base(), name: `Người ${S.ansi}` }), {
    field: /^name$/,
  });
  for (const [cat, name, v] of [
    ["wrong type", "unknown role", "SUPERADMIN"],
    ["wrong type", "lower-case role", "admin"],
    ["missing field", "empty role", ""],
    ["unicode", "zero-width space in role", "ADMIN\u200b"],
    ["html injection", "script as role", S.html],
  ] as [Category, string, string][]) {
    act(T, "admin", cat, name, () => ({ ...base(), role: v }), { field: /^role$/ });
  }
  idCases(T, "admin", "agencyId", base);
  act(T, "admin", "forged id", "an agency that does not exist", () => ({ ...base(), agencyId: String(NOWHERE) }), {
    field: /^agencyId$/,
  });
  act(T, "admin", "state", "an agency merged away in 2025", () => ({ ...base(), agencyId: String(fx.former) }), {
    field: /^agencyId$/,
  });
  act(T, "admin", "missing field", "no password", () => ({ ...base(), password: undefined }), { field: /^password$/ });
  act(T, "admin", "wrong type", "short password", () => ({ ...base(), password: "short1" }), { field: /^password$/ });
  act(T, "admin", "wrong type", "password without digits", () => ({ ...base(), password: "chikhongcoso" }), {
    field: /^password$/,
  });
  act(T, "admin", "huge string", "1 MB password", () => ({ ...base(), password: `a1${HUGE}` }), {
    field: /^password$/,
  });
}
{
  const T = "updateUserAction";
  const base = () => ({ id: String(fx.userT), name: "Người thử (sửa)", role: "REPORTER", agencyId: String(fx.agB) });
  authCases(T, ["anon", "reviewer", "A"], base);
  idCases(T, "admin", "id", base);
  act(T, "admin", "forged id", "a user that does not exist", () => ({ ...base(), id: String(NOWHERE) }), {
    message: /Không tìm thấy tài khoản/,
  });
  act(T, "admin", "state", "demoting oneself", () => ({ ...base(), id: String(fx.adminId), role: "REPORTER" }), {
    field: /^role$/,
  });
  act(T, "admin", "missing field", "empty name", () => ({ ...base(), name: "" }), { field: /^name$/ });
  act(T, "admin", "huge string", "1 MB name", () => ({ ...base(), name: HUGE }), { field: /^name$/ });
  act(T, "admin", "unicode", "NUL in name", () => ({ ...base(), name: `Người ${S.nul}` }), { field: /^name$/ });
  act(T, "admin", "unicode", "ANSI escape sequence in name", () => ({ ...base(), name: `Người ${S.ansi}` }), {
    field: /^name$/,
  });
  act(T, "admin", "wrong type", "unknown role", () => ({ ...base(), role: "ROOT" }), { field: /^role$/ });
  act(T, "admin", "wrong type", "lower-case role", () => ({ ...base(), role: "reporter" }), { field: /^role$/ });
  act(T, "admin", "state", "an agency merged away in 2025", () => ({ ...base(), agencyId: String(fx.former) }), {
    field: /^agencyId$/,
  });
  act(T, "admin", "forged id", "an agency that does not exist", () => ({ ...base(), agencyId: String(NOWHERE) }), {
    field: /^agencyId$/,
  });
  act(T, "admin", "number edge", "agency NaN", () => ({ ...base(), agencyId: "NaN" }), { field: /^agencyId$/ });
}
{
  const T = "setUserActiveAction";
  const base = () => ({ id: String(fx.userT), active: "false", confirm: "on", reason: "Nghỉ việc" });
  authCases(T, ["anon", "reviewer", "A"], base);
  idCases(T, "admin", "id", base);
  act(T, "admin", "forged id", "a user that does not exist", () => ({ ...base(), id: String(NOWHERE) }), {
    message: /Không tìm thấy tài khoản/,
  });
  for (const [cat, v] of [
    ["wrong type", "yes"],
    ["wrong type", "1"],
    ["missing field", ""],
    ["wrong type", "TRUE"],
    ["unicode", "true\u200b"],
  ] as [Category, string][]) {
    act(T, "admin", cat, `active = ${JSON.stringify(v)}`, () => ({ ...base(), active: v }), { field: /^active$/ });
  }
  act(T, "admin", "missing field", "deactivation not confirmed", () => ({ ...base(), confirm: undefined }), {
    field: /^confirm$/,
  });
  act(T, "admin", "state", "deactivating oneself", () => ({ ...base(), id: String(fx.adminId) }), {
    message: /tự khóa/,
  });
  act(T, "admin", "huge string", "1 MB reason", () => ({ ...base(), reason: HUGE }), { field: /^reason$/ });
  act(T, "admin", "unicode", "NUL in reason", () => ({ ...base(), reason: `Nghỉ việc ${S.nul}` }), {
    field: /^reason$/,
  });
}
{
  const T = "resetPasswordAction";
  const base = () => ({ id: String(fx.userT), password: "Matkhau2026moi", reason: "" });
  authCases(T, ["anon", "reviewer", "A"], base);
  idCases(T, "admin", "id", base);
  act(T, "admin", "forged id", "a user that does not exist", () => ({ ...base(), id: String(NOWHERE) }), {
    message: /Không tìm thấy tài khoản/,
  });
  act(T, "admin", "missing field", "no password", () => ({ ...base(), password: undefined }), { field: /^password$/ });
  act(T, "admin", "wrong type", "short password", () => ({ ...base(), password: "123" }), { field: /^password$/ });
  act(T, "admin", "wrong type", "password without digits", () => ({ ...base(), password: "chikhongcoso" }), {
    field: /^password$/,
  });
  act(T, "admin", "huge string", "1 MB password", () => ({ ...base(), password: `a1${HUGE}` }), {
    field: /^password$/,
  });
  act(T, "admin", "huge string", "201-character password", () => ({ ...base(), password: `a1${"b".repeat(199)}` }), {
    field: /^password$/,
  });
  act(T, "admin", "huge string", "1 MB reason", () => ({ ...base(), reason: HUGE }), { field: /^reason$/ });
  act(T, "admin", "unicode", "NUL in reason", () => ({ ...base(), reason: `Quên mật khẩu ${S.nul}` }), {
    field: /^reason$/,
  });
}
{
  const T = "updatePeriodAction";
  const base = () => ({
    id: String(fx.periodQ3.id),
    opensAt: fx.periodQ3.opensAt,
    dueAt: fx.periodQ3.dueAt,
    locksAt: fx.periodQ3.locksAt,
  });
  authCases(T, ["anon", "reviewer", "A"], base);
  idCases(
    T,
    "admin",
    "id",
    base,
    SOME_BAD_IDS.filter(([k]) => ["word", "negative", "zero", "over int4", "1e309"].includes(k)),
  );
  act(T, "admin", "forged id", "a period that does not exist", () => ({ ...base(), id: String(NOWHERE) }), {
    message: /không tồn tại/,
  });
  const days: [Category, string, string][] = [
    ["number edge", "30 February", "2026-02-30"],
    ["number edge", "month 13", "2026-13-01"],
    ["wrong type", "day/month/year", "31/12/2026"],
    ["wrong type", "no leading zeros", "2026-7-1"],
    ["missing field", "empty", ""],
    ["wrong type", "a timestamp", "2026-10-01T00:00:00Z"],
    ["number edge", "year 275760", "+275760-09-13"],
    ["number edge", "year 0", "0000-01-01"],
    ["unicode", "zero-width space", "2026-10-01\u200b"],
    ["sql injection", "SQL", `2026-10-01'; DROP TABLE "User"; --`],
    ["html injection", "script", S.html],
    ["huge string", "1 MB", HUGE],
  ];
  for (const [cat, name, v] of days)
    act(T, "admin", cat, `opening day: ${name}`, () => ({ ...base(), opensAt: v }), { field: /^opensAt$/ });
  act(T, "admin", "state", "due before opening", () => ({ ...base(), dueAt: "2026-09-01" }), { field: /^dueAt$/ });
  act(T, "admin", "state", "locked before due", () => ({ ...base(), locksAt: "2026-11-01" }), { field: /^locksAt$/ });
}
{
  const T = "addAssignmentAction";
  const base = () => ({ indicatorId: String(fx.indB), agencyId: String(fx.agA) });
  authCases(T, ["anon", "A", "viewer"], base);
  idCases(T, "admin", "indicatorId", base);
  act(
    T,
    "admin",
    "forged id",
    "an indicator that does not exist",
    () => ({ ...base(), indicatorId: String(NOWHERE) }),
    { field: /^indicatorId$/ },
  );
  act(T, "admin", "state", "an agency merged away in 2025", () => ({ ...base(), agencyId: String(fx.former) }), {
    field: /^agencyId$/,
  });
  act(T, "admin", "forged id", "an agency that does not exist", () => ({ ...base(), agencyId: String(NOWHERE) }), {
    field: /^agencyId$/,
  });
  act(T, "admin", "number edge", "agency NaN", () => ({ ...base(), agencyId: "NaN" }), { field: /^agencyId$/ });
  act(T, "admin", "state", "already assigned", () => ({ indicatorId: String(fx.ind), agencyId: String(fx.agB) }), {
    field: /^agencyId$/,
  });
  act(
    T,
    "admin",
    "state",
    "a second national reporter",
    () => ({ indicatorId: String(fx.gdp), agencyId: String(fx.agA), national: "on" }),
    { field: /^national$/ },
  );
}
{
  const T = "removeAssignmentAction";
  const base = () => ({ id: String(fx.assignB), confirm: "yes", reason: "" });
  authCases(T, ["anon", "A", "viewer"], base);
  act(T, "admin", "missing field", "not confirmed", () => ({ ...base(), confirm: undefined }), { field: /^confirm$/ });
  act(T, "admin", "wrong type", "confirmed in capitals", () => ({ ...base(), confirm: "YES" }), { field: /^confirm$/ });
  act(T, "admin", "unicode", "confirmation with a zero-width space", () => ({ ...base(), confirm: "yes\u200b" }), {
    field: /^confirm$/,
  });
  act(T, "admin", "wrong type", "confirmed as a checkbox", () => ({ ...base(), confirm: "on" }), {
    field: /^confirm$/,
  });
  idCases(T, "admin", "id", base);
  act(T, "admin", "forged id", "an assignment that does not exist", () => ({ ...base(), id: String(NOWHERE) }), {
    message: /không còn tồn tại/,
  });
  act(T, "admin", "huge string", "1 MB reason", () => ({ ...base(), reason: HUGE }), { field: /^reason$/ });
  act(T, "admin", "unicode", "NUL in reason", () => ({ ...base(), reason: `Giao nhầm ${S.nul}` }), {
    field: /^reason$/,
  });
}

// -- catalogue: drafts (editors write, reviewers return and publish) ---------------------------
// No case may create a draft, so every form below is refused before anything is stored: a
// missing or malformed field, a file that is not text, a reference to a document that does not
// exist, a draft that does not exist.
const CAT_TEXT =
  "QUYẾT ĐỊNH\nPhê duyệt Chương trình thử\n1. Mục tiêu đến năm 2025\na) Tỷ lệ dịch vụ công trực tuyến đạt 80%.\n";
{
  const T = "createDraftAction";
  const base = () => ({
    key: `hostile-${stamp}`.slice(0, 40),
    kind: "DECISION",
    titleVi: "Quyết định thử",
    titleEn: "A test decision",
    text: CAT_TEXT,
    relatedTo: "no-such-document",
  });
  authCases(T, ["anon", "A", "viewer", "reviewer", "stale", "ghost", "inactive"], base);
  act(T, "editor", "forged id", "a related document that does not exist", base, { field: /^relatedTo$/ });
  act(
    T,
    "editor",
    "forged id",
    "supersedes a document that does not exist",
    () => ({
      ...base(),
      relatedTo: undefined,
      supersedes: "no-such-document",
    }),
    { field: /^supersedes$/ },
  );
  for (const [cat, name, v] of [
    ["missing field", "empty key", ""],
    ["wrong type", "upper-case key", "QD-411"],
    ["forged id", "path traversal key", "../../etc/passwd"],
    ["html injection", "script as key", S.html],
    ["sql injection", "SQL as key", S.sql],
    ["unicode", "NUL in key", "abc\u0000"],
    ["unicode", "zero-width space in key", "abc\u200b"],
    ["huge string", "1 MB key", HUGE],
    ["extra field", "prototype key", "__proto__"],
  ] as [Category, string, string][])
    act(T, "editor", cat, name, () => ({ ...base(), key: v }), { field: /^key$/ });
  act(T, "editor", "wrong type", "unknown kind", () => ({ ...base(), kind: "LAW" }), { field: /^kind$/ });
  act(T, "editor", "missing field", "no Vietnamese title", () => ({ ...base(), titleVi: undefined }), {
    field: /^titleVi$/,
  });
  act(T, "editor", "huge string", "1 MB title", () => ({ ...base(), titleVi: HUGE }), { field: /^titleVi$/ });
  act(T, "editor", "unicode", "NUL in title", () => ({ ...base(), titleEn: `A ${S.nul}` }), { field: /^titleEn$/ });
  act(T, "editor", "unicode", "ANSI escape in issuer", () => ({ ...base(), issuer: `Thủ tướng ${S.ansi}` }), {
    field: /^issuer$/,
  });
  act(T, "editor", "number edge", "30 February", () => ({ ...base(), issuedOn: "2022-02-30" }), {
    field: /^issuedOn$/,
  });
  act(
    T,
    "editor",
    "unicode",
    "NUL in the text",
    () => ({ ...base(), relatedTo: undefined, text: `${CAT_TEXT}${S.nul}` }),
    {
      field: /^text$/,
    },
  );
  act(T, "editor", "huge string", "3 MB text", () => ({ ...base(), text: HUGE.repeat(3) }), { field: /^text$/ });
  act(T, "editor", "missing field", "no text and no file", () => ({ ...base(), relatedTo: undefined, text: "  \n " }), {
    field: /^text$/,
  });
  act(
    T,
    "editor",
    "file",
    "a program as the text file",
    () => ({
      ...base(),
      relatedTo: undefined,
      text: undefined,
      file: FILES.exe(),
    }),
    { field: /^file$/ },
  );
  act(
    T,
    "editor",
    "file",
    "11 MB file",
    () => ({ ...base(), relatedTo: undefined, text: undefined, file: FILES.pdf11MB() }),
    {
      field: /^file$/,
    },
  );
  act(
    T,
    "editor",
    "file",
    "NUL in the file name",
    () => ({
      ...base(),
      relatedTo: undefined,
      text: undefined,
      file: FILES.pdfNulName(),
    }),
    { field: /^file$/ },
  );
  act(
    T,
    "editor",
    "file",
    "1 MB file name",
    () => ({ ...base(), relatedTo: undefined, text: undefined, file: FILES.pdfHugeName() }),
    {
      field: /^file$/,
    },
  );
  act(T, "editor", "wrong type", "the key is a file", () => ({ ...base(), key: FILES.pdf() }), { field: /^key$/ });
}
{
  const T = "saveItemAction";
  const base = () => ({ op: "accept", draftId: String(NOWHERE), itemId: String(NOWHERE) });
  const editBase = () => ({
    ...base(),
    op: "edit",
    year: "2025",
    comparator: "GTE",
    value: "80",
    indicator: "digital-economy-gdp-share",
    quote: "Tỷ lệ dịch vụ công trực tuyến đạt 80%",
    line: "4",
  });
  authCases(T, ["anon", "A", "viewer", "reviewer"], base);
  act(T, "editor", "forged id", "a draft that does not exist", base, { message: /Không tìm thấy/ });
  idCases(T, "editor", "draftId", base);
  idCases(T, "editor", "itemId", base, SOME_BAD_IDS.slice(0, 4));
  act(T, "editor", "wrong type", "unknown op", () => ({ ...base(), op: "publish" }), { field: /^op$/ });
  act(T, "editor", "missing field", "no op", () => ({ ...base(), op: undefined }), { field: /^op$/ });
  for (const [cat, name, over, field] of [
    ["number edge", "value NaN", { value: "NaN" }, /^value$/],
    ["number edge", "value Infinity", { value: "Infinity" }, /^value$/],
    ["number edge", "value 1e309", { value: "1e309" }, /^value$/],
    ["number edge", "year 1999", { year: "1999" }, /^year$/],
    ["number edge", "year 2030.5", { year: "2030.5" }, /^year$/],
    ["number edge", "line 0", { line: "0" }, /^line$/],
    ["wrong type", "lower-case comparator", { comparator: "gte" }, /^comparator$/],
    ["html injection", "script as indicator", { indicator: S.html }, /^indicator$/],
    ["unicode", "NUL in the quote", { quote: `Tỷ lệ ${S.nul}` }, /^quote$/],
    ["huge string", "1 MB quote", { quote: HUGE }, /^quote$/],
  ] as [Category, string, Record<string, string>, RegExp][])
    act(T, "editor", cat, name, () => ({ ...editBase(), ...over }), { field });
  act(T, "editor", "forged id", "editing an item of a draft that does not exist", editBase, {
    message: /Không tìm thấy/,
  });
}
{
  const T = "addTargetAction";
  const base = () => ({
    draftId: String(NOWHERE),
    year: "2025",
    comparator: "GTE",
    value: "80",
    indicator: "digital-economy-gdp-share",
    quote: "Tỷ lệ dịch vụ công trực tuyến đạt 80%",
    line: "4",
  });
  authCases(T, ["anon", "A", "viewer", "reviewer"], base);
  act(T, "editor", "forged id", "a draft that does not exist", base, { message: /Không tìm thấy/ });
  idCases(T, "editor", "draftId", base);
  act(T, "editor", "missing field", "no quote", () => ({ ...base(), quote: undefined }), { field: /^quote$/ });
  act(T, "editor", "unicode", "ANSI escape in the quote", () => ({ ...base(), quote: S.ansi }), { field: /^quote$/ });
  act(T, "editor", "number edge", "value -1e13", () => ({ ...base(), value: "-1e13" }), { field: /^value$/ });
  act(T, "editor", "sql injection", "SQL as indicator", () => ({ ...base(), indicator: S.sql }), {
    field: /^indicator$/,
  });
  act(T, "editor", "wrong type", "unknown scope", () => ({ ...base(), scope: "GLOBAL" }), { field: /^scope$/ });
}
for (const [T, allowed, refused] of [
  ["submitDraftAction", "editor", ["anon", "A", "viewer", "reviewer"]],
  ["publishDraftAction", "reviewer", ["anon", "A", "viewer", "editor", "admin"]],
] as [string, Who, Who[]][]) {
  const base = () => ({ draftId: String(NOWHERE) });
  authCases(T, refused, base);
  act(T, allowed, "forged id", "a draft that does not exist", base, { message: /Không tìm thấy/ });
  idCases(T, allowed, "draftId", base, BAD_IDS);
  act(
    T,
    allowed,
    "extra field",
    "prototype pollution keys",
    () => ({
      ...base(),
      __proto__: "x",
      "constructor[prototype][isAdmin]": "true",
    }),
    { message: /Không tìm thấy/ },
  );
}
{
  const T = "returnDraftAction";
  const base = () => ({ draftId: String(NOWHERE), note: "Cần kiểm tra lại các chỉ tiêu." });
  authCases(T, ["anon", "A", "viewer", "editor", "admin"], base);
  act(T, "reviewer", "forged id", "a draft that does not exist", base, { message: /Không tìm thấy/ });
  idCases(T, "reviewer", "draftId", base);
  act(T, "reviewer", "missing field", "no note", () => ({ ...base(), note: undefined }), { field: /^note$/ });
  act(T, "reviewer", "missing field", "blank note", () => ({ ...base(), note: " \t\n" }), { field: /^note$/ });
  act(T, "reviewer", "huge string", "1 MB note", () => ({ ...base(), note: HUGE }), { field: /^note$/ });
  act(T, "reviewer", "unicode", "NUL in the note", () => ({ ...base(), note: `Ghi chú ${S.nul}` }), {
    field: /^note$/,
  });
}

// -- catalogue: revising what is published (national reviewers only, a reason always) -----------
// The keys are real published rows: a refused case must leave them live (the fingerprint covers
// Target, Task and CatalogueRevision), and an accepted one would fail the case.
const CAT_TARGET = "411-2025-de-gdp-share";
const CAT_TASK = "411-A.I-1";
const CAT_REASON = "Lý do kiểm thử: không được ghi gì.";
/** Keys no published row may have: refused by their pattern, or not found. */
const catKeys = (good: string): [Category, string, string, "field" | "missing"][] => [
  ["missing field", "empty key", "", "field"],
  ["forged id", "path traversal", "../../etc/passwd", "field"],
  ["html injection", "script as key", S.html, "field"],
  ["sql injection", "SQL as key", S.sql, "field"],
  ["unicode", "NUL after the key", `${good}\u0000`, "field"],
  ["unicode", "zero-width space after the key", `${good}\u200b`, "field"],
  ["huge string", "1 MB key", "a".repeat(MB), "field"],
  ["extra field", "prototype as key", "__proto__", "field"],
  ["forged id", "a key no row has", `${good}-r99`, "missing"],
];
function reasonCases(T: string, base: () => Record<string, Field>) {
  for (const [cat, name, v] of [
    ["missing field", "no reason", undefined],
    ["missing field", "blank reason", "   \t  "],
    ["wrong type", "a 9-character reason", "quá ngắn!"],
    ["unicode", "a reason of zero-width characters only", S.zeroWidth.repeat(3)],
    ["huge string", "1 MB reason", HUGE],
    ["unicode", "NUL in the reason", `${CAT_REASON} ${S.nul}`],
    ["unicode", "ANSI escape in the reason", `${CAT_REASON} ${S.ansi}`],
  ] as [Category, string, string | undefined][])
    act(T, "reviewer", cat, name, () => ({ ...base(), reason: v }), { field: /^reason$/ });
}
{
  // A seeded document's text is its file: every correction of it is refused, so a slip in a check
  // could never write a new version of 411's text.
  const T = "correctTextAction";
  const base = () => ({
    key: "411-2022",
    text: "QUYẾT ĐỊNH\nvăn bản đã sửa",
    noteVi: "Sửa lỗi chính tả ở dòng 2.",
    noteEn: "Corrected a typo on line 2.",
    reason: CAT_REASON,
  });
  authCases(T, ["anon", "A", "B", "viewer", "editor", "admin", "stale", "ghost", "inactive"], base);
  reasonCases(T, base);
  act(T, "reviewer", "state", "a seeded document's text", base, { field: /^text$/ });
  act(T, "reviewer", "forged id", "a document that does not exist", () => ({ ...base(), key: "khong-co-9999" }), {
    message: /Không tìm thấy/,
  });
  for (const [cat, name, key] of [
    ["forged id", "path traversal as key", "../../etc/passwd"],
    ["html injection", "script as key", S.html],
    ["huge string", "1 MB key", "a".repeat(MB)],
    ["extra field", "prototype as key", "__proto__"],
  ] as [Category, string, string][])
    act(T, "reviewer", cat, name, () => ({ ...base(), key }), { field: /^key$/ });
  for (const [cat, name, text] of [
    ["missing field", "no text", undefined],
    ["missing field", "blank text", "  \n\t "],
    ["unicode", "NUL in the text", `QUYẾT ĐỊNH ${S.nul}`],
    ["huge string", "3 MB of text", "a".repeat(3 * MB)],
  ] as [Category, string, string | undefined][])
    act(T, "reviewer", cat, name, () => ({ ...base(), text }), { field: /^text$/ });
  for (const f of ["noteVi", "noteEn"] as const) {
    act(T, "reviewer", "missing field", `no ${f}`, () => ({ ...base(), [f]: undefined }), {
      field: new RegExp(`^${f}$`),
    });
    act(T, "reviewer", "huge string", `1 MB ${f}`, () => ({ ...base(), [f]: HUGE }), { field: new RegExp(`^${f}$`) });
    act(T, "reviewer", "unicode", `NUL in ${f}`, () => ({ ...base(), [f]: `Sửa lỗi chính tả ${S.nul}` }), {
      field: new RegExp(`^${f}$`),
    });
  }
}
for (const [T, good] of [
  ["retireTargetAction", CAT_TARGET],
  ["retireTaskAction", CAT_TASK],
] as const) {
  // A valid key and reason: only the role is wrong, so a slip in the check would retire a real row.
  const base = () => ({ key: good, reason: CAT_REASON });
  authCases(T, ["anon", "A", "B", "viewer", "editor", "admin", "stale", "ghost", "inactive"], base);
  reasonCases(T, base);
  for (const [cat, name, key, kind] of catKeys(good))
    act(
      T,
      "reviewer",
      cat,
      name,
      () => ({ ...base(), key }),
      kind === "field" ? { field: /^key$/ } : { message: /Không tìm thấy/ },
    );
  act(T, "reviewer", "wrong type", "the key is a file", () => ({ ...base(), key: FILES.pdf() }), { field: /^key$/ });
  act(
    T,
    "reviewer",
    "extra field",
    "prototype pollution keys with a key no row has",
    () => ({
      ...base(),
      key: `${good}-r99`,
      __proto__: "x",
      "constructor[prototype][role]": "ADMIN",
    }),
    { message: /Không tìm thấy/ },
  );
}
{
  const T = "editTargetAction";
  const base = () => ({
    key: CAT_TARGET,
    year: "2025",
    comparator: "GTE",
    value: "20",
    quote: "Tỷ trọng kinh tế số đạt 20% GDP",
    line: "130",
    approximate: "on",
    reason: CAT_REASON,
  });
  authCases(T, ["anon", "A", "B", "viewer", "editor", "admin"], base);
  reasonCases(T, base);
  for (const [cat, name, key, kind] of catKeys(CAT_TARGET))
    act(
      T,
      "reviewer",
      cat,
      name,
      () => ({ ...base(), key }),
      kind === "field" ? { field: /^key$/ } : { message: /Không tìm thấy/ },
    );
  for (const [cat, name, over, field] of [
    ["state", "a quote that is not in the document", { quote: "Tỷ trọng kinh tế số đạt 99% GDP" }, /^quote$/],
    ["state", "the quote far from its line", { line: "900" }, /^quote$/],
    ["missing field", "no quote", { quote: undefined }, /^quote$/],
    ["missing field", "blank quote", { quote: "   " }, /^quote$/],
    ["unicode", "NUL in the quote", { quote: `Tỷ trọng kinh tế số đạt 20% GDP${S.nul}` }, /^quote$/],
    ["huge string", "1 MB quote", { quote: HUGE }, /^quote$/],
    ["html injection", "script as the quote", { quote: S.html }, /^quote$/],
    ["number edge", "value NaN", { value: "NaN" }, /^value$/],
    ["number edge", "value -Infinity", { value: "-Infinity" }, /^value$/],
    ["number edge", "value 1e309", { value: "1e309" }, /^value$/],
    ["wrong type", "value is a word", { value: "hai mươi" }, /^value$/],
    ["number edge", "year 2101", { year: "2101" }, /^year$/],
    ["number edge", "year -0", { year: "-0" }, /^year$/],
    ["unicode", "full-width year", { year: "\uff12\uff10\uff12\uff15" }, /^year$/],
    ["number edge", "line -1", { line: "-1" }, /^line$/],
    ["number edge", "line over int4", { line: "2147483648" }, /^line$/],
    ["wrong type", "unknown comparator", { comparator: "ABOUT" }, /^comparator$/],
    ["sql injection", "SQL as comparator", { comparator: S.sql }, /^comparator$/],
    ["unicode", "NUL in the Vietnamese note", { noteVi: `Ghi chú ${S.nul}` }, /^noteVi$/],
    ["huge string", "1 MB English note", { noteEn: HUGE }, /^noteEn$/],
    ["wrong type", "the value is a file", { value: FILES.pdf() }, /^value$/],
  ] as [Category, string, Record<string, Field>, RegExp][])
    act(T, "reviewer", cat, name, () => ({ ...base(), ...over }), { field });
  act(T, "reviewer", "state", "nothing changed", () => ({ ...base(), approximate: undefined }), {
    message: /Không có gì thay đổi/,
  });
}
{
  const T = "editTaskAction";
  const base = () => ({
    key: CAT_TASK,
    deadlineRaw: "2022 - 2025",
    deadlineKind: "PERIOD",
    deadlineFrom: "2022",
    deadlineTo: "2026",
    leads: "BTTTT",
    reason: CAT_REASON,
  });
  authCases(T, ["anon", "A", "B", "viewer", "editor", "admin"], base);
  reasonCases(T, base);
  for (const [cat, name, key, kind] of catKeys(CAT_TASK))
    act(
      T,
      "reviewer",
      cat,
      name,
      () => ({ ...base(), key }),
      kind === "field" ? { field: /^key$/ } : { message: /Không tìm thấy/ },
    );
  for (const [cat, name, over, field] of [
    ["wrong type", "unknown kind of deadline", { deadlineKind: "SOON" }, /^deadlineKind$/],
    ["missing field", "no kind of deadline", { deadlineKind: undefined }, /^deadlineKind$/],
    [
      "missing field",
      "a quarter without its quarter",
      { deadlineKind: "QUARTER", deadlineYear: "2026" },
      /^deadlineQuarter$/,
    ],
    [
      "number edge",
      "quarter 5",
      { deadlineKind: "QUARTER", deadlineYear: "2026", deadlineQuarter: "5" },
      /^deadlineQuarter$/,
    ],
    ["number edge", "year 1e309", { deadlineKind: "YEAR", deadlineYear: "1e309" }, /^deadlineYear$/],
    ["number edge", "year NaN", { deadlineKind: "YEAR", deadlineYear: "NaN" }, /^deadlineYear$/],
    ["number edge", "a period ending before it starts", { deadlineFrom: "2027", deadlineTo: "2022" }, /^deadlineTo$/],
    ["missing field", "recurring without how often", { deadlineKind: "RECURRING" }, /^deadlineEvery$/],
    [
      "wrong type",
      "recurring every century",
      { deadlineKind: "RECURRING", deadlineEvery: "CENTURY" },
      /^deadlineEvery$/,
    ],
    ["forged id", "an agency that does not exist", { leads: "BTTTT,NO-SUCH-AGENCY" }, /^leads(\.\d+)?$/],
    ["forged id", "a group that does not exist", { leads: "@NO_SUCH_GROUP" }, /^leads(\.\d+)?$/],
    ["wrong type", "lower-case agency code", { leads: "btttt" }, /^leads(\.\d+)?$/],
    ["sql injection", "SQL as leads", { leads: S.sql }, /^leads(\.\d+)?$/],
    ["huge string", "1 MB leads", { leads: `BCA,${"A".repeat(MB)}` }, /^leads(\.\d+)?$/],
    ["extra field", "prototype as an agency code", { leads: "__proto__" }, /^leads(\.\d+)?$/],
    ["unicode", "NUL in the product", { product: `Sản phẩm ${S.nul}` }, /^product$/],
    ["huge string", "1 MB product", { product: HUGE }, /^product$/],
    ["unicode", "ANSI escape in the deadline text", { deadlineRaw: `2025 ${S.ansi}` }, /^deadlineRaw$/],
  ] as [Category, string, Record<string, Field>, RegExp][])
    act(T, "reviewer", cat, name, () => ({ ...base(), ...over }), { field });
  act(
    T,
    "reviewer",
    "state",
    "nothing changed",
    () => ({ ...base(), deadlineTo: "2025", deadlineRaw: "2022 - 2025" }),
    {
      message: /Không có gì thay đổi/,
    },
  );
}

// ---- Notifications: the user's own rows only ----------------------------------------------------
{
  const T = "openNotificationAction";
  const base = () => ({ id: String(fx.noteB), lang: "vi" });
  authCases(T, ["anon", "stale", "ghost", "inactive"], base);
  // Nobody opens (marks read) another user's notification, whatever their role.
  for (const who of ["A", "reviewer", "admin", "viewer", "editor"] as Who[])
    act(T, who, "forged id", "another user's notification", base, { message: /Không tìm thấy thông báo/ });
  act(T, "A", "extra field", "another user's notification, owner named in the form", () => ({
    ...base(),
    userId: String(fx.claims.B?.uid),
  }));
  act(T, "A", "forged id", "a notification that does not exist", () => ({ ...base(), id: String(NOWHERE) }), {
    message: /Không tìm thấy thông báo/,
  });
  act(T, "A", "missing field", "no id", () => ({ lang: "vi" }), { field: /^id$/ });
  act(T, "A", "wrong type", "id is a file", () => ({ ...base(), id: FILES.pdf() }), { field: /^id$/ });
  idCases(T, "A", "id", base, BAD_IDS);

  authCases("markAllReadAction", ["anon", "stale", "ghost", "inactive"], () => ({}));
  act("markAllReadAction", "anon", "forged id", "another user's id in the form", () => ({ userId: "1" }), {
    message: NOT_SIGNED_IN,
  });

  const P = "savePreferencesAction";
  const prefs = (): Record<string, Field> => ({
    "review.email": "on",
    "review.cadence": "instant",
    "deadline.cadence": "daily",
    "comment.cadence": "daily",
    "queue.cadence": "daily",
    "assignment.cadence": "daily",
  });
  authCases(P, ["anon", "stale", "ghost", "inactive"], prefs);
  act(
    P,
    "anon",
    "forged id",
    "another user's id in the form",
    () => ({ ...prefs(), userId: String(fx.claims.B?.uid) }),
    {
      message: NOT_SIGNED_IN,
    },
  );
  act(P, "A", "missing field", "no cadence", () => ({ ...prefs(), "queue.cadence": undefined }), {
    field: /^queue\.cadence$/,
  });
  for (const [cat, name, v] of [
    ["wrong type", "unknown cadence", "weekly"],
    ["wrong type", "upper-case cadence", "DAILY"],
    ["wrong type", "empty cadence", ""],
    ["unicode", "zero-width space in cadence", "daily\u200b"],
    ["unicode", "NUL in cadence", "daily\u0000"],
    ["html injection", "script as cadence", S.html],
    ["sql injection", "SQL as cadence", S.sql],
    ["huge string", "1 MB cadence", HUGE],
  ] as [Category, string, string][])
    act(P, "A", cat, name, () => ({ ...prefs(), "review.cadence": v }), { field: /^review\.cadence$/ });
  act(P, "A", "wrong type", "cadence is a file", () => ({ ...prefs(), "deadline.cadence": FILES.pdf() }), {
    field: /^deadline\.cadence$/,
  });
  act(P, "A", "wrong type", "two cadences", () => ({ ...prefs(), "comment.cadence": ["daily", "hourly"] }), {
    field: /^comment\.cadence$/,
  });
}

// ---- Conversations: exactly who reads the item writes, mentions only its readers -----------------
{
  const T = "addCommentAction";
  const base = (): Record<string, Field> => ({ kind: "obs", id: String(fx.obsA.id), body: "Xin xem lại số liệu." });
  authCases(T, ["anon", "stale", "ghost", "inactive", "editor"], base);
  const MISSING = /Không tìm thấy mục báo cáo/;
  act(T, "B", "forged id", "another agency's observation", base, { message: MISSING });
  act(T, "viewer", "forged id", "another agency's observation (a viewer)", base, { message: MISSING });
  act(
    T,
    "A",
    "forged id",
    "another agency's task progress",
    () => ({ ...base(), kind: "task", id: String(fx.tpB.id) }),
    {
      message: MISSING,
    },
  );
  act(
    T,
    "A",
    "extra field",
    "another agency's observation, agency named in the form",
    () => ({ ...base(), id: String(fx.obsB.id), agencyId: String(fx.agA), agency: fx.codeA }),
    { message: MISSING },
  );
  act(T, "A", "forged id", "an item that does not exist", () => ({ ...base(), id: String(NOWHERE) }), {
    message: MISSING,
  });
  act(T, "A", "forged id", "the observation's id as a task", () => ({ ...base(), kind: "task" }), {
    message: MISSING,
  });
  idCases(T, "A", "id", base, BAD_IDS);
  act(T, "A", "missing field", "no kind", () => ({ ...base(), kind: undefined }), { field: /^kind$/ });
  act(T, "A", "wrong type", "unknown kind", () => ({ ...base(), kind: "period" }), { field: /^kind$/ });
  act(T, "A", "html injection", "script as kind", () => ({ ...base(), kind: S.html }), { field: /^kind$/ });
  act(T, "A", "sql injection", "SQL as kind", () => ({ ...base(), kind: S.sql }), { field: /^kind$/ });
  act(T, "A", "missing field", "no body", () => ({ ...base(), body: undefined }), { field: /^body$/ });
  act(T, "A", "wrong type", "body is a file", () => ({ ...base(), body: FILES.pdf() }), { field: /^body$/ });
  act(T, "A", "wrong type", "two bodies", () => ({ ...base(), body: ["a", "b"] }), { field: /^body$/ });
  for (const [cat, name, v] of [
    ["missing field", "empty body", ""],
    ["missing field", "blank body", "  \n\t "],
    ["unicode", "only zero-width characters", S.zeroWidth],
    ["huge string", "2,001 characters", "ạ".repeat(2001)],
    ["huge string", "1 MB body", HUGE],
    ["unicode", "NUL in body", S.nul],
    ["unicode", "ANSI escape sequence in body", S.ansi],
  ] as [Category, string, string][])
    act(T, "A", cat, name, () => ({ ...base(), body: v }), { field: /^body$/ });
  act(
    T,
    "A",
    "forged id",
    "mentions a user of another agency",
    () => ({ ...base(), body: `@hostile-target-${stamp}@example.vn xem giúp` }),
    {
      field: /^body$/,
      message: /Dữ liệu chưa hợp lệ/,
    },
  );
  act(
    T,
    "A",
    "forged id",
    "mentions another agency's reporter among allowed people",
    () => ({
      ...base(),
      body: `@reviewer@cds.gov.vn @hostile-b-${stamp}@example.vn`,
    }),
    { field: /^body$/ },
  );
  act(T, "A", "forged id", "mentions an address nobody has", () => ({ ...base(), body: "@khong-ai@example.vn" }), {
    field: /^body$/,
  });
  act(
    T,
    "A",
    "forged id",
    "mentions a deactivated user",
    () => ({ ...base(), body: `@hostile-inactive-${stamp}@example.vn` }),
    {
      field: /^body$/,
    },
  );
  act(T, "A", "sql injection", "SQL in a mention", () => ({ ...base(), body: "@x%27--@example.vn" }), {
    field: /^body$/,
  });
  act(
    T,
    "A",
    "huge string",
    "21 people mentioned",
    () => ({
      ...base(),
      body: Array.from({ length: 21 }, (_, i) => `@nguoi${i}@example.vn`).join(" "),
    }),
    { field: /^body$/ },
  );
}

// ---- Sign out everywhere (auth hardening) ------------------------------------------------------
{
  // Only a live session may end its user's sessions; the user is never taken from the form.
  authCases("signOutEverywhere", ["anon", "stale", "ghost", "inactive"], () => ({}));
  act("signOutEverywhere", "anon", "forged id", "another user's id in the form", () => ({ userId: "1", id: "1" }), {
    message: NOT_SIGNED_IN,
  });
  authCases("dismissNotices", ["anon", "stale", "inactive"], () => ({}));
}

// ---- Forgot password, reset links and unsubscribe links (anonymous forms) ----------------------
{
  // A well-formed address always gets the same answer (tests/integration/mail-jobs.test.ts, which
  // also checks the per-account and per-address throttles): only malformed input is refused here,
  // before anything is looked up or written.
  const T = "requestPasswordResetAction";
  for (const [cat, name, email, field] of [
    ["missing field", "no email", undefined, /^email$/],
    ["missing field", "empty email", "", /^email$/],
    ["missing field", "blank email", "   ", /^email$/],
    ["wrong type", "email is a file", FILES.pdf(), /^email$/],
    ["huge string", "1 MB email", HUGE, /^email$/],
    ["huge string", "201-character address", `${"a".repeat(190)}@cds.gov.vn`, /^email$/],
    ["unicode", "NUL in the address", `ab\u0000c@cds.gov.vn`, /^email$/],
    ["unicode", "zero-width characters", `${S.zeroWidth}@cds.gov.vn`, /^email$/],
    ["unicode", "right-to-left override", `${S.rtl}@cds.gov.vn`, /^email$/],
    ["unicode", "lone surrogate", `${S.loneHigh}@cds.gov.vn`, /^email$/],
    ["unicode", "emoji", `${S.emoji}@cds.gov.vn`, /^email$/],
    ["unicode", "ANSI escape", `${S.ansi}@cds.gov.vn`, /^email$/],
    ["html injection", "script tag", S.html, /^email$/],
    ["html injection", "attribute breakout", `${S.htmlAttr}@cds.gov.vn`, /^email$/],
    ["sql injection", "SQL", S.sql, /^email$/],
    ["sql injection", "SQL before the domain", `' OR 1=1 --@cds.gov.vn`, /^email$/],
    ["extra field", "a role and a user id next to a bad address", "khong-phai-thu", /^email$/],
  ] as [Category, string, Field, RegExp][]) {
    act(T, "anon", cat, name, () => ({ email, role: "ADMIN", userId: "1" }), { field });
    if (cat === "missing field") act(T, "A", cat, `${name} (signed in)`, () => ({ email }), { field });
  }
}
{
  const T = "resetForgottenPasswordAction";
  const INVALID = /không hợp lệ hoặc đã được dùng/;
  const good = { password: "Hop-le-2026-mat-khau", confirm: "Hop-le-2026-mat-khau" };
  const base = () => ({ token: newToken().token, ...good });
  act(T, "anon", "missing field", "no token", () => ({ ...base(), token: undefined }), { field: /^token$/ });
  act(T, "anon", "missing field", "empty token", () => ({ ...base(), token: "" }), { field: /^token$/ });
  act(T, "anon", "missing field", "no password", () => ({ ...base(), password: undefined }), { field: /^password$/ });
  act(T, "anon", "missing field", "no confirmation", () => ({ ...base(), confirm: undefined }), { field: /^confirm$/ });
  act(T, "anon", "wrong type", "token is a file", () => ({ ...base(), token: FILES.pdf() }), { field: /^token$/ });
  act(T, "anon", "wrong type", "password is a file", () => ({ ...base(), password: FILES.pdf() }), {
    field: /^password$/,
  });
  act(T, "anon", "huge string", "1 MB token", () => ({ ...base(), token: HUGE }), { field: /^token$/ });
  act(T, "anon", "huge string", "1 MB password", () => ({ ...base(), password: HUGE, confirm: HUGE }), {
    field: /^password$/,
  });
  act(T, "anon", "number edge", "a short password", () => ({ ...base(), password: "abc1", confirm: "abc1" }), {
    field: /^password$/,
  });
  act(
    T,
    "anon",
    "number edge",
    "201-character password",
    () => ({ ...base(), password: `a1${"b".repeat(199)}`, confirm: `a1${"b".repeat(199)}` }),
    {
      field: /^password$/,
    },
  );
  act(T, "anon", "state", "confirmation differs", () => ({ ...base(), confirm: "Khac-2026-mat-khau" }), {
    field: /^confirm$/,
  });
  act(T, "anon", "forged id", "a token nobody was sent", base, { message: INVALID });
  act(T, "A", "forged id", "a token nobody was sent (signed in)", base, { message: INVALID });
  act(
    T,
    "anon",
    "forged id",
    "the token's stored hash instead of the token",
    () => ({ ...base(), token: hashToken(fx.tokens.usedReset) }),
    {
      message: INVALID,
    },
  );
  act(T, "anon", "state", "a used token", () => ({ ...base(), token: fx.tokens.usedReset }), { message: INVALID });
  act(T, "anon", "state", "an expired token", () => ({ ...base(), token: fx.tokens.expiredReset }), {
    message: /hết hạn/,
  });
  act(
    T,
    "anon",
    "state",
    "an unsubscribe token used as a reset token",
    () => ({ ...base(), token: fx.tokens.usedUnsub }),
    {
      message: INVALID,
    },
  );
  for (const [cat, name, token] of [
    ["sql injection", "SQL token", S.sql],
    ["html injection", "HTML token", S.html],
    ["unicode", "NUL in the token", `${"a".repeat(21)}\u0000${"a".repeat(21)}`],
    ["unicode", "zero-width suffix", `${"a".repeat(43)}\u200b`],
    ["unicode", "lone surrogate", `${"a".repeat(42)}\ud800`],
  ] as [Category, string, string][])
    act(T, "anon", cat, name, () => ({ ...base(), token }), { message: INVALID });
}
{
  const T = "unsubscribeAction";
  const INVALID = /không hợp lệ hoặc đã được dùng/;
  act(T, "anon", "missing field", "no token", () => ({}), { field: /^token$/ });
  act(T, "anon", "missing field", "empty token", () => ({ token: "" }), { field: /^token$/ });
  act(T, "anon", "wrong type", "token is a file", () => ({ token: FILES.pdf() }), { field: /^token$/ });
  act(T, "anon", "huge string", "1 MB token", () => ({ token: HUGE }), { field: /^token$/ });
  act(T, "anon", "forged id", "a token nobody was sent", () => ({ token: newToken().token }), { message: INVALID });
  act(T, "A", "forged id", "a token nobody was sent (signed in)", () => ({ token: newToken().token, userId: "1" }), {
    message: INVALID,
  });
  act(T, "anon", "state", "a used token", () => ({ token: fx.tokens.usedUnsub }), { message: INVALID });
  act(T, "anon", "state", "an expired token", () => ({ token: fx.tokens.expiredUnsub }), { message: /hết hạn/ });
  act(T, "anon", "state", "a reset token used as an unsubscribe token", () => ({ token: fx.tokens.expiredReset }), {
    message: INVALID,
  });
  act(T, "anon", "sql injection", "SQL token", () => ({ token: S.sql }), { message: INVALID });
  act(T, "anon", "html injection", "HTML token", () => ({ token: S.html }), { message: INVALID });
  act(T, "anon", "unicode", "zero-width suffix", () => ({ token: `${"a".repeat(43)}\u200b` }), { message: INVALID });
}

// ---- Route handler cases --------------------------------------------------------------------

const routeCases: RouteCase[] = [];
const rcase = (
  target: string,
  as: Who,
  category: Category,
  name: string,
  call: () => Promise<Response>,
  want: RouteExpect,
  nextauth = false,
) => routeCases.push({ target, as, category, name, call, expect: want, nextauth });

type Handler = (
  req: Request,
  ctx?: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response> | Response;
const handler = (mod: Record<string, unknown>, method: string) => mod[method] as Handler;
const request = (url: string, init: RequestInit = {}) => new Request(BASE + url, init);
const getOf =
  (mod: Record<string, unknown>, url: string, headers: Record<string, string> = {}, params?: Record<string, string>) =>
  () =>
    Promise.resolve(
      handler(mod, "GET")(request(url, { headers }), params ? { params: Promise.resolve(params) } : undefined),
    );
const status = (s: number | number[]): RouteExpect => ({ status: s });
const same = (mod: Record<string, unknown>, url: string, params?: Record<string, string>): RouteExpect => ({
  sameAs: getOf(mod, url, {}, params),
  key: url,
});

/** Query strings every paginated list refuses with a 400. */
const BAD_PAGES: [Category, string, string][] = [
  ["number edge", "page -1", "page=-1"],
  ["number edge", "page 0", "page=0"],
  ["number edge", "page -0", "page=-0"],
  ["wrong type", "page is a word", "page=abc"],
  ["number edge", "page NaN", "page=NaN"],
  ["number edge", "page Infinity", "page=Infinity"],
  ["number edge", "page 1e309", "page=1e309"],
  ["number edge", "page 1.5", "page=1.5"],
  ["number edge", "page over the limit", "page=100001"],
  ["unicode", "page with a NUL", "page=1%00"],
  ["unicode", "full-width page", "page=%EF%BC%91"],
  ["number edge", "pageSize 1e9", "pageSize=1e9"],
  ["number edge", "pageSize 0", "pageSize=0"],
  ["number edge", "pageSize 501", "pageSize=501"],
  ["number edge", "pageSize -1", "pageSize=-1"],
  ["missing field", "empty pageSize", "pageSize="],
  ["sql injection", "SQL as pageSize", `pageSize=${encodeURIComponent("10' OR 1=1 --")}`],
  ["html injection", "script as page", `page=${encodeURIComponent(S.html)}`],
  ["wrong type", "two pages, the last invalid", "page=1&page=-1"],
  ["wrong type", "two pages, the last valid", "page=-1&page=1"],
  ["wrong type", "the same page twice", "page=1&page=1"],
];
const listRoute = (
  target: string,
  mod: Record<string, unknown>,
  url: string,
  pages: typeof BAD_PAGES,
  extra: [Category, string, string][],
) => {
  for (const [cat, name, q] of [...pages, ...extra])
    rcase(target, "anon", cat, name, getOf(mod, `${url}?${q}`), status(400));
  rcase(
    target,
    "anon",
    "bad query",
    "an unknown filter is ignored",
    getOf(mod, `${url}?foo=bar&${encodeURIComponent("x[]")}=1`),
    same(mod, url),
  );
};
const somePages = (...names: string[]) => BAD_PAGES.filter(([, n]) => names.includes(n));

listRoute("GET /api/v1/agencies", agenciesRoute, "/api/v1/agencies", BAD_PAGES, [
  ["wrong type", "lower-case kind", "kind=province"],
  ["html injection", "script as kind", `kind=${encodeURIComponent(S.html)}`],
  ["unicode", "zero-width space in kind", `kind=${encodeURIComponent("PROVINCE\u200b")}`],
  ["wrong type", "current=yes", "current=yes"],
  ["wrong type", "current=1", "current=1"],
  ["wrong type", "two kinds, the last invalid", "kind=PROVINCE&kind=HACK"],
]);
listRoute(
  "GET /api/v1/figures",
  figuresRoute,
  "/api/v1/figures",
  somePages("page -1", "page 1e309", "pageSize 1e9", "pageSize 0", "page with a NUL", "two pages, the last invalid"),
  [
    ["wrong type", "asOf is a quarter", "asOf=2024-Q1"],
    ["number edge", "asOf 30 February", "asOf=2024-02-30"],
    ["number edge", "asOf month 13", "asOf=2024-13-01"],
    ["unicode", "zero-width space in asOf", `asOf=${encodeURIComponent("2024-01-01\u200b")}`],
    ["huge string", "1 MB asOf", `asOf=${"9".repeat(MB)}`],
    ["wrong type", "lower-case source", "source=nso"],
    ["sql injection", "SQL as source", `source=${encodeURIComponent(S.sql)}`],
    ["html injection", "script as indicator", `indicator=${encodeURIComponent(S.html)}`],
    ["huge string", "1 MB indicator", `indicator=${"a".repeat(MB)}`],
    ["wrong type", "two sources", "source=NSO&source=ITU"],
  ],
);
listRoute(
  "GET /api/v1/sources",
  sourcesRoute,
  "/api/v1/sources",
  somePages("page -1", "page NaN", "pageSize 501", "script as page", "SQL as pageSize"),
  [],
);
listRoute(
  "GET /api/v1/decisions",
  decisionsRoute,
  "/api/v1/decisions",
  somePages(
    "page -1",
    "page 1e309",
    "pageSize 1e9",
    "pageSize 0",
    "page is a word",
    "full-width page",
    "SQL as pageSize",
    "two pages, the last invalid",
    "two pages, the last valid",
  ),
  [],
);
listRoute(
  "GET /api/v1/indicators",
  indicatorsRoute,
  "/api/v1/indicators",
  somePages("page -1", "page NaN", "pageSize 1e9", "pageSize 501", "page with a NUL", "script as page"),
  [
    ["wrong type", "unknown pillar", "pillar=SPACE"],
    ["wrong type", "lower-case pillar", "pillar=digital_economy"],
    ["html injection", "script as decision", `decision=${encodeURIComponent(S.html)}`],
    ["huge string", "1 MB decision", `decision=${"a".repeat(MB)}`],
    ["sql injection", "SQL as decision", `decision=${encodeURIComponent(S.sql)}`],
  ],
);
listRoute(
  "GET /api/v1/observations",
  observationsRoute,
  "/api/v1/observations",
  somePages("page -1", "pageSize 1e9", "page Infinity", "empty pageSize"),
  [
    ["html injection", "script as indicator", `indicator=${encodeURIComponent(S.html)}`],
    ["huge string", "1 MB indicator", `indicator=${"a".repeat(MB)}`],
    ["wrong type", "lower-case agency", "agency=t-ha-noi"],
    ["sql injection", "SQL as agency", `agency=${encodeURIComponent(S.sql)}`],
    ["wrong type", "national=yes", "national=yes"],
    ["wrong type", "illustrative=0", "illustrative=0"],
    ["number edge", "quarter 5", "from=2024-Q5"],
    ["wrong type", "quarter without a dash", "to=2024Q1"],
    ["unicode", "zero-width space in a quarter", `from=${encodeURIComponent("2024-Q1\u200b")}`],
    ["wrong type", "two froms, the last invalid", "from=2024-Q1&from=x"],
  ],
);
listRoute(
  "GET /api/v1/statuses",
  statusesRoute,
  "/api/v1/statuses",
  somePages("page -1", "pageSize 0", "page 1.5", "pageSize -1"),
  [
    ["number edge", "milestone 1e309", "milestone=1e309"],
    ["number edge", "milestone -1", "milestone=-1"],
    ["number edge", "milestone 1999", "milestone=1999"],
    ["number edge", "milestone 2030.5", "milestone=2030.5"],
    ["wrong type", "unknown status", "status=HACKED"],
    ["number edge", "quarter 0", "asOf=2025-Q0"],
    ["unicode", "RTL override in asOf", `asOf=${encodeURIComponent("\u202e2025-Q4")}`],
    ["wrong type", "unknown pillar", "pillar=X"],
    ["sql injection", "SQL as indicator", `indicator=${encodeURIComponent(S.sql)}`],
    ["html injection", "script as decision", `decision=${encodeURIComponent(S.htmlAttr)}`],
  ],
);
listRoute(
  "GET /api/v1/tasks",
  tasksRoute,
  "/api/v1/tasks",
  somePages("page -1", "pageSize 1e9", "page 0", "page -0", "full-width page"),
  [
    ["html injection", "script as decision", `decision=${encodeURIComponent(S.html)}`],
    ["sql injection", "SQL as agency", `agency=${encodeURIComponent(S.sql)}`],
    ["huge string", "1 MB agency", `agency=${"A".repeat(MB)}`],
    ["wrong type", "two agencies, the last invalid", "agency=BKHCN&agency=bkhcn"],
    ["wrong type", "two valid agencies", "agency=BKHCN&agency=T-HA-NOI"],
  ],
);

// Single resources by key: anything that is not a key is a 404 without touching the database.
for (const [target, mod, param, good] of [
  ["GET /api/v1/decisions/[key]", decisionRoute, "key", "draft-cds"],
  ["GET /api/v1/documents/[key]/seed.json", documentSeedRoute, "key", "draft-cds"],
  ["GET /api/v1/indicators/[code]", indicatorRoute, "code", "digital-economy-gdp-share"],
  ["GET /api/v1/indicators/[code]/compare", indicatorCompareRoute, "code", "work-records-processed-online-share"],
  [
    "GET /api/v1/indicators/[code]/observations.csv",
    indicatorObservationsCsvRoute,
    "code",
    "digital-economy-gdp-share",
  ],
] as const) {
  const keys: [Category, string, string][] = [
    ["forged id", "path traversal", "../../etc/passwd"],
    ["html injection", "script", S.html],
    ["sql injection", "SQL", S.sql],
    ["unicode", "NUL", `${good}\u0000`],
    ["huge string", "1 MB key", "a".repeat(MB)],
    ["unicode", "zero-width space", `${good}\u200b`],
    ["wrong type", "upper case", good.toUpperCase()],
    ["missing field", "empty", ""],
  ];
  for (const [cat, name, key] of keys)
    rcase(
      target,
      "anon",
      cat,
      name,
      getOf(mod, `/api/v1/x/${encodeURIComponent(key.slice(0, 100))}`, {}, { [param]: key }),
      status(404),
    );
}

// A document's seed file: public, so every role gets the same answer; anything but a published key is a 404.
{
  const T = "GET /api/v1/documents/[key]/seed.json";
  const seed = (key: string, q = "", headers: Record<string, string> = {}) =>
    getOf(documentSeedRoute, `/api/v1/documents/${encodeURIComponent(key.slice(0, 100))}/seed.json${q}`, headers, {
      key,
    });
  rcase(T, "anon", "forged id", "a document that does not exist", seed("no-such-document"), status(404));
  rcase(T, "anon", "huge string", "a 41-character key", seed("a".repeat(41)), status(404));
  rcase(T, "anon", "forged id", "a target's key instead of a document's", seed("411-2025-de-gdp-share"), status(404));
  rcase(T, "A", "forged id", "a reporter asking for a draft's key", seed(`hostile-${stamp}`.slice(0, 40)), status(404));
  rcase(
    T,
    "anon",
    "bad query",
    "an unknown parameter is ignored",
    seed("942-2021", "?foo=bar&__proto__[x]=1"),
    same(documentSeedRoute, "/api/v1/documents/942-2021/seed.json", { key: "942-2021" }),
  );
  rcase(
    T,
    "anon",
    "bad query",
    "a hostile Accept-Language still gets a 404 in Vietnamese",
    seed("nope", "", { "accept-language": `${S.html};q=2, ${"x".repeat(4000)}` }),
    status(404),
  );
}

// The comparison's quarter: anything but one well-formed quarter is a 400 naming it.
for (const [cat, name, q] of [
  ["number edge", "quarter 5", "period=2026-Q5"],
  ["number edge", "quarter 0", "period=2026-Q0"],
  ["wrong type", "quarter without a dash", "period=2026Q2"],
  ["wrong type", "lower-case q", "period=2026-q2"],
  ["unicode", "zero-width space in the quarter", `period=${encodeURIComponent("2026-Q2\u200b")}`],
  ["unicode", "NUL in the quarter", "period=2026-Q2%00"],
  ["html injection", "script as quarter", `period=${encodeURIComponent(S.html)}`],
  ["sql injection", "SQL as quarter", `period=${encodeURIComponent(S.sql)}`],
  ["huge string", "1 MB quarter", `period=${"2".repeat(MB)}`],
  ["wrong type", "two quarters, the last invalid", "period=2026-Q2&period=x"],
  ["wrong type", "two valid quarters", "period=2026-Q1&period=2026-Q2"],
] as [Category, string, string][])
  rcase(
    "GET /api/v1/indicators/[code]/compare",
    "anon",
    cat,
    name,
    getOf(
      indicatorCompareRoute,
      `/api/v1/indicators/work-records-processed-online-share/compare?${q}`,
      {},
      {
        code: "work-records-processed-online-share",
      },
    ),
    status(400),
  );

// Public downloads documented to ignore invalid filters: the answer is exactly the unfiltered one.
for (const [cat, name, q] of [
  ["html injection", "script as decision", `decision=${encodeURIComponent(S.html)}`],
  ["sql injection", "SQL as agency", `agency=${encodeURIComponent(S.sql)}`],
  ["wrong type", "unknown status", "status=HACKED"],
  ["huge string", "1 MB search", `q=${"a".repeat(MB)}`],
  ["number edge", "page -1", "page=-1"],
] as [Category, string, string][]) {
  rcase(
    "GET /api/v1/tasks.csv",
    "anon",
    cat,
    `${name} is ignored`,
    getOf(tasksCsvRoute, `/api/v1/tasks.csv?${q}`),
    same(tasksCsvRoute, "/api/v1/tasks.csv"),
  );
}
for (const [cat, name, q] of [
  ["html injection", "script as decision", `decision=${encodeURIComponent(S.html)}`],
  ["sql injection", "SQL as pillar", `pillar=${encodeURIComponent(S.sql)}`],
  ["number edge", "milestone 1e309", "milestone=1e309"],
  ["number edge", "milestone -1", "milestone=-1"],
  ["wrong type", "unknown status", "status=HACKED"],
  ["number edge", "quarter 9", "asOf=2026-Q9"],
  ["huge string", "1 MB asOf", `asOf=${"9".repeat(MB)}`],
  ["unicode", "emoji as sort", `sort=${encodeURIComponent(S.emoji)}`],
  ["sql injection", "SQL as agency", `agency=${encodeURIComponent(S.sql)}`],
  ["wrong type", "unknown agency", "agency=NO-SUCH-AGENCY"],
] as [Category, string, string][]) {
  rcase(
    "GET /api/v1/dashboard/targets.csv",
    "anon",
    cat,
    `${name} is ignored`,
    getOf(targetsCsvRoute, `/api/v1/dashboard/targets.csv?${q}`),
    same(targetsCsvRoute, "/api/v1/dashboard/targets.csv"),
  );
}
// Whole-database files, the index and the OpenAPI document take no parameters at all.
for (const [target, mod, url] of [
  ["GET /api/v1/bulk/indicators.csv", bulkIndicatorsCsvRoute, "/api/v1/bulk/indicators.csv"],
  ["GET /api/v1/bulk/indicators.json", bulkIndicatorsJsonRoute, "/api/v1/bulk/indicators.json"],
  ["GET /api/v1/bulk/observations.csv", bulkObservationsCsvRoute, "/api/v1/bulk/observations.csv"],
  ["GET /api/v1/bulk/tasks.csv", bulkTasksCsvRoute, "/api/v1/bulk/tasks.csv"],
  ["GET /api/v1/openapi.json", openapiRoute, "/api/v1/openapi.json"],
  ["GET /api/v1", indexRoute, "/api/v1"],
] as const) {
  rcase(
    target,
    "anon",
    "bad query",
    "paging, format and SQL parameters are ignored",
    getOf(mod, `${url}?page=-1&pageSize=1e9&format=xml&q=${encodeURIComponent(S.sql)}`),
    same(mod, url),
  );
  rcase(
    target,
    "A",
    "extra field",
    "a signed-in cross-site request gets the public file",
    getOf(mod, url, { origin: "https://evil.example", cookie: "next-auth.session-token=forged" }),
    same(mod, url),
  );
}

// CORS preflights: whatever is asked, only GET and OPTIONS are offered, never with credentials.
for (const [file, mod] of Object.entries(ROUTES)) {
  if (typeof mod.OPTIONS !== "function") continue;
  rcase(
    `OPTIONS ${urlOf(file)}`,
    "anon",
    "extra field",
    "a preflight asking for DELETE with credentials",
    () =>
      Promise.resolve(
        handler(mod, "OPTIONS")(
          request(urlOf(file), {
            method: "OPTIONS",
            headers: {
              origin: "https://evil.example",
              "access-control-request-method": "DELETE",
              "access-control-request-headers": "cookie, x-forged",
            },
          }),
          { params: Promise.resolve({}) },
        ),
      ),
    {
      check: (res) => {
        expect(res.status).toBe(204);
        expect(res.headers.get("access-control-allow-methods")).toBe("GET, OPTIONS");
        expect(res.headers.get("access-control-allow-credentials")).toBeNull();
        expect(res.headers.get("access-control-allow-headers")).toBe("Content-Type");
      },
    },
  );
}

// Backup downloads: administrators only; any name that is not a listed backup is a 404.
{
  const T = "GET /api/admin/backups/[name]";
  const bk = (as: Who, cat: Category, name: string, file: string, s: number) =>
    rcase(
      T,
      as,
      cat,
      name,
      () =>
        Promise.resolve(
          handler(backupDownloadRoute, "GET")(request("/api/admin/backups/x"), {
            params: Promise.resolve({ name: file }),
          }),
        ),
      status(s),
    );
  const real = "cds-2026-12-03T02-00-00-000Z.jsonl.gz";
  bk("anon", "authorization", "anonymous", real, 401);
  bk("stale", "authorization", "a session from before a password reset", real, 401);
  bk("reviewer", "authorization", "a reviewer", real, 403);
  bk("A", "authorization", "a reporter", real, 403);
  bk("admin", "forged id", "a backup that does not exist", "cds-1999-01-01T00-00-00-000Z.jsonl.gz", 404);
  bk("admin", "forged id", "path traversal", "../../../../etc/passwd", 404);
  bk("admin", "forged id", "the manifest instead of the backup", `${real}.json`, 404);
  bk("admin", "forged id", "the schedule's own status file", "last-run.json", 404);
  bk("admin", "unicode", "NUL in the name", `${real}\u0000`, 404);
  bk("admin", "huge string", "1 MB name", HUGE, 404);
}

// One-click unsubscribe (RFC 8058): the token in the URL is the only authority; anything but an
// unused, unexpired unsubscribe token is a 404 (expired: 410), whoever sends it and however.
{
  const T = "POST /api/mail/unsubscribe";
  const un = (
    as: Who,
    cat: Category,
    name: string,
    query: () => string,
    s: number,
    init: { body?: BodyInit; headers?: Record<string, string> } = {},
  ) =>
    rcase(
      T,
      as,
      cat,
      name,
      () =>
        Promise.resolve(
          handler(
            unsubscribeRoute,
            "POST",
          )(
            request(`/api/mail/unsubscribe${query()}`, {
              method: "POST",
              body: init.body ?? "List-Unsubscribe=One-Click",
              headers: { "content-type": "application/x-www-form-urlencoded", ...init.headers },
            }),
          ),
        ),
      status(s),
    );
  const enc = encodeURIComponent;
  un("anon", "missing field", "no token", () => "", 404);
  un("anon", "missing field", "empty token", () => "?token=", 404);
  un("anon", "forged id", "a token nobody was sent", () => `?token=${newToken().token}`, 404);
  un("A", "forged id", "a token nobody was sent (signed in)", () => `?token=${newToken().token}`, 404);
  un(
    "anon",
    "forged id",
    "the stored hash instead of the token",
    () => `?token=${hashToken(fx.tokens.usedUnsub)}`,
    404,
  );
  un("anon", "state", "a used token", () => `?token=${fx.tokens.usedUnsub}`, 404);
  un("anon", "state", "an expired token", () => `?token=${fx.tokens.expiredUnsub}`, 410);
  un("anon", "state", "a reset token", () => `?token=${fx.tokens.usedReset}`, 404);
  un(
    "anon",
    "state",
    "an unknown token first, a used one second",
    () => `?token=${newToken().token}&token=${fx.tokens.usedUnsub}`,
    404,
  );
  un("anon", "huge string", "1 MB token", () => `?token=${HUGE}`, 404);
  un("anon", "sql injection", "SQL token", () => `?token=${enc(S.sql)}`, 404);
  un("anon", "html injection", "HTML token", () => `?token=${enc(S.html)}`, 404);
  un("anon", "unicode", "NUL in the token", () => `?token=${"a".repeat(21)}%00${"a".repeat(21)}`, 404);
  un("anon", "unicode", "zero-width suffix", () => `?token=${"a".repeat(43)}%E2%80%8B`, 404);
  un("anon", "bad query", "malformed percent-encoding", () => `?token=%E0%A4%A`, 404);
  un("anon", "content type", "JSON body", () => `?token=${newToken().token}`, 404, {
    body: "{",
    headers: { "content-type": "application/json" },
  });
  un("anon", "bad json", "1 MB body", () => `?token=${newToken().token}`, 404, { body: HUGE });
}

// Evidence downloads: another agency's file, and anything that is not an evidence id, is a 404.
{
  const T = "GET /api/evidence/[id]";
  const ev = (as: Who, cat: Category, name: string, id: () => string, s: number) =>
    rcase(
      T,
      as,
      cat,
      name,
      () =>
        Promise.resolve(
          handler(evidenceRoute, "GET")(request("/api/evidence/x"), { params: Promise.resolve({ id: id() }) }),
        ),
      status(s),
    );
  ev("anon", "authorization", "anonymous", () => fx.evB, 401);
  ev("stale", "authorization", "a session from before a password reset", () => fx.evB, 401);
  ev("A", "forged id", "another agency's file", () => fx.evB, 404);
  ev("viewer", "forged id", "another agency's file, as a viewer", () => fx.evB, 404);
  ev("A", "forged id", "path traversal", () => "../../../../etc/passwd", 404);
  ev("A", "forged id", "36 dashes", () => "-".repeat(36), 404);
  ev("A", "forged id", "the id in capitals", () => fx.evB.toUpperCase(), 404);
  ev("A", "unicode", "NUL after the id", () => `${fx.evB}\u0000`, 404);
  ev("A", "huge string", "1 MB id", () => HUGE, 404);
  ev("A", "sql injection", "SQL", () => S.sql, 404);
  ev("A", "missing field", "empty id", () => "", 404);
}

// The front server's internal cache refresh: without this process's token it does not exist.
for (const [cat, name, headers] of [
  ["authorization", "no token", {}],
  ["forged id", "a guessed token", { "x-cds-internal": "0".repeat(64) }],
  ["huge string", "a 64 KB token", { "x-cds-internal": "a".repeat(65_536) }],
  ["sql injection", "SQL as the token", { "x-cds-internal": S.sql }],
] as [Category, string, Record<string, string>][]) {
  rcase(
    "POST /api/internal/refresh",
    "admin",
    cat,
    name,
    () =>
      Promise.resolve(
        handler(internalRefreshRoute, "POST")(request("/api/internal/refresh", { method: "POST", headers })),
      ),
    {
      check: (res, text) => {
        expect(res.status).toBe(404);
        expect(text).not.toMatch(/refreshed/);
      },
    },
  );
}

// Who is signed in: a forged, stale or deactivated session is nobody.
for (const who of ["anon", "ghost", "stale", "inactive"] as Who[]) {
  rcase(
    "GET /api/me",
    who,
    "authorization",
    `as ${who}`,
    () => Promise.resolve(handler(meRoute, "GET")(request("/api/me"))),
    {
      check: (res, text) => {
        expect(res.status).toBe(200);
        expect(JSON.parse(text)).toEqual({ user: null });
      },
    },
  );
}

// The Excel template: refused periods, and an agency in the URL never reaches another agency.
{
  const T = "GET /api/reporting/template";
  const tpl = (q: string) => getOf(templateRoute, `/api/reporting/template?${q}`);
  rcase(T, "anon", "authorization", "anonymous", tpl(`period=${PERIOD}`), status(401));
  rcase(T, "stale", "authorization", "a session from before a password reset", tpl(`period=${PERIOD}`), status(401));
  for (const [cat, name, q] of [
    ["number edge", "quarter 9", "period=2026-Q9"],
    ["wrong type", "a word", "period=abc"],
    ["sql injection", "SQL", `period=${encodeURIComponent(`${PERIOD}' OR 1=1 --`)}`],
    ["unicode", "full-width", `period=${encodeURIComponent("\uff12\uff10\uff12\uff16-Q3")}`],
    ["huge string", "1 MB", `period=${"9".repeat(MB)}`],
    ["wrong type", "two periods, the first invalid", `period=garbage&period=${PERIOD}`],
  ] as [Category, string, string][]) {
    rcase(T, "A", cat, `period: ${name}`, tpl(q), status(400));
  }
  rcase(T, "A", "state", "a quarter that does not exist", tpl("period=1999-Q1"), status(404));
  const fileNamed = (code: string) => (res: Response) => {
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`bao-cao-${code}-${PERIOD}.xlsx`);
  };
  rcase(
    T,
    "A",
    "forged id",
    "a reporter naming another agency gets their own",
    tpl(`period=${PERIOD}&agency=${fx.codeB}`),
    { check: (res) => fileNamed(fx.codeA)(res) },
  );
  rcase(
    T,
    "viewer",
    "forged id",
    "a viewer naming another agency gets their own",
    tpl(`period=${PERIOD}&agency=${fx.codeB}`),
    { check: (res) => fileNamed("T-HA-NOI")(res) },
  );
  rcase(
    T,
    "reviewer",
    "forged id",
    "an agency that does not exist",
    tpl(`period=${PERIOD}&agency=NO-SUCH`),
    status(404),
  );
  rcase(
    T,
    "reviewer",
    "html injection",
    "script as agency",
    tpl(`period=${PERIOD}&agency=${encodeURIComponent(S.html)}`),
    status(404),
  );
  rcase(T, "reviewer", "huge string", "1 MB agency", tpl(`period=${PERIOD}&agency=${"A".repeat(MB)}`), status(404));
}

// Signed-in CSVs: session, same origin, and the agency always the user's own unless national.
for (const [target, mod, url] of [
  ["GET /api/v1/dashboard/completeness.csv", completenessCsvRoute, "/api/v1/dashboard/completeness.csv"],
  ["GET /api/v1/dashboard/tasks.csv", dashboardTasksCsvRoute, "/api/v1/dashboard/tasks.csv"],
] as const) {
  rcase(target, "anon", "authorization", "anonymous", getOf(mod, url), status(401));
  rcase(target, "stale", "authorization", "a session from before a password reset", getOf(mod, url), status(401));
  rcase(target, "A", "authorization", "cross-site", getOf(mod, url, { origin: "https://evil.example" }), status(403));
  rcase(
    target,
    "A",
    "authorization",
    'origin "null" (sandboxed frame)',
    getOf(mod, url, { origin: "null" }),
    status(403),
  );
  rcase(target, "A", "authorization", "an origin that is not a URL", getOf(mod, url, { origin: "::::" }), status(403));
  rcase(
    target,
    "A",
    "forged id",
    "a reporter naming another agency gets their own",
    getOf(mod, `${url}?agency=${fx.codeB}`),
    { sameAs: getOf(mod, url), key: `${url}#A` },
  );
  rcase(
    target,
    "reviewer",
    "html injection",
    "script as agency is ignored",
    getOf(mod, `${url}?agency=${encodeURIComponent(S.html)}&decision=${encodeURIComponent(S.sql)}`),
    {
      sameAs: getOf(mod, url),
      key: `${url}#reviewer`,
    },
  );
}

// XLSX downloads: a workbook (never an error page dressed as one) whatever the query says. The
// files are zips stamped with the time they were written, so they are checked by type, not bytes;
// tests/integration/dashboard-export.test.ts opens them and checks their rows and agency.
const xlsxFile: RouteExpect = {
  check: (res) => {
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/spreadsheetml/);
  },
};
for (const [target, mod, url] of [
  ["GET /api/v1/bulk/indicators.xlsx", bulkIndicatorsXlsxRoute, "/api/v1/bulk/indicators.xlsx"],
  ["GET /api/v1/bulk/observations.xlsx", bulkObservationsXlsxRoute, "/api/v1/bulk/observations.xlsx"],
] as const) {
  rcase(
    target,
    "anon",
    "bad query",
    "paging, format and SQL parameters are ignored",
    getOf(mod, `${url}?page=-1&pageSize=1e9&format=xml&q=${encodeURIComponent(S.sql)}`),
    xlsxFile,
  );
  rcase(
    target,
    "A",
    "extra field",
    "a signed-in cross-site request gets the public file",
    getOf(mod, url, { origin: "https://evil.example", cookie: "next-auth.session-token=forged" }),
    xlsxFile,
  );
}
for (const [target, mod, url] of [
  ["GET /api/v1/dashboard/targets.xlsx", targetsXlsxRoute, "/api/v1/dashboard/targets.xlsx"],
  ["GET /api/v1/dashboard/completeness.xlsx", completenessXlsxRoute, "/api/v1/dashboard/completeness.xlsx"],
  ["GET /api/v1/dashboard/tasks.xlsx", dashboardTasksXlsxRoute, "/api/v1/dashboard/tasks.xlsx"],
] as const) {
  rcase(target, "anon", "authorization", "anonymous", getOf(mod, url), status(401));
  rcase(target, "stale", "authorization", "a session from before a password reset", getOf(mod, url), status(401));
  rcase(target, "A", "authorization", "cross-site", getOf(mod, url, { origin: "https://evil.example" }), status(403));
  rcase(
    target,
    "A",
    "authorization",
    'origin "null" (sandboxed frame)',
    getOf(mod, url, { origin: "null" }),
    status(403),
  );
  rcase(
    target,
    "A",
    "forged id",
    "a reporter naming another agency",
    getOf(mod, `${url}?agency=${fx.codeB}`),
    xlsxFile,
  );
  for (const [cat, name, q] of [
    [
      "html injection",
      "script as agency and decision",
      `agency=${encodeURIComponent(S.html)}&decision=${encodeURIComponent(S.html)}`,
    ],
    ["sql injection", "SQL as pillar", `pillar=${encodeURIComponent(S.sql)}`],
    ["number edge", "milestone 1e309", "milestone=1e309"],
    ["number edge", "quarter 9", "asOf=2026-Q9"],
    ["huge string", "1 MB language", `lang=${"x".repeat(MB)}`],
    ["unicode", "emoji as sort", `sort=${encodeURIComponent(S.emoji)}`],
  ] as [Category, string, string][])
    rcase(target, "reviewer", cat, `${name} is ignored`, getOf(mod, `${url}?${q}`), xlsxFile);
}

// The reporting workspace.
{
  const T = "GET /api/v1/reporting/workspace";
  const ws = (q: string, headers: Record<string, string> = {}) =>
    getOf(workspaceRoute, `/api/v1/reporting/workspace${q}`, headers);
  rcase(T, "anon", "authorization", "anonymous", ws(""), status(401));
  rcase(T, "stale", "authorization", "a session from before a password reset", ws(""), status(401));
  rcase(T, "A", "authorization", "cross-site", ws("", { origin: "https://evil.example" }), status(403));
  rcase(T, "A", "authorization", 'origin "null"', ws("", { origin: "null" }), status(403));
  rcase(T, "A", "authorization", "an origin that is not a URL", ws("", { origin: "http://" }), status(403));
  for (const [cat, name, q] of [
    ["number edge", "quarter 9", "?period=2026-Q9"],
    ["wrong type", "period is a word", "?period=abc"],
    ["huge string", "1 MB period", `?period=${"9".repeat(MB)}`],
    ["number edge", "page -1", "?page=-1"],
    ["number edge", "page 1e309", "?page=1e309"],
    ["wrong type", "page is a word", "?page=abc"],
    ["sql injection", "SQL as period", `?period=${encodeURIComponent(S.sql)}`],
    ["bad query", "two periods, the last the open quarter", `?period=1999-Q1&period=${PERIOD}`],
    ["bad query", "two pages, the last valid", "?page=-1&page=1"],
  ] as [Category, string, string][]) {
    rcase(T, "A", cat, name, ws(q), status(400));
  }
  rcase(T, "A", "state", "a quarter that does not exist", ws("?period=1999-Q1"), status(404));
}

// ---- JSON writes ------------------------------------------------------------------------------

const JSON_TYPE = { "content-type": "application/json" };
const postTo =
  (mod: Record<string, unknown>, url: string, body: () => string, headers: Record<string, string> = JSON_TYPE) =>
  () =>
    Promise.resolve(handler(mod, "POST")(request(url, { method: "POST", body: body(), headers })));

/** Common refusals of both JSON write endpoints; `body(row, top)` builds a body around one row. */
function jsonWriteCases(
  target: string,
  mod: Record<string, unknown>,
  url: string,
  body: (row?: Record<string, unknown>, top?: Record<string, unknown>) => string,
) {
  const post = (
    as: Who,
    cat: Category,
    name: string,
    b: () => string,
    s: number | number[],
    headers: Record<string, string> = JSON_TYPE,
  ) => rcase(target, as, cat, name, postTo(mod, url, b, headers), status(s));
  post("anon", "authorization", "anonymous", () => body(), 401);
  post("viewer", "authorization", "a viewer", () => body(), 403);
  post("reviewer", "authorization", "a reviewer", () => body(), 403);
  post("stale", "authorization", "a session from before a password reset", () => body(), 401);
  post("A", "authorization", "cross-site", () => body(), 403, { ...JSON_TYPE, origin: "https://evil.example" });
  post("A", "authorization", 'origin "null"', () => body(), 403, { ...JSON_TYPE, origin: "null" });
  post("A", "authorization", "an origin that is not a URL", () => body(), 403, { ...JSON_TYPE, origin: "http://" });
  post("A", "authorization", "a look-alike origin", () => body(), 403, {
    ...JSON_TYPE,
    origin: "http://localhost.evil.example",
  });
  post("A", "content type", "no content type", () => body(), 415, {});
  post("A", "content type", "text/plain (a cross-site form can send it)", () => body(), 415, {
    "content-type": "text/plain",
  });
  post("A", "content type", "multipart/form-data", () => body(), 415, {
    "content-type": "multipart/form-data; boundary=x",
  });
  post("A", "content type", "a url-encoded form", () => body(), 415, {
    "content-type": "application/x-www-form-urlencoded",
  });
  for (const [name, raw] of [
    ["not JSON", "{not json"],
    ["empty body", ""],
    ["null", "null"],
    ["an array", "[]"],
    ["a string", JSON.stringify(PERIOD)],
    ["a number", "42"],
    ["cut off", '{"period":'],
    ["trailing garbage", `${body()} x`],
    ["NaN literal", `{"period":"${PERIOD}","rows":[{"value":NaN}]}`],
    ["100,000 nested arrays", "[".repeat(100_000)],
    ["trailing comma", `{"period":"${PERIOD}","rows":[],}`],
  ] as [string, string][]) {
    post("A", "bad json", name, () => raw, 400);
  }
  post("A", "missing field", "empty object", () => "{}", 400);
  post("A", "missing field", "no rows", () => JSON.stringify({ period: PERIOD }), 400);
  post("A", "missing field", "no period", () => body({}, { period: undefined }), 400);
  post("A", "missing field", "no rows at all ([])", () => JSON.stringify({ period: PERIOD, rows: [] }), 400);
  post("A", "wrong type", "rows is a string", () => JSON.stringify({ period: PERIOD, rows: "x" }), 400);
  post(
    "A",
    "huge string",
    "501 rows",
    () => JSON.stringify({ period: PERIOD, rows: Array.from({ length: 501 }, () => JSON.parse(body()).rows[0]) }),
    400,
  );
  post("A", "huge string", "a body over 1 MB", () => body({}, { pad: "x".repeat(MB + 10) }), 413);
  // 400,000 three-byte letters: 1.2 MB, though under a million characters.
  post("A", "huge string", "a body over 1 MB in Vietnamese letters", () => body({}, { pad: "ệ".repeat(400_000) }), 413);
  post("A", "huge string", "a declared Content-Length over 1 MB", () => body(), 413, {
    ...JSON_TYPE,
    "content-length": String(2 * MB),
  });
  post("A", "wrong type", "period is a number", () => body({}, { period: 20263 }), 400);
  post("A", "wrong type", "period is an array", () => body({}, { period: [PERIOD] }), 400);
  post("A", "unicode", "full-width period", () => body({}, { period: "\uff12\uff10\uff12\uff16-Q3" }), 400);
  post("A", "unicode", "NUL in period", () => body({}, { period: `${PERIOD}\u0000` }), 400);
  post("A", "html injection", "markup as period", () => body({}, { period: S.htmlAttr }), 400);
  post("A", "sql injection", "SQL in period", () => body({}, { period: `${PERIOD}' OR 1=1 --` }), 400);
  post("A", "number edge", "version -1", () => body({ version: -1 }), 400);
  post("A", "number edge", "version 1.5", () => body({ version: 1.5 }), 400);
  post("A", "number edge", "version over int4", () => body({ version: 2_147_483_648 }), 400);
  post("A", "wrong type", "version is a string", () => body({ version: "1" }), 400);
  post("A", "wrong type", "version is null", () => body({ version: null }), 400);
  post("A", "wrong type", "submit is a string", () => body({ submit: "true" }), 400);
  post("A", "wrong type", "submit is 1", () => body({ submit: 1 }), 400);
  post("A", "extra field", "the row names another agency", () => body({ agencyId: fx.agB }), 400);
  post("A", "extra field", "the row sets its own state", () => body({ state: "APPROVED" }), 400);
  post("A", "extra field", "the body names another agency", () => body({}, { agency: fx.codeB }), 400);
  post("A", "extra field", "a __proto__ key", () => body().replace(/^\{/, '{"__proto__":{"role":"ADMIN"},'), 400);
  post(
    "A",
    "extra field",
    "a constructor key in a row",
    () => body().replace('"rows":[{', '"rows":[{"constructor":{"prototype":{"admin":true}},'),
    400,
  );
  post("A", "state", "a locked quarter", () => body({ version: 0 }, { period: lockedQuarter().key }), 400);
  post("A", "state", "a quarter that does not exist", () => body({}, { period: "1999-Q1" }), 404);
  post("A", "html injection", "javascript: evidence link", () => body({ evidenceUrl: "javascript:alert(1)" }), 400);
}

jsonWriteCases(
  "POST /api/v1/reporting/observations",
  saveObservationsRoute,
  "/api/v1/reporting/observations",
  (row = {}, top = {}) =>
    JSON.stringify({
      period: PERIOD,
      rows: [{ indicatorId: fx.ind, version: fx.obsA.version, value: "55", ...row }],
      ...top,
    }),
);
{
  const T = "POST /api/v1/reporting/observations";
  const body =
    (row: Record<string, unknown> = {}, top: Record<string, unknown> = {}) =>
    () =>
      JSON.stringify({
        period: PERIOD,
        rows: [{ indicatorId: fx.ind, version: fx.obsA.version, value: "55", ...row }],
        ...top,
      });
  const post = (cat: Category, name: string, b: () => string, s: number | number[]) =>
    rcase(T, "A", cat, name, postTo(saveObservationsRoute, "/api/v1/reporting/observations", b), status(s));
  post("wrong type", "indicatorId is a word", body({ indicatorId: "abc" }), 400);
  post("wrong type", "indicatorId is true", body({ indicatorId: true }), 400);
  post("wrong type", "indicatorId is an array", () => body({ indicatorId: [fx.ind] })(), 400);
  post("wrong type", "indicatorId is a numeric string", () => body({ indicatorId: String(fx.ind) })(), 400);
  post("number edge", "indicatorId 1.5", body({ indicatorId: 1.5 }), 400);
  post("number edge", "indicatorId -1", body({ indicatorId: -1 }), 400);
  post("number edge", "indicatorId 0", body({ indicatorId: 0 }), 400);
  post("number edge", "indicatorId over int4", body({ indicatorId: 2_147_483_648 }), 400);
  post("number edge", "indicatorId 1e309", () => body()().replace(/"indicatorId":\d+/, '"indicatorId":1e309'), 400);
  post("wrong type", "value is null", body({ value: null }), 400);
  post("wrong type", "value is an object", body({ value: {} }), 400);
  post("wrong type", "value is an array", body({ value: [55] }), 400);
  post("wrong type", "value is true", body({ value: true }), 400);
  post("number edge", "value 1e309", () => body()().replace('"value":"55"', '"value":1e309'), 400);
  post("number edge", 'value "NaN"', body({ value: "NaN" }), 400);
  post("number edge", 'value "Infinity"', body({ value: "Infinity" }), 400);
  post("number edge", "value -1", body({ value: -1 }), 400);
  post("number edge", "value 101", body({ value: 101 }), 400);
  post("number edge", 'value "1e3"', body({ value: "1e3" }), 400);
  post("huge string", "900 KB source", body({ source: "s".repeat(900_000) }), 400);
  post("huge string", "900 KB note", body({ note: "n".repeat(900_000) }), 400);
  post("huge string", "900 KB value", body({ value: "9".repeat(900_000) }), 400);
  post("unicode", "NUL in source", body({ source: S.nul }), 400);
  post(
    "unicode",
    "lone surrogate in note",
    () => body()().replace('"value":"55"', '"value":"55","note":"abc\\ud800"'),
    400,
  );
  post("unicode", "lone low surrogate in explanation", body({ explanation: S.loneLow }), 400);
  post("unicode", "NUL in comment", body({ comment: S.nul }), 400);
  post("unicode", "full-width value", body({ value: "\uff15\uff15" }), 400);
  post("unicode", "NUL in evidence link", body({ evidenceUrl: "https://so.gov.vn/\u0000" }), 400);
  post("html injection", "script as value", body({ value: S.html }), 400);
  post("sql injection", "SQL as value", body({ value: S.sql }), 400);
  post("sql injection", "SQL as indicatorId", body({ indicatorId: S.sqlNum }), 400);
  post("extra field", "the row sets its approved value", body({ approvedValue: 99, isNational: true }), 400);
  post("forged id", "another agency's indicator", () => body({ indicatorId: fx.indB, version: 0 })(), 403);
  post("state", "a stale version", () => body({ version: fx.obsA.version + 7, value: "57" })(), 409);
  post(
    "state",
    "the same indicator twice",
    () =>
      JSON.stringify({
        period: PERIOD,
        rows: [0, 1].map(() => ({ indicatorId: fx.ind, version: fx.obsA.version, value: "56" })),
      }),
    [400, 409],
  );
}

jsonWriteCases("POST /api/v1/reporting/tasks", saveTasksRoute, "/api/v1/reporting/tasks", (row = {}, top = {}) =>
  JSON.stringify({
    period: PERIOD,
    rows: [{ taskId: fx.taskA, version: 0, status: "IN_PROGRESS", percent: 40, achieved: "Đang triển khai", ...row }],
    ...top,
  }),
);
{
  const T = "POST /api/v1/reporting/tasks";
  const body =
    (row: Record<string, unknown> = {}) =>
    () =>
      JSON.stringify({
        period: PERIOD,
        rows: [
          { taskId: fx.taskA, version: 0, status: "IN_PROGRESS", percent: 40, achieved: "Đang triển khai", ...row },
        ],
      });
  const post = (cat: Category, name: string, b: () => string, s: number | number[]) =>
    rcase(T, "A", cat, name, postTo(saveTasksRoute, "/api/v1/reporting/tasks", b), status(s));
  post("wrong type", "taskId is true", body({ taskId: true }), 400);
  post("wrong type", "taskId is an array", () => body({ taskId: [fx.taskA] })(), 400);
  post("wrong type", "status is a number", body({ status: 1 }), 400);
  post("wrong type", "status is null", body({ status: null }), 400);
  post("wrong type", "percent is true", body({ percent: true }), 400);
  post("wrong type", "percent is an object", body({ percent: {} }), 400);
  post("wrong type", "percent is an array", body({ percent: [40] }), 400);
  post("number edge", "percent 1e309", () => body()().replace('"percent":40', '"percent":1e309'), 400);
  post("number edge", "percent -1", body({ percent: -1 }), 400);
  post("number edge", "percent 101", body({ percent: 101 }), 400);
  post("number edge", "percent 50.5", body({ percent: 50.5 }), 400);
  post("number edge", 'percent "1e2"', body({ percent: "1e2" }), 400);
  post("number edge", 'percent "0x28"', body({ percent: "0x28" }), 400);
  post("number edge", 'percent "NaN"', body({ percent: "NaN" }), 400);
  post("number edge", "taskId over int4", body({ taskId: 2_147_483_648 }), 400);
  post("number edge", "taskId -1", body({ taskId: -1 }), 400);
  post("huge string", "900 KB results", body({ achieved: "a".repeat(900_000) }), 400);
  post("huge string", "900 KB obstacles", body({ obstacles: "o".repeat(900_000) }), 400);
  post("unicode", "NUL in results", body({ achieved: S.nul }), 400);
  post("unicode", "lone surrogate in next steps", body({ nextSteps: S.loneHigh }), 400);
  post("unicode", "zero-width space in status", body({ status: "DONE\u200b" }), 400);
  post("html injection", "script as status", body({ status: S.html }), 400);
  post("sql injection", "SQL as status", body({ status: S.sql }), 400);
  post("forged id", "a task another agency leads", () => body({ taskId: fx.taskMinistry, status: "DONE" })(), 403);
  post("state", "done at 50%", body({ status: "DONE", percent: 50 }), 400);
  post("state", "submitted without results", body({ submit: true, achieved: "" }), 400);
}

// ---- next-auth ------------------------------------------------------------------------------

/** Runs the next-auth handler as Next.js does: inside a request scope whose headers are the request's. */
async function nextAuth(
  method: "GET" | "POST",
  segments: string[],
  opts: { query?: string; body?: string; cookie?: string; contentType?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { host: "localhost", ...(opts.headers ?? {}) };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.contentType) headers["content-type"] = opts.contentType;
  const url = new URL(`${BASE}/api/auth/${segments.join("/")}${opts.query ? `?${opts.query}` : ""}`);
  const req = new NextRequest(url, { method, headers, body: opts.body });
  const workStore = {
    route: "/api/auth/[...nextauth]",
    page: "/api/auth/[...nextauth]/route",
    forceStatic: false,
    dynamicShouldError: false,
  };
  const store = createRequestStoreForAPI(
    { headers } as never,
    { pathname: url.pathname, search: url.search } as never,
    undefined as never,
    undefined,
    undefined as never,
    undefined,
  );
  return workAsyncStorage.run(workStore as never, () =>
    workUnitAsyncStorage.run(store as never, () =>
      Promise.resolve(handler(nextauthRoute, method)(req, { params: Promise.resolve({ nextauth: segments }) })),
    ),
  );
}

/** A CSRF token and its cookie, as the sign-in page gets them. */
async function csrf(): Promise<{ token: string; cookie: string }> {
  const res = await nextAuth("GET", ["csrf"]);
  const token = (await res.json()).csrfToken as string;
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { token, cookie };
}

const noSession = (extra?: (res: Response, text: string) => void) => (res: Response, text: string) => {
  expect(res.headers.getSetCookie().filter((c) => /session-token=[^;]/.test(c))).toEqual([]);
  extra?.(res, text);
};
const statusIn =
  (...s: number[]) =>
  (res: Response) =>
    expect(s).toContain(res.status);
{
  const T = "GET /api/auth/[...nextauth]";
  const na = (
    cat: Category,
    name: string,
    call: () => Promise<Response>,
    check: (res: Response, text: string) => void,
  ) => rcase(T, "anon", cat, name, call, { check: noSession(check) }, true);
  const jsonRefusal = (res: Response, text: string) => {
    expect(res.status).toBe(400);
    expect(JSON.parse(text).error.message).toMatch(VIETNAMESE);
  };
  na(
    "html injection",
    "javascript: callback URL",
    () => nextAuth("GET", ["session"], { query: `callbackUrl=${encodeURIComponent("javascript:alert(1)")}` }),
    jsonRefusal,
  );
  na(
    "html injection",
    "javascript: callback URL on the sign-in page",
    () => nextAuth("GET", ["signin"], { query: `callbackUrl=${encodeURIComponent("javascript:alert(1)")}` }),
    jsonRefusal,
  );
  na(
    "html injection",
    "javascript: callback URL in a cookie",
    () => nextAuth("GET", ["csrf"], { cookie: `next-auth.callback-url=${encodeURIComponent("javascript:alert(1)")}` }),
    (res, text) => {
      jsonRefusal(res, text);
      expect(res.headers.getSetCookie().join("\n")).toMatch(/next-auth\.callback-url=;/);
    },
  );
  na(
    "wrong type",
    "a callback URL that is not a URL",
    () => nextAuth("GET", ["providers"], { query: "callbackUrl=%3A%3A%3A%3A" }),
    jsonRefusal,
  );
  // Anyone can send a cookie that does not decrypt: "no session", and one short warning line (no
  // error, no stack), so a flood of them cannot flood the log.
  let warned: unknown[][] = [];
  na(
    "forged id",
    "a forged session cookie",
    async () => {
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      try {
        return await nextAuth("GET", ["session"], {
          cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged.forged.forged.forged",
        });
      } finally {
        warned = warn.mock.calls;
        warn.mockRestore();
      }
    },
    (res, text) => {
      expect(res.status).toBe(200);
      expect(JSON.parse(text)).toEqual({});
      // (next-auth's own configuration warnings, NEXTAUTH_URL and NO_SECRET in a test, aside)
      const about = warned.filter((args) => args.some((a) => String(a).includes("JWT_SESSION_ERROR")));
      expect(about).toEqual([[expect.stringMatching(/^\[next-auth\] JWT_SESSION_ERROR: [^\n]+$/)]]);
      expect(String(about[0][0])).not.toMatch(/\bat \S+ \(/);
    },
  );
  na("bad query", "an unknown action", () => nextAuth("GET", ["delete-everything"]), statusIn(400));
  na(
    "forged id",
    "an open redirect through the sign-in page",
    () => nextAuth("GET", ["signin"], { query: `callbackUrl=${encodeURIComponent("https://evil.example/steal")}` }),
    (res) => {
      expect(res.status).toBe(302);
      expect(new URL(res.headers.get("location")!, BASE).origin).toBe(BASE);
    },
  );
  na(
    "html injection",
    "script in the error page",
    () => nextAuth("GET", ["error"], { query: `error=${encodeURIComponent(S.html)}` }),
    (res, text) => {
      expect(res.status).toBeLessThan(500);
      expect(text).not.toContain(S.html);
    },
  );
}
{
  const T = "POST /api/auth/[...nextauth]";
  const FORM = "application/x-www-form-urlencoded";
  const na = (
    cat: Category,
    name: string,
    call: () => Promise<Response>,
    check: (res: Response, text: string) => void,
  ) => rcase(T, "anon", cat, name, call, { check: noSession(check) }, true);
  const signIn =
    (
      fields: Record<string, string | string[]>,
      opts: { withCsrf?: boolean; contentType?: string; query?: string } = {},
    ) =>
    async () => {
      const c = opts.withCsrf === false ? { token: "", cookie: "" } : await csrf();
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries({ csrfToken: c.token, json: "true", ...fields }))
        for (const x of [v].flat()) p.append(k, x);
      return nextAuth("POST", ["callback", "credentials"], {
        body: p.toString(),
        cookie: c.cookie,
        contentType: opts.contentType ?? FORM,
        query: opts.query,
      });
    };
  const refused = (res: Response, text: string) => {
    expect([200, 302, 401]).toContain(res.status);
    const where = res.headers.get("location") ?? (text.startsWith("{") ? (JSON.parse(text).url as string) : "");
    expect(where).toMatch(/error=|csrf=true/);
  };
  na(
    "authorization",
    "no CSRF token",
    signIn({ email: "admin@cds.gov.vn", password: "Demo@2026cds" }, { withCsrf: false }),
    refused,
  );
  // Over the body cap (a few KB): refused before next-auth reads it.
  const tooLarge = (res: Response, text: string) => {
    expect(res.status).toBe(413);
    expect(JSON.parse(text).error.message).toMatch(VIETNAMESE);
  };
  na("huge string", "1 MB email", signIn({ email: `${HUGE}@example.vn`, password: "x" }), tooLarge);
  na("unicode", "NUL in email", signIn({ email: "admin\u0000@cds.gov.vn", password: "Demo@2026cds" }), refused);
  na("sql injection", "SQL as email", signIn({ email: `admin@cds.gov.vn' OR '1'='1`, password: S.sql }), refused);
  na("missing field", "no password", signIn({ email: "admin@cds.gov.vn" }), refused);
  na("huge string", "1 MB password", signIn({ email: "admin@cds.gov.vn", password: HUGE }), tooLarge);
  na("wrong type", "two emails", signIn({ email: ["admin@cds.gov.vn", "x"], password: "Demo@2026cds" }), refused);
  const jsonRefusal = (res: Response, text: string) => {
    expect(res.status).toBe(400);
    expect(JSON.parse(text).error.message).toMatch(VIETNAMESE);
  };
  na(
    "content type",
    "a form labelled JSON",
    signIn({ email: "admin@cds.gov.vn", password: "x" }, { contentType: "application/json" }),
    jsonRefusal,
  );
  na(
    "wrong type",
    "a callback URL that is not a URL",
    signIn({ email: "nobody", password: "x", callbackUrl: ":::" }),
    jsonRefusal,
  );
  na(
    "html injection",
    "a javascript: callback URL",
    signIn({ email: "nobody", password: "x", callbackUrl: "javascript:alert(1)" }),
    jsonRefusal,
  );
  na(
    "authorization",
    "sign-out without a CSRF token",
    () => nextAuth("POST", ["signout"], { body: "", contentType: FORM }),
    (res) => expect(res.status).toBeLessThan(500),
  );
}

// ---- next-auth: body caps, forged addresses, actions it should never see (auth hardening) ----
{
  const T = "POST /api/auth/[...nextauth]";
  const FORM = "application/x-www-form-urlencoded";
  const KB = 1024;
  const na = (
    cat: Category,
    name: string,
    call: () => Promise<Response>,
    check: (res: Response, text: string) => void,
    target = T,
  ) => rcase(target, "anon", cat, name, call, { check: noSession(check) }, true);
  const GET_T = "GET /api/auth/[...nextauth]";
  const refusedWith = (status: number) => (res: Response, text: string) => {
    expect(res.status, text.slice(0, 200)).toBe(status);
    expect(JSON.parse(text).error.message).toMatch(VIETNAMESE);
  };
  /** The route handler with any body (a stream too), in the same request scope nextAuth() builds. */
  async function nextAuthRaw(
    segments: string[],
    headers: Record<string, string>,
    body: BodyInit | undefined,
    method: "GET" | "POST" = "POST",
  ) {
    const all: Record<string, string> = { host: "localhost", ...headers };
    const url = new URL(`${BASE}/api/auth/${segments.join("/")}`);
    const req = new NextRequest(url, { method, headers: all, body, duplex: "half" } as never);
    const workStore = {
      route: "/api/auth/[...nextauth]",
      page: "/api/auth/[...nextauth]/route",
      forceStatic: false,
      dynamicShouldError: false,
    };
    const store = createRequestStoreForAPI(
      { headers: all } as never,
      { pathname: url.pathname, search: url.search } as never,
      undefined as never,
      undefined,
      undefined as never,
      undefined,
    );
    return workAsyncStorage.run(workStore as never, () =>
      workUnitAsyncStorage.run(store as never, () =>
        Promise.resolve(handler(nextauthRoute, method)(req, { params: Promise.resolve({ nextauth: segments }) })),
      ),
    );
  }
  /** A body of `total` bytes made as it is read; `pulled` says how much the handler read. */
  const endless = (total: number) => {
    const meter = { pulled: 0 };
    const chunk = new Uint8Array(64 * KB).fill(97);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (meter.pulled >= total) return controller.close();
        meter.pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    return { stream, meter };
  };
  let meter = { pulled: 0 };
  na(
    "huge string",
    "a 200 MB sign-in body of undeclared length is read no further than the cap",
    () => {
      const e = endless(200 * MB);
      meter = e.meter;
      return nextAuthRaw(["callback", "credentials"], { "content-type": FORM }, e.stream);
    },
    (res, text) => {
      refusedWith(413)(res, text);
      expect(meter.pulled).toBeLessThanOrEqual(128 * KB);
    },
  );
  na(
    "huge string",
    "a declared 200 MB sign-in body is refused before any of it is read",
    () => {
      const e = endless(200 * MB);
      meter = e.meter;
      return nextAuthRaw(
        ["callback", "credentials"],
        { "content-type": FORM, "content-length": String(200 * MB) },
        e.stream,
      );
    },
    (res, text) => {
      refusedWith(413)(res, text);
      expect(meter.pulled).toBeLessThanOrEqual(64 * KB);
    },
  );
  na(
    "huge string",
    "a 9 KB sign-in form",
    () =>
      nextAuthRaw(
        ["callback", "credentials"],
        { "content-type": FORM },
        `email=a%40b.vn&password=${"x".repeat(9 * KB)}`,
      ),
    refusedWith(413),
  );
  na(
    "huge string",
    "a 9 KB JSON session update",
    () =>
      nextAuthRaw(["session"], { "content-type": "application/json" }, JSON.stringify({ data: "x".repeat(9 * KB) })),
    refusedWith(413),
  );
  na(
    "huge string",
    "a 9 KB sign-out body",
    () => nextAuthRaw(["signout"], { "content-type": FORM }, `csrfToken=${"x".repeat(9 * KB)}`),
    refusedWith(413),
  );
  na(
    "wrong type",
    "a content length that is not a number",
    () => nextAuthRaw(["callback", "credentials"], { "content-type": FORM, "content-length": "1e9" }, "email=a"),
    refusedWith(413),
  );
  // Addresses: whatever a client writes in these headers is neither believed nor stored.
  na(
    "huge string",
    "an 8 KB X-Forwarded-For on sign-in",
    () =>
      nextAuthRaw(
        ["callback", "credentials"],
        { "content-type": FORM, "x-forwarded-for": "1".repeat(8 * KB) },
        "email=not-an-email&password=x&json=true",
      ),
    (res) => expect(res.status).toBeLessThan(500),
  );
  na(
    "forged id",
    "a forged client-address header on sign-in",
    () =>
      nextAuthRaw(
        ["callback", "credentials"],
        { "content-type": FORM, "x-cds-client-address": "198.51.100.77" },
        "email=not-an-email&password=x&json=true",
      ),
    (res) => expect(res.status).toBeLessThan(500),
  );
  na(
    "html injection",
    "markup as X-Forwarded-For",
    () =>
      nextAuthRaw(
        ["callback", "credentials"],
        { "content-type": FORM, "x-forwarded-for": S.html },
        "email=not-an-email&password=x",
      ),
    (res) => expect(res.status).toBeLessThan(500),
  );
  // JSON that is not an object: next-auth reads fields off it.
  for (const [name, body] of [
    ["null", "null"],
    ["an array", "[1]"],
    ["a string", '"x"'],
    ["a number", "5"],
  ] as const) {
    na(
      "bad json",
      `JSON ${name} as the sign-in body`,
      () => nextAuthRaw(["callback", "credentials"], { "content-type": "application/json" }, body),
      refusedWith(400),
    );
  }
  // Actions the portal does not use, which reached next-auth's internals (and its error text).
  na(
    "bad query",
    "GET on the credentials callback",
    () => nextAuthRaw(["callback", "credentials"], {}, undefined, "GET"),
    (res, text) => {
      refusedWith(400)(res, text);
      expect(text).not.toMatch(/NextAuth|not supported|provider type/i);
    },
    GET_T,
  );
  na(
    "bad query",
    "POST to an unknown provider's callback",
    () => nextAuthRaw(["callback", "github"], { "content-type": FORM }, "x=1"),
    (res, text) => {
      refusedWith(400)(res, text);
      expect(text).not.toMatch(/NextAuth/);
    },
  );
  na(
    "bad query",
    "POST to the CSRF endpoint",
    () => nextAuthRaw(["csrf"], { "content-type": FORM }, ""),
    refusedWith(400),
  );
  na(
    "bad query",
    "GET an unknown provider's sign-in",
    () => nextAuthRaw(["signin", "github"], {}, undefined, "GET"),
    refusedWith(400),
    GET_T,
  );
  // next-auth's client log endpoint wrote anyone's text into the server's error log.
  na(
    "html injection",
    "a forged client error report",
    () => nextAuthRaw(["_log"], { "content-type": FORM }, `level=error&code=${encodeURIComponent(S.html)}&message=x`),
    (res) => expect(res.status).toBe(204),
  );
}

// ---- Running a case -------------------------------------------------------------------------

const tally = {
  actions: 0,
  routes: 0,
  refused: 0,
  ignored: 0,
  serverErrors: [] as string[],
  partialWrites: [] as string[],
  byCategory: new Map<string, number>(),
  byTarget: new Map<string, number>(),
};
let pgc: pg.Client;
let fp: Fingerprint;
const baselines = new Map<string, string>();

function signInAs(who: Who) {
  setClaims(who === "anon" ? null : fx.claims[who]);
}

/** Runs one case: no exception, no logged unexpected error, no write anywhere; returns what it answered. */
async function guarded<T>(
  label: string,
  kind: "actions" | "routes",
  c: { target: string; category: Category },
  run: () => Promise<T>,
) {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  let result: T | undefined;
  let thrown: unknown;
  try {
    result = await run();
  } catch (e) {
    thrown = e;
  }
  const logged = errors.mock.calls.map((args) =>
    args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(" "),
  );
  errors.mockRestore();
  const after = await fingerprint(pgc, UPLOAD_DIR);
  const writes = changed(fp, after);
  fp = after;
  tally[kind]++;
  tally.byCategory.set(c.category, (tally.byCategory.get(c.category) ?? 0) + 1);
  tally.byTarget.set(c.target, (tally.byTarget.get(c.target) ?? 0) + 1);
  if (thrown !== undefined || logged.length) tally.serverErrors.push(`${label}: ${thrown ?? logged[0]}`);
  if (writes.length) tally.partialWrites.push(`${label}: ${writes.join(", ")}`);
  expect(thrown, "an exception escaped").toBeUndefined();
  expect(logged.join("\n").slice(0, 800), "the server logged an unexpected error").toBe("");
  expect(writes, "tables (or evidence files) written by a refused request").toEqual([]);
  return result as T;
}

async function runAction(c: ActionCase) {
  const label = `${c.target} › ${c.name}`;
  signInAs(c.as);
  const fd = await c.form();
  const r = await guarded(label, "actions", c, () => ACTION_FNS[c.target](null, fd));
  // What the user typed comes back to refill the form: everything else is what the server says.
  const shown = { ...r, values: undefined };
  expect(r.ok, JSON.stringify(shown).slice(0, 400)).toBe(false);
  expect(typeof r.message === "string" && r.message.length > 0 ? r.message : "", "a message").toMatch(VIETNAMESE);
  if (c.message) expect(r.message).toMatch(c.message);
  const fieldText = Object.values(r.fieldErrors ?? {}).flat();
  expect(fieldText.every((m) => typeof m === "string" && m.length > 0)).toBe(true);
  expect(
    fieldText.filter((m) => !VIETNAMESE.test(m)),
    "field messages not in Vietnamese",
  ).toEqual([]);
  if (c.field)
    expect(
      Object.keys(r.fieldErrors ?? {}),
      `field errors: ${JSON.stringify(r.fieldErrors)}`.slice(0, 400),
    ).toContainEqual(expect.stringMatching(c.field));
  expect(leakIn(JSON.stringify(shown)), "internal text in the answer").toBeNull();
  tally.refused++;
}

/** A response body, normalised so two answers to the same question compare equal. */
const normal = (text: string, type: string | null) => {
  if (!type?.includes("json")) return text;
  const j = JSON.parse(text);
  if (j?.meta?.generatedAt) j.meta.generatedAt = "(time)";
  // A list's links repeat the query it was asked with, ignored parameters included.
  if (j?.links) delete j.links;
  return JSON.stringify(j);
};

async function runRoute(c: RouteCase) {
  const label = `${c.target} › ${c.name}`;
  signInAs(c.as);
  const { res, text } = await guarded(label, "routes", c, async () => {
    const res = await c.call();
    return { res, text: await res.text() };
  });
  expect(res.status, text.slice(0, 300)).toBeLessThan(500);
  if ("status" in c.expect) {
    const expected = [c.expect.status].flat();
    expect(expected, `status ${res.status}: ${text.slice(0, 300)}`).toContain(res.status);
    expect(res.headers.get("content-type")).toMatch(/json/);
    const { message, fieldErrors, details } = JSON.parse(text)?.error ?? {};
    expect(typeof message === "string" ? message : "", "a JSON error message in Vietnamese").toMatch(VIETNAMESE);
    // What is said about each field or parameter too, zod's own messages included.
    const said = [
      ...Object.values<string[]>(fieldErrors ?? {}).flat(),
      ...(Array.isArray(details) ? details.map((d: { message: string }) => d.message) : []),
    ];
    expect(
      said.filter((m) => !VIETNAMESE.test(m)),
      "field messages not in Vietnamese",
    ).toEqual([]);
    expect(leakIn(text), "internal text in the answer").toBeNull();
    tally.refused++;
  } else if ("sameAs" in c.expect) {
    const key = `${c.as} ${c.expect.key}`;
    if (!baselines.has(key)) {
      const clean = await c.expect.sameAs();
      expect(clean.status).toBe(200);
      baselines.set(key, normal(await clean.text(), clean.headers.get("content-type")));
    }
    expect(res.status, text.slice(0, 300)).toBe(200);
    expect(
      normal(text, res.headers.get("content-type")) === baselines.get(key),
      "the ignored parameter changed the answer",
    ).toBe(true);
    tally.ignored++;
  } else {
    c.expect.check(res, text);
    if (res.status >= 400) expect(leakIn(text), "internal text in the answer").toBeNull();
    if (res.status >= 400 || c.nextauth) tally.refused++;
    else tally.ignored++;
  }
}

// ---- Fixtures -------------------------------------------------------------------------------

const zips: Record<"plain" | "bomb" | "nulCell" | "ansiCell" | "surrogateCell", Uint8Array> = {
  plain: new Uint8Array(),
  bomb: new Uint8Array(),
  nulCell: new Uint8Array(),
  ansiCell: new Uint8Array(),
  surrogateCell: new Uint8Array(),
};

/**
 * A's template with `xml` (raw spreadsheet XML text, e.g. the `_x0000_` escape of a NUL, which
 * Excel never writes and exceljs reads back as the character) in the source cell of its first
 * indicator row: a hand-made file.
 */
async function templateWith(xml: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(fx.templateA) as never);
  const ws = wb.getWorksheet("Chỉ tiêu")!;
  let col = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (c.value === "Nguồn / phương pháp") col = n;
  });
  ws.getRow(2).getCell(col).value = "HOSTILE-PLACEHOLDER";
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  let replaced = 0;
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".xml"))) {
    const text = await zip.file(name)!.async("string");
    if (!text.includes("HOSTILE-PLACEHOLDER")) continue;
    zip.file(name, text.replace("HOSTILE-PLACEHOLDER", xml));
    replaced++;
  }
  expect(replaced).toBe(1);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function userOf(claims: SessionClaims): Promise<SessionUser> {
  setClaims(claims);
  const u = await currentUser();
  if (!u) throw new Error("fixture user cannot sign in");
  return u;
}

beforeAll(async () => {
  expect(env.uploadDir, "evidence files of this file go to its own folder").toBe(UPLOAD_DIR);
  pgc = new pg.Client({ connectionString: inject("databaseUrl") });
  await pgc.connect();
  const one = async (sql: string, params: unknown[] = []) => (await pgc.query(sql, params)).rows[0];
  const idOf = async (table: string, col: string, value: string) =>
    (await one(`SELECT id FROM "${table}" WHERE ${col} = $1`, [value])).id as number;

  fx.agA = await idOf("Agency", "code", fx.codeA);
  fx.agB = await idOf("Agency", "code", fx.codeB);
  fx.former = await idOf("Agency", "code", "BTTTT");
  fx.ind = await idOf("Indicator", "code", "digital-inspections-share");
  fx.indB = await idOf("Indicator", "code", "work-records-processed-online-share");
  fx.gdp = await idOf("Indicator", "code", "digital-economy-gdp-share");
  fx.adminId = await idOf("User", "email", "admin@cds.gov.vn");
  // Email tokens already spent or past their time: refused like unknown ones (expired: said so).
  for (const [k, purpose, used, expired] of [
    ["usedReset", "RESET", true, false],
    ["expiredReset", "RESET", false, true],
    ["usedUnsub", "UNSUBSCRIBE", true, false],
    ["expiredUnsub", "UNSUBSCRIBE", false, true],
  ] as const) {
    const t = newToken();
    fx.tokens[k] = t.token;
    await pgc.query(
      `INSERT INTO "EmailToken" (purpose, "tokenHash", "userId", category, "expiresAt", "usedAt")
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        purpose,
        t.hash,
        fx.adminId,
        purpose === "UNSUBSCRIBE" ? "deadline" : null,
        expired ? new Date("2020-01-01T00:00:00Z") : new Date("2099-01-01T00:00:00Z"),
        used ? new Date("2020-01-01T00:00:00Z") : null,
      ],
    );
  }

  // Two reporters of two provinces no other test reports for, a user to administer, a
  // deactivated one; the two provinces share one indicator and B alone reports another.
  const hash = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A".repeat(86) + "==";
  const addUser = async (tag: string, role: string, agencyId: number, active = true) =>
    (await one(
      `INSERT INTO "User" (email, name, "passwordHash", role, "agencyId", active) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, "sessionVersion"`,
      [`hostile-${tag}-${stamp}@example.vn`, `Hostile ${tag}`, hash, role, agencyId, active],
    )) as { id: number; sessionVersion: number };
  const a = await addUser("a", "REPORTER", fx.agA);
  const b = await addUser("b", "REPORTER", fx.agB);
  const inactive = await addUser("inactive", "REPORTER", fx.agA, false);
  fx.userT = (await addUser("target", "REPORTER", fx.agB)).id;
  for (const [ind, ag] of [
    [fx.ind, fx.agA],
    [fx.ind, fx.agB],
    [fx.indB, fx.agB],
  ]) {
    await pgc.query(
      `INSERT INTO "IndicatorAssignment" ("indicatorId", "agencyId") VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [ind, ag],
    );
  }
  fx.assignB = (
    await one(`SELECT id FROM "IndicatorAssignment" WHERE "indicatorId" = $1 AND "agencyId" = $2`, [fx.ind, fx.agB])
  ).id;
  const claimsOf = async (email: string) => {
    const r = await one(`SELECT id, "sessionVersion" FROM "User" WHERE email = $1`, [email]);
    return { uid: r.id as number, sv: r.sessionVersion as number };
  };
  fx.claims = {
    anon: null,
    admin: await claimsOf("admin@cds.gov.vn"),
    reviewer: await claimsOf("reviewer@cds.gov.vn"),
    editor: await claimsOf("editor@cds.gov.vn"),
    viewer: await claimsOf("viewer.hanoi@cds.gov.vn"),
    A: { uid: a.id, sv: a.sessionVersion },
    B: { uid: b.id, sv: b.sessionVersion },
    stale: { uid: a.id, sv: a.sessionVersion + 1 },
    ghost: { uid: NOWHERE, sv: 0 },
    inactive: { uid: inactive.id, sv: inactive.sessionVersion },
  };
  const userA = await userOf(fx.claims.A!);
  const userB = await userOf(fx.claims.B!);

  // Tasks: one both provinces lead (A has not reported it), one only a ministry leads.
  fx.taskA = (
    await one(
      `SELECT "taskId" FROM "TaskAssignment" WHERE "agencyId" = $1 AND role = 'LEAD' AND "taskId" IN (SELECT "taskId" FROM "TaskAssignment" WHERE "agencyId" = $2 AND role = 'LEAD') ORDER BY "taskId" LIMIT 1`,
      [fx.agA, fx.agB],
    )
  ).taskId;
  const [taskB1, taskB2] = (
    await pgc.query(
      `SELECT "taskId" FROM "TaskAssignment" WHERE "agencyId" = $1 AND role = 'LEAD' AND "taskId" <> $2 ORDER BY "taskId" DESC LIMIT 2`,
      [fx.agB, fx.taskA],
    )
  ).rows.map((r) => r.taskId as number);
  fx.taskMinistry = (
    await one(
      `SELECT "taskId" FROM "TaskAssignment" t WHERE role = 'LEAD' AND NOT EXISTS (SELECT 1 FROM "TaskAssignment" x WHERE x."taskId" = t."taskId" AND x."agencyId" IN ($1, $2)) ORDER BY "taskId" LIMIT 1`,
      [fx.agA, fx.agB],
    )
  ).taskId;

  // Records of the quarter: drafts of both agencies, a submitted task of B, B's evidence file.
  const { year, quarter } = openQuarter();
  await saveIndicatorValues(userA, {
    year,
    quarter,
    rows: [indicatorRow.parse({ indicatorId: fx.ind, version: 0, value: "45" })],
  });
  await saveIndicatorValues(userB, {
    year,
    quarter,
    rows: [indicatorRow.parse({ indicatorId: fx.ind, version: 0, value: "40" })],
  });
  await saveTaskProgress(userB, {
    year,
    quarter,
    rows: [taskRow.parse({ taskId: taskB1, status: "IN_PROGRESS", percent: "10", achieved: "Khởi động" })],
  });
  await saveTaskProgress(userB, {
    year,
    quarter,
    rows: [
      taskRow.parse({
        taskId: taskB2,
        status: "IN_PROGRESS",
        percent: "20",
        achieved: "Đã triển khai một phần",
        submit: true,
      }),
    ],
  });
  const rec = async (table: string, agencyId: number, col: string, id: number) =>
    (await one(
      `SELECT id, version FROM "${table}" WHERE "agencyId" = $1 AND "${col}" = $2 AND year = 2026 AND quarter = 3`,
      [agencyId, id],
    )) as { id: number; version: number };
  fx.obsB = await rec("Observation", fx.agB, "indicatorId", fx.ind);
  await attachEvidence(userB, { kind: "obs", id: fx.obsB.id, file: FILES.pdf() });
  fx.obsA = await rec("Observation", fx.agA, "indicatorId", fx.ind);
  fx.obsB = await rec("Observation", fx.agB, "indicatorId", fx.ind);
  fx.evB = (await one(`SELECT "evidenceFileId" FROM "Observation" WHERE id = $1`, [fx.obsB.id])).evidenceFileId;
  fx.tpB = await rec("TaskProgress", fx.agB, "taskId", taskB1);
  fx.tpBSub = await rec("TaskProgress", fx.agB, "taskId", taskB2);
  fx.noteB = (
    await one(
      `INSERT INTO "Notification" ("userId", kind, category, "itemKind", "itemId", "agencyId", params, href) VALUES ($1, 'RETURNED', 'review', 'obs', $2, $3, '{}', $4) RETURNING id`,
      [b.id, fx.obsB.id, fx.agB, `/reporting/observations/${fx.obsB.id}`],
    )
  ).id;

  // Import batches: A's clean preview, A's preview with errors (B's file), A's cancelled one, B's.
  fx.templateA = (await buildTemplate(userA, { agencyId: fx.agA, year, quarter })).bytes;
  const templateB = (await buildTemplate(userB, { agencyId: fx.agB, year, quarter })).bytes;
  const preview = async (u: SessionUser, bytes: Uint8Array) =>
    previewImport(u, { year, quarter, fileName: "bao-cao.xlsx", bytes });
  fx.batchA = (await preview(userA, fx.templateA)).id;
  const err = await preview(userA, templateB);
  expect(err.errorCount).toBeGreaterThan(0);
  fx.batchAErr = err.id;
  fx.batchACancelled = (await preview(userA, fx.templateA)).id;
  await cancelImport(userA, fx.batchACancelled);
  fx.batchB = (await preview(userB, templateB)).id;

  const p = await one(
    `SELECT id, "opensAt", "dueAt", "locksAt" FROM "ReportingPeriod" WHERE year = 2026 AND quarter = 3`,
  );
  const day = (d: Date) => d.toISOString().slice(0, 10);
  fx.periodQ3 = { id: p.id, opensAt: day(p.opensAt), dueAt: day(p.dueAt), locksAt: day(p.locksAt) };
  fx.target = await idOf("Target", "key", "411-2030-de-gdp-share");
  fx.targetNoOverride = (
    await one(
      `SELECT id FROM "Target" t WHERE NOT EXISTS (SELECT 1 FROM "StatusOverride" o WHERE o."targetId" = t.id AND o."revokedAt" IS NULL) ORDER BY id DESC LIMIT 1`,
    )
  ).id;

  // Zips: one that is not a workbook, and a bomb whose 61 MB of zeros pack into a few kilobytes.
  const plain = new JSZip();
  plain.file("hello.txt", "Xin chào");
  zips.plain = await plain.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const bomb = new JSZip();
  bomb.file("xl/workbook.xml", new Uint8Array(61 * MB));
  zips.bomb = await bomb.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });
  zips.nulCell = await templateWith("Sở a_x0000_b");
  zips.ansiCell = await templateWith("Sở _x001B_[2J_x001B_[31m");
  zips.surrogateCell = await templateWith("Sở _xD800_");

  setClaims(null);
  fp = await fingerprint(pgc, UPLOAD_DIR);
});

afterAll(async () => {
  const total = tally.actions + tally.routes;
  console.log(
    [
      `hostile-input: ${total} cases (actions ${tally.actions}, routes ${tally.routes}), ${tally.serverErrors.length} server errors, ${tally.partialWrites.length} partial writes`,
      `  outcomes: ${tally.refused} refused, ${tally.ignored} ignored as documented`,
      `  by category: ${[...tally.byCategory]
        .sort((x, y) => y[1] - x[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(", ")}`,
      `  by target: ${[...tally.byTarget].map(([k, n]) => `${k} ${n}`).join(", ")}`,
      ...tally.serverErrors.map((e) => `  server error: ${e.slice(0, 300)}`),
      ...tally.partialWrites.map((e) => `  partial write: ${e.slice(0, 300)}`),
    ].join("\n"),
  );
  await pgc?.end();
  rmSync(UPLOAD_DIR, { recursive: true, force: true });
  // The table only grows: a removed case fails here.
  expect(tally.actions).toBeGreaterThanOrEqual(MIN_ACTION_CASES);
  expect(tally.routes).toBeGreaterThanOrEqual(MIN_ROUTE_CASES);
  expect(tally.serverErrors).toEqual([]);
  expect(tally.partialWrites).toEqual([]);
});

/** The size of the table as built (the summary line's counts): it may grow, never shrink. */
const MIN_ACTION_CASES = 1150;
const MIN_ROUTE_CASES = 551;

// ---- The tests ------------------------------------------------------------------------------

describe("the table covers everything", () => {
  const files = (dir: string, name: RegExp): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? files(p, name) : name.test(f) ? [path.relative(process.cwd(), p)] : [];
    });

  it("every server action of every module has cases", () => {
    const modules = readdirSync("src/modules")
      .filter((m) => readdirSync(path.join("src/modules", m)).includes("actions.ts"))
      .map((m) => `src/modules/${m}/actions.ts`);
    expect(Object.keys(ACTIONS).sort()).toEqual(modules.sort());
    const targets = new Set(actionCases.map((c) => c.target));
    const exported = Object.values(ACTIONS).flatMap((m) => Object.keys(m).filter((k) => typeof m[k] === "function"));
    expect(exported.filter((k) => !targets.has(k))).toEqual([]);
    expect([...targets].filter((t) => !ACTION_FNS[t])).toEqual([]);
  });

  it("every exported method of every route handler has cases", () => {
    expect(Object.keys(ROUTES).sort()).toEqual(files("src/app/api", /^route\.ts$/).sort());
    const targets = new Set(routeCases.map((c) => c.target));
    const methods = Object.entries(ROUTES).flatMap(([file, mod]) =>
      Object.keys(mod)
        .filter((k) => /^[A-Z]+$/.test(k) && typeof mod[k] === "function")
        .map((m) => `${m} ${urlOf(file)}`),
    );
    expect(methods.filter((m) => !targets.has(m))).toEqual([]);
    expect([...targets].filter((t) => !methods.includes(t))).toEqual([]);
  });
});

describe("server actions refuse hostile input", () => {
  for (const c of actionCases) it(`${c.target} › ${c.category} › ${c.name} (as ${c.as})`, () => runAction(c));
});

describe("route handlers refuse hostile input", () => {
  for (const c of routeCases) it(`${c.target} › ${c.category} › ${c.name} (as ${c.as})`, () => runRoute(c));
});

// The operators' endpoints live in the front server (src/server/ops/http.ts), before Next: probed
// here on a real socket with what a scanner sends. They answer briefly, never with internal text.
describe("operators' endpoints refuse hostile input", () => {
  const TOKEN = "hostile-metrics-token-0123456789abcdef";
  const ready = async () => ({ ok: false as const, reason: "database" as const });
  const registry = {
    contentType: "text/plain",
    metrics: async () => "cds_up 1\n",
  } as unknown as import("prom-client").Registry;
  const server = (async () => {
    const http = await import("node:http");
    const srv = http.createServer((req, res) => {
      if (!handleOps(req, res, { ready, registry, metricsToken: TOKEN })) res.writeHead(418).end();
    });
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    return srv;
  })();
  afterAll(async () => {
    const srv = await server;
    srv.closeAllConnections();
    await new Promise((r) => srv.close(r));
  });
  const send = async (method: string, p: string, headers: Record<string, string> = {}, body?: string) => {
    const srv = await server;
    const { port } = srv.address() as import("node:net").AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}${p}`, { method, headers, body });
    return { status: res.status, text: await res.text(), cache: res.headers.get("cache-control") };
  };
  const cases: [string, string, string, Record<string, string>, number, string?][] = [
    ["POST to health", "POST", "/api/health", { "content-type": "application/json" }, 405, "{}"],
    ["DELETE ready", "DELETE", "/api/ready", {}, 405],
    ["junk query on health", "GET", "/api/health?x=%00%ff&__proto__[a]=1", {}, 200],
    ["junk query on ready", "GET", "/api/ready?" + "a".repeat(4000), {}, 503],
    ["metrics without a token", "GET", "/metrics", {}, 401],
    ["metrics with a wrong token", "GET", "/metrics", { authorization: `Bearer ${TOKEN.slice(0, -1)}x` }, 401],
    ["metrics with a longer token", "GET", "/metrics", { authorization: `Bearer ${TOKEN}${TOKEN}` }, 401],
    [
      "metrics with the token as basic auth",
      "GET",
      "/metrics",
      { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}` },
      401,
    ],
    ["metrics with the token in the query", "GET", `/metrics?token=${TOKEN}`, {}, 401],
    ["metrics with an 8 KB header", "GET", "/metrics", { authorization: `Bearer ${"x".repeat(8000)}` }, 401],
    ["PUT metrics with the token", "PUT", "/metrics", { authorization: `Bearer ${TOKEN}` }, 405, "x"],
    ["a path next to health", "GET", "/api/health/../ready", {}, 503],
    ["a longer path is not an ops path", "GET", "/api/healthz", {}, 418],
  ];
  for (const [name, method, p, headers, want, body] of cases) {
    it(`${method} ${p.slice(0, 40)} › ${name}`, async () => {
      const r = await send(method, p, headers, body);
      expect(r.status).toBe(want);
      expect(r.text).not.toMatch(/Error|stack|at \/|postgres|prisma|SELECT/i);
      if (want !== 418) expect(r.cache).toBe("no-store");
    });
  }
});
