import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import { verifyPassword } from "@/lib/auth/password-hash";
import { isAcceptablePassword } from "@/lib/auth/password-policy";
import { createViewer } from "@/lib/budgets/test-support";
import { disconnectPrisma } from "@/lib/db";
import { createUnit as createUnitFixture, createUser, type CreatedUnit } from "@/lib/demo/factories";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { applyAccountImport } from "./apply-account-import";
import { applyUnitImport } from "./apply-unit-import";
import { previewAccountImport } from "./preview-account-import";
import { countyUnitRows, csvFile, xlsxFile } from "./test-files";

const CLIENT = "198.51.100.30";
let county: { id: number };
let township: { id: number };
let other: CreatedUnit;
let viewers: Record<string, Viewer | null>;

const HEADERS = ["姓名", "电子邮箱", "角色名称", "适用范围"];

/** 31 accounts of a county: a finance reviewer, 4 department reviewers, 26 accountants (one of them keeping the books of 2 units). */
function countyAccountRows(): string[][] {
  const rows: string[][] = [HEADERS, ["财政审核", "caizheng@example.gov.cn", "财政部门审核人", "130433"]];
  for (let d = 1; d <= 4; d += 1) rows.push([`部门审核${d}`, `bumen${d}@example.gov.cn`, "主管部门审核人", String(300 + d)]);
  let n = 0;
  for (let d = 1; d <= 4; d += 1) {
    for (let u = 1; u <= 7 && n < 26; u += 1, n += 1) rows.push([`填报人${n + 1}`, `tianbao${n + 1}@example.gov.cn`, "单位填报人", `${300 + d}${String(u).padStart(3, "0")}`]);
  }
  rows.push(["填报人1", "tianbao1@example.gov.cn", "单位填报人", "304008"]);
  return rows;
}

beforeEach(async () => {
  await resetDatabase();
  county = await prisma.region.create({ data: { code: "130433", name: "馆陶县", level: "COUNTY" }, select: { id: true } });
  township = await prisma.region.create({ data: { code: "130433100", name: "馆陶镇", level: "TOWNSHIP", parentId: county.id }, select: { id: true } });
  other = await createUnitFixture(prisma, { departmentCode: "888", unitCode: "888001" });
  const global = await createViewer(prisma, [{ role: "ADMIN" }]);
  await applyUnitImport(prisma, global, { regionId: String(county.id) }, csvFile(countyUnitRows(4, 8)));
  const unit = await prisma.unit.findFirstOrThrow({ where: { code: "301001" }, select: { id: true, departmentId: true } });
  viewers = {
    anonymous: null,
    accountant: await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: unit.id }]),
    "department reviewer": await createViewer(prisma, [{ role: "DEPARTMENT_REVIEWER", departmentId: unit.departmentId }]),
    "finance reviewer of the region": await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: county.id }]),
    "finance reviewer of another region": await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: other.regionId }]),
    "region admin of another region": await createViewer(prisma, [{ role: "ADMIN", regionId: other.regionId }]),
    "region admin": await createViewer(prisma, [{ role: "ADMIN", regionId: county.id }]),
    "global admin": global,
    "security admin of another region": await createViewer(prisma, [{ role: "SECURITY_ADMIN", regionId: other.regionId }]),
    "region security admin": await createViewer(prisma, [{ role: "SECURITY_ADMIN", regionId: county.id }]),
    "global security admin": await createViewer(prisma, [{ role: "SECURITY_ADMIN" }]),
    "audit admin": await createViewer(prisma, [{ role: "AUDIT_ADMIN" }]),
  };
});
afterAll(disconnectPrisma);

// Importing accounts grants roles: the 安全管理员's work (三员分立, ADR 0022).
const admin = () => viewers["region security admin"] ?? null;
const input = () => ({ regionId: String(county.id) });
const accountRows = async () => ({
  users: await prisma.user.findMany({ orderBy: { email: "asc" }, select: { email: true, name: true, mustChangePassword: true } }),
  credentials: await prisma.account.count(),
  roles: await prisma.roleAssignment.findMany({ orderBy: { id: "asc" }, select: { userId: true, role: true, unitId: true, departmentId: true, regionId: true } }),
});
const auditOf = (action: string) => prisma.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" }, select: { result: true, userId: true, clientAddress: true, details: true } });

