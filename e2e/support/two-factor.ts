import { expect, type Page } from "@playwright/test";
import { TEST_TOTP_SECRET, totpCode } from "@/lib/auth/totp-code";
import { DEMO_USERS } from "@/lib/demo/demo-users";

/**
 * The second step of signing in, as a person with an authenticator app does it: the demo
 * accounts' public secrets, TEST_TOTP_SECRET for every account the factories create, or the
 * secret an enrolment page showed.
 */

export function totpSecretFor(email: string): string {
  return DEMO_USERS.find((user) => user.email === email)?.totpSecret ?? TEST_TOTP_SECRET;
}

/** Types the current code on the 双因素认证 page (the password was accepted). */
export async function enterTotpCode(page: Page, secret: string, timeout = 30_000): Promise<void> {
  const field = page.getByLabel("动态口令", { exact: true });
  // argon2 on a busy 2-core machine can take several seconds before the second page shows
  await expect(field).toBeVisible({ timeout });
  await field.fill(await totpCode(secret));
  await page.getByRole("button", { name: "验证", exact: true }).click();
}

/** Fills e-mail and password on the sign-in page shown, then the code of the account's secret. */
export async function submitSignIn(page: Page, email: string, password: string, secret: string = totpSecretFor(email)): Promise<void> {
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await enterTotpCode(page, secret);
}

export interface Enrolment {
  /** base32, as shown beside the QR code */
  secret: string;
  backupCodes: string[];
}

/**
 * 设置双因素认证 on /account/two-factor (a new account after its password): starts, reads the
 * secret and the backup codes the page shows, confirms with a code computed from the secret.
 */
export async function enrolSecondFactor(page: Page, { alreadyStarted = false }: { alreadyStarted?: boolean } = {}): Promise<Enrolment> {
  await expect(page).toHaveURL(/\/account\/two-factor$/, { timeout: 20_000 });
  if (!alreadyStarted) await page.getByRole("button", { name: "开始设置" }).click();
  const shown = page.getByTestId("totp-secret");
  await expect(shown).toBeVisible({ timeout: 20_000 });
  const secret = ((await shown.textContent()) ?? "").replace(/\s/gu, "");
  const backupCodes = await page.getByRole("list", { name: "备用码" }).getByRole("listitem").allTextContents();
  await page.getByLabel("动态口令", { exact: true }).fill(await totpCode(secret));
  await page.getByRole("button", { name: "完成设置" }).click();
  return { secret, backupCodes };
}
