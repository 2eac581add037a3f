import { readFileSync } from "node:fs";
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { gongkai, queryAt, startProductionServer, type ProductionServer } from "./support/production-server";
import { enrolSecondFactor, enterTotpCode } from "./support/two-factor";

/** The TOTP secrets the accounts enrolled (the enrolment page shows them), by e-mail. */
const secrets: Record<string, string> = {};

/**
 * A county goes live (issue 9): from an EMPTY database with GONGKAI_DEMO=false, the bootstrap
 * command creates the first administrator, who signs in and must first replace the one-time
 * password; then sets up the county (region, 30 units, the 2025 code book with a code the starter
 * book lacks, 31 accounts); the finance reviewer opens 2025; an accountant changes the initial
 * password, starts an empty 2025 draft, picks the new code, enters a balanced budget and submits
 * it; the finance reviewer finds it in the queue. Runs against a server of its own
 * (e2e/support/production-server.ts), not the demo one.
 */

// One journey in steps that build on each other; a shared machine is slow, so the steps get time.
test.describe.configure({ mode: "serial", timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 15_000 });

let server: ProductionServer;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = await startProductionServer("onboarding");
});

test.afterAll(async () => {
  await server?.stop();
});

const ADMIN = { email: "wang.guanli@guantao.gov.cn", name: "王管理" };
const ADMIN_PASSWORD = "Guantao#Caizheng2025";

