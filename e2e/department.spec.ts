import { execFileSync } from "node:child_process";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { e2eDatabaseUrl, query } from "./support/e2e-database";
import { enterTotpCode, totpSecretFor } from "./support/two-factor";

/**
 * 部门预算: the demo department 224's published 2024 budget (published by the seed), and a
 * department reviewer publishing a department of two units from the preview page.
 */

const DEPARTMENT_NAME = "中共馆陶县委网络安全和信息化委员会办公室";
const LATEST = "/budgets/2024/departments/224";
const PASSWORD = "Bumen#Test2024x";

interface CreatedDepartment {
  departmentId: number;
  department: { code: string; name: string };
  units: { code: string; name: string }[];
  reviewer: { email: string };
}

function createDepartment(pendingStatus?: "SUBMITTED"): CreatedDepartment {
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", path.join(process.cwd(), "e2e/support/create-department.ts"), JSON.stringify({ password: PASSWORD, pendingStatus })],
    { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() }, encoding: "utf8" },
  );
  return JSON.parse(output) as CreatedDepartment;
}

async function signIn(page: Page, email: string, password: string, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await enterTotpCode(page, totpSecretFor(email));
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, "\\?")}$`));
}

test("the public department page: nine tables, the units it sums, downloads, axe, desktop and phone", async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(LATEST);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${DEPARTMENT_NAME}2024年部门预算`);
  await expect(page).toHaveTitle(new RegExp(`${DEPARTMENT_NAME}2024年部门预算`));
  for (let n = 1; n <= 9; n++) await expect(page.getByRole("table", { name: new RegExp(`^表${n} 部门预算`) })).toHaveCount(1);
  const t1 = page.getByRole("table", { name: "表1 部门预算收支总表" });
  await expect(t1.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "收入总计" }) })).toContainText("116.76");
  const coverage = page.getByRole("region", { name: "部门预算汇总范围", exact: true });
  await expect(coverage).toContainText("所属预算单位已全部批复、全部纳入汇总");
  await expect(coverage.getByRole("row", { name: /中共馆陶县委网络安全和信息化委员会办公室本级/ })).toContainText("224001");
  await expect(page.getByRole("heading", { name: "一、部门职责及机构设置情况" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "面包屑" })).toContainText(`${DEPARTMENT_NAME}（部门预算）`);

  const pdfLink = page.getByRole("link", { name: "下载 PDF" });
  await expect(pdfLink).toHaveAttribute("href", `${LATEST}/v1/department-224-2024-v1.pdf`);
  const pdf = await request.get(`${LATEST}/v1/department-224-2024-v1.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) }))).toEqual([]);
  await page.screenshot({ path: "e2e/.artifacts/department-desktop.png" });
  await coverage.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/.artifacts/department-coverage-desktop.png" });

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(LATEST);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "e2e/.artifacts/department-375.png" });
  await page.getByRole("table", { name: "表1 部门预算收支总表" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/.artifacts/department-t1-375.png" });

  await page.emulateMedia({ media: "print" });
  for (const name of ["目录", "面包屑", "下载"]) await expect(page.getByRole("navigation", { name })).toBeHidden();
});

test("the home and region pages list the department budget next to its unit", async ({ page }) => {
  await page.goto("/?year=2024");
  const region = page.getByRole("region", { name: "馆陶县" });
  const link = region.getByRole("link", { name: `${DEPARTMENT_NAME}部门预算` });
  await expect(link).toHaveAttribute("href", LATEST);
  await page.goto("/regions/130433");
  const department = page.getByRole("region", { name: DEPARTMENT_NAME, exact: true });
  await expect(department.getByRole("link", { name: new RegExp(`${DEPARTMENT_NAME}\\s*2024年部门预算`) })).toHaveAttribute("href", LATEST);
  await page.screenshot({ path: "e2e/.artifacts/department-region-page.png" });
});

test("the department reviewer previews the department budget and publishes it", async ({ page }) => {
  test.setTimeout(120_000);
  const created = createDepartment();
  const path = `/review/departments/${created.departmentId}`;
  await signIn(page, created.reviewer.email, PASSWORD, path);
  await expect(page.getByRole("heading", { level: 1, name: `${created.department.name}2024年部门预算`, exact: true })).toBeVisible();
  const units = page.getByRole("table", { name: /所属单位2024年预算状态/ });
  for (const unit of created.units) await expect(units.getByRole("row", { name: new RegExp(unit.name) })).toContainText("第1版（已批复）");
  const preview = page.getByRole("region", { name: "公开预览" });
  // Two copies of the demo budget: twice 116.76 万元.
  await expect(preview.getByRole("table", { name: "表1 部门预算收支总表" })).toContainText("233.52");
  await page.screenshot({ path: "e2e/.artifacts/department-review-desktop.png" });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "e2e/.artifacts/department-review-375.png" });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("button", { name: "公开部门预算" }).click();
  const done = page.getByRole("status").filter({ hasText: "部门预算第1版已公开" });
  await expect(done).toBeVisible({ timeout: 60_000 });
  const publicPath = `/budgets/2024/departments/${created.department.code}`;
  await expect(done.getByRole("link", { name: "查看公开页面" })).toHaveAttribute("href", publicPath);
  await expect(page.getByRole("button", { name: "公开部门预算" })).toHaveCount(0);
  await expect(page.getByText("所属单位的已批复预算自上次公开后没有变化")).toBeVisible();

  const rows = await query<{ result: string }>(
    "SELECT result FROM audit_events WHERE action = 'department.publish' AND object_id = $1",
    [String(created.departmentId)],
  );
  expect(rows).toEqual([{ result: "SUCCESS" }]);

  await page.goto(publicPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${created.department.name}2024年部门预算`);
  const coverage = page.getByRole("region", { name: "部门预算汇总范围", exact: true });
  for (const unit of created.units) await expect(coverage).toContainText(unit.name);
});

test("a department with a unit still under review cannot be published, and says which unit", async ({ page }) => {
  const created = createDepartment("SUBMITTED");
  const path = `/review/departments/${created.departmentId}`;
  await signIn(page, created.reviewer.email, PASSWORD, path);
  const publish = page.getByRole("region", { name: "公开", exact: true });
  await expect(publish).toContainText(`尚未批复：${created.units[1]?.code} 测试网络安全服务中心（已报送）`);
  await expect(page.getByRole("button", { name: "公开部门预算" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "公开预览" })).toHaveCount(0);
  expect((await page.request.get(`/budgets/2024/departments/${created.department.code}`)).status()).toBe(404);
});

test("the demo department reviewer sees department 224 as published and up to date", async ({ page }) => {
  const reviewer = DEMO_USERS.find((user) => user.role === "DEPARTMENT_REVIEWER");
  if (reviewer === undefined) throw new Error("no demo department reviewer");
  await signIn(page, reviewer.email, reviewer.password, "/workspace");
  await page.getByRole("region", { name: "监督与管理" }).getByRole("link", { name: "部门预算" }).click();
  await expect(page).toHaveURL(/\/review\/departments$/);
  await page.getByRole("link", { name: DEPARTMENT_NAME }).click();
  // Other journeys start later years of 224001; the published department budget is 2024's.
  await expect(page).toHaveURL(/\/review\/departments\/\d+(\?.*)?$/);
  await page.goto(`${new URL(page.url()).pathname}?year=2024`);
  await expect(page.getByRole("region", { name: "公开", exact: true })).toContainText("已公开第1版");
  await expect(page.getByRole("region", { name: "公开", exact: true }).getByRole("link", { name: "查看公开页面" })).toHaveAttribute("href", LATEST);
});
