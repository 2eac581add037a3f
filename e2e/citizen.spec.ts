import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { e2eDatabaseUrl } from "./support/e2e-database";

/**
 * A citizen's journey through the public site without JavaScript: search, open a result, compare
 * a unit's three years and two units, download the comparison as CSV and the region's data
 * package; axe finds nothing on any of these pages; desktop, 375 px and print screenshots.
 */

interface Corpus {
  regionCode: string;
  regionName: string;
  unitCode: string;
  unitName: string;
  otherCode: string;
  otherName: string;
}

let corpus: Corpus;
test.beforeAll(() => {
  const output = execFileSync(process.execPath, ["--import", "tsx", path.join(process.cwd(), "e2e/support/publish-citizen-corpus.ts")], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    encoding: "utf8",
  });
  corpus = JSON.parse(output) as Corpus;
});

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }))).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.closest(".ps-table-wrap, .ps-chart__svg"))
      .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`)
      .slice(0, 5),
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), wide.join("; ")).toBeLessThanOrEqual(0);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

test("search, open a result, compare years and units, download CSV and the data package", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await page.getByRole("search").getByLabel(/搜索单位/).fill("网信");
  await page.getByRole("search").getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/search\?q=%E7%BD%91%E4%BF%A1$/);
  await expect(page.getByRole("status")).toContainText("已公开预算");
  await expect(page.locator("mark", { hasText: "网信" }).first()).toBeVisible();
  await page.screenshot({ path: "e2e/.artifacts/citizen-search-desktop.png", fullPage: true });

  await page.goto(`/search?q=${encodeURIComponent(corpus.unitName)}&year=2024`);
  await page.getByRole("link", { name: new RegExp(`${corpus.unitName}2024年单位预算`) }).click();
  await expect(page).toHaveURL(new RegExp(`/budgets/2024/${corpus.unitCode}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(corpus.unitName);

  await page.goto(`/compare/years?region=${corpus.regionCode}&unit=${corpus.unitCode}`);
  const totals = page.getByRole("table", { name: /收支总体情况/ });
  await expect(totals.getByRole("columnheader")).toHaveText(["项目", "2022年", "2023年", "2024年", "比上年增减", "变动原因（文件所述）"]);
  await expect(page.locator("figure")).toHaveCount(5);
  await expect(page.getByRole("img", { name: /“三公”经费历年变化/ })).toBeVisible();
  await page.screenshot({ path: "e2e/.artifacts/citizen-compare-years-desktop.png", fullPage: true });
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载对比表（CSV）" }).click();
  const csv = readFileSync(await (await download).path());
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString("utf8")).toContain("2022年（万元）");
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: "e2e/.artifacts/citizen-compare-years-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });

  await page.goto(`/compare/units?region=${corpus.regionCode}&year=2024`);
  await page.getByLabel(`${corpus.unitCode} ${corpus.unitName}`).check();
  await page.getByLabel(`${corpus.otherCode} ${corpus.otherName}`).check();
  await page.getByRole("button", { name: "对比" }).click();
  await expect(page.getByRole("table", { name: /支出总体情况/ }).getByRole("columnheader")).toHaveText(["项目", corpus.unitName, corpus.otherName]);
  await page.screenshot({ path: "e2e/.artifacts/citizen-compare-units-desktop.png", fullPage: true });

  await page.goto(`/regions/${corpus.regionCode}/overview?year=2024`);
  await page.getByRole("link", { name: /支出总计/ }).click();
  await expect(page).toHaveURL(/sort=total&order=desc$/);
  await expect(page.getByRole("row").nth(1)).toContainText(corpus.otherName);
  const zip = page.waitForEvent("download");
  await page.getByRole("link", { name: "批量下载（ZIP）" }).click();
  expect(readFileSync(await (await zip).path()).subarray(0, 2).toString("latin1")).toBe("PK");
  const datapackage = await page.request.get(`/api/v1/regions/${corpus.regionCode}/2024/datapackage.json`);
  expect(datapackage.headers()["access-control-allow-origin"]).toBe("*");
  expect((await datapackage.json()).mapping.measures.expenditure.phase).toBe("proposed");

  await page.goto(`/regions/${corpus.regionCode}/transparency`);
  await expect(page.getByText("公开率 100%，及时率 100%").first()).toBeVisible();
  await page.goto("/compare/units?region=130499&year=2024&unit=501001");
  await expect(page.getByRole("alert")).toHaveText("请选择 2 至 5 个单位或部门进行对比。");
});
});

/** The pages carry no script, so axe (which needs one) runs with JavaScript on and sees the same page. */
test("axe finds no violations on any new page", async ({ page }) => {
  test.setTimeout(90_000);
  const { regionCode, unitCode, otherCode } = corpus;
  for (const url of [
    "/",
    `/regions/${regionCode}`,
    `/search?q=${encodeURIComponent("网信")}`,
    "/search?q=%E9%87%8F%E5%AD%90%E8%AE%A1%E7%AE%97",
    `/compare/years?region=${regionCode}&unit=${unitCode}`,
    `/compare/units?region=${regionCode}&year=2024&unit=${unitCode}&unit=${otherCode}`,
    `/regions/${regionCode}/overview?year=2024&sort=total`,
    `/regions/${regionCode}/transparency`,
    "/compare/years?region=130499&unit=999999",
    "/open-data",
  ]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

test("the new pages on a 375 px phone, without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  for (const [url, name] of [
    [`/search?q=${encodeURIComponent("住房公积金")}`, "search"],
    [`/compare/years?region=${corpus.regionCode}&unit=${corpus.unitCode}`, "compare-years"],
    [`/regions/${corpus.regionCode}/overview?year=2024`, "overview"],
    [`/regions/${corpus.regionCode}/transparency`, "transparency"],
  ] as const) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: `e2e/.artifacts/citizen-${name}-375.png`, fullPage: true });
  }
});
