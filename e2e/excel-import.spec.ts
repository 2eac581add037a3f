import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect as baseExpect, test } from "@playwright/test";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { disclosureWorkbook } from "@/tests/fixtures/excel/reference-workbooks";
import { writeWorkbook, type SheetSpec } from "@/tests/fixtures/excel/sheet-spec";
import { createAccountantUnit, loadStoredBudget } from "./support/e2e-database";
import { enterTotpCode, totpSecretFor } from "./support/two-factor";

/**
 * The accountant's main way in: the budget system's workbook is uploaded, previewed with the
 * source of every figure, an unknown header is mapped once, the draft is saved through the forms'
 * use case, the remaining finding is fixed in the forms, and the budget is submitted.
 */

// Reading, importing and saving a workbook takes a few seconds on a busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });

function replaceCell(sheets: SheetSpec[], sheetName: string, from: string, to: string): void {
  const sheet = sheets.find((s) => s.name === sheetName);
  const row = sheet?.rows.find((r) => r.includes(from));
  if (!row) throw new Error(`no ${from} in ${sheetName}`);
  row[row.indexOf(from)] = to;
}

test("the accountant imports the workbook, maps an unknown header, confirms, fixes the finding in the forms and submits", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const password = "Excel-Import-2024!";
  const email = `excel-import-${Date.now()}@example.cn`;
  const unit = createAccountantUnit({ email, name: "导入会计", password, year: 2024, content: "demo" });

  // The budget system's export: the reference budget of this unit, with a header worded its own
  // way, an indicator value in words, and one project whose spending plan ends at 90 %.
  const budget = {
    ...guantao2024Budget,
    unit: { ...guantao2024Budget.unit, code: unit.unitCode, name: unit.unitName },
    projects: guantao2024Budget.projects.map((p, i) => (i === 0 ? { ...p, spendingPlan: { ...p.spendingPlan, december: 90 } } : p)),
  };
  const sheets = disclosureWorkbook(budget, guantao2024CodeBook, "a");
  replaceCell(sheets, "2.20单位一般公共预算基本支出表", "公用经费", "商品服务经费");
  replaceCell(sheets, "2.24项目支出绩效目标表", "≤5件", "每天不超过五件");
  const file = path.join(testInfo.outputDir, "一体化导出-2024.xlsx");
  mkdirSync(testInfo.outputDir, { recursive: true });
  writeFileSync(file, await writeWorkbook(sheets));

  await page.goto("/workspace");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await enterTotpCode(page, totpSecretFor(email));
  // password hashing is slow on a busy machine
  await expect(page).toHaveURL(/\/workspace$/, { timeout: 30_000 });
  await page.goto("/workspace/budgets/2024");
  await page.getByRole("link", { name: /从 Excel 导入/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "从 Excel 导入2024年预算" })).toBeVisible();

  await page.getByLabel("预算工作簿（.xlsx，最大 10 MB）").setInputFiles(file);
  await page.getByRole("button", { name: "预览" }).click();
  const preview = page.getByRole("region", { name: /^预览：/ });
  await expect(preview).toContainText("识别为预算公开表工作簿，工作簿金额单位：万元");
  const problems = page.getByTestId("import-problems");
  // the unreadable cell, named by sheet, row and column
  await expect(problems).toContainText("工作表“2.24项目支出绩效目标表”第 5 行 P 列：绩效指标“处置突发事件数量”的指标值“每天不超过五件”");
  await expect(problems).toContainText("工作表“2.20单位一般公共预算基本支出表”第 5 行 F 列：表头“商品服务经费”未能识别");
  await expect(preview).toContainText("不能保存");
  // every figure with its cell
  const figures = page.getByRole("region", { name: "导入的数字及来源单元格" });
  await expect(figures.getByRole("row", { name: /支出 2013701 行政运行 · 基本支出 · 一般公共预算拨款 57.99万元 “2.19单位一般公共预算支出表”E10/ })).toBeVisible();
  await expect(preview.locator("#T1")).toContainText("116.76");
  await page.getByRole("heading", { name: /^预览：/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/.artifacts/excel-import-preview-desktop.png" });
  await figures.screenshot({ path: "e2e/.artifacts/excel-import-figures-desktop.png" });

  // Map the header once for the region; the preview reads the file again with it.
  await page.getByLabel(/表头“商品服务经费”对应/).selectOption({ label: "公用经费" });
  await page.getByRole("button", { name: "保存对应关系" }).click();
  await expect(page.getByText("表头“商品服务经费”未能识别")).toHaveCount(0);
  await expect(preview).toContainText("C11");
  await page.setViewportSize({ width: 375, height: 900 });
  await page.screenshot({ path: "e2e/.artifacts/excel-import-preview-375.png" });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("button", { name: "确认导入，保存为草稿" }).click();
  await expect(page).toHaveURL(/\/workspace\/units\/[^/]+\/budgets\/2024\?imported=\d+$/, { timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: "已从 Excel 导入并保存为草稿" })).toBeVisible();
  const stored = loadStoredBudget({ unitCode: unit.unitCode, year: 2024 });
  expect(stored?.meta.lockVersion).toBe(1);
  expect(stored?.budget.projects[0]?.spendingPlan.december).toBe(90);
  expect(stored?.budget.projects[0]?.indicators[0]?.value).toBe("每天不超过五件");

  // The finding the import brought in is fixed in the forms, then the budget is submitted.
  const findings = page.getByRole("region", { name: "一致性检查" });
  await expect(findings.getByRole("link", { name: /年底累计应达到100%/ })).toBeVisible();
  await page.getByRole("textbox", { name: "12月底" }).first().fill("100");
  await expect(findings.getByRole("link", { name: /年底累计应达到100%/ })).toHaveCount(0);
  await page.screenshot({ path: "e2e/.artifacts/excel-import-forms-desktop.png" });
  const submitForm = page.getByRole("region", { name: "报送" });
  await expect(submitForm.getByRole("button", { name: "报送" })).toBeEnabled({ timeout: 15_000 });
  const explanations = submitForm.getByRole("textbox");
  for (let index = 0; index < (await explanations.count()); index += 1) {
    await explanations.nth(index).fill("按预算管理一体化系统批复数导入，已核对。");
  }
  await submitForm.getByRole("button", { name: "报送" }).click();
  await expect(page.getByTestId("budget-status")).toHaveText("已报送");
});
