// Client addresses for the sign-in throttle (pure). Only the socket's peer is a fact; an
// X-Forwarded-For header is whatever the client wrote, with each proxy's peer appended on the
// right. So it is read only when the peer is a configured trusted proxy (TRUSTED_PROXIES), walking
// from the right and stopping at the first address that is not a trusted proxy: entries left of it
// are the client's own words. Nothing but a validated address comes out.
import { BlockList, isIP } from "node:net";

/** A bare IPv4 or IPv6 address in canonical form, or null; IPv4-mapped IPv6 becomes IPv4. */
export function normaliseIp(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 64) return null;
  let s = raw.trim();
  if (s.startsWith("[") && s.endsWith("]")) s = s.slice(1, -1);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(s);
  if (mapped) s = mapped[1];
  const v = isIP(s);
  if (v === 4) return s;
  if (v === 6) return s.toLowerCase();
  return null;
}

/** Parses TRUSTED_PROXIES: addresses and CIDR ranges separated by commas or spaces. Throws on a bad entry. */
export function parseTrustedProxies(spec: string | undefined): BlockList | null {
  const entries = (spec ?? "").split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const e of entries) {
    const [addr, bits, extra] = e.split("/");
    const ip = normaliseIp(addr);
    if (!ip || extra !== undefined) throw new Error(`TRUSTED_PROXIES: "${e}" is not an address or a CIDR range`);
    const type = isIP(ip) === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(ip, type);
    else {
      const n = Number(bits);
      if (!/^\d{1,3}$/.test(bits) || n > (type === "ipv4" ? 32 : 128))
        throw new Error(`TRUSTED_PROXIES: "${e}" has a bad prefix length`);
      list.addSubnet(ip, n, type);
    }
  }
  return list;
}

const trustedHas = (list: BlockList, ip: string) => list.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6");

/** The client's address: the socket peer, or from a trusted proxy the right-most untrusted X-Forwarded-For entry. */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: BlockList | null,
): string | null {
  let current = normaliseIp(peer);
  if (!current || !trusted || !trustedHas(trusted, current)) return current;
  const hops = [forwardedFor ?? []].flat().join(",").split(",");
  for (let i = hops.length - 1; i >= 0; i--) {
    const ip = normaliseIp(hops[i]);
    // Not an address: nothing left of it can be vouched for; the last proxy is all we know.
    if (!ip) return current;
    if (!trustedHas(trusted, ip)) return ip;
    current = ip;
  }
  return current;
}
