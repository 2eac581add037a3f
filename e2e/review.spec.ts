import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { createReviewFixture, query } from "./support/e2e-database";
import { enterTotpCode, totpSecretFor } from "./support/two-factor";

/**
 * Review, approval and publication end to end: a unit of its own submits a budget with a wrong
 * row; the demo finance reviewer (馆陶县) starts the review, comments on the row and returns it;
 * the accountant sees the comment, fixes the number and resubmits; the reviewer sees the change
 * old → new and approves (confirming the 批复 date); the unit, which has a single account, records
 * 保密审查 with its statement and uploads the head's signed paper 审签单, and publishes; then a correction
 * is published as version 2 with its 更正说明 while version 1 stays readable.
 */

const PASSWORD = "Shenhe#Journey2024";
const reviewer = DEMO_USERS.find((user) => user.role === "FINANCE_REVIEWER");
const ARTIFACTS = "e2e/.artifacts";
/** A 1×1 PNG: the scanned 审签单 of a unit that signs on paper. */
const SIGNED_SHEET = {
  name: "审签单.png",
  mimeType: "image/png",
  buffer: Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"),
};

async function approve(review: Page): Promise<void> {
  await review.getByLabel(/我确认批复/).check();
  await review.getByRole("button", { name: "批复" }).click();
  await expect(review.getByTestId("budget-status")).toHaveText("已批复");
}

async function signOnPaper(unit: Page): Promise<void> {
  await unit.getByLabel("签字负责人姓名").fill("李明");
  await unit.getByLabel("签字后的审签单").setInputFiles(SIGNED_SHEET);
}

