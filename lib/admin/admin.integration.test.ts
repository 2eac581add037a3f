import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import { verifyPassword } from "@/lib/auth/password-hash";
import { createViewer } from "@/lib/budgets/test-support";
import { disconnectPrisma } from "@/lib/db";
import { createUnit, createUser, type CreatedUnit } from "@/lib/demo/factories";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { createUserAccount } from "./create-user";
import { grantRole } from "./grant-role";
import { loadAdminUsers } from "./queries";
import { revokeRole } from "./revoke-role";
import { unlockUser } from "./unlock-user";

let unit: CreatedUnit;
let elsewhere: CreatedUnit;
let viewers: Record<string, Viewer | null>;

/** Who may grant, revoke and unlock in `unit`'s region (三员分立, ADR 0022): the region's own and global security administrators. */
const ALLOWED = ["region security admin", "global security admin"];
/** Who may create accounts: system administrators. */
const CREATORS = ["region admin of another region", "region admin", "global admin"];
const EVERYONE = [
  "anonymous",
  "accountant",
  "department reviewer",
  "finance reviewer",
  "region admin of another region",
  "region admin",
  "global admin",
  "security admin of another region",
  "region security admin",
  "global security admin",
  "audit admin",
];

beforeEach(async () => {
  await resetDatabase();
  unit = await createUnit(prisma);
  elsewhere = await createUnit(prisma);
  viewers = {
    anonymous: null,
    accountant: await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: unit.unitId }]),
    "department reviewer": await createViewer(prisma, [{ role: "DEPARTMENT_REVIEWER", departmentId: unit.departmentId }]),
    "finance reviewer": await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: unit.regionId }]),
    "region admin of another region": await createViewer(prisma, [{ role: "ADMIN", regionId: elsewhere.regionId }]),
    "region admin": await createViewer(prisma, [{ role: "ADMIN", regionId: unit.regionId }]),
    "global admin": await createViewer(prisma, [{ role: "ADMIN" }]),
    "security admin of another region": await createViewer(prisma, [{ role: "SECURITY_ADMIN", regionId: elsewhere.regionId }]),
    "region security admin": await createViewer(prisma, [{ role: "SECURITY_ADMIN", regionId: unit.regionId }]),
    "global security admin": await createViewer(prisma, [{ role: "SECURITY_ADMIN" }]),
    "audit admin": await createViewer(prisma, [{ role: "AUDIT_ADMIN" }]),
  };
});
afterAll(disconnectPrisma);

const auditOf = (action: string) =>
  prisma.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" }, select: { result: true, userId: true, objectId: true, details: true } });

