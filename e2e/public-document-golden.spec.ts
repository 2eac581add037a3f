import { expect, test } from "@playwright/test";
import { readReference, referenceTable } from "../tests/reference-document";

/**
 * Every number of the reference document, read from the DOM of the published page as served:
 * each of the nine tables row by row and cell by cell (empty cells included), and the narrative
 * sentences with their figures.
 */

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

test("the published page shows every cell of the reference's nine tables in the right table, row and column", async ({ page }) => {
  await page.goto("/budgets/2024/224001");
  const reference = readReference();
  for (const [i, title] of TITLES.entries()) {
    const table = page.getByRole("table", { name: `表${i + 1} ${title}` });
    await expect(table).toHaveCount(1);
    const rows = await table.locator("tbody tr[data-row-key]").evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("th, td")).map((cell) => (cell.textContent ?? "").trim())),
    );
    expect(rows, title).toEqual(referenceTable(reference, title).rows);
  }
});

test("the narrative on the published page states the reference's figures", async ({ page }) => {
  await page.goto("/budgets/2024/224001");
  const text = (await page.locator("main").innerText()).replace(/\s+/g, "");
  expect(text).toContain("2024年预算收入116.76万元，其中：一般公共预算收入116.76万元");
  expect(text).toContain("2024年支出预算116.76万元，其中基本支出73.32万元，包括人员经费64.37万元和日常公用经费8.95万元；项目支出43.44万元");
  for (const figure of [
    "互联网信息管理经费20.00万元",
    "网络安全保障经费4.80万元",
    "网络安全主题宣传经费4.80万元",
    "微信矩阵运营及维护经费5.00万元",
    "互联网企业监管和网络执法经费8.00万元",
    "网信系统视频会议室网络租赁经费0.84万元",
  ]) {
    expect(text).toContain(figure);
  }
  expect(text).toContain("较2023年预算减少249.73万元，其中：基本支出减少240.33万元");
  expect(text).toContain("机关运行经费共计安排8.95万元");
  expect(text).toContain("“三公”经费预算安排0.00万元");
  expect(text).toContain("上年末固定资产金额为1.385万元");
});