const count = async (table: string) => Number((await queryAt<{ n: string }>(server.databaseUrl, `SELECT count(*)::text AS n FROM ${table}`))[0]?.n);

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${server.baseURL}/login`);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ baseURL: server.baseURL })).newPage();
}

/** The one-time password is the last line the command prints. */
function createUserWithCommand(args: string[]): string {
  const result = gongkai(server, ["admin", "create-user", ...args]);
  expect(result.status, result.stderr).toBe(0);
  const lines = result.stdout.trim().split("\n");
  expect(lines.at(-2)).toContain("一次性初始密码");
  return lines.at(-1)?.trim() ?? "";
}

test("with GONGKAI_DEMO=false, an empty database stays empty: the public site lists nothing and no account exists", async ({ page }) => {
  await page.goto(`${server.baseURL}/`);
  await expect(page.getByRole("heading", { level: 1, name: "单位预算公开" })).toBeVisible();
  await expect(page.getByText("暂无已公开的单位预算。")).toBeVisible();
  await expect(page.getByRole("link", { name: /馆陶/ })).toHaveCount(0);
  expect((await page.request.get(`${server.baseURL}/budgets/2024/224001`)).status()).toBe(404);
  for (const table of ["users", "accounts", "regions", "departments", "units", "budgets", "published_snapshots", "audit_events"]) {
    expect(await count(table), table).toBe(0);
  }
});

test("the bootstrap command creates the first administrator, who must replace the one-time password before anything else", async ({ page, browser }) => {
  const oneTimePassword = createUserWithCommand(["--email", ADMIN.email, "--name", ADMIN.name, "--role", "ADMIN"]);
  expect(oneTimePassword).toMatch(/^\S{16}$/);
  // The same address again: refused, exit code 2, nothing created.
  const again = gongkai(server, ["admin", "create-user", "--email", ADMIN.email, "--name", "另一人", "--role", "ADMIN"]);
  expect(again.status).toBe(2);
  expect(again.stderr).toContain("该邮箱已有账户");
  expect(await count("users")).toBe(1);

  await signIn(page, ADMIN.email, oneTimePassword);
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole("heading", { level: 1, name: "修改初始密码" })).toBeVisible();
  await page.screenshot({ path: "e2e/.artifacts/onboarding-password-desktop.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 740 });
  await page.screenshot({ path: "e2e/.artifacts/onboarding-password-375.png", fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Nothing else of the back office opens before the change.
  for (const path of ["/workspace", "/admin/users", "/review", "/login"]) {
    await page.goto(`${server.baseURL}${path}`);
    await expect(page, path).toHaveURL(/\/account\/password$/);
  }

  // The new password must follow the rule and differ from the one-time password.
  await page.getByLabel("初始密码").fill(oneTimePassword);
  await page.getByLabel("新密码", { exact: true }).fill(oneTimePassword);
  await page.getByLabel("再次输入新密码").fill(oneTimePassword);
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "密码未修改" })).toBeVisible();
  await expect(page.getByText("新密码不能与当前密码相同。")).toBeVisible();
  await page.getByLabel("初始密码").fill(oneTimePassword);
  await page.getByLabel("新密码", { exact: true }).fill("guantao2025");
  await page.getByLabel("再次输入新密码").fill("guantao2025");
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page.getByText(/密码须包含大写字母、小写字母、数字、特殊字符中的至少 3 类/)).toBeVisible();
  await page.screenshot({ path: "e2e/.artifacts/onboarding-password-refused.png", fullPage: true });

  await page.getByLabel("初始密码").fill(oneTimePassword);
  await page.getByLabel("新密码", { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByLabel("再次输入新密码").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "保存新密码" }).click();
  // Then the second factor (双因素认证), before anything else.
  secrets[ADMIN.email] = (await enrolSecondFactor(page)).secret;
  await expect(page).toHaveURL(/\/workspace\?twoFactorEnrolled=1$/);
  await expect(page.getByRole("status").filter({ hasText: "双因素认证已设置" })).toBeVisible();
  await expect(page.getByText("系统管理员 · 全部地区")).toBeVisible();
  await page.goto(`${server.baseURL}/admin/users`);
  await expect(page).toHaveURL(/\/admin\/users$/);

  const audit = await queryAt<{ action: string; result: string; user_id: string | null; client_address: string | null }>(
    server.databaseUrl,
    "SELECT action, result, user_id, client_address FROM audit_events WHERE action IN ('user.create', 'role.grant', 'auth.password_change') ORDER BY id",
  );
  const [adminRow] = await queryAt<{ id: string; must_change_password: boolean }>(server.databaseUrl, "SELECT id, must_change_password FROM users WHERE email = $1", [ADMIN.email]);
  expect(adminRow?.must_change_password).toBe(false);
  expect(audit).toEqual([
    { action: "user.create", result: "SUCCESS", user_id: "system/cli", client_address: "cli" },
    { action: "role.grant", result: "SUCCESS", user_id: "system/cli", client_address: "cli" },
    { action: "user.create", result: "FAILURE", user_id: "system/cli", client_address: "cli" },
    { action: "auth.password_change", result: "FAILURE", user_id: adminRow?.id ?? "", client_address: "127.0.0.1" },
    { action: "auth.password_change", result: "FAILURE", user_id: adminRow?.id ?? "", client_address: "127.0.0.1" },
    { action: "auth.password_change", result: "SUCCESS", user_id: adminRow?.id ?? "", client_address: "127.0.0.1" },
  ]);

  // A second administrator, not yet changed: a server action sent with that session does nothing.
  const second = { email: "li.fuze@guantao.gov.cn", name: "李负责" };
  const secondPassword = createUserWithCommand(["--email", second.email, "--name", second.name, "--role", "ADMIN"]);
  const other = await newPage(browser);
  await signIn(other, second.email, secondPassword);
  await expect(other).toHaveURL(/\/account\/password$/);
  // The first administrator's create-account form, submitted with the second one's session cookie.
  await page.goto(`${server.baseURL}/admin/users`);
  const form = page.getByRole("form", { name: "创建账户" });
  await form.getByLabel("姓名").fill("不应创建");
  await form.getByLabel("邮箱").fill("forged@guantao.gov.cn");
  await form.getByLabel("初始密码").fill("Forged#Account2025");
  await page.context().clearCookies();
  await page.context().addCookies(await other.context().cookies());
  await form.getByRole("button", { name: "创建账户" }).click();
  // The action finds no viewer for that session: refused, nothing created.
  await expect(form.getByText("请先登录。")).toBeVisible();
  expect(await count("users")).toBe(2);
  expect(await queryAt(server.databaseUrl, "SELECT 1 FROM users WHERE email = 'forged@guantao.gov.cn'")).toEqual([]);
  await other.context().close();
});

const COUNTY = { code: "130433", name: "馆陶县" };
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Filled in by the set-up step: the one-time passwords the account import shows once. */
const initial: { finance?: string; accountant?: string } = {};
const FINANCE = { email: "caizheng@guantao.gov.cn", name: "赵财政" };
const SECURITY = { email: "anquan@guantao.gov.cn", name: "孙安全" };
const ACCOUNTANT = { email: "tianbao.301001@guantao.gov.cn", name: "钱填报", unit: "301001" };
const NEW_CODE = { code: "2013704", name: "网络安全应急处置" };

async function xlsx(sheetName: string, rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 4 departments, 30 units, with the header aliases a bureau's own list uses. */
function countyUnits(): string[][] {
  const rows = [["单位代码", "单位全称", "部门代码", "主管部门", "单位性质", "机构规格", "经费形式"]];
  const departments = ["馆陶县教育局", "馆陶县卫生健康局", "馆陶县农业农村局", "馆陶县民政局"];
  departments.forEach((department, d) => {
    const code = String(301 + d);
    for (let u = 1; u <= (d === 3 ? 6 : 8); u += 1) {
      rows.push([`${code}${String(u).padStart(3, "0")}`, u === 1 ? `${department}本级` : `${department}下属单位${u}`, code, department, u === 1 ? "行政" : "事业", "正科级", "财政拨款"]);
    }
  });
  return rows;
}

async function signInAndSetPassword(page: Page, email: string, oneTime: string, own: string): Promise<void> {
  await signIn(page, email, oneTime);
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.getByLabel("初始密码").fill(oneTime);
  await page.getByLabel("新密码", { exact: true }).fill(own);
  await page.getByLabel("再次输入新密码").fill(own);
  await page.getByRole("button", { name: "保存新密码" }).click();
  secrets[email] = (await enrolSecondFactor(page)).secret;
  await expect(page).toHaveURL(/\/workspace\?twoFactorEnrolled=1$/);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/.artifacts/onboarding-${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `e2e/.artifacts/onboarding-${name}-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("the administrator sets up the county: region, 30 units from .xlsx, the 2025 code book from .csv; the security administrator 31 accounts from .xlsx", async ({ page: systemPage, browser }) => {
  let page = systemPage;
  await signIn(page, ADMIN.email, ADMIN_PASSWORD);
  await enterTotpCode(page, secrets[ADMIN.email] ?? "");
  await expect(page).toHaveURL(/\/workspace$/);

  await page.goto(`${server.baseURL}/admin/regions`);
  const create = page.getByRole("form", { name: "新增地区" });
  await create.getByLabel("上级地区").selectOption("");
  await create.getByLabel("级别").selectOption("COUNTY");
  await create.getByLabel("行政区划代码").fill(COUNTY.code);
  await create.getByLabel("地区名称").fill(COUNTY.name);
  await create.getByRole("button", { name: "新增地区" }).click();
  await expect(create.getByRole("status")).toHaveText(`已新增地区 ${COUNTY.name}。`);

  const regionOption = { label: `${COUNTY.name}（${COUNTY.code}，县/区）` };
  await page.goto(`${server.baseURL}/admin/import/units`);
  await page.getByLabel("导入到地区").selectOption(regionOption);
  await page.getByLabel(/^文件/).setInputFiles({ name: "馆陶县预算单位.xlsx", mimeType: XLSX, buffer: await xlsx("单位名单", countyUnits()) });
  await page.getByRole("button", { name: "预览导入" }).click();
  await expect(page.getByText(`${COUNTY.name}：将新增主管部门 4 个，将新增单位 30 个，将修改单位 0 个，0 个单位不变。`)).toBeVisible();
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText(`${COUNTY.name}：已新增主管部门 4 个，已新增单位 30 个，已修改单位 0 个，0 个单位不变。`)).toBeVisible();
  expect(await count("units")).toBe(30);

  // The 2025 book: the starter codes as the bureau's file lists them, plus one the starter book lacks.
  const starter = JSON.parse(readFileSync("lib/codebooks/starter/starter-code-book.json", "utf8")) as { codes: { code: string; name: string }[] };
  expect(starter.codes.some((c) => c.code === NEW_CODE.code)).toBe(false);
  const csv = ["科目编码,科目名称", ...starter.codes.map((c) => `${c.code},${c.name}`), `${NEW_CODE.code},${NEW_CODE.name}`].join("\r\n");
  await page.goto(`${server.baseURL}/admin/codebooks`);
  await page.getByLabel("预算年度").fill("2025");
  await page.getByLabel("科目表文件").setInputFiles({ name: "2025年政府收支分类科目.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}\r\n`) });
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByRole("heading", { name: "预览：2025年第 1 版科目表" })).toBeVisible();
  await shoot(page, "codebook-preview");
  await page.getByRole("button", { name: "确认导入为2025年第 1 版" }).click();
  await expect(page.getByRole("status")).toContainText("已导入2025年第 1 版科目表");

  const accounts = [["姓名", "电子邮箱", "用户角色", "适用范围"], [FINANCE.name, FINANCE.email, "财政部门审核人", COUNTY.code]];
  for (const [unitCode] of countyUnits().slice(1)) {
    accounts.push(unitCode === ACCOUNTANT.unit ? [ACCOUNTANT.name, ACCOUNTANT.email, "单位填报人", unitCode] : [`填报人${unitCode}`, `tianbao.${unitCode}@guantao.gov.cn`, "单位填报人", unitCode ?? ""]);
  }
  expect(accounts).toHaveLength(32);
  // Accounts with their roles are imported by the security administrator (三员分立, ADR 0022), bootstrapped like the first administrator.
  const securityPassword = createUserWithCommand(["--email", SECURITY.email, "--name", SECURITY.name, "--role", "SECURITY_ADMIN"]);
  page = await newPage(browser);
  await signInAndSetPassword(page, SECURITY.email, securityPassword, "Anquan#Guantao2025");
  await page.goto(`${server.baseURL}/admin/import/accounts`);
  await page.getByLabel("导入到地区").selectOption(regionOption);
  await page.getByLabel(/^文件/).setInputFiles({ name: "馆陶县账户.xlsx", mimeType: XLSX, buffer: await xlsx("账户", accounts) });
  await page.getByRole("button", { name: "预览导入" }).click();
  await expect(page.getByText(`${COUNTY.name}：将创建账户 31 个，将授予角色 31 个，0 个角色已有、不变。`)).toBeVisible();
  await page.getByRole("button", { name: "确认导入" }).click();
  const passwords = page.getByRole("region", { name: "初始密码" });
  await expect(passwords.locator("tbody tr")).toHaveCount(31);
  await shoot(page, "accounts-applied");
  initial.finance = await passwords.getByRole("row", { name: new RegExp(FINANCE.email) }).locator("code").innerText();
  initial.accountant = await passwords.getByRole("row", { name: new RegExp(ACCOUNTANT.email) }).locator("code").innerText();
  expect(await count("users WHERE must_change_password")).toBe(32);
  await page.context().close();
});

