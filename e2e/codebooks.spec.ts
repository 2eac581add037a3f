import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { query } from "./support/e2e-database";
import { enterTotpCode, totpSecretFor } from "./support/two-factor";

/**
 * A year's code book from a bureau's .csv with a code the starter book lacks, the finance bureau
 * opening the year, and an accountant starting an empty budget and picking the new code. 2026, so
 * that the demo's 2025 (and the workspace journey) are untouched.
 */

const user = (role: string) => {
  const found = DEMO_USERS.find((u) => u.role === role);
  if (found === undefined) throw new Error(`no demo ${role}`);
  return found;
};

/** Signs in through the form; argon2 on a busy 2-core machine can take several seconds. */
async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/workspace");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await enterTotpCode(page, totpSecretFor(email));
  await expect(page).toHaveURL(/\/workspace$/, { timeout: 20_000 });
}

async function signOut(page: Page): Promise<void> {
  await page.goto("/workspace");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/.artifacts/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `e2e/.artifacts/${name}-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("an administrator loads 2026's code book, the finance bureau opens 2026, an accountant starts it empty and picks the new code", async ({ page }) => {
  test.setTimeout(90_000);
  const rows = await query<{ scheme: string; code: string; name: string }>(
    "SELECT c.scheme, c.code, c.name FROM classification_codes c JOIN code_book_revisions r ON r.id = c.revision_id WHERE r.year = 2025 ORDER BY c.scheme DESC, c.code",
  );
  const csv = ["科目编码,科目名称", ...rows.map((r) => `${r.code},${r.name}`), "2013704,网络安全应急处置"].join("\r\n");

  // 1. The administrator: a bad file is refused with its place, then the real one previewed and loaded.
  const admin = user("ADMIN");
  await signInAs(page, admin.email, admin.password);
  await page.getByRole("link", { name: "科目表管理" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "科目表管理" })).toBeVisible();
  await page.getByLabel("预算年度").fill("2026");
  await page.getByLabel("科目表文件").setInputFiles({ name: "坏文件.csv", mimeType: "text/csv", buffer: Buffer.from("科目编码,科目名称\r\n2059901,没有款的项\r\n") });
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "项 2059901 没有款的项 的上级款 20599 不在支出功能分类科目中" })).toBeVisible();

  await page.getByLabel("科目表文件").setInputFiles({ name: "2026年政府收支分类科目.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}\r\n`) });
  await page.getByRole("button", { name: "预览" }).click();
  const preview = page.getByRole("region", { name: "新增科目", exact: true });
  await expect(page.getByRole("heading", { name: "预览：2026年第 1 版科目表" })).toBeVisible();
  await expect(page.getByText("与2025年第 1 版相比：新增 1 个，取消 0 个，更名 0 个")).toBeVisible();
  await expect(preview).toContainText("2013704");
  await shoot(page, "codebooks-preview");
  await page.getByRole("button", { name: "确认导入为2026年第 1 版" }).click();
  await expect(page.getByRole("status")).toContainText("已导入2026年第 1 版科目表");
  await expect(page.getByRole("region", { name: "已导入的科目表", exact: true }).first()).toContainText("2026年第 1 版");
  await signOut(page);

  // 2. The finance reviewer opens 2026 for 馆陶县.
  const finance = user("FINANCE_REVIEWER");
  await signInAs(page, finance.email, finance.password);
  await page.getByRole("link", { name: "预算年度" }).click();
  const form = page.getByRole("form", { name: /开放馆陶县的预算年度/ });
  await form.getByLabel("预算年度").fill("2026");
  const [revision] = await query<{ id: number }>("SELECT id FROM code_book_revisions WHERE year = 2026 AND revision = 1");
  await form.getByLabel("科目表版本").selectOption(String(revision?.id));
  await form.getByLabel("报送截止日期").fill("2025-12-31");
  await form.getByRole("button", { name: "开放预算年度" }).click();
  await expect(form.getByRole("status")).toHaveText("已开放2026年预算：使用2026年第 1 版科目表，报送截止日期 2025-12-31。");
  await shoot(page, "budget-years");
  await signOut(page);

  // 3. The accountant starts 2026 empty (no approved 2025 budget) and finds the new code in the editor.
  const accountant = user("ACCOUNTANT");
  await signInAs(page, accountant.email, accountant.password);
  const start = page.getByRole("form", { name: "开始2026年预算" });
  await expect(start).toContainText("报送截止日期 2025-12-31");
  await shoot(page, "workspace-start");
  await start.getByRole("button", { name: "新建空白的2026年预算" }).click();
  await expect(page).toHaveURL(/\/workspace\/units\/224001\/budgets\/2026$/, { timeout: 20_000 });
  const expenditure = page.getByRole("region", { name: "支出", exact: true });
  await expenditure.getByRole("button", { name: "添加一行" }).click();
  const code = expenditure.getByRole("combobox", { name: "第1行 功能分类科目（项）" });
  await code.fill("网络安全应急");
  await expect(page.getByRole("option", { name: /2013704/ })).toBeVisible();
  await code.press("Enter");
  await expect(code).toHaveValue(/2013704/);

  const stored = await query<{ revision: number }>(
    "SELECT r.revision FROM budgets b JOIN units u ON u.id = b.unit_id JOIN code_book_revisions r ON r.id = b.code_book_revision_id WHERE u.code = '224001' AND b.year = 2026",
  );
  expect(stored).toEqual([{ revision: 1 }]);
});
