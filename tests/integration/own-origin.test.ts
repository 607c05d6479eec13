// The JSON write API's origin check: the portal's own origin is the host the browser addressed
// (the Host header), however Next spells its own URL. Reached as 127.0.0.1:PORT it used to refuse
// its own pages (only localhost:PORT passed). The real server is checked in
// tests/e2e/cache-bounds.spec.ts; this runs the route handlers as Next calls them.
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/server/session", () => import("../support/session-mock"));

import * as observationsRoute from "@/app/api/v1/reporting/observations/route";
import * as tasksRoute from "@/app/api/v1/reporting/tasks/route";
import { actAs } from "../support/session-mock";

// Next builds the request URL from its own name for itself, not from the Host the client sent.
const NEXT_URL = "http://localhost:3000";
const post = (route: { POST: (r: Request) => Promise<Response> }, path: string, headers: Record<string, string>) =>
  route.POST(
    new Request(NEXT_URL + path, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ period: { year: 1999, quarter: 1 }, rows: [] }),
    }),
  );

describe.each([
  ["observations", observationsRoute, "/api/v1/reporting/observations"],
  ["tasks", tasksRoute, "/api/v1/reporting/tasks"],
] as const)("JSON writes (%s): own origin", (_name, route, path) => {
  beforeEach(() => actAs("reporter.hanoi@cds.gov.vn"));

  it("127.0.0.1:PORT, as the browser addressed it, is our own origin", async () => {
    const res = await post(route, path, { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" });
    // Past the origin check: the body is what is refused now, not the site.
    expect(res.status).toBe(400);
  });

  it("localhost:PORT still is", async () => {
    expect((await post(route, path, { host: "localhost:3000", origin: "http://localhost:3000" })).status).toBe(400);
  });

  // The scheme is not compared: behind a proxy that ends TLS the page is https and the request
  // reaches the portal as http.
  it("another port, another host or a look-alike is not", async () => {
    for (const origin of [
      "http://127.0.0.1:3001",
      "http://127.0.0.2:3000",
      "http://127.0.0.1.evil.example:3000",
      "http://evil.example",
      "null",
    ]) {
      expect((await post(route, path, { host: "127.0.0.1:3000", origin })).status, origin).toBe(403);
    }
  });
});
