import { describe, expect, it } from "vitest";
import { canonicalDocumentUrl } from "./document-keys";

describe("canonicalDocumentUrl", () => {
  it("moves pages and API paths that name the misprinted key to the corrected one", () => {
    expect(canonicalDocumentUrl("/vi/decisions/4437-2024")).toBe("/vi/decisions/1437-2024");
    expect(canonicalDocumentUrl("/en/documents/4437-2024?line=73")).toBe("/en/documents/1437-2024?line=73");
    expect(canonicalDocumentUrl("/api/v1/decisions/4437-2024")).toBe("/api/v1/decisions/1437-2024");
  });

  it("rewrites the decision filter and keeps the other parameters", () => {
    expect(canonicalDocumentUrl("/vi/tasks?decision=4437-2024&status=OVERDUE")).toBe(
      "/vi/tasks?decision=1437-2024&status=OVERDUE",
    );
    expect(canonicalDocumentUrl("/api/v1/tasks.csv?decision=4437-2024")).toBe("/api/v1/tasks.csv?decision=1437-2024");
  });

  it("leaves every other URL alone", () => {
    for (const u of [
      "/vi/decisions/1437-2024",
      "/vi/decisions/411-2022",
      "/vi/tasks?decision=411-2022",
      "/vi/indicators/4437-2024",
      "/vi",
      "/api/v1/decisions",
      undefined,
    ]) {
      expect(canonicalDocumentUrl(u)).toBeNull();
    }
  });
});
