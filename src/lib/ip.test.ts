import { describe, expect, it } from "vitest";
import { normaliseIp, parseTrustedProxies, resolveClientAddress } from "./ip";

describe("client address", () => {
  const nginx = parseTrustedProxies("10.0.0.2, 172.18.0.0/16");

  it("without trusted proxies is the socket's peer, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.9", "198.51.100.77", null)).toBe("203.0.113.9");
    // Changing the header on every request changes nothing.
    for (let i = 0; i < 5; i++)
      expect(resolveClientAddress("::ffff:203.0.113.9", `198.51.100.${i}`, null)).toBe("203.0.113.9");
  });

  it("from an untrusted peer ignores the header even when proxies are configured", () => {
    expect(resolveClientAddress("203.0.113.9", "10.0.0.2", nginx)).toBe("203.0.113.9");
  });

  it("behind a trusted proxy that appends takes the right-most untrusted entry", () => {
    // The client wrote 198.51.100.77; nginx appended the real peer.
    expect(resolveClientAddress("10.0.0.2", "198.51.100.77, 203.0.113.9", nginx)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", ["198.51.100.77", "203.0.113.9, 172.18.0.5"], nginx)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9", nginx)).toBe("203.0.113.9");
    // No header from a proxy: the proxy is all we know.
    expect(resolveClientAddress("10.0.0.2", undefined, nginx)).toBe("10.0.0.2");
  });

  it("never passes on anything but an address", () => {
    const junk = "x".repeat(8192);
    expect(resolveClientAddress("10.0.0.2", `${junk}, 203.0.113.9`, nginx)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", junk, nginx)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9:443", nginx)).toBe("10.0.0.2");
    expect(resolveClientAddress(undefined, "203.0.113.9", nginx)).toBeNull();
    expect(normaliseIp("2001:DB8::1")).toBe("2001:db8::1");
    expect(normaliseIp("[2001:db8::1]")).toBe("2001:db8::1");
    expect(normaliseIp("<script>")).toBeNull();
    expect(normaliseIp("1.2.3.4\u0000")).toBeNull();
  });

  it("refuses a malformed TRUSTED_PROXIES entry", () => {
    expect(parseTrustedProxies("")).toBeNull();
    expect(() => parseTrustedProxies("nginx")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES/);
    expect(parseTrustedProxies("::1, 10.0.0.0/8")?.check("10.1.2.3", "ipv4")).toBe(true);
  });
});
