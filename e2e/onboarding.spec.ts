import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { gongkai, queryAt, startProductionServer, type ProductionServer } from "./support/production-server";

/**
 * A county goes live (issue 9): from an EMPTY database with GONGKAI_DEMO=false, the bootstrap
 * command creates the first administrator, who signs in and must first replace the one-time
 * password. Runs against a server of its own (e2e/support/production-server.ts), not the demo one.
 */

// One journey in steps that build on each other; a shared machine is slow, so the steps get time.
test.describe.configure({ mode: "serial", timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 15_000 });

let server: ProductionServer;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = await startProductionServer("onboarding");
});

test.afterAll(async () => {
  await server?.stop();
});

const ADMIN = { email: "wang.guanli@guantao.gov.cn", name: "王管理" };
const ADMIN_PASSWORD = "Guantao#Caizheng2025";

const count = async (table: string) => Number((await queryAt<{ n: string }>(server.databaseUrl, `SELECT count(*)::text AS n FROM ${table}`))[0]?.n);

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${server.baseURL}/login`);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ baseURL: server.baseURL })).newPage();
}

/** The one-time password is the last line the command prints. */
function createUserWithCommand(args: string[]): string {
  const result = gongkai(server, ["admin", "create-user", ...args]);
  expect(result.status, result.stderr).toBe(0);
  const lines = result.stdout.trim().split("\n");
  expect(lines.at(-2)).toContain("一次性初始密码");
  return lines.at(-1)?.trim() ?? "";
}

test("with GONGKAI_DEMO=false, an empty database stays empty: the public site lists nothing and no account exists", async ({ page }) => {
  await page.goto(`${server.baseURL}/`);
  await expect(page.getByRole("heading", { level: 1, name: "单位预算公开" })).toBeVisible();
  await expect(page.getByText("暂无已公开的单位预算。")).toBeVisible();
  await expect(page.getByRole("link", { name: /馆陶/ })).toHaveCount(0);
  expect((await page.request.get(`${server.baseURL}/budgets/2024/224001`)).status()).toBe(404);
  for (const table of ["users", "accounts", "regions", "departments", "units", "budgets", "published_snapshots", "audit_events"]) {
    expect(await count(table), table).toBe(0);
  }
});

test("the bootstrap command creates the first administrator, who must replace the one-time password before anything else", async ({ page, browser }) => {
  const oneTimePassword = createUserWithCommand(["--email", ADMIN.email, "--name", ADMIN.name, "--role", "ADMIN"]);
  expect(oneTimePassword).toMatch(/^\S{16}$/);
  // The same address again: refused, exit code 2, nothing created.
  const again = gongkai(server, ["admin", "create-user", "--email", ADMIN.email, "--name", "另一人", "--role", "ADMIN"]);
  expect(again.status).toBe(2);
  expect(again.stderr).toContain("该邮箱已有账户");
  expect(await count("users")).toBe(1);

  await signIn(page, ADMIN.email, oneTimePassword);
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole("heading", { level: 1, name: "修改初始密码" })).toBeVisible();
  await page.screenshot({ path: "e2e/.artifacts/onboarding-password-desktop.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 740 });
  await page.screenshot({ path: "e2e/.artifacts/onboarding-password-375.png", fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Nothing else of the back office opens before the change.
  for (const path of ["/workspace", "/admin/users", "/review", "/login"]) {
    await page.goto(`${server.baseURL}${path}`);
    await expect(page, path).toHaveURL(/\/account\/password$/);
  }

  // The new password must follow the rule and differ from the one-time password.
  await page.getByLabel("初始密码").fill(oneTimePassword);
  await page.getByLabel("新密码", { exact: true }).fill(oneTimePassword);
  await page.getByLabel("再次输入新密码").fill(oneTimePassword);
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "密码未修改" })).toBeVisible();
  await expect(page.getByText("新密码不能与当前密码相同。")).toBeVisible();
  await page.getByLabel("初始密码").fill(oneTimePassword);
  await page.getByLabel("新密码", { exact: true }).fill("guantao2025");
  await page.getByLabel("再次输入新密码").fill("guantao2025");
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page.getByText(/密码须包含大写字母、小写字母、数字、特殊字符中的至少 3 类/)).toBeVisible();
  await page.screenshot({ path: "e2e/.artifacts/onboarding-password-refused.png", fullPage: true });

  await page.getByLabel("初始密码").fill(oneTimePassword);
  await page.getByLabel("新密码", { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByLabel("再次输入新密码").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page).toHaveURL(/\/workspace\?passwordChanged=1$/);
  await expect(page.getByRole("status").filter({ hasText: "密码已修改" })).toBeVisible();
  await expect(page.getByText("系统管理员 · 全部地区")).toBeVisible();
  await page.goto(`${server.baseURL}/admin/users`);
  await expect(page).toHaveURL(/\/admin\/users$/);

  const audit = await queryAt<{ action: string; result: string; user_id: string | null; client_address: string | null }>(
    server.databaseUrl,
    "SELECT action, result, user_id, client_address FROM audit_events WHERE action IN ('user.create', 'role.grant', 'auth.password_change') ORDER BY id",
  );
  const [adminRow] = await queryAt<{ id: string; must_change_password: boolean }>(server.databaseUrl, "SELECT id, must_change_password FROM users WHERE email = $1", [ADMIN.email]);
  expect(adminRow?.must_change_password).toBe(false);
  expect(audit).toEqual([
    { action: "user.create", result: "SUCCESS", user_id: "system/cli", client_address: "cli" },
    { action: "role.grant", result: "SUCCESS", user_id: "system/cli", client_address: "cli" },
    { action: "user.create", result: "FAILURE", user_id: "system/cli", client_address: "cli" },
    { action: "auth.password_change", result: "FAILURE", user_id: adminRow?.id ?? "", client_address: "127.0.0.1" },
    { action: "auth.password_change", result: "FAILURE", user_id: adminRow?.id ?? "", client_address: "127.0.0.1" },
    { action: "auth.password_change", result: "SUCCESS", user_id: adminRow?.id ?? "", client_address: "127.0.0.1" },
  ]);

  // A second administrator, not yet changed: a server action sent with that session does nothing.
  const second = { email: "li.fuze@guantao.gov.cn", name: "李负责" };
  const secondPassword = createUserWithCommand(["--email", second.email, "--name", second.name, "--role", "ADMIN"]);
  const other = await newPage(browser);
  await signIn(other, second.email, secondPassword);
  await expect(other).toHaveURL(/\/account\/password$/);
  // The first administrator's create-account form, submitted with the second one's session cookie.
  await page.goto(`${server.baseURL}/admin/users`);
  const form = page.getByRole("form", { name: "创建账户" });
  await form.getByLabel("姓名").fill("不应创建");
  await form.getByLabel("邮箱").fill("forged@guantao.gov.cn");
  await form.getByLabel("初始密码").fill("Forged#Account2025");
  await page.context().clearCookies();
  await page.context().addCookies(await other.context().cookies());
  await form.getByRole("button", { name: "创建账户" }).click();
  // The action finds no viewer for that session: refused, nothing created.
  await expect(form.getByText("请先登录。")).toBeVisible();
  expect(await count("users")).toBe(2);
  expect(await queryAt(server.databaseUrl, "SELECT 1 FROM users WHERE email = 'forged@guantao.gov.cn'")).toEqual([]);
  await other.context().close();
});
