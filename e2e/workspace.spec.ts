import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { query } from "./support/e2e-database";
import { enterTotpCode, totpSecretFor } from "./support/two-factor";

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
  await enterTotpCode(page, totpSecretFor(accountant.email));
  // argon2 on a busy 2-core machine can take several seconds
  await expect(page).toHaveURL(/\/workspace$/, { timeout: 20_000 });
}

test("the accountant starts 2025 from the published 2024 budget, enters changes, pastes from Excel, fixes the findings and submits", async ({ page, context }) => {
  test.setTimeout(180_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page);

  const budgets = page.getByRole("region", { name: /本单位预算/ });
  const budget2024 = budgets.getByRole("listitem").filter({ hasText: "2024年预算" });
  await expect(budget2024).toContainText("已公开");
  await expect(budget2024.getByRole("link", { name: "2024年预算" })).toHaveAttribute("href", "/workspace/units/224001/budgets/2024");
  await page.screenshot({ path: "e2e/.artifacts/workspace-budgets-desktop.png", fullPage: true });

  // The demo has 2025's (starter) code book and 馆陶县 has opened 2025.
  await page.getByRole("button", { name: "从2024年预算创建2025年草稿" }).click();
  await expect(page).toHaveURL(/\/workspace\/units\/224001\/budgets\/2025$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1, name: "2025年预算" })).toBeVisible();
  await expect(page.getByTestId("budget-status")).toHaveText("草稿");

  const findings = page.getByRole("region", { name: "一致性检查" });
  const income = page.getByRole("region", { name: "收入", exact: true });
  const expenditure = page.getByRole("region", { name: "支出", exact: true });
  const basic = page.getByRole("region", { name: "基本支出经济分类" });
  const preview = page.getByRole("region", { name: "公开预览" });
  const saveStatus = page.getByTestId("save-status");
  await expect(findings).toContainText("未发现问题");
  await expect(preview.locator("#T1")).toContainText("116.76");
  // Last year's figure beside each line, and the 类/款 subtotals derived, not typed.
  await expect(expenditure.getByRole("columnheader", { name: "2024年（万元）" })).toBeVisible();
  await expect(expenditure.getByRole("row", { name: /^1 / })).toContainText("57.99持平");
  await expect(expenditure.getByTestId("derived-T3")).toContainText("201 一般公共服务支出");
  await page.screenshot({ path: "e2e/.artifacts/workspace-editor-desktop.png" });

  // The code picker finds 2210201 by name; only 项 codes are offered.
  const newCode = expenditure.getByRole("combobox", { name: "第1行 功能分类科目（项）" });
  await newCode.fill("住房");
  // The list is rendered outside the grid's scroll box (a portal), so it is found by its name.
  const options = page.getByRole("listbox", { name: "第1行 功能分类科目（项）可选科目" });
  await expect(options.getByRole("option", { name: /2210201 住房公积金/ })).toBeVisible();
  await expect(options.getByRole("option", { name: /^22102 / })).toHaveCount(0);
  await newCode.press("Escape");
  await expect(newCode).toHaveValue("2013701");
  await newCode.press("Tab");

  // Raise 2013701 basic expenditure by 3.00 万元: the totals follow at once, and the checker objects.
  const firstAmount = expenditure.getByRole("textbox", { name: "第1行 金额" });
  await firstAmount.fill("60.99");
  await firstAmount.press("Enter");
  const secondAmount = expenditure.getByRole("textbox", { name: "第2行 金额" });
  await expect(secondAmount).toBeFocused();
  // Arrows move between cells as in a spreadsheet.
  await page.keyboard.press("ArrowUp");
  await expect(firstAmount).toBeFocused();
  await expenditure.getByRole("combobox", { name: "第1行 资金来源" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(firstAmount).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(secondAmount).toBeFocused();
  await expect(page.getByTestId("expenditure-total")).toHaveText("119.76");
  await expect(findings).toContainText("收支不平衡");
  await expect(findings).toContainText("未填写基本支出变化的原因");
  await expect(page.getByRole("button", { name: "报送" })).toBeDisabled();

  // Autosave: the status says so, and a reload shows the saved value.
  await expect(saveStatus).toHaveText(/已保存 \d{2}:\d{2}/, { timeout: 15_000 });
  await page.reload();
  await expect(expenditure.getByRole("textbox", { name: "第1行 金额" })).toHaveValue("60.99");
  const changes = await query<{ path: string; old_value: unknown; new_value: unknown; email: string }>(
    `SELECT c.path, c.old_value, c.new_value, u.email FROM budget_changes c
       JOIN budgets b ON b.id = c.budget_id JOIN units n ON n.id = b.unit_id JOIN users u ON u.id = c.user_id
      WHERE n.code = '224001' AND b.year = 2025 AND c.path = 'expenditure.0.amount'`,
  );
  expect(changes).toEqual([{ path: "expenditure.0.amount", old_value: 57_990_000, new_value: 60_990_000, email: accountant?.email }]);
  await expect(page.getByRole("region", { name: "修改记录" })).toContainText("支出 第1行 金额");

  // A code outside the year's code book: the cell says so, the save is refused with the same message, nothing is stored.
  await expenditure.getByRole("button", { name: "添加一行" }).click();
  const badCode = expenditure.getByRole("combobox", { name: "第6行 功能分类科目（项）" });
  await badCode.fill("9999999");
  await badCode.press("Tab");
  await expect(expenditure.getByText("功能分类科目9999999不在2025年科目表中")).toBeVisible();
  await expect(findings.getByRole("link", { name: "功能分类科目9999999不在2025年科目表中", exact: true })).toBeVisible();
  await expect(saveStatus).toHaveText("保存失败：请检查标出的内容后重新保存，本次修改未保存。", { timeout: 15_000 });
  await expect(page.getByRole("button", { name: "报送" })).toBeDisabled();
  await expenditure.getByRole("button", { name: "删除支出明细第6行" }).click();
  await expect(findings.getByRole("link", { name: /9999999/ })).toHaveCount(0);

  // Paste a 3×4 block copied from Excel (amounts in 元, with separators) below the basic lines, typed in 元.
  await page.getByRole("radio", { name: "元", exact: true }).check();
  await expect(basic.getByRole("textbox", { name: "第1行 金额" })).toHaveValue("274,000.00");
  await basic.getByRole("button", { name: "添加一行" }).click();
  const newRow = basic.getByRole("combobox", { name: "第14行 经济分类科目（款）" });
  await expect(newRow).toBeFocused();
  await page.evaluate(() =>
    navigator.clipboard.writeText("30205 水费\t公用经费\t一般公共预算拨款\t10,000.00\r\n30206\t公用经费\t一般公共预算拨款\t5,000\r\n30208 取暖费\t公用经费\t一般公共预算拨款\t15,000\r\n"),
  );
  await page.keyboard.press("ControlOrMeta+V");
  await expect(basic.getByRole("status")).toContainText("已粘贴3行×4列");
  await expect(basic.getByRole("combobox", { name: "第16行 经济分类科目（款）" })).toHaveValue("30208");
  await expect(basic.getByRole("textbox", { name: "第15行 金额" })).toHaveValue("5,000.00");
  await expect(basic.getByTestId("derived-T6")).toContainText("119,500.00");
  await expect(findings).not.toContainText("表6 单位预算一般公共预算财政拨款基本支出表 “合计”行");

  // Income in 元 too: 1,197,600 元 = 119.76 万元; the imbalance disappears.
  const incomeAmount = income.getByRole("textbox", { name: "第1行 金额" });
  await incomeAmount.fill("1,197,600");
  await incomeAmount.blur();
  await expect(page.getByTestId("income-total")).toHaveText("1,197,600.00");
  await expect(findings).not.toContainText("收支不平衡");
  await page.screenshot({ path: "e2e/.artifacts/workspace-editor-pasted-desktop.png" });

  // The finding's link moves focus to the reason to write; the reason makes it go away.
  await findings.getByRole("link", { name: /未填写基本支出变化的原因/ }).click();
  const basicReason = page.getByRole("textbox", { name: "基本支出变化的原因" });
  await expect(basicReason).toBeFocused();
  await basicReason.fill("增加办公用房水电费和取暖费。");
  await page.getByRole("textbox", { name: "与上年相比的变化原因" }).first().fill("延续上年任务，预算不变。");
  await expect(findings).toContainText("未发现问题");
  await expect(saveStatus).toHaveText(/已保存/, { timeout: 15_000 });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "e2e/.artifacts/workspace-editor-375.png" });
  await expenditure.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/.artifacts/workspace-editor-grid-375.png" });
  await page.setViewportSize({ width: 1280, height: 720 });

  const submitForm = page.getByRole("region", { name: "报送" });
  await expect(submitForm.getByRole("button", { name: "报送" })).toBeEnabled();
  const explanations = submitForm.getByRole("textbox");
  for (let index = 0; index < (await explanations.count()); index += 1) {
    await explanations.nth(index).fill("沿用上年预算，本年变化已与财政部门沟通。");
  }
  await submitForm.getByRole("button", { name: "报送" }).click();

  await expect(page).toHaveURL(/\/workspace\/units\/224001\/budgets\/2025\?submitted=1$/, { timeout: 15_000 });
  await expect(page.getByTestId("budget-status")).toHaveText("已报送");
  await expect(page.getByRole("status").filter({ hasText: "预算已报送" })).toBeVisible();
  await expect(page.getByRole("region", { name: "报送" })).toHaveCount(0);
  // After submission the form is read-only, with what was entered.
  await expect(expenditure.getByRole("textbox", { name: "第1行 金额" })).toHaveAttribute("readonly", "");
  await expect(page.getByRole("button", { name: "添加一行" })).toHaveCount(0);
  const stored = await query<{ n: string }>(
    `SELECT count(*)::text AS n FROM basic_economic_lines l JOIN budgets b ON b.id = l.budget_id JOIN units u ON u.id = b.unit_id
      WHERE u.code = '224001' AND b.year = 2025`,
  );
  expect(stored).toEqual([{ n: "16" }]);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "e2e/.artifacts/workspace-submitted-375.png" });

  await page.goto("/workspace");
  await expect(budgets.getByRole("listitem").filter({ hasText: "2025年预算" })).toContainText("已报送");
  await expect(page.getByRole("button", { name: /创建.*草稿/ })).toHaveCount(0);
  await page.screenshot({ path: "e2e/.artifacts/workspace-budgets-375.png", fullPage: true });
});
