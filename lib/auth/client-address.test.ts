import { describe, expect, it } from "vitest";
import { clientAddressFromHeaders } from "./client-address";

const options = (trustedProxies: string[]) => ({ advanced: { ipAddress: { trustedProxies } } });

describe("clientAddressFromHeaders", () => {
  it("reads the forwarded client address", () => {
    expect(clientAddressFromHeaders(new Headers({ "x-forwarded-for": "203.0.113.7" }), options([]))).toBe("203.0.113.7");
  });

  it("skips the proxies of GONGKAI_TRUSTED_PROXIES and takes the address that reached the first of them", () => {
    const chain = new Headers({ "x-forwarded-for": "198.51.100.9, 203.0.113.7, 10.0.0.1" });
    expect(clientAddressFromHeaders(chain, options(["10.0.0.0/8"]))).toBe("203.0.113.7");
  });

  it("normalises an IPv4-mapped IPv6 address", () => {
    expect(clientAddressFromHeaders(new Headers({ "x-forwarded-for": "::ffff:198.51.100.4" }), options([]))).toBe("198.51.100.4");
  });
});
