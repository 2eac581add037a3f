import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

const CHROMIUM_ARGS = ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

export type PdfUnavailableCode = "CHROMIUM_MISSING" | "CHROMIUM_LAUNCH_FAILED";

/** The PDF cannot be made on this machine: publication goes on without it and says why. */
export class PdfUnavailableError extends Error {
  readonly code: PdfUnavailableCode;

  constructor(code: PdfUnavailableCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PdfUnavailableError";
    this.code = code;
  }
}

export function chromiumPath(options: { executablePath?: string } = {}): string {
  return options.executablePath ?? process.env.GONGKAI_CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
}

async function launch(executablePath: string): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new PdfUnavailableError(
      "CHROMIUM_MISSING",
      `无法生成 PDF：找不到 Chromium（${executablePath}）。请安装 chromium（apt-get install -y chromium fonts-noto-cjk），或用环境变量 GONGKAI_CHROMIUM_PATH 指定其路径。`,
    );
  }
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new PdfUnavailableError("CHROMIUM_LAUNCH_FAILED", `无法生成 PDF：Chromium（${executablePath}）启动失败。`, { cause: error });
  }
}

/**
 * Prints a complete, self-contained HTML page (the published document) to an A4 PDF with its
 * own print stylesheet (@page sizes, page breaks, repeated table headers). The page needs no
 * network and no script, so both are switched off: the PDF can only show what the HTML holds.
 */
export async function renderPdf(html: string, options: { executablePath?: string } = {}): Promise<Buffer> {
  const browser = await launch(chromiumPath(options));
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
