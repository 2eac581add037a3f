import { expect, test, type Page } from "@playwright/test";

/**
 * The published unit page as `npm start` serves it (lib/serving: the stored snapshot's bytes, not
 * a page rendered per request), reached from the home page, with the reference document's figures.
 */

const UNIT_NAME = "中共馆陶县委网络安全和信息化委员会办公室本级";
const PAGE = "/budgets/2024/224001";
const V1 = `${PAGE}/v1`;

function tableByCaption(page: Page, caption: string) {
  return page.getByRole("table", { name: caption });
}

/** The printed cells of the row whose header cell (name) is `name`. */
async function rowCells(page: Page, caption: string, name: string): Promise<string[]> {
  const row = tableByCaption(page, caption).getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row).toHaveCount(1);
  return (await row.locator("th, td").allInnerTexts()).map((t) => t.trim());
}

test("the home page leads to the published document, served as a static page with the reference totals", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: UNIT_NAME }).first().click();
  await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(UNIT_NAME);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2024年单位预算");

  for (let n = 1; n <= 9; n++) await expect(page.getByRole("table", { name: new RegExp(`^表${n} `) })).toHaveCount(1);

  expect(await rowCells(page, "表1 单位预算收支总表", "收入总计")).toEqual(["34", "收入总计", "116.76", "支出总计", "116.76"]);
  expect(await rowCells(page, "表3 单位预算支出总表", "合计")).toEqual(["1", "", "合计", "116.76", "73.32", "43.44", "", "", ""]);
  expect(await rowCells(page, "表3 单位预算支出总表", "行政运行")).toEqual(["4", "2013701", "行政运行", "101.43", "57.99", "43.44", "", "", ""]);
  expect(await rowCells(page, "表6 单位预算一般公共预算财政拨款基本支出表", "合计")).toEqual(["1", "", "合计", "73.32", "64.37", "8.95"]);
  expect(await rowCells(page, "表6 单位预算一般公共预算财政拨款基本支出表", "住房公积金")).toEqual(["10", "30113", "住房公积金", "5.63", "5.63", ""]);
  const table3 = tableByCaption(page, "表3 单位预算支出总表");
  await expect(table3.getByRole("columnheader", { name: "基本支出" })).toBeVisible();
  await expect(table3.getByRole("columnheader", { name: "项目支出" })).toBeVisible();
  await expect(page.getByText("注：无国有资本经营预算财政拨款预算，空表列示。")).toBeVisible();
  await expect(page.getByText(/2024年支出预算116\.76万元，其中基本支出73\.32万元，包括人员经费64\.37万元和日常公用经费8\.95万元；项目支出43\.44万元/)).toBeVisible();

  // A static document: no JavaScript at all, and the content hash printed on it.
  expect(await page.evaluate(() => document.scripts.length)).toBe(0);
  await expect(page.getByText(/内容校验码（SHA-256）/)).toBeVisible();

  await page.screenshot({ path: "e2e/.artifacts/unit-page-desktop.png", fullPage: true });
});

test("the page and its downloads carry the caching and download headers of published files", async ({ page, request }) => {
  const response = await page.goto(PAGE);
  expect(response?.status()).toBe(200);
  const headers = response?.headers() ?? {};
  expect(headers["cache-control"]).toBe("public, max-age=60");
  expect(headers.etag).toMatch(/^"[0-9a-f]{64}(-gzip|-br)?"$/);
  expect(headers["content-encoding"]).toMatch(/^(br|gzip)$/);

  const again = await request.get(PAGE, { headers: { "if-none-match": headers.etag ?? "", "accept-encoding": headers["content-encoding"] ?? "" } });
  expect(again.status()).toBe(304);

  for (const [format, type] of [
    ["pdf", "application/pdf"],
    ["docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["csv", "text/csv"],
    ["json", "application/json"],
  ] as const) {
    const href = `${V1}/224001-2024-v1.${format}`;
    await expect(page.getByRole("link", { name: new RegExp(`下载 ${format === "xlsx" ? "Excel" : format === "docx" ? "Word" : format.toUpperCase()}`) })).toHaveAttribute("href", href);
    const download = await request.get(href);
    expect(download.status(), format).toBe(200);
    expect(download.headers()["content-type"]).toContain(type);
    expect(download.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(decodeURIComponent(download.headers()["content-disposition"] ?? "")).toContain(`${UNIT_NAME}2024年单位预算（第1版）.${format}`);
  }
});

test("on a phone the wide tables scroll inside their own box, not the page", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(PAGE);
  await expect(page.getByRole("table", { name: /^表2 / })).toBeVisible();
  const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(pageOverflow).toBeLessThanOrEqual(0);
  const box = page.getByRole("region", { name: "表2 单位预算收入总表（可横向滚动）" });
  const boxOverflow = await box.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(boxOverflow).toBeGreaterThan(0);
  await page.screenshot({ path: "e2e/.artifacts/unit-page-375.png", fullPage: false });
});

test("an unknown unit, year or version is a 404 page in Chinese, not an error", async ({ page }) => {
  for (const path of ["/budgets/2024/999999", "/budgets/2019/224001", "/budgets/abcd/224001", `${PAGE}/v2`, `${V1}/224001-2024-v1.doc`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "未找到该预算公开文件" })).toBeVisible();
  }
});
