import { afterEach, describe, expect, it, vi } from "vitest";
import { chromiumPath, DEFAULT_CHROMIUM_PATH, PdfUnavailableError, renderPdf } from "./pdf";

describe("renderPdf without Chromium", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("fails with a coded error that says in Chinese what is missing and how to fix it", async () => {
    const failure = renderPdf("<!doctype html><p>测试</p>", { executablePath: "/nonexistent/chromium" });
    await expect(failure).rejects.toBeInstanceOf(PdfUnavailableError);
    await expect(failure).rejects.toMatchObject({
      code: "CHROMIUM_MISSING",
      message: expect.stringContaining("无法生成 PDF：找不到 Chromium（/nonexistent/chromium）"),
    });
  });

  it("takes Chromium from the option, then GONGKAI_CHROMIUM_PATH, then Debian's path", () => {
    vi.stubEnv("GONGKAI_CHROMIUM_PATH", "/opt/chromium/chrome");
    expect(chromiumPath({ executablePath: "/x/chromium" })).toBe("/x/chromium");
    expect(chromiumPath()).toBe("/opt/chromium/chrome");
    vi.stubEnv("GONGKAI_CHROMIUM_PATH", undefined);
    expect(chromiumPath()).toBe(DEFAULT_CHROMIUM_PATH);
  });
});
