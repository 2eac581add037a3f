import { describe, expect, it } from "vitest";
import { isForeignOrigin, publicHosts } from "./origin-check";
import { isWellFormedTarget } from "./public-server";
import { BASE_HEADERS, BASE_HEADERS_TLS, newNonce, pagePolicy } from "./security-headers";

describe("the page policy", () => {
  it("allows scripts only with this request's nonce and forbids framing, plugins and foreign forms", () => {
    const nonce = newNonce();
    const policy = pagePolicy(nonce, { isDev: false });
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain("base-uri 'none'");
  });

  it("uses a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("sends nosniff, a referrer policy and a permissions policy on every answer, HSTS only over TLS", () => {
    const plain = Object.fromEntries(BASE_HEADERS);
    expect(plain["X-Content-Type-Options"]).toBe("nosniff");
    expect(plain["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(plain["Permissions-Policy"]).toContain("camera=()");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(Object.fromEntries(BASE_HEADERS_TLS)["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}/);
  });
});

describe("the origin check of state-changing requests", () => {
  const post = (origin: string | null, host = "yusuan.example.gov.cn") => ({ method: "POST", origin, host });

  it("refuses a post from another site, a null origin and garbage", () => {
    expect(isForeignOrigin(post("https://evil.example"))).toBe(true);
    expect(isForeignOrigin(post("null"))).toBe(true);
    expect(isForeignOrigin(post("https://yusuan.example.gov.cn.evil.example"))).toBe(true);
  });

  it("lets the same host, the public address and origin-less requests through, and never checks reads", () => {
    expect(isForeignOrigin(post("https://yusuan.example.gov.cn"))).toBe(false);
    expect(isForeignOrigin(post("https://public.example.gov.cn", "10.0.0.5:3000"), publicHosts("https://public.example.gov.cn/"))).toBe(false);
    expect(isForeignOrigin(post(null))).toBe(false);
    expect(isForeignOrigin({ method: "GET", origin: "https://evil.example", host: "a" })).toBe(false);
  });
});

describe("malformed request targets", () => {
  it("are told apart from well-formed ones", () => {
    for (const bad of ["/units/%E0%A4%A", "/search?q=%ZZ", "/api/v1/documents?region=%", "/%", "/a%2"]) expect(isWellFormedTarget(bad)).toBe(false);
    for (const good of ["/", "/search?q=%E7%BD%91%E4%BF%A1", "/regions/130433", "/api/v1/documents?region=130433&q=a%25b", "/units/%E4%B8%AD"]) {
      expect(isWellFormedTarget(good)).toBe(true);
    }
  });
});
