import { expect, test, type Locator, type Page } from "@playwright/test";
import { guantao2024Budget } from "@/lib/demo/guantao-2024";
import { formatAmountTrimmed } from "@/lib/disclosure/money";
import type { Budget, Fen } from "@/lib/disclosure/types";
import { BASIC_CATEGORY_LABELS, EXPENDITURE_KIND_LABELS, FUND_SOURCE_LABELS } from "@/lib/disclosure/labels";
import { readReference, referenceTable } from "../tests/reference-document";
import { createAccountantUnit, loadStoredBudget } from "./support/e2e-database";
import { pasteInto, signInAs, tsv } from "./support/entry-helpers";

/**
 * Journey B: the reference budget (lib/demo/guantao-2024.ts) entered through the forms into an
 * empty 2024 draft of a fresh unit, long line tables pasted as from Excel. The preview derives
 * the reference document's nine tables, and the stored budget equals the golden data.
 */

const golden = guantao2024Budget;
const password = "Luru#2024golden";
const wan = (fen: Fen) => formatAmountTrimmed(fen, "WAN_YUAN");

const TITLES = [
  "单位预算收支总表",
  "单位预算收入总表",
  "单位预算支出总表",
  "单位预算财政拨款收支总表",
  "单位预算一般公共预算财政拨款支出表",
  "单位预算一般公共预算财政拨款基本支出表",
  "单位预算政府性基金预算财政拨款支出表",
  "单位预算国有资本经营预算财政拨款支出表",
  "单位预算财政拨款“三公”经费支出表",
];

async function addRowAndPaste(region: Locator, firstCellLabel: string, rows: string[][], rowNumber = 1): Promise<void> {
  await region.getByRole("button", { name: "添加一行" }).last().click();
  const first = region.getByLabel(`第${rowNumber}行 ${firstCellLabel}`, { exact: true });
  await expect(first).toBeFocused();
  await pasteInto(first, tsv(rows));
  await expect(region.getByRole("status").last()).toContainText(`已粘贴${rows.length}行`);
}

async function fillAmount(scope: Locator | Page, label: string, fen: Fen): Promise<void> {
  const input = scope.getByRole("textbox", { name: label, exact: true });
  await input.fill(fen === 0 ? "" : wan(fen));
  await input.blur();
}

