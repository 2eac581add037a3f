import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { signInAs } from "./support/entry-helpers";

/**
 * 三员分立 (issue 13, ADR 0022) in the browser: the audit administrator reads, filters and exports
 * the audit log and checks the hash chains, and nothing else (the organisation, the accounts and a
 * budget's workspace answer 403/404); the system administrator is refused the audit log.
 */

const demo = (role: string) => {
  const found = DEMO_USERS.find((user) => user.role === role);
  if (found === undefined) throw new Error(`no demo ${role}`);
  return found;
};
const auditor = demo("AUDIT_ADMIN");
const system = demo("ADMIN");

async function newSignedInPage(browser: Browser, baseURL: string | undefined, user: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await signInAs(page, user.email, user.password);
  return page;
}

test("the audit administrator reads, filters and exports the log and checks the chains, and nothing else; the system administrator gets no audit log", async ({ page, browser }, testInfo) => {
  test.setTimeout(60_000);
  // A fresh server compiles its first pages on demand: warm them so the sign-in helper's wait suffices.
  for (const path of ["/login", "/workspace", "/admin/audit"]) await page.request.get(path);
  await signInAs(page, auditor.email, auditor.password);
  await page.getByRole("region", { name: "监督与管理" }).getByRole("link", { name: "审计日志" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "审计日志" })).toBeVisible();

  // Filter: the audit administrator's own successful sign-ins.
  await page.getByLabel("用户邮箱").fill(auditor.email);
  await page.getByLabel("操作", { exact: true }).selectOption({ label: "登录" });
  await page.getByLabel("结果", { exact: true }).selectOption({ label: "成功" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/action=auth.sign_in/);
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows.first()).toContainText("登录");
  await expect(rows.first()).toContainText(auditor.email);
  // Actions are shown in Chinese, never as stored keys.
  await expect(page.getByRole("table")).not.toContainText("auth.sign_in");
  await page.screenshot({ path: testInfo.outputPath("audit-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("audit-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Export: CSV with BOM, the same filters.
  const csv = await page.request.get(`/admin/audit/export?action=auth.sign_in&email=${encodeURIComponent(auditor.email)}`);
  expect(csv.status()).toBe(200);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain("登录");

  // The chain check.
  await page.goto("/admin/audit/verify");
  await expect(page.getByRole("status")).toHaveText(/校验通过/);
  await page.screenshot({ path: testInfo.outputPath("audit-verify-desktop.png"), fullPage: true });

  // Nothing else: the organisation, the accounts, the code books, a budget's workspace.
  for (const path of ["/admin/regions/130433", "/admin/users", "/admin/codebooks", "/workspace/units/224001/budgets/2024"]) {
    const response = await page.goto(path);
    expect([403, 404], path).toContain(response?.status());
  }

  // The system administrator is refused the log (and the refusal is itself in the log).
  const admin = await newSignedInPage(browser, testInfo.project.use.baseURL, system);
  for (const path of ["/admin/audit", "/admin/audit/verify"]) {
    const response = await admin.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await expect(admin.getByRole("heading", { level: 1, name: "无权访问此页面" })).toBeVisible();
  expect((await admin.request.get("/admin/audit/export")).status()).toBe(403);
  await admin.context().close();

  await page.goto("/admin/audit?action=audit.search&result=DENIED");
  await expect(rows.first()).toContainText("查询审计日志");
  await expect(rows.first()).toContainText("拒绝");
  await expect(rows.first()).toContainText(system.email);
  // The audit administrator's own refused page reads are in the log too, with the path.
  await page.goto("/admin/audit?action=page.read&result=DENIED");
  await expect(page.getByRole("table")).toContainText("打开管理页面");
  await expect(page.getByRole("table")).toContainText("/admin/regions/130433");
});
