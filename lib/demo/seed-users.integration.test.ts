import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password-hash";
import { isAcceptablePassword } from "@/lib/auth/password-policy";
import { disconnectPrisma } from "@/lib/db";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { createUnit, GUANTAO_REGION_CHAIN } from "./factories";
import { DEMO_REGION_CODE, DEMO_USERS } from "./demo-users";
import { seedDemoUsers } from "./seed-users";

beforeEach(async () => {
  await resetDatabase();
  // The demo data's codes: 馆陶县 130433, department 224, unit 224001.
  await createUnit(prisma, { regionCode: DEMO_REGION_CODE, departmentCode: "224", unitCode: "224001" });
});
afterAll(disconnectPrisma);

describe("seedDemoUsers", () => {
  it("uses the demo budget's region", () => {
    expect(DEMO_REGION_CODE).toBe(GUANTAO_REGION_CHAIN.at(-1)?.code);
  });

  it("creates one account per role with its scope and a password that satisfies the rule", async () => {
    expect(await seedDemoUsers(prisma)).toBe(DEMO_USERS.length);

    const users = await prisma.user.findMany({
      orderBy: { email: "asc" },
      select: {
        email: true,
        accounts: { select: { password: true } },
        roleAssignments: {
          select: { role: true, unit: { select: { code: true } }, department: { select: { code: true } }, region: { select: { code: true } } },
        },
      },
    });
    expect(users.map((user) => [user.email, user.roleAssignments])).toEqual([
      ["admin@demo.gongkai.test", [{ role: "ADMIN", unit: null, department: null, region: null }]],
      ["anquan@demo.gongkai.test", [{ role: "SECURITY_ADMIN", unit: null, department: null, region: null }]],
      ["bumen.224@demo.gongkai.test", [{ role: "DEPARTMENT_REVIEWER", unit: null, department: { code: "224" }, region: null }]],
      ["caizheng.130433@demo.gongkai.test", [{ role: "FINANCE_REVIEWER", unit: null, department: null, region: { code: "130433" } }]],
      ["fuzeren.224001@demo.gongkai.test", [{ role: "UNIT_HEAD", unit: { code: "224001" }, department: null, region: null }]],
      ["shenji@demo.gongkai.test", [{ role: "AUDIT_ADMIN", unit: null, department: null, region: null }]],
      ["tianbao.224001@demo.gongkai.test", [{ role: "ACCOUNTANT", unit: { code: "224001" }, department: null, region: null }]],
    ]);
    for (const demo of DEMO_USERS) {
      expect(isAcceptablePassword(demo.password)).toBe(true);
      const hash = users.find((user) => user.email === demo.email)?.accounts[0]?.password ?? "";
      expect(hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(hash, demo.password)).toBe(true);
    }
  });

  it("is idempotent and leaves a changed password alone", async () => {
    await seedDemoUsers(prisma);
    const before = await prisma.account.findMany({ orderBy: { id: "asc" }, select: { id: true, password: true } });

    expect(await seedDemoUsers(prisma)).toBe(0);

    expect(await prisma.account.findMany({ orderBy: { id: "asc" }, select: { id: true, password: true } })).toEqual(before);
    expect(await prisma.roleAssignment.count()).toBe(DEMO_USERS.length);
  });
});
