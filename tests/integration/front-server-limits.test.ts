// The front server's own checks, on real sockets, in front of a stand-in for Next that reads
// every body in full (as Next does for a route handler): oversized bodies never reach it, and the
// client address it passes on comes from the socket, not from anything the client wrote.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTrustedProxies } from "@/lib/ip";
import { refuseOversizedBody, stampClientAddress } from "@/server/http/server";

type Seen = { address: string | undefined; bytes: number };
const seen: Seen[] = [];
let server: http.Server;
let trusted: ReturnType<typeof parseTrustedProxies> = null;
let port = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    stampClientAddress(req, trusted);
    if (refuseOversizedBody(req, res)) return;
    let bytes = 0;
    req.on("data", (c: Buffer) => (bytes += c.length));
    req.on("end", () => {
      seen.push({ address: req.headers["x-cds-client-address"] as string | undefined, bytes });
      res.end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

/** Sends `total` bytes (declared, or chunked when `declare` is false); resolves with the status and how much was written. */
function post(
  path: string,
  total: number,
  { declare = true, headers = {} as Record<string, string> } = {},
): Promise<{ status: number; written: number; body: string }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          ...(declare ? { "content-length": String(total) } : {}),
          ...headers,
        },
      },
      (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, written, body });
        });
      },
    );
    req.on("error", (e) => (written > 0 ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, 97);
    const pump = () => {
      while (written < total && !req.destroyed) {
        const part = chunk.subarray(0, Math.min(chunk.length, total - written));
        written += part.length;
        if (!req.write(part)) return void req.once("drain", pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

describe("front server", () => {
  it("refuses a 200 MB sign-in POST before reading it", async () => {
    const before = seen.length;
    const t = Date.now();
    const r = await post("/api/auth/callback/credentials", 200 * 1024 * 1024);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.message).toMatch(/quá lớn/);
    expect(Date.now() - t).toBeLessThan(5000);
    // Nothing reached the handler, and the client was stopped long before 200 MB.
    expect(seen.length).toBe(before);
    expect(r.written).toBeLessThan(50 * 1024 * 1024);
  });

  it("refuses a sign-in body of unknown length, and caps other route handlers at 1 MB", async () => {
    const chunked = await post("/api/auth/callback/credentials", 4 * 1024 * 1024, { declare: false });
    expect(chunked.status).toBe(411);
    expect(JSON.parse(chunked.body).error.message).toMatch(/Content-Length/);
    expect((await post("/api/v1/reporting/observations", 2 * 1024 * 1024)).status).toBe(413);
    expect((await post("/api/auth/callback/credentials", 300)).status).toBe(200);
    // A server action (an upload) is Next's to limit.
    expect((await post("/vi/reporting/import", 3 * 1024 * 1024, { headers: { "next-action": "x" } })).status).toBe(200);
  });

  it("passes on the socket's address, not one the client wrote", async () => {
    await post("/api/auth/callback/credentials", 10, {
      headers: { "x-forwarded-for": "198.51.100.77", "x-cds-client-address": "198.51.100.77" },
    });
    expect(seen.at(-1)!.address).toBe("127.0.0.1");
  });

  it("behind a trusted proxy takes the right-most address the proxy did not write itself", async () => {
    trusted = parseTrustedProxies("127.0.0.1");
    try {
      await post("/api/auth/callback/credentials", 10, {
        headers: { "x-forwarded-for": "198.51.100.77, 203.0.113.9" },
      });
      expect(seen.at(-1)!.address).toBe("203.0.113.9");
      await post("/api/auth/callback/credentials", 10, { headers: { "x-forwarded-for": "x".repeat(8000) } });
      expect(seen.at(-1)!.address).toBe("127.0.0.1");
    } finally {
      trusted = null;
    }
  });
});