async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await page.goto("/login?next=/workspace");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await enterTotpCode(page, totpSecretFor(email));
  // The sign-in page's own address ends in ?next=/workspace: wait for the workspace itself.
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  return page;
}

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${ARTIFACTS}/${name}-desktop.png`, fullPage: options.fullPage ?? false });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${ARTIFACTS}/${name}-375.png`, fullPage: options.fullPage ?? false });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a budget goes from submission through return, resubmission and approval to publication and a correction", async ({ browser }) => {
  test.setTimeout(240_000);
  if (reviewer === undefined) throw new Error("no demo finance reviewer");
  const fixture = createReviewFixture(PASSWORD);
  expect(fixture.warnings).toBe(1);
  const reviewUrl = `/review/budgets/${fixture.budgetId}`;

  // --- The reviewer finds the budget in the queue and starts the review.
  const review = await signedIn(browser, reviewer.email, reviewer.password);
  await review.getByRole("link", { name: "查看待审核的预算" }).click();
  await expect(review).toHaveURL(/\/review$/);
  const queueRow = review.getByRole("row").filter({ hasText: fixture.unitName });
  await expect(queueRow).toContainText("已报送");
  await expect(queueRow.getByRole("cell").last()).toHaveText("1");
  await shoot(review, "review-queue", { fullPage: true });
  await expectAccessible(review);
  // Filtering by another status (GET form) leaves the submitted budget out.
  await review.getByLabel("状态").selectOption("APPROVED");
  await review.getByRole("button", { name: "筛选" }).click();
  await expect(review).toHaveURL(/status=APPROVED/);
  await expect(review.getByRole("row").filter({ hasText: fixture.unitName })).toHaveCount(0);
  await review.goto("/review");

  await review.getByRole("link", { name: new RegExp(fixture.unitName) }).click();
  await expect(review).toHaveURL(new RegExp(`${reviewUrl}$`));
  const findings = review.getByRole("region", { name: "一致性检查与单位说明" });
  await expect(findings).toContainText("按2024年新的住房公积金缴存基数测算。");
  await expect(review.getByRole("region", { name: "本次报送的修改" })).toContainText("首次报送");
  await review.getByRole("button", { name: "开始审核" }).click();
  await expect(review.getByTestId("budget-status")).toHaveText("财政审核中");

  // --- A comment on one row of table 3, then 退回.
  await review.getByText("对表3提出审核意见").click();
  const table3Form = review.getByRole("form", { name: /^表3 .*的审核意见$/ });
  await table3Form.getByLabel("针对").selectOption({ label: "2210201 住房公积金" });
  await table3Form.getByLabel("审核意见").fill("住房公积金应与表6“30113 住房公积金”5.63万元一致，请核实后修改。");
  await table3Form.getByRole("button", { name: "添加意见" }).click();
  const table3Comments = review.getByRole("group", { name: "表3的审核意见" });
  await expect(table3Comments).toContainText("住房公积金应与表6");
  await expect(table3Comments).toContainText("2210201 住房公积金");
  await review.getByRole("group", { name: "表3的审核意见" }).scrollIntoViewIfNeeded();
  await shoot(review, "review-row-comment");
  await expectAccessible(review);

  await review.getByRole("button", { name: "退回" }).click();
  await expect(review.getByTestId("budget-status")).toHaveText("已退回");
  await review.reload();
  await shoot(review, "review-returned");

  // --- The accountant sees the comment where it points, fixes the row and resubmits.
  const unit = await signedIn(browser, fixture.email, PASSWORD);
  await unit.goto("/workspace/budgets/2024");
  await expect(unit.getByTestId("budget-status")).toHaveText("已退回");
  const unitComments = unit.getByRole("region", { name: "审核意见" });
  await expect(unitComments).toContainText("表3 单位预算支出总表 · 2210201 住房公积金");
  await expect(unitComments).toContainText("住房公积金应与表6");
  await unitComments.getByText("回复此意见").click();
  await unitComments.getByLabel("回复内容").fill("已按表6更正为5.63万元，并相应调整行政运行。");
  await unitComments.getByRole("button", { name: "回复", exact: true }).click();
  await expect(unitComments.getByRole("status")).toHaveText("回复已发送。");
  await expect(unitComments.getByRole("list", { name: /的回复$/ })).toContainText("已按表6更正为5.63万元");
  await shoot(unit, "unit-returned");

  const lines = unit.getByRole("table", { name: "支出明细" });
  await lines.getByRole("textbox", { name: "第5行 金额" }).fill("5.63");
  await lines.getByRole("textbox", { name: "第1行 金额" }).fill("57.99");
  await lines.getByRole("textbox", { name: "第1行 金额" }).blur();
  await expect(unit.getByText(/^已保存/)).toBeVisible({ timeout: 15_000 });
  const submit = unit.getByRole("region", { name: "报送" });
  await expect(submit.getByRole("textbox")).toHaveCount(0);
  await submit.getByRole("button", { name: "报送" }).click();
  await expect(unit.getByTestId("budget-status")).toHaveText("已报送");

  // --- The reviewer sees what changed since the previous submission, row by row, and approves.
  await review.goto(reviewUrl);
  const changes = review.getByRole("region", { name: "本次报送的修改" });
  const housing = changes.getByRole("row").filter({ hasText: "2210201 住房公积金 · 基本支出 · 一般公共预算拨款" });
  await expect(housing).toContainText("5.73万元");
  await expect(housing).toContainText("5.63万元");
  await expect(housing).toContainText("-0.10");
  await expect(changes.getByRole("row").filter({ hasText: "2013701 行政运行 · 基本支出 · 一般公共预算拨款" })).toContainText("57.99万元");
  await expect(review.getByRole("region", { name: "审核意见" })).toContainText("已按表6更正为5.63万元");
  await shoot(review, "review-changes");
  await review.getByRole("button", { name: "开始审核" }).click();
  await expect(review.getByTestId("budget-status")).toHaveText("财政审核中");
  await approve(review);
  const history = review.getByRole("region", { name: "预算历史", exact: true });
  await expect(history.getByRole("row").filter({ hasText: "批复" }).first()).toContainText("财政审核中 → 已批复");

  // --- The unit records 保密审查 and 负责人审签, then publishes.
  await unit.reload();
  await expect(unit.getByTestId("budget-status")).toHaveText("已批复");
  await unit.getByLabel(/审查说明/).fill("已核对九张表和项目名称，不含涉密信息。");
  await unit.getByRole("button", { name: "记录保密审查" }).click();
  await expect(unit.getByText("审查说明：已核对九张表和项目名称，不含涉密信息。")).toBeVisible();
  await signOnPaper(unit);
  await shoot(unit, "unit-sign-off");
  await expectAccessible(unit);
  await unit.getByRole("button", { name: "上传审签单" }).click();
  await expect(unit.getByTestId("budget-status")).toHaveText("已审签");
  await expect(unit.getByText(/李明 在纸质审签单上签字/)).toBeVisible();
  const publish = unit.getByRole("region", { name: "公开" });
  await publish.getByRole("button", { name: "公开" }).click();
  await expect(unit.getByTestId("budget-status")).toHaveText("已审签");
  await publish.getByLabel(/我确认/).check();
  await publish.getByRole("button", { name: "公开" }).click();
  await expect(unit.getByTestId("budget-status")).toHaveText("已公开", { timeout: 60_000 });
  const publicLink = unit.getByRole("link", { name: "查看公开页面" });
  await expect(publicLink).toHaveAttribute("href", `/budgets/2024/${fixture.unitCode}/v1`);
  await shoot(unit, "unit-published");

  const citizen = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await citizen.goto(`/budgets/2024/${fixture.unitCode}`);
  await expect(citizen.locator("#T3")).toContainText("5.63");
  await expect(citizen.getByRole("heading", { level: 1 })).toContainText(fixture.unitName);

  // --- A correction: version 2 with its 更正说明, through the same chain.
  await unit.getByLabel("更正说明").fill("更正情况说明中的机构设置表述，数字不变。");
  await unit.getByRole("button", { name: "创建更正版本" }).click();
  await expect(unit.getByTestId("budget-status")).toHaveText("草稿");
  await expect(unit.getByText(/第2版为更正版本/)).toBeVisible();
  await unit.getByRole("region", { name: "报送" }).getByRole("button", { name: "报送" }).click();
  await expect(unit.getByTestId("budget-status")).toHaveText("已报送");
  const [correction] = await query<{ id: number }>(
    "SELECT b.id FROM budgets b JOIN units u ON u.id = b.unit_id WHERE u.code = $1 AND b.year = 2024 AND b.version = 2",
    [fixture.unitCode],
  );
  expect(correction).toBeDefined();
  await review.goto(`/review/budgets/${correction?.id}`);
  await review.getByRole("button", { name: "开始审核" }).click();
  await approve(review);
  await unit.reload();
  await unit.getByLabel(/审查说明/).fill("已核对更正的内容，不含涉密信息。");
  await unit.getByRole("button", { name: "记录保密审查" }).click();
  await signOnPaper(unit);
  await unit.getByRole("button", { name: "上传审签单" }).click();
  await expect(unit.getByTestId("budget-status")).toHaveText("已审签");
  await unit.getByRole("region", { name: "公开" }).getByLabel(/我确认/).check();
  await unit.getByRole("region", { name: "公开" }).getByRole("button", { name: "公开" }).click();
  await expect(unit.getByTestId("budget-status")).toHaveText("已公开", { timeout: 60_000 });

  // A new visitor: the newest version is cached for 60 s (Cache-Control), so the first visitor's copy may still be v1.
  const later = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await later.goto(`/budgets/2024/${fixture.unitCode}`);
  await expect(later.getByText("更正说明（第2版）")).toBeVisible();
  await expect(later.getByText("更正情况说明中的机构设置表述，数字不变。")).toBeVisible();
  await shoot(later, "public-correction");
  await citizen.goto(`/budgets/2024/${fixture.unitCode}/v2`);
  await expect(citizen.getByText("更正说明（第2版）")).toBeVisible();
  const v1 = await citizen.goto(`/budgets/2024/${fixture.unitCode}/v1`);
  expect(v1?.status()).toBe(200);
  await expect(citizen.locator("#T3")).toContainText("5.63");
  await shoot(citizen, "public-v1");

  // --- What the database recorded.
  const events = await query<{ version: number; action: string; actor_id: string | null }>(
    `SELECT b.version, e.action::text AS action, e.actor_id FROM budget_events e JOIN budgets b ON b.id = e.budget_id
     JOIN units u ON u.id = b.unit_id WHERE u.code = $1 ORDER BY b.version, e.at, e.id`,
    [fixture.unitCode],
  );
  expect(events.filter((e) => e.version === 1).map((e) => e.action)).toEqual([
    "CREATE",
    "SUBMIT",
    "START_FINANCE_REVIEW",
    "RETURN",
    "SUBMIT",
    "START_FINANCE_REVIEW",
    "APPROVE",
    "RECORD_SECRECY_REVIEW",
    "SIGN_OFF",
    "PUBLISH",
  ]);
  expect(events.filter((e) => e.version === 2).map((e) => e.action)).toEqual([
    "CREATE",
    "SUBMIT",
    "START_FINANCE_REVIEW",
    "APPROVE",
    "RECORD_SECRECY_REVIEW",
    "SIGN_OFF",
    "PUBLISH",
  ]);
  const [reviewerRow] = await query<{ id: string }>("SELECT id FROM users WHERE email = $1", [reviewer.email]);
  const actorOf = (action: string) => events.find((e) => e.version === 1 && e.action === action)?.actor_id;
  expect(actorOf("RETURN")).toBe(reviewerRow?.id);
  expect(actorOf("APPROVE")).toBe(reviewerRow?.id);
  expect(actorOf("SIGN_OFF")).toBe(fixture.userId);
  expect(actorOf("PUBLISH")).toBe(fixture.userId);

  const comments = await query<{ anchor_table: number; anchor_row: string; author_id: string }>(
    "SELECT anchor_table, anchor_row, author_id FROM review_comments WHERE budget_id = $1 ORDER BY id",
    [fixture.budgetId],
  );
  expect(comments).toEqual([
    { anchor_table: 3, anchor_row: "2210201", author_id: reviewerRow?.id },
    { anchor_table: 3, anchor_row: "2210201", author_id: fixture.userId },
  ]);
  const audits = await query<{ action: string; user_id: string; client_address: string | null }>(
    `SELECT action, user_id, client_address FROM audit_events
     WHERE object_type = 'budget' AND object_id = $1 AND result = 'SUCCESS' ORDER BY id`,
    [String(fixture.budgetId)],
  );
  expect(audits.map((a) => a.action)).toEqual(
    expect.arrayContaining(["budget.start_review", "budget.comment", "budget.return", "budget.approve", "budget.secrecy_review", "budget.sign_off", "budget.publish"]),
  );
  expect(audits.find((a) => a.action === "budget.comment")).toMatchObject({ user_id: reviewerRow?.id, client_address: expect.any(String) });
  const [signed] = await query<{ head_signer_name: string; status: string }>("SELECT head_signer_name, status::text AS status FROM budgets WHERE id = $1", [
    fixture.budgetId,
  ]);
  expect(signed).toEqual({ head_signer_name: "李明", status: "PUBLISHED" });
});
