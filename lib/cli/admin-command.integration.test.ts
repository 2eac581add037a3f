import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password-hash";
import { isAcceptablePassword } from "@/lib/auth/password-policy";
import { disconnectPrisma } from "@/lib/db";
import { createUnit } from "@/lib/demo/factories";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { runAdminCommand } from "./admin-command";

beforeEach(resetDatabase);
afterAll(disconnectPrisma);

async function run(argv: string[], stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdminCommand(argv, { db: prisma, readStdin: async () => stdin }, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const ADMIN = ["create-user", "--email", "Zhang.San@Example.gov.cn", "--name", "张三", "--role", "ADMIN"];

const accounts = () =>
  prisma.user.findMany({
    orderBy: { email: "asc" },
    select: {
      email: true,
      name: true,
      mustChangePassword: true,
      accounts: { select: { password: true } },
      roleAssignments: { select: { role: true, regionId: true, departmentId: true, unitId: true } },
    },
  });

describe("gongkai admin create-user", () => {
  it("creates the first administrator with a printed one-time password that must be changed, audited as system/cli", async () => {
    const result = await run(ADMIN);

    expect(result).toMatchObject({ code: 0, err: "" });
    const lines = result.out.split("\n");
    expect(lines[0]).toBe("已创建账户：张三 <zhang.san@example.gov.cn>，角色：系统管理员（全部地区）。");
    expect(lines[1]).toContain("一次性初始密码");
    const password = lines[2] ?? "";
    expect(isAcceptablePassword(password)).toBe(true);
    const [user, ...others] = await accounts();
    expect(others).toEqual([]);
    expect(user).toMatchObject({
      email: "zhang.san@example.gov.cn",
      name: "张三",
      mustChangePassword: true,
      roleAssignments: [{ role: "ADMIN", regionId: null, departmentId: null, unitId: null }],
    });
    expect(await verifyPassword(user?.accounts[0]?.password ?? "", password)).toBe(true);
    const audits = await prisma.auditEvent.findMany({ select: { action: true, result: true, userId: true, clientAddress: true, details: true }, orderBy: { id: "asc" } });
    expect(audits).toEqual([
      { action: "user.create", result: "SUCCESS", userId: "system/cli", clientAddress: "cli", details: expect.objectContaining({ targetEmail: "zhang.san@example.gov.cn", via: "cli" }) },
      { action: "role.grant", result: "SUCCESS", userId: "system/cli", clientAddress: "cli", details: expect.objectContaining({ role: "ADMIN", scope: "全部地区" }) },
    ]);
    expect(JSON.stringify(audits)).not.toContain(password);
  });

  it("takes the password from standard input (first line), without printing it", async () => {
    const result = await run([...ADMIN, "--password-stdin"], "Chushi#Mima2025\n");

    expect(result.code).toBe(0);
    expect(result.out).not.toContain("Chushi#Mima2025");
    const [user] = await accounts();
    expect(await verifyPassword(user?.accounts[0]?.password ?? "", "Chushi#Mima2025")).toBe(true);
    expect(user?.mustChangePassword).toBe(true);
  });

  it("gives the other roles their scope by code", async () => {
    const unit = await createUnit(prisma, { regionCode: "130433", departmentCode: "224", unitCode: "224001" });

    expect((await run(["create-user", "--email", "c@example.gov.cn", "--name", "财政", "--role", "FINANCE_REVIEWER", "--region", "130433"])).code).toBe(0);
    expect((await run(["create-user", "--email", "d@example.gov.cn", "--name", "部门", "--role", "主管部门审核人", "--department", "224"])).code).toBe(0);
    const accountant = await run(["create-user", "--email", "a@example.gov.cn", "--name", "填报", "--role", "accountant", "--unit", "224001", "--region", "130433"]);
    expect(accountant.out).toContain(`角色：单位填报人（单位 224001 ${unit.unit.name}）`);

    expect((await accounts()).map((u) => [u.email, u.roleAssignments])).toEqual([
      ["a@example.gov.cn", [{ role: "ACCOUNTANT", regionId: null, departmentId: null, unitId: unit.unitId }]],
      ["c@example.gov.cn", [{ role: "FINANCE_REVIEWER", regionId: unit.regionId, departmentId: null, unitId: null }]],
      ["d@example.gov.cn", [{ role: "DEPARTMENT_REVIEWER", regionId: null, departmentId: unit.departmentId, unitId: null }]],
    ]);
  });

  it("creates the first security and audit administrators (三员分立: three accounts)", async () => {
    expect((await run(ADMIN)).code).toBe(0);
    const security = await run(["create-user", "--email", "anquan@example.gov.cn", "--name", "王五", "--role", "SECURITY_ADMIN"]);
    const audit = await run(["create-user", "--email", "shenji@example.gov.cn", "--name", "赵六", "--role", "审计管理员"]);
    expect(security.out).toContain("角色：安全管理员（全部地区）");
    expect(audit.out).toContain("角色：审计管理员（全部地区）");
    expect((await accounts()).map((u) => [u.email, u.roleAssignments.map((a) => [a.role, a.regionId])])).toEqual([
      ["anquan@example.gov.cn", [["SECURITY_ADMIN", null]]],
      ["shenji@example.gov.cn", [["AUDIT_ADMIN", null]]],
      ["zhang.san@example.gov.cn", [["ADMIN", null]]],
    ]);
  });

  it.each([
    { argv: ["create-user", "--email", "x@example.gov.cn", "--name", "某某", "--role", "AUDIT_ADMIN", "--region", "130433"], message: "审计管理员的适用范围是全部地区" },
    { argv: ["create-user", "--email", "x@example.gov.cn", "--name", "某某"], message: "缺少参数 --role" },
    { argv: ["create-user", "--email", "x@example.gov.cn", "--name", "某某", "--role", "BOSS"], message: "角色“BOSS”无效" },
    { argv: ["create-user", "--email", "not-an-address", "--name", "某某", "--role", "ADMIN"], message: "--email：邮箱格式不正确" },
    { argv: ["create-user", ...ADMIN.slice(1), "--admin-password", "x"], message: "不认识的选项 --admin-password" },
    { argv: ["create-user", "--email", "x@example.gov.cn", "--name", "某某", "--role", "FINANCE_REVIEWER"], message: "--region：财政部门审核人须指定地区" },
    { argv: ["create-user", "--email", "x@example.gov.cn", "--name", "某某", "--role", "FINANCE_REVIEWER", "--region", "999999"], message: "未找到行政区划代码为“999999”的地区" },
    { argv: ["create-user", "--email", "x@example.gov.cn", "--name", "某某", "--role", "ADMIN", "--unit", "224001"], message: "系统管理员的适用范围是一个地区或全部地区" },
    { argv: ["create-user", "--email", "x@example.gov.cn", "--name", "某某", "--role", "ACCOUNTANT", "--unit", "9x"], message: "单位编码应为数字" },
    { argv: ["delete-user"], message: "未知命令“admin delete-user”" },
  ])("refuses $message and creates nothing", async ({ argv, message }) => {
    const result = await run(argv);

    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(await prisma.user.count()).toBe(0);
    expect(await prisma.roleAssignment.count()).toBe(0);
  });

  it("refuses a password from standard input that breaks the rule, or none at all", async () => {
    const weak = await run([...ADMIN, "--password-stdin"], "password\n");
    expect(weak.code).toBe(2);
    expect(weak.err).toContain("密码：密码须包含大写字母、小写字母、数字、特殊字符中的至少 3 类");
    expect((await run([...ADMIN, "--password-stdin"], "\n")).err).toContain("标准输入中没有密码");

    expect(await prisma.user.count()).toBe(0);
    // The refusal is audited (nothing else is written).
    expect(await prisma.auditEvent.findMany({ select: { action: true, result: true, userId: true, clientAddress: true } })).toEqual([
      { action: "user.create", result: "FAILURE", userId: "system/cli", clientAddress: "cli" },
    ]);
  });

  it("refuses an address that already has an account, leaving it as it was", async () => {
    expect((await run(ADMIN)).code).toBe(0);
    const before = await accounts();

    const again = await run([...ADMIN.slice(0, 4), "李四", "--role", "ADMIN"]);

    expect(again).toMatchObject({ code: 2, err: "未创建账户：\n  --email：该邮箱已有账户。" });
    expect(await accounts()).toEqual(before);
  });
});
