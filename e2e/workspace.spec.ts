import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { query } from "./support/e2e-database";

/**
 * The accountant's first workspace journey against the demo data: the budget list, next year's
 * draft started from the published 2024 budget, its checks and preview, and 报送.
 */

const accountant = DEMO_USERS.find((user) => user.role === "ACCOUNTANT");

async function signIn(page: Page): Promise<void> {
  if (accountant === undefined) throw new Error("no demo accountant");
  await page.goto("/workspace");
  await page.getByLabel("邮箱").fill(accountant.email);
  await page.getByLabel("密码").fill(accountant.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/workspace$/);
}

/** What the finance bureau does before budgeting a year: load its code book (here, 2024's codes again). */
async function load2025CodeBook(): Promise<void> {
  await query("INSERT INTO fiscal_years (year) VALUES (2025) ON CONFLICT DO NOTHING");
  await query(
    `INSERT INTO classification_codes (year, scheme, code, name, level, parent_code)
     SELECT 2025, scheme, code, name, level, parent_code FROM classification_codes WHERE year = 2024 ORDER BY level
     ON CONFLICT DO NOTHING`,
  );
}

test("the accountant starts 2025 from the published 2024 budget, checks it and submits it", async ({ page }) => {
  await signIn(page);

  const budgets = page.getByRole("region", { name: /本单位预算/ });
  const budget2024 = budgets.getByRole("listitem").filter({ hasText: "2024年预算" });
  await expect(budget2024).toContainText("已公开");
  await expect(budget2024.getByRole("link", { name: "2024年预算" })).toHaveAttribute("href", "/workspace/budgets/2024");
  await page.screenshot({ path: "e2e/.artifacts/workspace-budgets-desktop.png", fullPage: true });

  // Without 2025's code book the draft is refused, with a message the accountant can act on.
  const createDraft = page.getByRole("button", { name: "从2024年预算创建2025年草稿" });
  await createDraft.click();
  await expect(page.getByRole("alert").filter({ hasText: "2025年的科目表尚未导入" })).toBeVisible();

  await load2025CodeBook();
  await createDraft.click();
  await expect(page).toHaveURL(/\/workspace\/budgets\/2025$/);
  await expect(page.getByRole("heading", { level: 1, name: "2025年预算" })).toBeVisible();
  await expect(page.getByTestId("budget-status")).toHaveText("草稿");

  const findings = page.getByRole("region", { name: "一致性检查" });
  await expect(findings).toBeVisible();
  const preview = page.getByRole("region", { name: "公开预览" });
  await expect(preview.locator("#T1")).toContainText("116.76");
  // The preview is many screens long: the top of the page, then the start of the preview.
  await page.screenshot({ path: "e2e/.artifacts/workspace-draft-desktop.png" });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "e2e/.artifacts/workspace-draft-375.png" });
  await preview.locator("#T1").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/.artifacts/workspace-preview-375.png" });
  await page.setViewportSize({ width: 1280, height: 720 });

  const submitForm = page.getByRole("region", { name: "报送" });
  const explanations = submitForm.getByRole("textbox");
  for (let index = 0; index < (await explanations.count()); index += 1) {
    await explanations.nth(index).fill("沿用上年预算，本年变化已与财政部门沟通。");
  }
  await submitForm.getByRole("button", { name: "报送" }).click();

  await expect(page).toHaveURL(/\/workspace\/budgets\/2025\?submitted=1$/);
  await expect(page.getByTestId("budget-status")).toHaveText("已报送");
  await expect(page.getByRole("status").filter({ hasText: "预算已报送" })).toBeVisible();
  await expect(page.getByRole("region", { name: "报送" })).toHaveCount(0);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "e2e/.artifacts/workspace-submitted-375.png" });

  await page.goto("/workspace");
  await expect(budgets.getByRole("listitem").filter({ hasText: "2025年预算" })).toContainText("已报送");
  await expect(page.getByRole("button", { name: /创建.*草稿/ })).toHaveCount(0);
  await page.screenshot({ path: "e2e/.artifacts/workspace-budgets-375.png", fullPage: true });
});