describe("importing a county's accounts", () => {
  it("creates 31 accounts with their roles and a one-time initial password each that must be changed, and a second import changes nothing", async () => {
    const file = await xlsxFile([{ name: "账户", rows: countyAccountRows() }]);
    const preview = await previewAccountImport(prisma, admin(), input(), file);
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toEqual({ accountsCreated: 31, rolesGranted: 32, unchanged: 0, refused: 0 });
    expect(preview.rows[0]).toEqual({ rowNumber: 2, name: "财政审核", email: "caizheng@example.gov.cn", roleLabel: "财政部门审核人", scopeLabel: "馆陶县（130433）", isNewAccount: true, outcome: "new" });

    const applied = await applyAccountImport(prisma, admin(), input(), file, { clientAddress: CLIENT, fingerprint: preview.fingerprint });
    expect(applied.credentials).toHaveLength(31);
    const first = applied.credentials.find((c) => c.email === "tianbao1@example.gov.cn");
    expect(first !== undefined && isAcceptablePassword(first.password)).toBe(true);
    expect(new Set(applied.credentials.map((c) => c.password)).size).toBe(31);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "tianbao1@example.gov.cn" }, select: { name: true, mustChangePassword: true, accounts: { select: { password: true } }, roleAssignments: { select: { role: true, unit: { select: { code: true } } } } } });
    expect(user.mustChangePassword).toBe(true);
    expect(await verifyPassword(user.accounts[0]?.password ?? "", first?.password ?? "")).toBe(true);
    expect(user.roleAssignments.map((r) => [r.role, r.unit?.code]).sort()).toEqual([["ACCOUNTANT", "301001"], ["ACCOUNTANT", "304008"]]);
    expect(await prisma.roleAssignment.count({ where: { grantedById: admin()?.userId } })).toBe(32);
    const [audit] = await auditOf("accounts.import");
    expect(audit).toMatchObject({ result: "SUCCESS", userId: admin()?.userId, clientAddress: CLIENT, details: { rolesGranted: 32 } });
    expect(JSON.stringify(audit?.details)).not.toContain(first?.password ?? "-");

    const before = await accountRows();
    const again = await applyAccountImport(prisma, admin(), input(), file);
    expect(again.credentials).toEqual([]);
    expect(again.counts).toEqual({ accountsCreated: 0, rolesGranted: 0, unchanged: 32, refused: 0 });
    expect(await accountRows()).toEqual(before);
  });

  it("adds a role to an existing account without a new password", async () => {
    await createUser(prisma, { email: "old@example.gov.cn", name: "老用户" });
    const applied = await applyAccountImport(prisma, admin(), input(), csvFile([HEADERS, ["老用户", "Old@Example.gov.cn", "单位填报人", "302001"]]));
    expect(applied.credentials).toEqual([]);
    expect(applied.rows[0]).toMatchObject({ isNewAccount: false, outcome: "new" });
    expect(await prisma.user.findUniqueOrThrow({ where: { email: "old@example.gov.cn" }, select: { mustChangePassword: true, _count: { select: { roleAssignments: true } } } })).toEqual({ mustChangePassword: false, _count: { roleAssignments: 1 } });
  });
});

