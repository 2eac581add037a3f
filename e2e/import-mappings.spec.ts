import { expect as baseExpect, test } from "@playwright/test";
import { signInAs } from "./support/entry-helpers";

/** The 系统管理员 keeps the region's Excel header mappings: adds one, sees it listed, deletes it. */

const expect = baseExpect.configure({ timeout: 20_000 });

test("the administrator adds a header mapping for the region, sees it listed and deletes it", async ({ page }) => {
  test.setTimeout(60_000);
  await signInAs(page, "admin@demo.gongkai.test", "Guanli#Admin2024");
  await page.goto("/admin/regions/130433");
  await page.getByRole("link", { name: "Excel 表头对应关系" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "馆陶县：Excel 表头对应关系" })).toBeVisible();

  // a header no other test uses, so the region's other imports are unaffected
  const header = "商品和服务支出（映射测试）";
  await page.getByLabel("工作表").selectOption({ label: "表6 一般公共预算财政拨款基本支出表" });
  await page.getByLabel("表头文字（工作簿中的写法）").fill(header);
  await page.getByRole("button", { name: "保存对应关系" }).click();
  await expect(page.getByText("请选择该列对应的内容。")).toBeVisible();
  await page.getByLabel("对应内容").selectOption({ label: "公用经费" });
  await page.getByRole("button", { name: "保存对应关系" }).click();
  await expect(page.getByRole("status")).toContainText("已保存表头“商品和服务支出(映射测试)”的对应关系");
  const list = page.getByRole("region", { name: "表头对应关系列表" });
  await expect(list.getByRole("row", { name: /表6 一般公共预算财政拨款基本支出表 商品和服务支出\(映射测试\) 公用经费/ })).toBeVisible();
  await page.screenshot({ path: "e2e/.artifacts/import-mappings-desktop.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 900 });
  await page.screenshot({ path: "e2e/.artifacts/import-mappings-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await list.getByRole("button", { name: "删除表头“商品和服务支出(映射测试)”的对应关系" }).click();
  await expect(page.getByRole("row", { name: /商品和服务支出\(映射测试\)/ })).toHaveCount(0);
});
