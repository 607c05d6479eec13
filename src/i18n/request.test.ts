import { describe, expect, it } from "vitest";
import { langFromAcceptLanguage, langFromPath, requestLang } from "./request";

describe("the language of a request", () => {
  it("reads Accept-Language by quality, ignoring languages the portal does not have", () => {
    expect(langFromAcceptLanguage("en-GB,en;q=0.9")).toBe("en");
    expect(langFromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.5,vi;q=0.8")).toBe("vi");
    expect(langFromAcceptLanguage("fr,de")).toBeNull();
    expect(langFromAcceptLanguage("en;q=0")).toBeNull();
    expect(langFromAcceptLanguage(null)).toBeNull();
  });

  it("reads a page path's first segment", () => {
    expect(langFromPath("/en/reporting")).toBe("en");
    expect(langFromPath("/vi")).toBe("vi");
    expect(langFromPath("/api/v1/x")).toBeNull();
  });

  it("lets an explicit lang win over the header, and falls back to Vietnamese", () => {
    expect(requestLang("vi", "en")).toBe("vi");
    expect(requestLang("xx", "en")).toBe("en");
    expect(requestLang(null, null)).toBe("vi");
  });
});
