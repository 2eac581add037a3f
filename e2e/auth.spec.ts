import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { createUser, query } from "./support/e2e-database";
import { enterTotpCode, submitSignIn } from "./support/two-factor";

/**
 * Sign-in journeys against the app playwright.config.ts starts, with the demo accounts the seed
 * creates (README, 演示账号). Each test signs in as a different account, so one test's session or
 * lock never affects another.
 */

function demo(role: (typeof DEMO_USERS)[number]["role"]) {
  const user = DEMO_USERS.find((candidate) => candidate.role === role);
  if (user === undefined) throw new Error(`no demo user for ${role}`);
  return user;
}

/** The form's error summary (Next.js has a role="alert" route announcer of its own). */
function errorSummary(page: Page) {
  return page.getByRole("alert").filter({ hasText: "登录未成功" });
}

/** The password step only (refusals; a right password leads to the 动态口令 page). */
async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

/** Submits and waits for the answer: the form comes back with the password cleared and the button ready. */
async function signInRefused(page: Page, email: string, password: string): Promise<void> {
  await signIn(page, email, password);
  await expect(page.getByLabel("密码")).toHaveValue("");
  await expect(page.getByRole("button", { name: "登录", exact: true })).toBeEnabled();
}

interface AuditRow {
  action: string;
  result: string;
  user_id: string | null;
  client_address: string | null;
}

function auditRowsOfUser(userId: string): Promise<AuditRow[]> {
  return query<AuditRow>(
    "SELECT action, result::text, user_id, client_address FROM audit_events WHERE user_id = $1 ORDER BY id",
    [userId],
  );
}

async function userIdOf(email: string): Promise<string> {
  const [row] = await query<{ id: string }>("SELECT id FROM users WHERE email = $1", [email]);
  if (row === undefined) throw new Error(`no user ${email}`);
  return row.id;
}

test("the demo accountant signs in, sees the workspace and signs out for good", async ({ page, context }) => {
  const accountant = demo("ACCOUNTANT");

  await page.goto("/workspace");
  await expect(page).toHaveURL(/\/login\?next=%2Fworkspace$/);
  await expect(page.getByRole("heading", { level: 1, name: "工作人员登录" })).toBeVisible();
  await page.screenshot({ path: "e2e/.artifacts/login-desktop.png", fullPage: true });

  await submitSignIn(page, accountant.email, accountant.password);

  await expect(page).toHaveURL(/\/workspace$/);
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  await expect(page.getByText(`您好，${accountant.name}`)).toBeVisible();
  await expect(page.getByText(`登录邮箱：${accountant.email}`)).toBeVisible();
  // The site header names who is signed in and leads back to the workspace from any page.
  const header = page.getByRole("navigation", { name: "站点" });
  await expect(header).toContainText(accountant.name);
  await expect(header.getByRole("link", { name: "工作人员登录" })).toHaveCount(0);
  await page.goto("/");
  await header.getByRole("link", { name: "工作台" }).click();
  await expect(page).toHaveURL(/\/workspace$/);
  const roles = page.getByRole("region", { name: "您的角色" });
  await expect(roles.getByRole("listitem")).toHaveText([
    "单位填报人 · 单位 224001 中共馆陶县委网络安全和信息化委员会办公室本级（馆陶县）",
  ]);
  await page.screenshot({ path: "e2e/.artifacts/workspace-desktop.png", fullPage: true });

  const userId = await userIdOf(accountant.email);
  expect((await auditRowsOfUser(userId)).at(-1)).toEqual({
    action: "auth.sign_in",
    result: "SUCCESS",
    user_id: userId,
    client_address: expect.stringMatching(/127\.0\.0\.1|::1/),
  });

  // Each visit moves the cookie's 30-minute expiry forward along with the session's (proxy.ts).
  const sessionCookie = async () => (await context.cookies()).find((cookie) => cookie.name === "better-auth.session_token");
  const firstExpiry = (await sessionCookie())?.expires ?? 0;
  expect(firstExpiry * 1000 - Date.now()).toBeGreaterThan(29 * 60_000);
  await page.waitForTimeout(2_000);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  expect((await sessionCookie())?.expires ?? 0).toBeGreaterThan(firstExpiry + 1);

  const cookiesWhileSignedIn = await context.cookies();

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1$/);
  await expect(page.getByRole("status")).toHaveText("您已安全退出登录。");
  expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain("better-auth.session_token");
  expect((await auditRowsOfUser(userId)).at(-1)).toMatchObject({ action: "auth.sign_out", result: "SUCCESS" });
  await page.goto("/");
  await expect(header.getByRole("link", { name: "工作人员登录" })).toBeVisible();
  await expect(header).not.toContainText(accountant.name);

  // The cookie from before the sign-out opens nothing: the session ended on the server.
  await context.addCookies(cookiesWhileSignedIn);
  await page.goto("/workspace");
  await expect(page).toHaveURL(/\/login\?next=%2Fworkspace&reason=expired$/);
  await expect(page.getByRole("status")).toHaveText("登录已超时（长时间无操作，或登录已满 12 小时），请重新登录。");
});

