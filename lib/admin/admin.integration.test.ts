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

/** Who may administer accounts of `unit`'s region: the region's own and global administrators. */
const ALLOWED = ["region admin", "global admin"];

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
  };
});
afterAll(disconnectPrisma);

const auditOf = (action: string) =>
  prisma.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" }, select: { result: true, userId: true, objectId: true, details: true } });

const expectedCode = (name: string) => (name === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN");

describe("grantRole", () => {
  it.each(["anonymous", "accountant", "department reviewer", "finance reviewer", "region admin of another region", "region admin", "global admin"])(
    "as %s: grants an accountant role for a unit only to the unit's region administrators and global administrators",
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

  it("lets only a global administrator grant a global administrator role", async () => {
    const target = await createUser(prisma);
    await expect(grantRole(prisma, viewers["region admin"] ?? null, { userId: target.id, role: "ADMIN", scope: "global" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "只有全局系统管理员可以授予全局管理员角色。",
    });
    await grantRole(prisma, viewers["global admin"] ?? null, { userId: target.id, role: "ADMIN", scope: "global" });
    expect(await prisma.roleAssignment.count({ where: { userId: target.id, role: "ADMIN", regionId: null } })).toBe(1);
  });

  it("refuses granting oneself a role", async () => {
    const admin = viewers["global admin"];
    await expect(grantRole(prisma, admin ?? null, { userId: admin?.userId, role: "FINANCE_REVIEWER", scope: `region:${unit.regionId}` })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "不能给自己授予角色，请由其他管理员办理。",
    });
    expect(await prisma.roleAssignment.count({ where: { userId: admin?.userId } })).toBe(1);
  });

  it("grants the unit's head (单位负责人) for a unit, and for nothing else", async () => {
    const target = await createUser(prisma);
    const admin = viewers["global admin"] ?? null;
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
    const admin = viewers["global admin"] ?? null;
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
  it.each(["anonymous", "accountant", "department reviewer", "finance reviewer", "region admin of another region", "region admin", "global admin"])(
    "as %s: revokes a department reviewer role only as its region's or a global administrator",
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

  it("never revokes one's own role, nor the last global administrator", async () => {
    const admin = viewers["global admin"] ?? null;
    const own = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: admin?.userId }, select: { id: true } });
    await expect(revokeRole(prisma, admin, { assignmentId: own.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: "不能撤销自己的角色，请由其他管理员办理。" });

    const second = await createViewer(prisma, [{ role: "ADMIN" }]);
    await revokeRole(prisma, second, { assignmentId: own.id });
    const secondRole = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: second.userId }, select: { id: true } });
    // the second is now the last global administrator: even a request still carrying the first one's old grant is refused
    await expect(revokeRole(prisma, admin, { assignmentId: secondRole.id })).rejects.toMatchObject({ code: "CONFLICT", message: "不能撤销最后一位全局系统管理员。" });
    const third = await createViewer(prisma, [{ role: "ADMIN", regionId: unit.regionId }]);
    await expect(revokeRole(prisma, third, { assignmentId: secondRole.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.roleAssignment.count({ where: { role: "ADMIN", regionId: null } })).toBe(1);
  });

  it("refuses the last global administrator's revocation even by another account's global role", async () => {
    // Two global roles on one account would be the only way around "not yourself": a second global admin revoking the last one is refused.
    const onlyAdmin = viewers["global admin"] ?? null;
    const other = await createUser(prisma, { roles: [{ role: "ADMIN" }] });
    const otherRole = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: other.id }, select: { id: true } });
    await revokeRole(prisma, onlyAdmin, { assignmentId: otherRole.id });
    const ownRole = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: onlyAdmin?.userId }, select: { id: true } });
    const impostor: Viewer = { userId: other.id, roles: [{ role: "ADMIN" }] }; // a stale viewer still carrying the revoked grant
    await expect(revokeRole(prisma, impostor, { assignmentId: ownRole.id })).rejects.toMatchObject({ code: "CONFLICT", message: "不能撤销最后一位全局系统管理员。" });
    expect(await prisma.roleAssignment.count({ where: { role: "ADMIN", regionId: null } })).toBe(1);
  });

  it("refuses a malformed id with a Chinese message", async () => {
    await expect(revokeRole(prisma, viewers["global admin"] ?? null, { assignmentId: "abc" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { assignmentId: ["角色编号无效。"] },
    });
  });
});

