import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { signInAs } from "./support/entry-helpers";
import { createCorrectionFixture, query } from "./support/e2e-database";

/**
 * Issue 15's journey: a correction (version 2) of a published budget is reviewed against the
 * published version, row by row; the unit's head signs in and, after the secrecy review they
 * record (the accountant submitted, so may not), signs it off with their own account; the
 * accountant publishes; the public 更正说明 lists the changed figures old → new, and versions 1
 * and 2 link to each other.
 */

const PASSWORD = "Gengzheng#Journey2024";
const reviewer = DEMO_USERS.find((user) => user.role === "FINANCE_REVIEWER");
const ARTIFACTS = "e2e/.artifacts";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  return context.newPage();
}

/** signInAs, with patience for a sign-in that takes longer than its 5 s on a busy machine (argon2, a cold server). */
async function signIn(page: Page, email: string, password: string): Promise<void> {
  await signInAs(page, email, password).catch(async () => {
    await expect(page).toHaveURL(/\/workspace$/, { timeout: 30_000 });
  });
}

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${ARTIFACTS}/${name}-desktop.png` });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${ARTIFACTS}/${name}-375.png` });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at 375 px`).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a correction is reviewed against the published version, signed off by the unit's head and published with its changed figures", async ({ browser }) => {
  test.setTimeout(90_000);
  if (reviewer === undefined) throw new Error("no demo finance reviewer");
  const fixture = createCorrectionFixture(PASSWORD);
  const base = `/budgets/2024/${fixture.unitCode}`;

  // --- The finance reviewer sees what the correction changes in the published document, and approves it.
  const review = await newPage(browser);
  await signIn(review, reviewer.email, reviewer.password);
  await review.goto(`/review/budgets/${fixture.budgetId}`);
  const diff = review.getByTestId("published-changes");
  await expect(diff.getByRole("heading", { name: "与已公开第1版相比的更正" })).toBeVisible();
  await expect(review.getByText("这是本预算的首次报送，没有可对比的上次报送。")).toHaveCount(0);
  const housing = diff.getByRole("row").filter({ hasText: "2210201" }).filter({ hasText: "表3" }).first();
  await expect(housing).toContainText("+0.10");
  const administration = diff.getByRole("row").filter({ hasText: "2013701 行政运行" }).filter({ hasText: "表3" }).first();
  await expect(administration).toContainText("-0.10");
  await diff.scrollIntoViewIfNeeded();
  await shoot(review, "correction-review-diff");
  await review.getByRole("button", { name: "开始审核" }).click();
  await expect(review.getByTestId("budget-status")).toHaveText("财政审核中");
  await review.getByLabel(/我确认批复/).check();
  await review.getByRole("button", { name: "批复" }).click();
  await expect(review.getByTestId("budget-status")).toHaveText("已批复");

  // --- The unit's head signs in, records the secrecy review and signs off.
  const head = await newPage(browser);
  await signIn(head, fixture.headEmail, PASSWORD);
  const headList = head.getByRole("region", { name: "负责人审签" });
  await headList.getByRole("link", { name: `${fixture.unitCode} ${fixture.unitName} 2024年预算` }).click();
  await expect(head.getByRole("heading", { level: 1, name: /负责人审签/ })).toBeVisible({ timeout: 30_000 });
  await head.getByLabel(/审查说明/).fill("已核对更正的住房公积金和行政运行两行，不含涉密信息。");
  await head.getByRole("button", { name: "记录保密审查" }).click();
  await expect(head.getByText("审查说明：已核对更正的住房公积金和行政运行两行，不含涉密信息。")).toBeVisible();
  await head.getByLabel(/我是本单位负责人/).check();
  await shoot(head, "head-sign-off");
  await expectAccessible(head);
  await head.getByRole("button", { name: "审签", exact: true }).click();
  await expect(head.getByTestId("budget-status")).toHaveText("已审签");
  await expect(head.getByText(new RegExp(`${fixture.headName} 用本人账号于`))).toBeVisible();

  // --- The accountant publishes version 2.
  const unit = await newPage(browser);
  await signIn(unit, fixture.accountantEmail, PASSWORD);
  await unit.goto(`/workspace/units/${fixture.unitCode}/budgets/2024`);
  await expect(unit.getByText(new RegExp(`负责人审签：${fixture.headName} 用本人账号`))).toBeVisible();
  const publish = unit.getByRole("region", { name: "公开" });
  await publish.getByLabel(/我确认/).check();
  await publish.getByRole("button", { name: "公开" }).click();
  await expect(unit.getByTestId("budget-status")).toHaveText("已公开", { timeout: 30_000 });

  // --- Citizens: the 更正说明 lists old → new, and the versions link to each other.
  const citizen = await newPage(browser);
  await citizen.goto(`${base}/v2`);
  const note = citizen.locator("aside.doc-correction");
  await expect(note).toContainText("更正说明（第2版）");
  await expect(note.getByRole("table")).toContainText("与第1版相比更正的数字（单位：万元）");
  await expect(note.getByRole("row").filter({ hasText: "2210201" }).first()).toContainText(/表\d/);
  const versions = citizen.getByRole("navigation", { name: "本文件的各版本" });
  await expect(versions).toContainText("第2版（");
  await expect(versions.getByRole("link", { name: /第1版/ })).toHaveAttribute("href", `${base}/v1`);
  await expect(citizen.getByRole("navigation", { name: "面包屑" }).getByRole("link", { name: "馆陶县" })).toHaveAttribute("href", "/regions/130433");
  await note.scrollIntoViewIfNeeded();
  await shoot(citizen, "public-correction-v2");
  await versions.getByRole("link", { name: /第1版/ }).click();
  await expect(citizen).toHaveURL(new RegExp(`${base}/v1$`));
  await expect(citizen.getByText("本文件已被更正。")).toBeVisible();
  await expect(citizen.getByRole("navigation", { name: "本文件的各版本" }).getByRole("link", { name: /第2版/ })).toHaveAttribute("href", `${base}/v2`);
  await shoot(citizen, "public-v1-with-versions");

  // --- What the database recorded: the head signed, as themself.
  const [signed] = await query<{ head_signed_by: string; head_signer_name: string; statement: string }>(
    `SELECT u.email AS head_signed_by, b.head_signer_name, b.secrecy_statement AS statement FROM budgets b JOIN users u ON u.id = b.head_signed_by_id WHERE b.id = $1`,
    [fixture.budgetId],
  );
  expect(signed).toEqual({ head_signed_by: fixture.headEmail, head_signer_name: fixture.headName, statement: "已核对更正的住房公积金和行政运行两行，不含涉密信息。" });
});
