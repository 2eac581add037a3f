import { createHash, randomUUID } from "node:crypto";
import { AppError } from "@/lib/app-error";
import { auditingAdminRefusals, type AdminRequest } from "@/lib/admin/admin-access";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { CREDENTIAL_PROVIDER } from "@/lib/auth/credential-store";
import { hashPassword } from "@/lib/auth/password-hash";
import type { Viewer } from "@/lib/auth/policies";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { rawField, requireAnySecurityAdministrator } from "../organisation-access";
import { planAccountImportFile } from "./account-import";
import { fileRefusal, isUniqueViolation, type ImportFile } from "./import-file";
import { generateInitialPassword } from "./initial-password";
import type { AccountImportPlan, AccountImportWrites } from "./plan-account-import";

/** A new account's one-time initial password, returned once to the administrator and stored only as its hash. */
export interface InitialCredential {
  name: string;
  email: string;
  password: string;
}

export interface AppliedAccountImport extends Omit<AccountImportPlan, "writes"> {
  credentials: InitialCredential[];
}

/**
 * 确认导入账户: writes the dry run's plan all or nothing in one transaction (any refused row refuses
 * the file). New accounts get a one-time initial password each (argon2id hash stored, the
 * password itself returned once) and must change it at first sign-in. Users, credentials and
 * roles are three set-based statements whatever the number of rows, plus one audit row
 * (`accounts.import`).
 */
export function applyAccountImport(
  db: DbClient,
  viewer: Viewer | null,
  raw: unknown,
  file: ImportFile,
  request: AdminRequest & { fingerprint?: string } = {},
): Promise<AppliedAccountImport> {
  const fileSha256 = createHash("sha256").update(file.bytes).digest("hex");
  const audit = { fileName: file.fileName.slice(0, 200), fileSha256 };
  return auditingAdminRefusals(db, viewer, { action: "accounts.import", objectType: "region", objectId: rawField(raw, "regionId"), clientAddress: request.clientAddress ?? null, details: audit }, async () => {
    const admin = requireAnySecurityAdministrator(viewer);
    try {
      return await db.$transaction(
        async (tx) => {
          const { writes, ...plan } = await planAccountImportFile(tx, admin, raw, file, true);
          if (plan.problems.length > 0) throw fileRefusal(plan.problems);
          if (request.fingerprint !== undefined && request.fingerprint !== plan.fingerprint) {
            throw new AppError("CONFLICT", "预览之后数据已有变化（可能有人修改了账户或角色）。请重新预览，核对后再确认导入。");
          }
          const credentials = await writeAccountImport(tx, admin.userId, writes);
          await writeAuditEvent(tx, {
            action: "accounts.import",
            result: "SUCCESS",
            userId: admin.userId,
            clientAddress: request.clientAddress ?? null,
            objectType: "region",
            objectId: plan.region.code,
            details: {
              ...audit,
              accountsCreated: writes.newUsers.map((u) => u.email).join(",").slice(0, 4000),
              rolesGranted: writes.newRoles.length,
              unchanged: plan.counts.unchanged,
            },
          });
          return { ...plan, credentials };
        },
        { timeout: 120_000 },
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", "导入期间有人创建了相同邮箱的账户，未导入任何数据。请重新预览后再确认。");
      throw error;
    }
  });
}

async function writeAccountImport(tx: DbReader, grantedById: string, writes: AccountImportWrites): Promise<InitialCredential[]> {
  const credentials: InitialCredential[] = [];
  const users: { id: string; email: string; name: string; hash: string }[] = [];
  for (const user of writes.newUsers) {
    const password = generateInitialPassword();
    credentials.push({ name: user.name, email: user.email, password });
    users.push({ id: randomUUID(), email: user.email, name: user.name, hash: await hashPassword(password) });
  }
  if (users.length > 0) {
    const json = JSON.stringify(users);
    await tx.$executeRaw`
      INSERT INTO users (id, name, email, email_verified, must_change_password, created_at, updated_at)
      SELECT u.id, u.name, u.email, true, true, now(), now()
      FROM jsonb_to_recordset(${json}::jsonb) AS u(id text, name text, email text)`;
    await tx.$executeRaw`
      INSERT INTO accounts (id, account_id, provider_id, user_id, password, created_at, updated_at)
      SELECT gen_random_uuid()::text, u.id, ${CREDENTIAL_PROVIDER}, u.id, u.hash, now(), now()
      FROM jsonb_to_recordset(${json}::jsonb) AS u(id text, hash text)`;
  }
  if (writes.newRoles.length > 0) {
    await tx.$executeRaw`
      INSERT INTO role_assignments (user_id, role, unit_id, department_id, region_id, granted_by_id, created_at)
      SELECT usr.id, r.role::role, r.unit_id, r.department_id, r.region_id, ${grantedById}, now()
      FROM jsonb_to_recordset(${JSON.stringify(writes.newRoles.map((r) => ({ email: r.email, role: r.role, unit_id: r.unitId, department_id: r.departmentId, region_id: r.regionId })))}::jsonb)
        AS r(email text, role text, unit_id int, department_id int, region_id int)
      JOIN users usr ON usr.email = r.email`;
  }
  return credentials;
}
