import { randomUUID } from "node:crypto";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { authSecretKey } from "@/lib/auth/auth";
import { storePassword } from "@/lib/auth/credential-store";
import { storeEnrolledTotp } from "@/lib/auth/totp-secret";
import { DEMO_REGION_CODE, DEMO_USERS, type DemoScope } from "./demo-users";

/**
 * Creates the demo accounts with their roles after the demo data (seedDemo) exists. Part of the
 * demo, which lib/demo/load-demo.ts loads into an empty database only (never with
 * GONGKAI_DEMO=false). Returns how many accounts were created.
 */
export async function seedDemoUsers(db: DbClient): Promise<number> {
  // The demo accounts come with their public TOTP secrets, enrolled (README); encrypted with the auth secret.
  const key = await authSecretKey();
  return db.$transaction(
    async (tx) => {
      let count = 0;
      for (const demo of DEMO_USERS) {
        const scope = await resolveScope(tx, demo.scope);
        const existing = await tx.user.findUnique({ where: { email: demo.email }, select: { id: true } });
        const userId = existing?.id ?? randomUUID();
        if (existing === null) {
          await tx.user.create({ data: { id: userId, email: demo.email, name: demo.name, emailVerified: true }, select: { id: true } });
          await storePassword(tx, userId, demo.password);
          await storeEnrolledTotp(tx, userId, demo.totpSecret, key);
          count += 1;
        }
        const hasRole = await tx.roleAssignment.findFirst({ where: { userId, role: demo.role, ...scope }, select: { id: true } });
        if (hasRole === null) await tx.roleAssignment.create({ data: { userId, role: demo.role, ...scope }, select: { id: true } });
      }
      return count;
    },
    { timeout: 30_000 },
  );
}

async function resolveScope(
  tx: DbReader,
  scope: DemoScope,
): Promise<{ unitId?: number; departmentId?: number; regionId?: number }> {
  if ("global" in scope) return {};
  const regionCode = "regionCode" in scope ? scope.regionCode : DEMO_REGION_CODE;
  const region = await tx.region.findUnique({ where: { code: regionCode }, select: { id: true } });
  if (region === null) throw new Error(`demo accounts need the demo region ${regionCode}; run the demo data seed first`);
  if ("regionCode" in scope) return { regionId: region.id };
  if ("departmentCode" in scope) {
    const department = await tx.department.findUnique({
      where: { regionId_code: { regionId: region.id, code: scope.departmentCode } },
      select: { id: true },
    });
    if (department === null) throw new Error(`demo department ${scope.departmentCode} is missing; run the demo data seed first`);
    return { departmentId: department.id };
  }
  const unit = await tx.unit.findUnique({
    where: { regionId_code: { regionId: region.id, code: scope.unitCode } },
    select: { id: true },
  });
  if (unit === null) throw new Error(`demo unit ${scope.unitCode} is missing; run the demo data seed first`);
  return { unitId: unit.id };
}
