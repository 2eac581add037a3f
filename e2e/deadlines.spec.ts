import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { createDeadlineUnits, createUser, query, type DeadlineUnits } from "./support/e2e-database";
import { enterTotpCode, totpSecretFor } from "./support/two-factor";

/**
 * Issue 5 (deadlines, audit, accounts) in the browser: the publication-deadline dashboard with
 * units made by the factories in a county of their own, its exports, the audit search and the
 * account administration. Each test makes its own accounts, so nothing depends on another spec.
 */

const PASSWORD = "Richtig#2024";
// 三员分立 (ADR 0022): the audit log is the audit administrator's, roles and unlocks the security administrator's.
const auditor = DEMO_USERS.find((user) => user.role === "AUDIT_ADMIN");
const security = DEMO_USERS.find((user) => user.role === "SECURITY_ADMIN");
if (auditor === undefined || security === undefined) throw new Error("no demo audit or security administrator");

async function signIn(page: Page, email: string, password: string, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await enterTotpCode(page, totpSecretFor(email));
  // The page after sign-in is rendered within the sign-in response: allow for a loaded machine.
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`), { timeout: 20_000 });
}

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test.describe("publication-deadline dashboard", () => {
  let units: DeadlineUnits;
  const stamp = Date.now();
  const reviewer = { email: `deadline-reviewer-${stamp}@example.test`, name: "时限测试审核人", password: PASSWORD };

  test.beforeAll(() => {
    units = createDeadlineUnits(reviewer);
  });

  test("shows a late, an overdue and an on-time unit, most urgent first, filters without JavaScript and exports", async ({ page }) => {
    await signIn(page, reviewer.email, reviewer.password, "/review/deadlines");
    await expect(page.getByRole("heading", { level: 1, name: "预算公开时限" })).toBeVisible();
    await expect(page.getByText(`${units.regionName}（${units.regionCode}）· 2024年度`)).toBeVisible();
    await expect(page.getByText(/规则：批复后 20 日内公开。天数按北京时间的自然日计算/)).toBeVisible();

    await expect(page.getByTestId("summary-OVERDUE")).toHaveText("1");
    await expect(page.getByTestId("summary-PUBLISHED_LATE")).toHaveText("1");
    await expect(page.getByTestId("summary-PUBLISHED_ON_TIME")).toHaveText("1");
    await expect(page.getByTestId("summary-PENDING")).toHaveText("0");

    const table = page.getByRole("table", { name: `${units.regionName}2024年度各单位预算公开情况` });
    const rows = table.locator("tbody tr");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText(units.overdue.name);
    await expect(rows.nth(0)).toContainText("已逾期未公开");
    await expect(rows.nth(0)).toContainText("已逾期 5 天");
    await expect(rows.nth(0)).toContainText("25");
    await expect(rows.nth(1)).toContainText(units.late.name);
    await expect(rows.nth(1)).toContainText("逾期公开");
    await expect(rows.nth(1)).toContainText("晚 10 天");
    await expect(rows.nth(2)).toContainText(units.onTime.name);
    await expect(rows.nth(2)).toContainText("按时公开");
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: "e2e/.artifacts/deadlines-desktop.png", fullPage: true });

    // CSV: UTF-8 with BOM, the header and the three units in the page's order.
    const csvDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出 CSV" }).click();
    const csv = await readFile((await (await csvDownload).path()) ?? "");
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines[2]).toContain('"单位编码","单位名称","主管部门"');
    expect(lines.slice(3).map((line) => line.split(",")[0])).toEqual([units.overdue.code, units.late.code, units.onTime.code].map((code) => `"${code}"`));
    expect(lines[4]).toMatch(/,60,"\d{4}-\d{2}-\d{2}",,10,"逾期公开"$/);

    // XLSX: the same rows, dates as dates and day counts as numbers.
    const xlsxDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出 Excel" }).click();
    const download = await xlsxDownload;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${units.regionCode}-2024-公开时限-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path()) ?? "")) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("公开时限");
    expect(sheet?.getRow(5).getCell(2).value).toBe(units.late.name);
    expect(sheet?.getRow(5).getCell(7).value).toBeInstanceOf(Date);
    expect(sheet?.getRow(5).getCell(9).value).toBe(60);
    expect(sheet?.getRow(5).getCell(13).value).toBe("逾期公开");

    const [exported] = await query<{ n: string }>("SELECT count(*)::text AS n FROM audit_events WHERE action = 'deadlines.export' AND user_id = $1", [units.reviewer.id]);
    expect(exported?.n).toBe("2");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the filter form narrows the list to one state", async ({ page }) => {
      await signIn(page, reviewer.email, reviewer.password, "/review/deadlines");
      await page.getByLabel("公开情况", { exact: true }).selectOption({ label: "逾期公开" });
      await page.getByRole("button", { name: "筛选" }).click();
      await expect(page).toHaveURL(/status=PUBLISHED_LATE/);
      const rows = page.getByRole("table").locator("tbody tr");
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(units.late.name);
      await expect(page.getByRole("heading", { level: 2, name: "各单位情况（逾期公开）" })).toBeVisible();
    });
  });

  test("on a 375 px phone the table scrolls in its own box, not the page", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(page, reviewer.email, reviewer.password, "/review/deadlines");
    const box = page.getByRole("region", { name: `${units.regionName}2024年度各单位预算公开情况` });
    await expect(box).toBeVisible();
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await page.screenshot({ path: "e2e/.artifacts/deadlines-375.png", fullPage: true });
  });

  test("an accountant is refused", async ({ page }) => {
    const accountant = DEMO_USERS.find((user) => user.role === "ACCOUNTANT");
    await signIn(page, accountant?.email ?? "", accountant?.password ?? "", "/review/deadlines");
    await expect(page.getByRole("alert").filter({ hasText: "只有财政部门审核人、主管部门审核人和管理员可以查看公开时限。" })).toBeVisible();
    const response = await page.request.get("/review/deadlines/export?format=csv");
    expect(response.status()).toBe(403);
  });
});

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test("the audit search finds the sign-in of a user who just signed in, and is itself audited", async ({ page, browser }) => {
  const email = `audit-target-${Date.now()}@example.test`;
  createUser({ email, name: "审计查询对象", password: PASSWORD });
  const other = await newPage(browser);
  await signIn(other, email, PASSWORD, "/workspace");
  await other.context().close();

  await signIn(page, auditor.email, auditor.password, "/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "审计日志" })).toBeVisible();
  await page.getByLabel("用户邮箱").fill(email);
  await page.getByLabel("操作", { exact: true }).selectOption("auth.sign_in");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/email=audit-target/);

  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("登录");
  await expect(rows.first()).toContainText("成功");
  await expect(rows.first()).toContainText(email);
  await expect(rows.first()).toContainText(/127\.0\.0\.1|::1/);
  await expect(rows.first()).toContainText("浏览器");
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: "e2e/.artifacts/audit-search-desktop.png", fullPage: true });

  const [adminRow] = await query<{ id: string }>("SELECT id FROM users WHERE email = $1", [auditor.email]);
  const searches = await query<{ details: { filters: string } }>(
    "SELECT details FROM audit_events WHERE action = 'audit.search' AND user_id = $1 ORDER BY id DESC LIMIT 1",
    [adminRow?.id],
  );
  expect(JSON.parse(searches[0]?.details.filters ?? "{}")).toEqual({ email, action: "auth.sign_in" });

  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "e2e/.artifacts/audit-search-375.png", fullPage: true });
});

test("the security administrator grants a role and unlocks a locked account", async ({ page }) => {
  // Two page loads, two forms, an axe run over the whole account table and a second sign-in: 16 s on an idle machine.
  test.setTimeout(60_000);
  const stamp = Date.now();
  const grantee = createUser({ email: `grantee-${stamp}@example.test`, name: "授权对象", password: PASSWORD });
  const locked = createUser({ email: `locked-${stamp}@example.test`, name: "锁定对象", password: PASSWORD });
  await query("UPDATE users SET locked_until = now() + interval '30 minutes' WHERE id = $1", [locked.id]);

  await signIn(page, security.email, security.password, "/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "账户管理" })).toBeVisible();

  const grant = page.getByRole("form", { name: "授予角色" });
  await grant.getByLabel("账户").selectOption({ label: `授权对象（${grantee.email}）` });
  await grant.getByLabel("角色").selectOption({ label: "财政部门审核人" });
  // A mismatched scope is refused with a Chinese message first (by the form's schema: nothing reaches the use case).
  await grant.getByLabel("适用范围").selectOption({ label: "全部地区（系统管理员、安全管理员、审计管理员）" });
  await grant.getByRole("button", { name: "授予角色" }).click();
  await expect(grant.getByRole("alert")).toHaveText("请检查标出的内容后重新提交。");
  await expect(grant.getByLabel("适用范围")).toHaveAccessibleDescription(/财政部门审核人的适用范围必须是一个地区。/);

  await grant.getByLabel("账户").selectOption({ label: `授权对象（${grantee.email}）` });
  await grant.getByLabel("角色").selectOption({ label: "财政部门审核人" });
  await grant.getByLabel("适用范围").selectOption({ label: "地区 馆陶县（财政部门审核人、地区系统管理员、地区安全管理员）" });
  await grant.getByRole("button", { name: "授予角色" }).click();
  await expect(grant.getByRole("status")).toHaveText("已授予角色。");
  const granteeRow = page.getByRole("row", { name: new RegExp(grantee.email) });
  await expect(granteeRow).toContainText("财政部门审核人 · 馆陶县（130433）");

  const lockedRow = page.getByRole("row", { name: new RegExp(locked.email) });
  await expect(lockedRow).toContainText(/已锁定至/);
  await page.screenshot({ path: "e2e/.artifacts/admin-users-desktop.png", fullPage: true });
  await lockedRow.getByRole("button", { name: `解锁 ${locked.email}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(locked.email) })).toContainText("正常");

  const rows = await query<{ action: string; result: string; object_id: string }>(
    "SELECT action, result::text, object_id FROM audit_events WHERE action IN ('role.grant', 'user.unlock') AND object_id = ANY($1) ORDER BY id",
    [[grantee.id, locked.id]],
  );
  expect(rows).toEqual([
    { action: "role.grant", result: "SUCCESS", object_id: grantee.id },
    { action: "user.unlock", result: "SUCCESS", object_id: locked.id },
  ]);
  await expectNoSeriousAxeViolations(page);

  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "e2e/.artifacts/admin-users-375.png", fullPage: true });

  // The unlocked account signs in again.
  const fresh = await page.context().browser()?.newContext();
  const other = await fresh?.newPage();
  if (other === undefined) throw new Error("no second page");
  await signIn(other, locked.email, PASSWORD, "/workspace");
  await fresh?.close();
});