const expectedCode = (name: string) => (name === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN");

describe("grantRole", () => {
  it.each(EVERYONE)(
    "as %s: grants an accountant role for a unit only as the unit's region's or a global security administrator",
    async (name) => {
      const target = await createUser(prisma, { email: "target@example.test" });
      const attempt = grantRole(prisma, viewers[name] ?? null, { userId: target.id, role: "ACCOUNTANT", scope: `unit:${unit.unitId}` });
      if (ALLOWED.includes(name)) {
        await attempt;
        expect(await prisma.roleAssignment.findMany({ where: { userId: target.id }, select: { role: true, unitId: true, grantedById: true } })).toEqual([
          { role: "ACCOUNTANT", unitId: unit.unitId, grantedById: viewers[name]?.userId },
        ]);
        expect(await auditOf("role.grant")).toEqual([
          {
            result: "SUCCESS",
            userId: viewers[name]?.userId,
            objectId: target.id,
            details: expect.objectContaining({ role: "ACCOUNTANT", targetEmail: "target@example.test", scope: `单位 ${unit.unit.code} ${unit.unit.name}` }),
          },
        ]);
      } else {
        await expect(attempt).rejects.toMatchObject({ code: expectedCode(name) });
        expect(await prisma.roleAssignment.count({ where: { userId: target.id } })).toBe(0);
        expect(await auditOf("role.grant")).toEqual([expect.objectContaining({ result: "DENIED", objectId: target.id })]);
      }
    },
  );

  it("lets only a global security administrator grant a global role", async () => {
    const target = await createUser(prisma);
    await expect(grantRole(prisma, viewers["region security admin"] ?? null, { userId: target.id, role: "ADMIN", scope: "global" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "只有全局安全管理员可以授予全局角色。",
    });
    await grantRole(prisma, viewers["global security admin"] ?? null, { userId: target.id, role: "ADMIN", scope: "global" });
    expect(await prisma.roleAssignment.count({ where: { userId: target.id, role: "ADMIN", regionId: null } })).toBe(1);
    await expect(grantRole(prisma, viewers["global security admin"] ?? null, { userId: target.id, role: "AUDIT_ADMIN", scope: `region:${unit.regionId}` })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { scope: ["审计管理员的适用范围必须是全部地区（审计日志不按地区划分）。"] },
    });
  });

  it("refuses a second administrator role (三员分立) and entering plus reviewing in one region, also in the database", async () => {
    const security = viewers["global security admin"] ?? null;
    const admin = await createUser(prisma, { roles: [{ role: "ADMIN", regionId: unit.regionId }] });
    for (const role of ["SECURITY_ADMIN", "AUDIT_ADMIN"] as const) {
      await expect(grantRole(prisma, security, { userId: admin.id, role, scope: "global" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("三员分立") });
    }
    const accountant = await createUser(prisma, { roles: [{ role: "ACCOUNTANT", unitId: unit.unitId }] });
    await expect(grantRole(prisma, security, { userId: accountant.id, role: "FINANCE_REVIEWER", scope: `region:${unit.regionId}` })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("不相容岗位分离"),
    });
    await expect(grantRole(prisma, security, { userId: accountant.id, role: "DEPARTMENT_REVIEWER", scope: `department:${unit.departmentId}` })).rejects.toMatchObject({ code: "CONFLICT" });
    // Reviewing in another region is no conflict.
    await grantRole(prisma, security, { userId: accountant.id, role: "FINANCE_REVIEWER", scope: `region:${elsewhere.regionId}` });
    expect((await auditOf("role.grant")).map((row) => row.result)).toEqual(["FAILURE", "FAILURE", "FAILURE", "FAILURE", "SUCCESS"]);

    // The trigger of migration 20261209020000 refuses the same pairs from any writer (here the owner, past the use case).
    await expect(prisma.roleAssignment.create({ data: { userId: admin.id, role: "AUDIT_ADMIN" } })).rejects.toThrow(/separation of duties/);
    await expect(prisma.roleAssignment.create({ data: { userId: accountant.id, role: "DEPARTMENT_REVIEWER", departmentId: unit.departmentId } })).rejects.toThrow(/separation of duties/);
    const head = await createUser(prisma, { roles: [{ role: "UNIT_HEAD", unitId: unit.unitId }] });
    await expect(prisma.roleAssignment.create({ data: { userId: head.id, role: "FINANCE_REVIEWER", regionId: unit.regionId } })).rejects.toThrow(/separation of duties/);
    const [adminRole] = await prisma.roleAssignment.findMany({ where: { userId: admin.id }, select: { id: true } });
    await expect(prisma.roleAssignment.update({ where: { id: adminRole?.id ?? 0 }, data: { role: "ADMIN", regionId: null } })).resolves.toBeDefined();
    expect(await prisma.roleAssignment.count({ where: { userId: { in: [admin.id, accountant.id, head.id] } } })).toBe(4);
  });

  it("refuses granting oneself a role", async () => {
    const admin = viewers["global security admin"];
    await expect(grantRole(prisma, admin ?? null, { userId: admin?.userId, role: "FINANCE_REVIEWER", scope: `region:${unit.regionId}` })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "不能给自己授予角色，请由其他管理员办理。",
    });
    expect(await prisma.roleAssignment.count({ where: { userId: admin?.userId } })).toBe(1);
  });

  it("grants the unit's head (单位负责人) for a unit, and for nothing else", async () => {
    const target = await createUser(prisma);
    const admin = viewers["global security admin"] ?? null;
    await expect(grantRole(prisma, admin, { userId: target.id, role: "UNIT_HEAD", scope: `department:${unit.departmentId}` })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { scope: ["单位负责人的适用范围必须是一个单位。"] },
    });
    await grantRole(prisma, admin, { userId: target.id, role: "UNIT_HEAD", scope: `unit:${unit.unitId}` });
    expect(await prisma.roleAssignment.findMany({ where: { userId: target.id }, select: { role: true, unitId: true } })).toEqual([
      { role: "UNIT_HEAD", unitId: unit.unitId },
    ]);
  });

  it("refuses bad input with Chinese messages and changes nothing", async () => {
    const target = await createUser(prisma);
    const admin = viewers["global security admin"] ?? null;
    await expect(grantRole(prisma, admin, { userId: target.id, role: "ACCOUNTANT", scope: `region:${unit.regionId}` })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { scope: ["单位填报人的适用范围必须是一个单位。"] },
    });
    await expect(grantRole(prisma, admin, { userId: "", role: "KING", scope: "moon" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { userId: ["请选择账户。"], role: ["请选择角色。"], scope: ["适用范围无效，请重新选择。"] },
    });
    await expect(grantRole(prisma, admin, { userId: target.id, role: "FINANCE_REVIEWER", scope: "region:999999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await grantRole(prisma, admin, { userId: target.id, role: "FINANCE_REVIEWER", scope: `region:${unit.regionId}` });
    await expect(grantRole(prisma, admin, { userId: target.id, role: "FINANCE_REVIEWER", scope: `region:${unit.regionId}` })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "该账户已有此角色。",
    });
    expect(await prisma.roleAssignment.count({ where: { userId: target.id } })).toBe(1);
    expect((await auditOf("role.grant")).map((row) => row.result)).toEqual(["FAILURE", "FAILURE", "DENIED", "SUCCESS", "FAILURE"]);
  });
});

describe("revokeRole", () => {
  it.each(EVERYONE)(
    "as %s: revokes a department reviewer role only as its region's or a global security administrator",
    async (name) => {
      const target = await createUser(prisma, { roles: [{ role: "DEPARTMENT_REVIEWER", departmentId: unit.departmentId }] });
      const assignment = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: target.id }, select: { id: true } });
      const attempt = revokeRole(prisma, viewers[name] ?? null, { assignmentId: String(assignment.id) });
      if (ALLOWED.includes(name)) {
        await attempt;
        expect(await prisma.roleAssignment.count({ where: { userId: target.id } })).toBe(0);
        expect(await auditOf("role.revoke")).toEqual([
          { result: "SUCCESS", userId: viewers[name]?.userId, objectId: target.id, details: expect.objectContaining({ role: "DEPARTMENT_REVIEWER", assignmentId: assignment.id }) },
        ]);
      } else {
        await expect(attempt).rejects.toMatchObject({ code: expectedCode(name) });
        expect(await prisma.roleAssignment.count({ where: { userId: target.id } })).toBe(1);
        expect(await auditOf("role.revoke")).toEqual([expect.objectContaining({ result: "DENIED" })]);
      }
    },
  );

  it("never revokes one's own role, nor the last global holder of an administrator role", async () => {
    const security = viewers["global security admin"] ?? null;
    const own = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: security?.userId }, select: { id: true } });
    await expect(revokeRole(prisma, security, { assignmentId: own.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: "不能撤销自己的角色，请由其他管理员办理。" });

    const second = await createViewer(prisma, [{ role: "SECURITY_ADMIN" }]);
    await revokeRole(prisma, second, { assignmentId: own.id });
    const secondRole = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: second.userId }, select: { id: true } });
    // the second is now the last global security administrator: even a request still carrying the first one's old grant is refused
    await expect(revokeRole(prisma, security, { assignmentId: secondRole.id })).rejects.toMatchObject({ code: "CONFLICT", message: "不能撤销最后一位全局安全管理员。" });
    await expect(revokeRole(prisma, viewers["region security admin"] ?? null, { assignmentId: secondRole.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.roleAssignment.count({ where: { role: "SECURITY_ADMIN", regionId: null } })).toBe(1);

    // the only global system administrator and audit administrator stay too
    for (const [name, label] of [["global admin", "系统管理员"], ["audit admin", "审计管理员"]] as const) {
      const role = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: viewers[name]?.userId }, select: { id: true } });
      await expect(revokeRole(prisma, second, { assignmentId: role.id })).rejects.toMatchObject({ code: "CONFLICT", message: `不能撤销最后一位全局${label}。` });
    }
  });

  it("refuses a malformed id with a Chinese message", async () => {
    await expect(revokeRole(prisma, viewers["global security admin"] ?? null, { assignmentId: "abc" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { assignmentId: ["角色编号无效。"] },
    });
  });
});

