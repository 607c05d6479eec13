// Which failures count as "the database is unavailable" (503, retry later) rather than a bug, by
// the shapes every layer produces: Node sockets, node-postgres, the Prisma driver adapter, Prisma.
// tests/integration/faults.test.ts produces the common ones for real (server stopped, connection
// terminated); this covers the rest.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { publicErrorResponse } from "./api";
import { asAppError, ConflictError, DatabaseUnavailableError, isDatabaseUnavailable, ValidationError } from "./errors";

const sock = (code: string) =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: "connect" });
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });
const adapter = (cause: Record<string, unknown>) =>
  Object.assign(new Error(String(cause.kind)), { name: "DriverAdapterError", cause });
const prisma = (code: string, message: string, meta?: unknown) =>
  Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, meta });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["connection refused", sock("ECONNREFUSED")],
    ["connection reset", sock("ECONNRESET")],
    ["connect timeout (socket)", sock("ETIMEDOUT")],
    ["node-postgres: connection terminated", new Error("Connection terminated unexpectedly")],
    ["node-postgres: pool connect timeout", new Error("timeout exceeded when trying to connect")],
    ["node-postgres: broken client", new Error("Client has encountered a connection error and is not queryable")],
    ["PostgreSQL 57P01 admin shutdown", pgError("57P01", "terminating connection due to administrator command")],
    [
      "PostgreSQL 57P02 crash shutdown",
      pgError("57P02", "terminating connection because of crash of another server process"),
    ],
    ["PostgreSQL 57P03 starting up", pgError("57P03", "the database system is starting up")],
    ["PostgreSQL 08006 connection failure", pgError("08006", "connection failure")],
    ["PostgreSQL 53300 too many connections", pgError("53300", "sorry, too many clients already")],
    ["adapter: not reachable", adapter({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
    ["adapter: connection closed", adapter({ kind: "ConnectionClosed" })],
    ["adapter: postgres 57P01", adapter({ kind: "postgres", code: "57P01", severity: "FATAL", message: "x" })],
    ["Prisma P1001", prisma("P1001", "Can't reach database server at 127.0.0.1:5432")],
    ["Prisma P1017", prisma("P1017", "Server has closed the connection.")],
    ["Prisma P2024 pool timeout", prisma("P2024", "Timed out fetching a new connection from the connection pool.")],
    [
      "Prisma P2010 wrapping the adapter's 57P01",
      prisma("P2010", "Raw query failed.", { driverAdapterError: adapter({ kind: "postgres", code: "57P01" }) }),
    ],
    [
      "Prisma P2010 wrapping not reachable",
      prisma("P2010", "Raw query failed.", { driverAdapterError: adapter({ kind: "DatabaseNotReachable" }) }),
    ],
    [
      "Prisma: no free connection for a transaction",
      prisma("P2028", "Transaction API error: Unable to start a transaction in the given time."),
    ],
    ["an Error whose cause is one", new Error("query failed", { cause: sock("ECONNREFUSED") })],
    ["an AggregateError holding one", new AggregateError([sock("ECONNREFUSED")], "")],
    ["an explicit DatabaseUnavailableError", new DatabaseUnavailableError()],
  ])("%s: yes", (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(asAppError(err)).toBeInstanceOf(DatabaseUnavailableError);
  });

  it.each([
    ["a unique violation", prisma("P2002", "Unique constraint failed on the fields: (`email`)")],
    ["PostgreSQL 23505", pgError("23505", "duplicate key value violates unique constraint")],
    ["a syntax error", pgError("42601", "syntax error at or near")],
    [
      "a statement timeout (the query, not the connection)",
      pgError("57014", "canceling statement due to statement timeout"),
    ],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["a user's mistake", new ValidationError({ value: ["x"] })],
    ["a conflict", new ConflictError("Một số mục vừa được người khác cập nhật.")],
    ["nothing", undefined],
  ])("%s: no", (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});

describe("publicErrorResponse", () => {
  beforeEach(() => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it("answers an unreachable database with 503, Retry-After, no-store, and no internal text", async () => {
    const res = publicErrorResponse(prisma("P1001", "Can't reach database server at 10.0.0.7:5432"));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const text = await res.text();
    expect(JSON.parse(text).error.message).toMatch(
      /^Cơ sở dữ liệu tạm thời không truy cập được.* \/ The database is temporarily unavailable/,
    );
    expect(text).not.toMatch(/10\.0\.0\.7|P1001|reach/);
  });

  it("keeps a user-facing error's status and hides anything else behind a generic 500", async () => {
    expect(publicErrorResponse(new ConflictError("Đã có người sửa.")).status).toBe(409);
    const res = publicErrorResponse(new TypeError("secret internals at foo.ts:12"));
    expect(res.status).toBe(500);
    expect(await res.text()).not.toMatch(/secret|foo\.ts/);
  });
});

describe("zod's messages", () => {
  // Loading errors.ts (as every server path does) sets zod's locale for the process.
  it("are Vietnamese for type errors and unknown keys, and a schema's own message still wins", () => {
    const issue = (r: { error?: { issues: { message: string }[] } }) => r.error!.issues[0].message;
    expect(issue(z.string().safeParse(5))).toBe("Đầu vào không hợp lệ: mong đợi string, nhận được số");
    expect(issue(z.strictObject({ value: z.string() }).safeParse({ value: "1", agencyId: 3 }))).toBe(
      'Khóa không được nhận dạng: "agencyId"',
    );
    expect(issue(z.number().int().safeParse(1.5))).toMatch(/không hợp lệ/);
    expect(issue(z.string({ message: "Giá trị phải là văn bản." }).safeParse(5))).toBe("Giá trị phải là văn bản.");
    expect(issue(z.string().max(2, "Quá dài (tối đa 2 ký tự).").safeParse("abc"))).toBe("Quá dài (tối đa 2 ký tự).");
  });
});