describe("bad account files: a Chinese message naming what and where, and nothing written", () => {
  const cases: [string, string[][], string[]][] = [
    ["a missing column", [["姓名", "邮箱", "角色"], ["甲", "a@example.gov.cn", "单位填报人"]], ["缺少“范围”列"]],
    ["an unknown role", [HEADERS, ["甲", "a@example.gov.cn", "会计", "301001"]], ["第 2 行 C 列", "角色“会计”无法识别"]],
    ["a bad e-mail address", [HEADERS, ["甲", "not-an-address", "单位填报人", "301001"]], ["第 2 行 B 列", "邮箱“not-an-address”格式不正确"]],
    ["an empty name", [HEADERS, ["", "a@example.gov.cn", "单位填报人", "301001"]], ["第 2 行 A 列", "姓名为空"]],
    ["a unit code of another region", [HEADERS, ["甲", "a@example.gov.cn", "单位填报人", "OTHER"]], ["第 2 行", "不是馆陶县的单位编码（单位填报人的范围填单位编码）"]],
    ["a department code that does not exist", [HEADERS, ["甲", "a@example.gov.cn", "主管部门审核人", "399"]], ["第 2 行", "范围 399 不是馆陶县的主管部门编码"]],
    ["duplicate rows", [HEADERS, ["甲", "a@example.gov.cn", "单位填报人", "301001"], ["甲", "a@example.gov.cn", "单位填报人", "301001"]], ["第 3 行", "与第 2 行重复"]],
    ["one person with two names", [HEADERS, ["甲", "a@example.gov.cn", "单位填报人", "301001"], ["乙", "a@example.gov.cn", "单位填报人", "301002"]], ["第 3 行 A 列", "姓名为“甲”，此处为“乙”"]],
    ["an accountant who also reviews in the region", [HEADERS, ["甲", "a@example.gov.cn", "单位填报人", "301001"], ["甲", "a@example.gov.cn", "财政部门审核人", "130433"]], ["第 2 行", "第 3 行", "不相容岗位分离"]],
    ["a unit head who also reviews in the region", [HEADERS, ["甲", "a@example.gov.cn", "单位负责人", "301001"], ["甲", "a@example.gov.cn", "主管部门审核人", "301"]], ["第 2 行", "第 3 行", "不相容岗位分离"]],
    ["a system administrator who is also the security administrator", [HEADERS, ["甲", "a@example.gov.cn", "系统管理员", "130433"], ["甲", "a@example.gov.cn", "安全管理员", "130433"]], ["第 2 行", "第 3 行", "三员分立"]],
  ];
  it.each(cases)("%s", async (_label, rows, fragments) => {
    const file = csvFile(rows.map((row) => row.map((cell) => (cell === "OTHER" ? other.unit.code : cell))));
    const before = await accountRows();
    const preview = await previewAccountImport(prisma, admin(), input(), file);
    const messages = preview.problems.map((p) => p.message).join("\n");
    for (const fragment of fragments) expect(messages).toContain(fragment);
    await expect(applyAccountImport(prisma, admin(), input(), file, { clientAddress: CLIENT })).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { file: messages.split("\n") } });
    expect(await accountRows()).toEqual(before);
    expect(await auditOf("accounts.import")).toEqual([expect.objectContaining({ result: "FAILURE", clientAddress: CLIENT })]);
  });

  it("counts a reviewer role the person holds already", async () => {
    const reviewer = await createUser(prisma, { email: "rev@example.gov.cn", name: "审核人", roles: [{ role: "FINANCE_REVIEWER", regionId: county.id }] });
    const preview = await previewAccountImport(prisma, admin(), input(), csvFile([HEADERS, ["审核人", reviewer.email, "单位填报人", "301001"]]));
    expect(preview.problems.map((p) => p.message)).toEqual([expect.stringContaining("不相容岗位分离")]);
  });

  it("lets a person keep the books in a township and review in the county (different regions)", async () => {
    await prisma.department.create({ data: { regionId: township.id, code: "301", name: "镇政府" } });
    const preview = await previewAccountImport(prisma, admin(), input(), csvFile([HEADERS, ["甲", "a@example.gov.cn", "财政部门审核人", "130433100"], ["甲", "a@example.gov.cn", "单位填报人", "301001"]]));
    expect(preview.problems).toEqual([]);
  });
});

describe("who may import accounts", () => {
  const ALLOWED = new Set(["region security admin", "global security admin"]);
  it.each(["anonymous", "accountant", "department reviewer", "finance reviewer of the region", "finance reviewer of another region", "region admin of another region", "region admin", "global admin", "security admin of another region", "region security admin", "global security admin", "audit admin"])("as %s", async (name) => {
    const file = csvFile([HEADERS, ["甲", "new@example.gov.cn", "单位填报人", "301001"]]);
    const before = await accountRows();
    const apply = () => applyAccountImport(prisma, viewers[name] ?? null, input(), file, { clientAddress: CLIENT });
    if (ALLOWED.has(name)) {
      await expect(previewAccountImport(prisma, viewers[name] ?? null, input(), file)).resolves.toMatchObject({ counts: { accountsCreated: 1 } });
      await expect(apply()).resolves.toMatchObject({ counts: { accountsCreated: 1 } });
    } else {
      const code = name === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN";
      await expect(previewAccountImport(prisma, viewers[name] ?? null, input(), file)).rejects.toMatchObject({ code });
      await expect(apply()).rejects.toMatchObject({ code });
      expect(await accountRows()).toEqual(before);
      expect(await auditOf("accounts.import")).toEqual([expect.objectContaining({ result: "DENIED", clientAddress: CLIENT })]);
    }
  });
});
