import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/**
 * The public browse pages against the seeded database, where the demo budget (224001, 2024) is
 * the one published budget of 馆陶县 (130433).
 */

const UNIT_NAME = "中共馆陶县委网络安全和信息化委员会办公室本级";
const DEPARTMENT_NAME = "中共馆陶县委网络安全和信息化委员会办公室";
const UNIT_PATH = "/budgets/2024/224001";

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) })),
  ).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Presses Tab until `isTarget` holds for the focused element; returns the steps, or -1 after `max`. */
async function tabUntil(page: Page, isTarget: (el: { text: string; href: string | null }) => boolean, max = 40): Promise<number> {
  for (let step = 1; step <= max; step += 1) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return { text: (el?.textContent ?? "").trim(), href: el?.getAttribute("href") ?? null };
    });
    if (isTarget(focused)) return step;
  }
  return -1;
}

test("home → region → the unit's published budget", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "单位预算公开" })).toBeVisible();
  await expect(page).toHaveTitle(/单位预算公开/);
  const region = page.getByRole("region", { name: "馆陶县" });
  await expect(region.getByText("河北省 · 邯郸市")).toBeVisible();
  await expect(region.getByRole("heading", { level: 3, name: "2024年度" })).toBeVisible();
  const year2024 = region.getByRole("table", { name: "馆陶县2024年度已公开的单位预算" });
  await expect(year2024.getByRole("link", { name: UNIT_NAME })).toHaveAttribute("href", UNIT_PATH);
  await expect(year2024.getByRole("row", { name: new RegExp(UNIT_NAME) })).toContainText(DEPARTMENT_NAME);

  await region.getByRole("link", { name: "馆陶县", exact: true }).click();
  await expect(page).toHaveURL(/\/regions\/130433$/);
  await expect(page.getByRole("heading", { level: 1, name: "馆陶县单位预算公开" })).toBeVisible();
  const crumbs = page.getByRole("navigation", { name: "面包屑" });
  await expect(crumbs.getByRole("listitem")).toHaveText(["首页", "›河北省", "›邯郸市", "›馆陶县"]);
  await expect(crumbs.getByRole("link", { name: "邯郸市" })).toHaveAttribute("href", "/regions/130400");
  await expect(crumbs.getByText("馆陶县")).toHaveAttribute("aria-current", "page");

  const department = page.getByRole("region", { name: DEPARTMENT_NAME, exact: true });
  const budgetLink = department.getByRole("link", { name: new RegExp(`^${UNIT_NAME}\\s*2024年度预算$`) });
  await expect(budgetLink).toHaveAttribute("href", UNIT_PATH);
  await budgetLink.click();
  await expect(page).toHaveURL(new RegExp(`${UNIT_PATH}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(UNIT_NAME);
});

test("the breadcrumbs climb the region chain, and a city lists its counties", async ({ page }) => {
  await page.goto("/regions/130433");
  await page.getByRole("navigation", { name: "面包屑" }).getByRole("link", { name: "邯郸市" }).click();
  await expect(page).toHaveURL(/\/regions\/130400$/);
  await expect(page.getByRole("heading", { level: 1, name: "邯郸市单位预算公开" })).toBeVisible();
  await expect(page.getByRole("region", { name: "下级地区" }).getByRole("link", { name: "馆陶县" })).toHaveAttribute("href", "/regions/130433");
  await expect(page.getByText("邯郸市本级暂无已公开的单位预算。")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the year filter is a plain link that narrows the list", async ({ page }) => {
    await page.goto("/");
    const filter = page.getByRole("navigation", { name: "按预算年度筛选" });
    await expect(filter.getByRole("link", { name: "全部年度" })).toHaveAttribute("aria-current", "page");
    await filter.getByRole("link", { name: "2024年" }).click();
    await expect(page).toHaveURL(/\/\?year=2024$/);
    await expect(page.getByRole("navigation", { name: "按预算年度筛选" }).getByRole("link", { name: "2024年" })).toHaveAttribute("aria-current", "page");
    // Other tests publish in other regions; 馆陶县 lists only its 2024 budgets.
    await expect(page.getByRole("region", { name: "馆陶县" }).getByRole("heading", { level: 3 })).toHaveText(["2024年度"]);
    await expect(page.getByRole("link", { name: UNIT_NAME })).toHaveAttribute("href", UNIT_PATH);

    await page.goto("/?year=1999");
    await expect(page.getByText("1999年度暂无已公开的单位预算。")).toBeVisible();
    await page.goto("/?year=abc");
    await expect(page.getByRole("link", { name: "全部年度" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("link", { name: UNIT_NAME }).first()).toHaveAttribute("href", UNIT_PATH);
  });
});

/**
 * Next.js streams a dynamic page's notFound() as an empty shell that the client fills in
 * (vercel/next.js#62228), so these checks wait for the heading rather than read the raw HTML.
 */
test("an unknown region is a Chinese 404 page", async ({ page }) => {
  for (const path of ["/regions/999999", "/regions/13%2F0433"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "未找到您要访问的页面" })).toBeVisible();
    await expect(page.getByRole("link", { name: /返回首页/ })).toHaveAttribute("href", "/");
  }
  await page.screenshot({ path: "e2e/.artifacts/not-found-desktop.png", fullPage: true });
});

test("home and region pages have no serious or critical accessibility violations", async ({ page }) => {
  for (const path of ["/", "/regions/130433", "/regions/130400", "/regions/999999"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  }
});

test("the skip link comes first and every link is reachable with Tab", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到正文" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  expect(await tabUntil(page, (el) => el.href === "/?year=2024")).toBeGreaterThan(0);
  expect(await tabUntil(page, (el) => el.href === "/regions/130433")).toBeGreaterThan(0);
  expect(await tabUntil(page, (el) => el.href === UNIT_PATH)).toBeGreaterThan(0);
  await expect(page.locator(":focus")).toHaveText(UNIT_NAME);

  await page.goto("/regions/130433");
  expect(await tabUntil(page, (el) => el.href === "/regions/130400")).toBeGreaterThan(0);
  expect(await tabUntil(page, (el) => el.href === UNIT_PATH)).toBeGreaterThan(0);
});

test("screenshots: desktop and a 375 px phone, without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await page.screenshot({ path: "e2e/.artifacts/home-desktop.png", fullPage: true });
  await page.goto("/regions/130433");
  await page.screenshot({ path: "e2e/.artifacts/region-desktop.png", fullPage: true });

  await page.setViewportSize({ width: 375, height: 812 });
  for (const [path, name] of [
    ["/", "home"],
    ["/regions/130433", "region"],
    ["/regions/999999", "not-found"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: `e2e/.artifacts/${name}-375.png`, fullPage: true });
  }
});