describe("createUserAccount", () => {
  it.each(EVERYONE)(
    "as %s: only system administrators create accounts, with an argon2id password",
    async (name) => {
      const attempt = createUserAccount(prisma, viewers[name] ?? null, { name: "张三", email: " Zhang.San@Example.test ", password: "Kaishi#Anfang24" });
      if (CREATORS.includes(name)) {
        const created = await attempt;
        expect(created.email).toBe("zhang.san@example.test");
        const account = await prisma.account.findFirstOrThrow({ where: { userId: created.userId }, select: { password: true } });
        expect(account.password).toMatch(/^\$argon2id\$/);
        expect(await verifyPassword(account.password ?? "", "Kaishi#Anfang24")).toBe(true);
        expect(await auditOf("user.create")).toEqual([
          { result: "SUCCESS", userId: viewers[name]?.userId, objectId: created.userId, details: { targetEmail: "zhang.san@example.test", name: "张三" } },
        ]);
      } else {
        await expect(attempt).rejects.toMatchObject({ code: expectedCode(name) });
        expect(await prisma.user.count({ where: { email: "zhang.san@example.test" } })).toBe(0);
        expect(await auditOf("user.create")).toEqual([expect.objectContaining({ result: "DENIED" })]);
      }
    },
  );

  it("refuses a weak password, a malformed or taken address, with Chinese messages, creating nothing", async () => {
    const admin = viewers["global admin"] ?? null;
    const before = await prisma.user.count();
    await expect(createUserAccount(prisma, admin, { name: "", email: "not-an-address", password: "short" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: {
        name: ["请输入姓名。"],
        email: ["邮箱格式不正确，例如 zhang.san@example.gov.cn。"],
        password: ["密码至少需要 12 个字符（当前 5 个）。", expect.stringContaining("密码须包含大写字母、小写字母、数字、特殊字符中的至少 3 类")],
      },
    });
    await createUser(prisma, { email: "taken@example.test" });
    await expect(createUserAccount(prisma, admin, { name: "李四", email: "taken@example.test", password: "Kaishi#Anfang24" })).rejects.toMatchObject({
      fieldErrors: { email: ["该邮箱已有账户。"] },
    });
    expect(await prisma.user.count()).toBe(before + 1);
    expect((await auditOf("user.create")).map((row) => row.result)).toEqual(["FAILURE", "FAILURE"]);
  });
});

describe("unlockUser", () => {
  const now = new Date("2024-03-01T02:00:00Z");
  const lockedUntil = new Date("2024-03-01T02:20:00Z");

  it.each(EVERYONE)(
    "as %s: unlocks an account of the region only as its region's or a global security administrator",
    async (name) => {
      const target = await createUser(prisma, { roles: [{ role: "ACCOUNTANT", unitId: unit.unitId }] });
      await prisma.user.update({ where: { id: target.id }, data: { lockedUntil, failedLoginCount: 0 } });
      const attempt = unlockUser(prisma, viewers[name] ?? null, { userId: target.id }, now);
      if (ALLOWED.includes(name)) {
        await attempt;
        expect(await prisma.user.findUniqueOrThrow({ where: { id: target.id }, select: { lockedUntil: true, failedLoginCount: true } })).toEqual({ lockedUntil: null, failedLoginCount: 0 });
        expect(await auditOf("user.unlock")).toEqual([
          { result: "SUCCESS", userId: viewers[name]?.userId, objectId: target.id, details: { targetEmail: target.email, lockedUntil: lockedUntil.toISOString() } },
        ]);
      } else {
        await expect(attempt).rejects.toMatchObject({ code: expectedCode(name) });
        expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id }, select: { lockedUntil: true } })).lockedUntil).toEqual(lockedUntil);
        expect(await auditOf("user.unlock")).toEqual([expect.objectContaining({ result: "DENIED" })]);
      }
    },
  );

  it("refuses an account that is not locked, and an unknown one", async () => {
    const target = await createUser(prisma);
    const security = viewers["global security admin"] ?? null;
    await expect(unlockUser(prisma, security, { userId: target.id }, now)).rejects.toMatchObject({ code: "CONFLICT", message: "该账户当前未被锁定。" });
    await expect(unlockUser(prisma, security, { userId: "" }, now)).rejects.toMatchObject({ fieldErrors: { userId: ["请选择账户。"] } });
    await expect(unlockUser(prisma, security, { userId: "nobody" }, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the client address", () => {
  it("is recorded on every administration audit row, granted or refused", async () => {
    const admin = viewers["global security admin"] ?? null;
    const request = { clientAddress: "203.0.113.9" };
    const created = await createUserAccount(prisma, viewers["global admin"] ?? null, { name: "王五", email: "wang.wu@example.test", password: "Kaishi#Anfang24" }, request);
    const { assignmentId } = await grantRole(prisma, admin, { userId: created.userId, role: "ACCOUNTANT", scope: `unit:${unit.unitId}` }, request);
    await revokeRole(prisma, admin, { assignmentId: String(assignmentId) }, request);
    await prisma.user.update({ where: { id: created.userId }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
    await unlockUser(prisma, admin, { userId: created.userId }, new Date(), request);
    await expect(grantRole(prisma, viewers.accountant ?? null, { userId: created.userId, role: "ACCOUNTANT", scope: `unit:${unit.unitId}` }, request)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const rows = await prisma.auditEvent.findMany({
      where: { action: { in: ["user.create", "role.grant", "role.revoke", "user.unlock"] } },
      select: { action: true, result: true, clientAddress: true },
      orderBy: { id: "asc" },
    });
    expect(rows).toEqual([
      { action: "user.create", result: "SUCCESS", clientAddress: "203.0.113.9" },
      { action: "role.grant", result: "SUCCESS", clientAddress: "203.0.113.9" },
      { action: "role.revoke", result: "SUCCESS", clientAddress: "203.0.113.9" },
      { action: "user.unlock", result: "SUCCESS", clientAddress: "203.0.113.9" },
      { action: "role.grant", result: "DENIED", clientAddress: "203.0.113.9" },
    ]);
  });
});

describe("loadAdminUsers", () => {
  it("shows a region's security administrator the region's accounts and those without roles, and marks what they may revoke", async () => {
    const mine = await createUser(prisma, { email: "a-mine@example.test", roles: [{ role: "ACCOUNTANT", unitId: unit.unitId }] });
    await createUser(prisma, { email: "b-theirs@example.test", roles: [{ role: "ACCOUNTANT", unitId: elsewhere.unitId }] });
    const fresh = await createUser(prisma, { email: "c-fresh@example.test" });

    const page = await loadAdminUsers(viewers["region security admin"] ?? null, new Date(), prisma);

    const emails = page.users.map((u) => u.email);
    expect(emails).toContain(mine.email);
    expect(emails).toContain(fresh.email);
    expect(emails).not.toContain("b-theirs@example.test");
    expect(page.isGlobalAdmin).toBe(false);
    expect(page.scopeGroups.map((g) => g.label)).toEqual([expect.stringContaining(unit.region.code)]);
    expect(page.users.find((u) => u.email === mine.email)?.roles).toEqual([expect.objectContaining({ role: "ACCOUNTANT", canRevoke: true })]);
    expect(page).toMatchObject({ canManageRoles: true, canCreateAccounts: false });
    await expect(loadAdminUsers(viewers["finance reviewer"] ?? null, new Date(), prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(loadAdminUsers(viewers["audit admin"] ?? null, new Date(), prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The system administrator sees the accounts to create them, but no role can be granted or revoked from its page.
    const system = await loadAdminUsers(viewers["region admin"] ?? null, new Date(), prisma);
    expect(system).toMatchObject({ canManageRoles: false, canCreateAccounts: true, scopeGroups: [] });
    expect(system.users.flatMap((u) => u.roles).every((r) => !r.canRevoke)).toBe(true);
  });
});
