import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { query } from "./support/e2e-database";
import { enrolSecondFactor, enterTotpCode, totpSecretFor } from "./support/two-factor";

/**
 * Issue 9 (administration of the organisation) in the browser: a global administrator creates a
 * county, imports its departments and units from an .xlsx whose headers use aliases (dry run,
 * then apply), then its accounts (one-time passwords shown once), and sees a bad file refused.
 */

const admin = DEMO_USERS.find((user) => user.role === "ADMIN");
if (admin === undefined) throw new Error("no demo administrator");
// Importing accounts grants roles: the security administrator's work (三员分立, ADR 0022).
const security = DEMO_USERS.find((user) => user.role === "SECURITY_ADMIN");
if (security === undefined) throw new Error("no demo security administrator");

async function xlsx(rows: (string | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("名单");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function signIn(page: Page, next: string, user = admin): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("邮箱").fill(user?.email ?? "");
  await page.getByLabel("密码").fill(user?.password ?? "");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await enterTotpCode(page, totpSecretFor(user?.email ?? ""));
  await expect(page).toHaveURL(new RegExp(`${next}$`), { timeout: 20_000 });
}

test("an administrator creates a county and imports its units, the security administrator its accounts, from .xlsx files, and a bad file is refused", async ({ page: systemAdministratorPage, browser }, testInfo) => {
  let page = systemAdministratorPage;
  test.setTimeout(120_000);
  const code = `9${String(Date.now()).slice(-5)}`;
  const countyName = `导入测试县${code}`;
  await signIn(page, "/admin/regions");

  const create = page.getByRole("form", { name: "新增地区" });
  await create.getByLabel("上级地区").selectOption("");
  await create.getByLabel("级别").selectOption("COUNTY");
  await create.getByLabel("行政区划代码").fill(code);
  await create.getByLabel("地区名称").fill(countyName);
  await create.getByRole("button", { name: "新增地区" }).click();
  await expect(create.getByRole("status")).toHaveText(`已新增地区 ${countyName}。`);
  await expect(page.getByRole("link", { name: countyName })).toBeVisible();

  // The templates: an .xlsx whose first sheet's header row the importer reads; administrators only.
  const template = await page.request.get("/admin/import/units/template");
  expect(template.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await template.body()).buffer);
  expect(workbook.worksheets[0]?.getRow(1).values).toEqual([undefined, "单位编码", "单位名称", "主管部门编码", "主管部门名称", "单位性质", "单位规格", "经费保障形式", "单位职责", "机构设置"]);
  expect((await page.request.get("/admin/import/accounts/template")).status()).toBe(403);

  const units: (string | null)[][] = [["单位代码", "单位全称", "部门代码", "主管部门", "单位性质", "机构规格", "经费形式"]];
  for (let d = 1; d <= 4; d += 1) {
    for (let u = 1; u <= (d === 4 ? 6 : 8); u += 1) units.push([`${500 + d}${String(u).padStart(3, "0")}`, `测试局${d}${u === 1 ? "本级" : `下属单位${u}`}`, String(500 + d), `测试局${d}`, u === 1 ? "行政" : "事业", "正科级", "财政拨款"]);
  }
  await page.goto("/admin/import/units");
  await page.getByLabel("导入到地区").selectOption({ label: `${countyName}（${code}，县/区）` });
  await page.getByLabel(/^文件/).setInputFiles({ name: "馆陶县单位.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await xlsx(units) });
  await page.getByRole("button", { name: "预览导入" }).click();
  await expect(page.getByRole("heading", { name: "预览（尚未写入）" })).toBeVisible();
  await expect(page.getByText(`${countyName}：将新增主管部门 4 个，将新增单位 30 个，将修改单位 0 个，0 个单位不变。`)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("units-preview-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("units-preview-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText(`${countyName}：已新增主管部门 4 个，已新增单位 30 个，已修改单位 0 个，0 个单位不变。`)).toBeVisible();
  const [counted] = await query<{ units: string }>("SELECT count(*) AS units FROM units u JOIN regions r ON r.id = u.region_id WHERE r.code = $1", [code]);
  expect(counted?.units).toBe("30");

  // The county's page lists the imported departments and units; a unit is edited and deactivated there.
  await page.goto(`/admin/regions/${code}`);
  await expect(page.getByRole("heading", { level: 1, name: countyName })).toContainText(countyName);
  await expect(page.getByText("4 个主管部门，30 个预算单位")).toBeVisible();
  await page.getByRole("link", { name: "修改单位 501002 测试局1下属单位2" }).click();
  const edit = page.getByRole("form", { name: "修改预算单位" });
  await edit.getByLabel("单位规格").fill("副科级");
  await edit.getByRole("button", { name: "保存单位" }).click();
  await expect(edit.getByRole("status")).toHaveText("已保存单位的修改。");
  await page.getByRole("button", { name: "停用 501002 测试局1下属单位2" }).click();
  await expect(page.getByText("状态：已停用")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("unit-edit-desktop.png"), fullPage: true });
  await page.goto(`/admin/regions/${code}`);
  await page.screenshot({ path: testInfo.outputPath("region-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("region-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  const accounts: string[][] = [["姓名", "邮箱", "角色", "范围"], ["财政审核人甲", `fin-${code}@example.test`, "财政部门审核人", code]];
  for (let n = 1; n <= 3; n += 1) accounts.push([`填报人${n}`, `acc${n}-${code}@example.test`, "单位填报人", `50${n}001`]);
  // 代理记账: the first accountant keeps the books of a second unit too.
  accounts.push(["填报人1", `acc1-${code}@example.test`, "单位填报人", "504001"]);
  const securityContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: "zh-CN" });
  const systemPage = page;
  page = await securityContext.newPage();
  await signIn(page, "/admin/import/accounts", security);
  expect((await page.request.get("/admin/import/accounts/template")).status()).toBe(200);
  await page.getByLabel("导入到地区").selectOption({ label: `${countyName}（${code}，县/区）` });
  await page.getByLabel(/^文件/).setInputFiles({ name: "账户.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await xlsx(accounts) });
  await page.getByRole("button", { name: "预览导入" }).click();
  await expect(page.getByText(`${countyName}：将创建账户 4 个，将授予角色 5 个，0 个角色已有、不变。`)).toBeVisible();
  await page.getByRole("button", { name: "确认导入" }).click();
  const passwords = page.getByRole("region", { name: "初始密码" });
  await expect(passwords.locator("tbody tr")).toHaveCount(4);
  await page.screenshot({ path: testInfo.outputPath("accounts-applied-desktop.png"), fullPage: true });
  const [flag] = await query<{ must: boolean }>("SELECT must_change_password AS must FROM users WHERE email = $1", [`acc1-${code}@example.test`]);
  expect(flag?.must).toBe(true);
  const initialPassword = await passwords.getByRole("row", { name: new RegExp(`acc1-${code}`) }).locator("code").innerText();
  await securityContext.close();
  page = systemPage;

  await page.goto("/admin/import/units");
  await page.getByLabel("导入到地区").selectOption({ label: `${countyName}（${code}，县/区）` });
  await page.getByLabel(/^文件/).setInputFiles({ name: "坏.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await xlsx([["单位编码", "部门编码"], ["501009", "501"]]) });
  await page.getByRole("button", { name: "预览导入" }).click();
  await expect(page.getByText("工作表“名单”第 1 行：缺少“单位名称”列", { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: "确认导入" })).toHaveCount(0);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("units-refused-375.png"), fullPage: true });

  // The accountant of two units picks the unit; the unit is part of the workspace URL.
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: "zh-CN" });
  const accountant = await context.newPage();
  await accountant.goto("/login?next=%2Fworkspace%2Fbudgets%2F2025");
  await accountant.getByLabel("邮箱").fill(`acc1-${code}@example.test`);
  await accountant.getByLabel("密码").fill(initialPassword);
  await accountant.getByRole("button", { name: "登录", exact: true }).click();
  // An imported account must replace its initial password first.
  await expect(accountant).toHaveURL(/\/account\/password$/, { timeout: 20_000 });
  await accountant.getByLabel("初始密码").fill(initialPassword);
  await accountant.getByLabel("新密码", { exact: true }).fill("Neu#Passwort2025");
  await accountant.getByLabel("再次输入新密码").fill("Neu#Passwort2025");
  await accountant.getByRole("button", { name: "保存新密码" }).click();
  // Then it enrols its second factor (双因素认证).
  await enrolSecondFactor(accountant);
  await expect(accountant).toHaveURL(/\/workspace\?twoFactorEnrolled=1$/, { timeout: 20_000 });
  await accountant.goto("/workspace/budgets/2025");
  await expect(accountant.getByRole("heading", { name: "2025年预算：选择单位" })).toBeVisible();
  await expect(accountant.getByRole("link", { name: "501001 测试局1本级" })).toHaveAttribute("href", "/workspace/units/501001/budgets/2025");
  await expect(accountant.getByRole("link", { name: "504001 测试局4本级" })).toHaveAttribute("href", "/workspace/units/504001/budgets/2025");
  const response = await accountant.goto("/workspace/units/224001/budgets/2024");
  expect(response?.status()).toBe(404);
  expect((await accountant.request.get("/admin/import/units/template")).status()).toBe(403);
  await context.close();
});