test("the reference budget entered through the forms derives the reference document", async ({ page }) => {
  test.setTimeout(240_000);
  const email = `golden-${Date.now()}@example.test`;
  const unit = createAccountantUnit({ email, name: "录入测试会计", password, year: 2024, content: "empty" });
  await signInAs(page, email, password);
  await page.goto("/workspace/budgets/2024");
  await expect(page.getByTestId("budget-status")).toHaveText("草稿");

  // 单位信息
  const unitSection = page.getByRole("region", { name: "单位信息", exact: true });
  await unitSection.getByLabel("单位性质").fill(golden.unit.nature);
  await unitSection.getByLabel("单位规格").fill(golden.unit.grade);
  await unitSection.getByLabel("经费保障形式").fill(golden.unit.fundingForm);
  for (const [index, duty] of golden.unit.duties.entries()) {
    await unitSection.getByRole("button", { name: "添加一段职责" }).click();
    await unitSection.getByLabel(`职责第${index + 1}段`).fill(duty);
  }
  await unitSection.getByLabel("机构设置").fill(golden.unit.organisation);

  // 收入, 支出, 基本支出: pasted from "Excel".
  await addRowAndPaste(
    page.getByRole("region", { name: "收入", exact: true }),
    "收入来源",
    golden.income.map((l) => [FUND_SOURCE_LABELS[l.source], wan(l.amount)]),
  );
  await addRowAndPaste(
    page.getByRole("region", { name: "支出", exact: true }),
    "功能分类科目（项）",
    golden.expenditure.map((l) => [l.functionalCode, EXPENDITURE_KIND_LABELS[l.kind], FUND_SOURCE_LABELS[l.source], wan(l.amount)]),
  );
  await addRowAndPaste(
    page.getByRole("region", { name: "基本支出经济分类", exact: true }),
    "经济分类科目（款）",
    golden.basicEconomic.map((l) => [l.economicCode, BASIC_CATEGORY_LABELS[l.category], FUND_SOURCE_LABELS[l.source], wan(l.amount)]),
  );

  // 项目: typed field by field, indicators pasted.
  const projects = page.getByRole("region", { name: "项目", exact: true });
  for (const [index, project] of golden.projects.entries()) {
    await projects.getByRole("button", { name: "添加项目" }).click();
    const group = projects.getByRole("group", { name: new RegExp(`^项目${index + 1}(：|$)`) });
    await group.getByRole("textbox", { name: "项目编码" }).fill(project.code);
    await group.getByRole("textbox", { name: "项目名称" }).fill(project.name);
    const code = group.getByRole("combobox", { name: `项目${index + 1}功能分类科目` });
    await code.fill(project.functionalCode);
    await code.press("Enter");
    await fillAmount(group, "财政资金", project.fiscalAmount);
    await fillAmount(group, "其他资金", project.otherAmount);
    await fillAmount(group, "预算数（合计）", project.amount);
    await fillAmount(group, "上年预算数（新项目留空）", project.priorYearAmount ?? 0);
    await group.getByRole("textbox", { name: "项目用途" }).fill(project.purpose);
    for (const [key, label] of [["march", "3月底"], ["june", "6月底"], ["october", "10月底"], ["december", "12月底"]] as const) {
      await group.getByRole("textbox", { name: label }).fill(String(project.spendingPlan[key]));
    }
    await group.getByRole("textbox", { name: "绩效目标" }).fill(project.performanceGoal);
    await group.getByRole("textbox", { name: "与上年相比的变化原因" }).fill(project.changeReason);
    await addRowAndPaste(
      group,
      "一级指标",
      project.indicators.map((i) => [i.level1, i.level2, i.name, i.description, i.comparator === "" ? "（无）" : i.comparator, i.value, i.valueUnit, i.basis]),
    );
  }

  // 国有资产
  const assets = page.getByRole("region", { name: "国有资产", exact: true });
  await assets.getByRole("textbox", { name: /截止日期/ }).fill(golden.assets.asOf);
  await addRowAndPaste(assets, "资产类别", golden.assets.holdings.map((h) => ["其他固定资产", String(h.quantity), wan(h.value)]));
  expect(golden.assets.holdings.every((h) => h.category === "OTHER_FIXED_ASSETS")).toBe(true);

  // 情况说明: last year's figures and the reasons.
  const narrative = page.getByRole("region", { name: "情况说明", exact: true });
  await narrative.getByRole("button", { name: "填写上年数" }).click();
  const prior = golden.priorYear;
  if (prior === null) throw new Error("the golden budget has prior-year figures");
  await fillAmount(narrative, "2023年支出总额", prior.total);
  await fillAmount(narrative, "2023年基本支出", prior.basic);
  await fillAmount(narrative, "2023年项目支出", prior.project);
  await fillAmount(narrative, "2023年“三公”经费", prior.threePublic);
  await narrative.getByRole("textbox", { name: "基本支出变化的原因" }).fill(golden.narrative.basicChangeReason);
  await narrative.getByRole("textbox", { name: "机关运行经费的用途" }).fill(golden.narrative.operatingFundsUse);
  await narrative.getByRole("textbox", { name: "其他需要说明的事项" }).fill(golden.narrative.otherNotes);

  // 名词解释
  await addRowAndPaste(page.getByRole("region", { name: "名词解释", exact: true }), "名词", golden.glossary.map((g) => [g.term, g.definition]));

  await expect(page.getByRole("region", { name: "一致性检查" })).toContainText("未发现问题");
  await expect(page.getByTestId("save-status")).toHaveText(/已保存/, { timeout: 20_000 });

  // The preview shows the reference's nine tables, cell by cell.
  const reference = readReference();
  const preview = page.getByRole("region", { name: "公开预览" });
  for (const [i, title] of TITLES.entries()) {
    const table = preview.getByRole("table", { name: `表${i + 1} ${title}` });
    const rows = await table.locator("tbody tr[data-row-key]").evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("th, td")).map((cell) => (cell.textContent ?? "").trim())),
    );
    expect(rows, title).toEqual(referenceTable(reference, title).rows);
  }
  await page.screenshot({ path: "e2e/.artifacts/workspace-golden-entry-desktop.png" });

  // The stored budget is the golden data (but for who it belongs to).
  const stored = loadStoredBudget({ unitCode: unit.unitCode, year: 2024 });
  const content = (b: Budget) => ({ ...b, unit: { ...b.unit, code: "", name: "" }, department: null, region: null });
  expect(stored === null ? null : content(stored.budget)).toEqual(content(golden));
});