test("the finance reviewer changes the initial password and opens 2025 for the county", async ({ page }) => {
  await signInAndSetPassword(page, FINANCE.email, initial.finance ?? "", "Zhao#Caizheng2025");
  await page.getByRole("link", { name: "预算年度" }).click();
  const form = page.getByRole("form", { name: new RegExp(`开放${COUNTY.name}的预算年度`) });
  await form.getByLabel("预算年度").fill("2025");
  await form.getByLabel("报送截止日期").fill("2025-01-15");
  await form.getByRole("button", { name: "开放预算年度" }).click();
  await expect(form.getByRole("status")).toHaveText("已开放2025年预算：使用2025年第 1 版科目表，报送截止日期 2025-01-15。");
  await shoot(page, "open-year");
});

test("an accountant changes the initial password, starts an empty 2025 draft, picks the new code, enters a balanced budget and submits it", async ({ page }) => {
  await signInAndSetPassword(page, ACCOUNTANT.email, initial.accountant ?? "", "Qian#Tianbao2025");
  const start = page.getByRole("form", { name: "开始2025年预算" });
  await expect(start).toContainText("报送截止日期 2025-01-15");
  await shoot(page, "workspace-start");
  await start.getByRole("button", { name: "新建空白的2025年预算" }).click();
  await expect(page).toHaveURL(new RegExp(`/workspace/units/${ACCOUNTANT.unit}/budgets/2025$`));
  const expenditure = page.getByRole("region", { name: "支出", exact: true });
  await expenditure.getByRole("button", { name: "添加一行" }).click();
  const code = expenditure.getByRole("combobox", { name: "第1行 功能分类科目（项）" });
  await code.fill("网络安全应急");
  await expect(page.getByRole("option", { name: new RegExp(NEW_CODE.code) })).toBeVisible();
  await code.press("Enter");
  await expect(code).toHaveValue(new RegExp(NEW_CODE.code));
  await page.screenshot({ path: "e2e/.artifacts/onboarding-draft-new-code-desktop.png" });

  // A balanced budget: 10 万元 of basic expenditure under the new code, its economic line, its income.
  const findings = page.getByRole("region", { name: "一致性检查" });
  const basic = page.getByRole("region", { name: "基本支出经济分类" });
  const income = page.getByRole("region", { name: "收入", exact: true });
  await expenditure.getByRole("textbox", { name: "第1行 金额" }).fill("10");
  await basic.getByRole("button", { name: "添加一行" }).click();
  const economic = basic.getByRole("combobox", { name: "第1行 经济分类科目（款）" });
  await economic.fill("30101");
  await economic.press("Tab");
  await basic.getByRole("textbox", { name: "第1行 金额" }).fill("10");
  await income.getByRole("button", { name: "添加一行" }).click();
  await income.getByRole("textbox", { name: "第1行 金额" }).fill("10");
  await income.getByRole("textbox", { name: "第1行 金额" }).blur();
  await expect(page.getByTestId("save-status")).toHaveText(/已保存/, { timeout: 20_000 });
  await expect(findings).toContainText("未发现问题");
  const submitForm = page.getByRole("region", { name: "报送" });
  await expect(submitForm.getByRole("button", { name: "报送" })).toBeEnabled();
  const explanations = submitForm.getByRole("textbox");
  for (let index = 0; index < (await explanations.count()); index += 1) await explanations.nth(index).fill("新单位首年预算，已与财政部门沟通。");
  await submitForm.getByRole("button", { name: "报送" }).click();
  await expect(page.getByTestId("budget-status")).toHaveText("已报送");
  await shoot(page, "submitted");
});

test("the finance reviewer finds the submitted budget in the queue", async ({ page }) => {
  await signIn(page, FINANCE.email, "Zhao#Caizheng2025");
  await enterTotpCode(page, secrets[FINANCE.email] ?? "");
  await expect(page).toHaveURL(/\/workspace$/);
  await page.goto(`${server.baseURL}/review`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `${ACCOUNTANT.unit} 馆陶县教育局本级` }) });
  await expect(row).toContainText("已报送");
  await expect(row).toContainText("10.00");
  await shoot(page, "review-queue");
});
