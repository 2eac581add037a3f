import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { renderDocumentHtml } from "@/components/disclosure/render-document-html";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { buildSnapshotContent, contentHash } from "@/lib/publication/snapshot-content";

/**
 * The published static page itself (what publication stores), loaded without a server and
 * with JavaScript off, as a citizen's browser or an archive crawler would read it.
 */
const content = buildSnapshotContent(guantao2024Budget, guantao2024CodeBook, {
  version: 1,
  publishedAt: "2024-02-01T08:00:00.000Z",
  approvedAt: "2024-01-20",
  correctionNote: null,
});
const base = "/budgets/2024/224001/v1";
const html = renderDocumentHtml(content, {
  contentHash: contentHash(content),
  canonicalPath: base,
  downloads: { pdf: `${base}/a.pdf`, docx: `${base}/a.docx`, xlsx: `${base}/a.xlsx`, csv: `${base}/a.csv`, json: `${base}/a.json` },
});

async function open(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.setContent(html, { waitUntil: "load" });
}

test("the static document passes axe and reads at desktop width", async ({ page }) => {
  // axe runs as a script in the page; the page itself has none.
  test.setTimeout(90_000);
  await open(page, 1280);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("中共馆陶县委网络安全和信息化委员会办公室本级2024年单位预算");
  for (let n = 1; n <= 9; n++) await expect(page.getByRole("table", { name: new RegExp(`^表${n} `) })).toHaveCount(1);
  await expect(page.getByRole("table", { name: "表1 单位预算收支总表" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: "收入总计" }) })).toContainText("116.76");
  await expect(page.getByRole("link", { name: "下载 PDF" })).toHaveAttribute("href", `${base}/a.pdf`);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) }))).toEqual([]);
  await page.screenshot({ path: "e2e/.artifacts/document-desktop.png", fullPage: true });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("on a phone every table scrolls in its own box and the page never sideways", async ({ page }) => {
    await open(page, 375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const box = page.getByRole("region", { name: "表2 单位预算收入总表（可横向滚动）" });
    expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeGreaterThan(0);
    await box.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await page.screenshot({ path: "e2e/.artifacts/document-375.png" });
  });

  test("printed, it drops the navigation and keeps table headers on every page", async ({ page }) => {
    await open(page, 1280);
    await page.emulateMedia({ media: "print" });
    for (const name of ["目录", "面包屑", "下载"]) await expect(page.getByRole("navigation", { name })).toBeHidden();
    await expect(page.getByRole("link", { name: "预算公开平台" })).toBeHidden();
    const thead = page.getByRole("table", { name: "表4 单位预算财政拨款收支总表" }).locator("thead");
    expect(await thead.evaluate((el) => getComputedStyle(el).display)).toBe("table-header-group");
    const breaks = await page.evaluate(() =>
      [...document.querySelectorAll(".doc > .doc-table, .perf-form + .perf-form, .doc-part--performance")].map((el) => getComputedStyle(el).breakBefore),
    );
    expect(breaks).toHaveLength(9 + 5 + 1);
    expect(new Set(breaks)).toEqual(new Set(["page"]));
  });
});