describe("createUserAccount", () => {
  it.each(["anonymous", "accountant", "department reviewer", "finance reviewer", "region admin of another region", "region admin", "global admin"])(
    "as %s: only administrators create accounts, with an argon2id password",
    async (name) => {
      const attempt = createUserAccount(prisma, viewers[name] ?? null, { name: "张三", email: " Zhang.San@Example.test ", password: "Kaishi#2024" });
      if (name.includes("admin")) {
        const created = await attempt;
        expect(created.email).toBe("zhang.san@example.test");
        const account = await prisma.account.findFirstOrThrow({ where: { userId: created.userId }, select: { password: true } });
        expect(account.password).toMatch(/^\$argon2id\$/);
        expect(await verifyPassword(account.password ?? "", "Kaishi#2024")).toBe(true);
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
        password: ["密码至少需要 8 个字符（当前 5 个）。", expect.stringContaining("密码须包含大写字母、小写字母、数字、特殊字符中的至少 3 类")],
      },
    });
    await createUser(prisma, { email: "taken@example.test" });
    await expect(createUserAccount(prisma, admin, { name: "李四", email: "taken@example.test", password: "Kaishi#2024" })).rejects.toMatchObject({
      fieldErrors: { email: ["该邮箱已有账户。"] },
    });
    expect(await prisma.user.count()).toBe(before + 1);
    expect((await auditOf("user.create")).map((row) => row.result)).toEqual(["FAILURE", "FAILURE"]);
  });
});

describe("unlockUser", () => {
  const now = new Date("2024-03-01T02:00:00Z");
  const lockedUntil = new Date("2024-03-01T02:20:00Z");

  it.each(["anonymous", "accountant", "department reviewer", "finance reviewer", "region admin of another region", "region admin", "global admin"])(
    "as %s: unlocks an account of the region only as its region's or a global administrator",
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
    await expect(unlockUser(prisma, viewers["global admin"] ?? null, { userId: target.id }, now)).rejects.toMatchObject({ code: "CONFLICT", message: "该账户当前未被锁定。" });
    await expect(unlockUser(prisma, viewers["global admin"] ?? null, { userId: "" }, now)).rejects.toMatchObject({ fieldErrors: { userId: ["请选择账户。"] } });
    await expect(unlockUser(prisma, viewers["global admin"] ?? null, { userId: "nobody" }, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the client address", () => {
  it("is recorded on every administration audit row, granted or refused", async () => {
    const admin = viewers["global admin"] ?? null;
    const request = { clientAddress: "203.0.113.9" };
    const created = await createUserAccount(prisma, admin, { name: "王五", email: "wang.wu@example.test", password: "Kaishi#2024" }, request);
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
  it("shows a region administrator the region's accounts and those without roles, and marks what they may revoke", async () => {
    const mine = await createUser(prisma, { email: "a-mine@example.test", roles: [{ role: "ACCOUNTANT", unitId: unit.unitId }] });
    await createUser(prisma, { email: "b-theirs@example.test", roles: [{ role: "ACCOUNTANT", unitId: elsewhere.unitId }] });
    const fresh = await createUser(prisma, { email: "c-fresh@example.test" });

    const page = await loadAdminUsers(viewers["region admin"] ?? null, new Date(), prisma);

    const emails = page.users.map((u) => u.email);
    expect(emails).toContain(mine.email);
    expect(emails).toContain(fresh.email);
    expect(emails).not.toContain("b-theirs@example.test");
    expect(page.isGlobalAdmin).toBe(false);
    expect(page.scopeGroups.map((g) => g.label)).toEqual([expect.stringContaining(unit.region.code)]);
    expect(page.users.find((u) => u.email === mine.email)?.roles).toEqual([expect.objectContaining({ role: "ACCOUNTANT", canRevoke: true })]);
    await expect(loadAdminUsers(viewers["finance reviewer"] ?? null, new Date(), prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