test("the demo's finance reviewer sees the seeded units of 馆陶县, the overdue one first", async ({ page }) => {
  const reviewer = DEMO_USERS.find((user) => user.role === "FINANCE_REVIEWER");
  await signIn(page, reviewer?.email ?? "", reviewer?.password ?? "", "/workspace");
  await page.getByRole("region", { name: "监督与管理" }).getByRole("link", { name: "预算公开时限" }).click();
  await expect(page).toHaveURL(/\/review\/deadlines$/);
  // Other journeys open later years in 馆陶县; the seeded deadlines are 2024's.
  await page.goto("/review/deadlines?year=2024");
  const rows = page.getByRole("table", { name: "馆陶县2024年度各单位预算公开情况" }).locator("tbody tr");
  await expect(rows.first()).toContainText("馆陶县教育局本级");
  await expect(rows.first()).toContainText("已逾期未公开");
  await expect(rows.filter({ hasText: "馆陶县卫生健康局本级" })).toContainText("逾期公开");
  await expect(rows.filter({ hasText: "馆陶县民政局本级" })).toContainText("未报送");
  await expect(rows.filter({ hasText: "馆陶县农业农村局本级" })).toContainText("审核中（未批复）");
  await expect(rows.filter({ hasText: "中共馆陶县委网络安全和信息化委员会办公室本级" })).toContainText("按时公开");
  await page.screenshot({ path: "e2e/.artifacts/deadlines-demo-desktop.png", fullPage: true });
});

test("the accountant's budget page ends with the budget's history", async ({ page }) => {
  const accountant = DEMO_USERS.find((user) => user.role === "ACCOUNTANT");
  await signIn(page, accountant?.email ?? "", accountant?.password ?? "", "/workspace/units/224001/budgets/2024");
  const history = page.getByRole("region", { name: "预算历史", exact: true });
  const rows = history.getByRole("table").locator("tbody tr");
  await expect(rows.filter({ hasText: "批复" }).first()).toContainText("财政审核中 → 已批复");
  await expect(rows.filter({ hasText: "公开" }).last()).toContainText("成功");
  await history.scrollIntoViewIfNeeded();
  await history.screenshot({ path: "e2e/.artifacts/budget-history-desktop.png" });
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(history).toBeVisible();
  await history.screenshot({ path: "e2e/.artifacts/budget-history-375.png" });
});
