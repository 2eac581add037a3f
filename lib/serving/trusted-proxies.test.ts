import { describe, expect, it } from "vitest";
import { parseProxyEntry, TrustedProxies } from "./trusted-proxies";

function request(peer: string, headers: Record<string, string> = {}, encrypted = false) {
  return { headers: { ...headers } as Record<string, string | string[] | undefined>, socket: { remoteAddress: peer, encrypted } as never };
}

describe("TrustedProxies", () => {
  it("ignores X-Forwarded-For from a peer that is not a configured proxy (a client cannot choose its audit address)", () => {
    const proxies = new TrustedProxies([]);
    const req = request("198.51.100.20", { "x-forwarded-for": "203.0.113.99", "x-forwarded-proto": "https", "x-real-ip": "1.2.3.4" });
    expect(proxies.normalise(req)).toBe("198.51.100.20");
    expect(req.headers["x-forwarded-for"]).toBe("198.51.100.20");
    expect(req.headers["x-forwarded-proto"]).toBeUndefined();
    expect(req.headers["x-real-ip"]).toBeUndefined();
    expect(proxies.isTls(request("198.51.100.20", { "x-forwarded-proto": "https" }))).toBe(false);
  });

  it("believes a trusted proxy and skips trusted hops from the right", () => {
    const proxies = new TrustedProxies(["10.0.0.0/8", "192.168.1.5"]);
    const req = request("::ffff:10.1.2.3", { "x-forwarded-for": "203.0.113.50, 198.51.100.7, 192.168.1.5", "x-forwarded-proto": "https" });
    expect(proxies.isTls(req)).toBe(true);
    expect(proxies.normalise(req)).toBe("198.51.100.7");
    expect(req.headers["x-forwarded-for"]).toBe("198.51.100.7");
    expect(req.headers["x-forwarded-proto"]).toBe("https");
  });

  it("falls back to the socket when a trusted proxy sends garbage or nothing", () => {
    const proxies = new TrustedProxies(["127.0.0.1"]);
    expect(proxies.clientAddress("127.0.0.1", "not-an-ip")).toBe("127.0.0.1");
    expect(proxies.clientAddress("127.0.0.1", undefined)).toBe("127.0.0.1");
    expect(proxies.clientAddress("127.0.0.1", "2001:db8::1")).toBe("2001:db8::1");
  });

  it("counts a TLS socket as TLS whoever the peer is", () => {
    expect(new TrustedProxies([]).isTls(request("198.51.100.1", {}, true))).toBe(true);
  });

  it("parses IPs and CIDRs and rejects anything else", () => {
    expect(parseProxyEntry("10.0.0.0/8")).toEqual({ address: "10.0.0.0", family: "ipv4", prefix: 8 });
    expect(parseProxyEntry("fd00::/8")).toEqual({ address: "fd00::", family: "ipv6", prefix: 8 });
    for (const bad of ["10.0.0.0/33", "proxy.local", "10.0.0.1/8/1", "10.0.0/8", "::1/129", ""]) expect(parseProxyEntry(bad)).toBeNull();
    expect(() => new TrustedProxies(["nonsense"])).toThrow(/nonsense/);
  });
});
