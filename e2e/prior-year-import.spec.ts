import path from "node:path";
import { expect as baseExpect, test } from "@playwright/test";
import { createAccountantUnit } from "./support/e2e-database";
import { signInAs } from "./support/entry-helpers";

/**
 * Starting a year from last year's published document: the accountant of 上海市普陀区社会福利院
 * starts 2025 by uploading the unit's published 2024 PDF, sees each figure beside where it was
 * printed, keeps last year's duties and glossary, confirms, and finds last year's figures in the form.
 */

// Reading a 16-page PDF and saving takes a few seconds on a busy machine.
const expect = baseExpect.configure({ timeout: 30_000 });
const PDF = path.resolve("tests/fixtures/disclosures/pdf/sh-putuo-shehuifuliyuan-2024-unit-budget.pdf");

test("the accountant starts 2025 from the unit's published 2024 PDF and sees last year's figures in the form", async ({ page }) => {
  test.setTimeout(90_000);
  const password = "Prior-Year-2025!";
  const email = `prior-year-${Date.now()}@example.cn`;
  const unit = createAccountantUnit({ email, name: "福利院会计", password, year: 2025, content: "empty", unitName: "上海市普陀区社会福利院" });

  await signInAs(page, email, password);
  await page.goto(`/workspace/units/${unit.unitCode}/budgets/2025`);
  await page.getByRole("link", { name: /导入上年已公开文件/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "导入上年已公开文件" })).toBeVisible();

  await page.getByLabel(/2024年预算公开文件/).setInputFiles(PDF);
  await page.getByRole("button", { name: "读取并预览" }).click();
  await expect(page.getByRole("status").filter({ hasText: "识别为“上海市普陀区社会福利院”2024年单位预算" })).toContainText("尚未保存任何内容");
  const figures = page.getByRole("region", { name: "上年数及其在原文中的位置" });
  await expect(figures.getByRole("row", { name: /支出总额 1,212.12万元 原文 12,121,164.00元.*第7页《2024年预算单位财务收支预算总表》第8行/ })).toBeVisible();
  await expect(figures.getByRole("row", { name: /项目支出 262.00万元 第9页《2024年预算单位支出预算总表》/ })).toBeVisible();
  await expect(page.getByRole("group", { name: "机构设置" })).toContainText("设5个内设机构");
  await page.screenshot({ path: "e2e/.artifacts/prior-year-preview-desktop.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 900 });
  await page.screenshot({ path: "e2e/.artifacts/prior-year-preview-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // keep the draft's (empty) organisation text; take the duties and glossary
  await page.getByLabel("采用上年文件中的“机构设置”").uncheck();
  await page.getByRole("button", { name: "确认导入2024年数据" }).click();
  await expect(page).toHaveURL(new RegExp(`/workspace/units/${unit.unitCode}/budgets/2025\\?priorImported=\\d+$`));
  await expect(page.getByRole("status").filter({ hasText: "已从上年已公开文件导入上年数" })).toBeVisible();

  await expect(page.getByLabel("2024年支出总额")).toHaveValue(/^1,?212\.12$/);
  await expect(page.getByLabel("2024年基本支出")).toHaveValue(/^950\.12$/);
  await expect(page.getByLabel("2024年项目支出")).toHaveValue(/^262(\.00?)?$/);
  await expect(page.getByLabel("2024年“三公”经费")).toHaveValue(/^6\.40?$/);
  await page.getByRole("group", { name: "与上年相比" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/.artifacts/prior-year-form-desktop.png" });
  await expect(page.locator("textarea").filter({ hasText: "上海市普陀区社会福利院是收养社会孤老" }).first()).toBeVisible();
});