test("five wrong passwords lock the account for 30 minutes, even against the right password", async ({ page }) => {
  const email = `lockout-${Date.now()}@example.test`;
  const password = "Richtig#2024";
  const user = createUser({ email, password, name: "锁定测试用户" });

  await page.goto("/login");
  for (let left = 4; left >= 1; left--) {
    await signInRefused(page, email, "Falsch#2024");
    await expect(errorSummary(page)).toContainText(`邮箱或密码不正确。再输错 ${left} 次，账户将被锁定 30 分钟。`);
    // The address stays in the form; the password does not.
    await expect(page.getByLabel("邮箱")).toHaveValue(email);
  }
  await signInRefused(page, email, "Falsch#2024");
  const lockMessage = /连续 5 次密码错误，账户已锁定 30 分钟，请于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）后再试。/;
  await expect(errorSummary(page)).toContainText(lockMessage);
  await expect(errorSummary(page)).toBeFocused();

  const auditRowsBefore = (await auditRowsOfUser(user.id)).length;
  await signInRefused(page, email, password);
  await expect(errorSummary(page)).toContainText(lockMessage);
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(async () => (await auditRowsOfUser(user.id)).length).toBe(auditRowsBefore + 1);
  await page.screenshot({ path: "e2e/.artifacts/login-locked.png", fullPage: true });

  const [stored] = await query<{ locked_until: Date | null }>("SELECT locked_until FROM users WHERE id = $1", [user.id]);
  const minutes = ((stored?.locked_until?.getTime() ?? 0) - Date.now()) / 60_000;
  expect(minutes).toBeGreaterThan(29);
  expect(minutes).toBeLessThanOrEqual(30);
  const rows = await auditRowsOfUser(user.id);
  expect(rows.map((row) => `${row.action} ${row.result}`)).toEqual([
    ...Array.from({ length: 5 }, () => "auth.sign_in FAILURE"),
    "auth.lock SUCCESS",
    "auth.sign_in DENIED",
  ]);
});

test("on a 375 px phone the sign-in form fits, passes axe and works from the keyboard", async ({ page }) => {
  const reviewer = demo("DEPARTMENT_REVIEWER");
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1, name: "工作人员登录" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "e2e/.artifacts/login-375.png", fullPage: true });

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  // Empty form: both fields are marked and explained.
  await page.getByLabel("邮箱").focus();
  await page.keyboard.press("Enter");
  await expect(errorSummary(page)).toContainText("请检查标出的内容后重新提交。");
  await expect(page.getByLabel("邮箱")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("邮箱")).toHaveAccessibleDescription("请输入邮箱。");
  await expect(page.getByLabel("密码")).toHaveAccessibleDescription(/请输入密码。/);

  await page.getByLabel("邮箱").focus();
  await page.keyboard.type(reviewer.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("密码")).toBeFocused();
  await page.keyboard.type(reviewer.password);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "登录", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await enterTotpCode(page, reviewer.totpSecret);

  await expect(page).toHaveURL(/\/workspace$/);
  await expect(page.getByRole("region", { name: "您的角色" })).toContainText("主管部门审核人 · 部门 224");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the sign-in form and the sign-out button still work", async ({ page }) => {
    const reviewer = demo("FINANCE_REVIEWER");
    await page.goto("/login");
    await signInRefused(page, reviewer.email, "Falsch#2024");
    await expect(errorSummary(page)).toContainText("邮箱或密码不正确。");
    await expect(page.getByLabel("邮箱")).toHaveValue(reviewer.email);
    await submitSignIn(page, reviewer.email, reviewer.password);
    await expect(page).toHaveURL(/\/workspace$/);
    await expect(page.getByRole("region", { name: "您的角色" })).toContainText("财政部门审核人 · 馆陶县（130433）");
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=1$/);
  });
});
