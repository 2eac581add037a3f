import { expect, test, type Page } from "@playwright/test";
import { totpCode } from "@/lib/auth/totp-code";
import { createUser, query } from "./support/e2e-database";
import { enrolSecondFactor } from "./support/two-factor";

/**
 * 双因素认证 end to end: a new account whose password an administrator set signs in, replaces the
 * password, enrols an authenticator app (reading the secret the page shows, as a person with a
 * phone would), signs out, signs in with a 动态口令, then with a 备用码, and is refused with a wrong
 * code and with a backup code used before.
 */

const INITIAL = "Anfang#Passwort2025";
const OWN = "Eigenes#Passwort2025";

async function signInWithPassword(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1$/);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/.artifacts/two-factor-${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} at 375 px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `e2e/.artifacts/two-factor-${name}-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a new account sets its password, enrols its second factor, then signs in with a code and with a backup code, and wrong codes are refused", async ({ page }) => {
  test.setTimeout(90_000);
  const email = `zweifaktor-${Date.now()}@example.test`;
  const user = createUser({ email, name: "双因素测试用户", password: INITIAL, totpSecret: null });
  await query("UPDATE users SET must_change_password = true WHERE id = $1", [user.id]);

  // First sign-in: the password someone else set is replaced first…
  await signInWithPassword(page, email, INITIAL);
  await expect(page).toHaveURL(/\/account\/password$/, { timeout: 20_000 });
  await page.getByLabel("初始密码").fill(INITIAL);
  await page.getByLabel("新密码", { exact: true }).fill(OWN);
  await page.getByLabel("再次输入新密码").fill(OWN);
  await page.getByRole("button", { name: "保存新密码" }).click();

  // …then the second factor, before anything else.
  await expect(page).toHaveURL(/\/account\/two-factor$/, { timeout: 20_000 });
  await page.goto("/workspace");
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await page.getByRole("button", { name: "开始设置" }).click();
  await expect(page.getByRole("img", { name: "动态口令密钥二维码" })).toBeVisible();
  await shoot(page, "enrol");
  // The page reloads the same secret (nothing is in force until a code confirms it).
  const { secret, backupCodes } = await (async () => {
    await page.getByLabel("动态口令", { exact: true }).fill("000000");
    await page.getByRole("button", { name: "完成设置" }).click();
    await expect(page.getByText(/^动态口令不正确。请确认已添加刚才显示的密钥/).first()).toBeVisible();
    await page.reload();
    return enrolSecondFactorFromShownPage(page);
  })();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(backupCodes).toHaveLength(10);
  await expect(page).toHaveURL(/\/workspace\?twoFactorEnrolled=1$/, { timeout: 20_000 });
  await expect(page.getByRole("status").filter({ hasText: "双因素认证已设置" })).toBeVisible();

  // Sign-out clears what the back office kept in the browser.
  await page.evaluate(() => localStorage.setItem("gongkai:draft:224001:2025:v1", "{}"));
  await signOut(page);
  expect(await page.evaluate(() => localStorage.getItem("gongkai:draft:224001:2025:v1"))).toBeNull();
  // The sign-out answer itself (the browser consumes the header, so it is checked on a plain request).
  const answer = await page.request.post("/logout", { maxRedirects: 0 });
  expect(answer.status()).toBe(303);
  expect(answer.headers()["clear-site-data"]).toBe('"cache", "cookies", "storage"');

  // The password alone opens nothing: the code page comes next.
  await signInWithPassword(page, email, OWN);
  await expect(page).toHaveURL(/\/login\/two-factor/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1, name: "双因素认证" })).toBeVisible();
  await page.goto("/workspace");
  await expect(page).toHaveURL(/\/login\?next=%2Fworkspace/);
  await signInWithPassword(page, email, OWN);
  await expect(page.getByLabel("动态口令", { exact: true })).toBeVisible({ timeout: 20_000 });
  await shoot(page, "code");
  await page.getByLabel("动态口令", { exact: true }).fill(await totpCode(secret));
  await page.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page).toHaveURL(/\/workspace$/, { timeout: 20_000 });
  await signOut(page);

  // A backup code instead of the code, once.
  await signInWithPassword(page, email, OWN);
  await page.getByText("手机不在身边？使用备用码登录").click();
  await page.getByLabel("备用码").fill(backupCodes[0] ?? "");
  await shoot(page, "backup-code");
  await page.getByRole("button", { name: "使用备用码登录" }).click();
  await expect(page).toHaveURL(/\/workspace$/, { timeout: 20_000 });
  await signOut(page);

  // Refused: a wrong code, and the backup code already used; each counts towards the lockout.
  await signInWithPassword(page, email, OWN);
  const wrong = String((Number(await totpCode(secret)) + 500_000) % 1_000_000).padStart(6, "0");
  await page.getByLabel("动态口令", { exact: true }).fill(wrong);
  await page.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "验证未成功" })).toContainText("动态口令不正确。再输错 4 次，账户将被锁定 30 分钟。");
  await page.getByText("手机不在身边？使用备用码登录").click();
  await page.getByLabel("备用码").fill(backupCodes[0] ?? "");
  await page.getByRole("button", { name: "使用备用码登录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "验证未成功" }).last()).toContainText("备用码不正确或已使用过。再输错 3 次");
  await expect(page).toHaveURL(/\/login\/two-factor/);

  const rows = await query<{ action: string; result: string }>("SELECT action, result::text FROM audit_events WHERE user_id = $1 AND action LIKE 'auth.%' ORDER BY id", [user.id]);
  expect(rows.map((row) => `${row.action} ${row.result}`)).toEqual([
    "auth.sign_in SUCCESS",
    "auth.password_change SUCCESS",
    "auth.two_factor_enrol FAILURE",
    "auth.two_factor_enrol SUCCESS",
    "auth.sign_out SUCCESS",
    "auth.sign_in_password SUCCESS",
    "auth.sign_in_password SUCCESS",
    "auth.sign_in SUCCESS",
    "auth.sign_out SUCCESS",
    "auth.sign_in_password SUCCESS",
    "auth.sign_in SUCCESS",
    "auth.sign_out SUCCESS",
    "auth.sign_in_password SUCCESS",
    "auth.sign_in FAILURE",
    "auth.sign_in FAILURE",
  ]);
});

/** The enrolment page after 开始设置: reads the secret and backup codes and confirms (e2e/support/two-factor.ts without the start). */
async function enrolSecondFactorFromShownPage(page: Page) {
  return enrolSecondFactor(page, { alreadyStarted: true });
}
