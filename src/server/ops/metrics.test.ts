import { describe, expect, it } from "vitest";
import { routeLabel } from "./metrics";

describe("route labels stay few whatever visitors send", () => {
  it("keeps the language and page, and turns slugs and ids into :param", () => {
    expect(routeLabel("/", 200)).toBe("/");
    expect(routeLabel("/vi?x=1", 200)).toBe("/:lang");
    expect(routeLabel("/vi/indicators/ty-le-dan-so", 200)).toBe("/:lang/indicators/:param");
    expect(routeLabel("/en/admin/users/12", 200)).toBe("/:lang/admin/:param/:param");
    expect(routeLabel("/api/v1/indicators/ECON-01/observations.csv", 200)).toBe("/api/v1/indicators/:param/:param");
    expect(routeLabel("/api/ready", 503)).toBe("/api/ready");
    expect(routeLabel("/_next/static/chunks/abc.js", 200)).toBe("/_next");
  });

  it("any path that answered 404 is one label", () => {
    expect(routeLabel("/wp-admin/setup.php", 404)).toBe("unmatched");
    expect(routeLabel("/vi/nothing-here", 404)).toBe("unmatched");
  });

  it("a segment that is not a plain word is never a label", () => {
    expect(routeLabel("/%3Cscript%3E", 200)).toBe("/:param");
    expect(routeLabel("/a/b/c/d/e/f", 200)).toBe("/a/:param/:param/:param/:param/…");
  });
});
