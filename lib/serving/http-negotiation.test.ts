import { describe, expect, it } from "vitest";
import { acceptedCompressions, attachmentDisposition, isNotModified } from "./http-negotiation";

describe("acceptedCompressions", () => {
  it("prefers brotli, then gzip, among what the client accepts", () => {
    expect(acceptedCompressions("gzip, deflate, br, zstd")).toEqual(["br", "gzip"]);
    expect(acceptedCompressions("gzip")).toEqual(["gzip"]);
    expect(acceptedCompressions("br;q=0, gzip;q=0.5")).toEqual(["gzip"]);
    expect(acceptedCompressions("*")).toEqual(["br", "gzip"]);
    expect(acceptedCompressions("*;q=0, gzip")).toEqual(["gzip"]);
    expect(acceptedCompressions("identity")).toEqual([]);
    expect(acceptedCompressions(undefined)).toEqual([]);
    expect(acceptedCompressions("")).toEqual([]);
  });
});

describe("isNotModified", () => {
  const etag = '"abc-gzip"';

  it("matches the entity tag in a list, weakly, or any tag with *", () => {
    expect(isNotModified('"abc-gzip"', etag)).toBe(true);
    expect(isNotModified('"x", W/"abc-gzip"', etag)).toBe(true);
    expect(isNotModified("*", etag)).toBe(true);
    expect(isNotModified('"abc"', etag)).toBe(false);
    expect(isNotModified(undefined, etag)).toBe(false);
  });
});

describe("attachmentDisposition", () => {
  it("keeps the Chinese name in filename* and an ASCII name for old clients", () => {
    expect(attachmentDisposition("224001-2024-v1.pdf", "办公室本级2024年单位预算（第1版）.pdf")).toBe(
      `attachment; filename="224001-2024-v1.pdf"; filename*=UTF-8''${encodeURIComponent("办公室本级2024年单位预算（第1版）.pdf")}`,
    );
    expect(attachmentDisposition("a.csv", "it's (1).csv")).toBe(`attachment; filename="a.csv"; filename*=UTF-8''it%27s%20%281%29.csv`);
  });
});
