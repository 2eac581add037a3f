import { createHash } from "node:crypto";
import { AppError } from "@/lib/app-error";
import { auditingAdminRefusals, type AdminRequest } from "@/lib/admin/admin-access";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Viewer } from "@/lib/auth/policies";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { rawField, requireAnyAdministrator } from "../organisation-access";
import { fileRefusal, isUniqueViolation, type ImportFile } from "./import-file";
import type { UnitImportPlan, UnitImportWrites } from "./plan-unit-import";
import { planUnitImportFile } from "./unit-import";

export type AppliedUnitImport = Omit<UnitImportPlan, "writes">;

/** Codes listed in the audit row, shortened so one import stays one readable row. */
const listed = (codes: readonly string[]) => (codes.length > 200 ? `${codes.slice(0, 200).join(",")} …（共 ${codes.length} 个）` : codes.join(","));

/**
 * 确认导入: re-reads the file and writes the dry run's plan, all or nothing, in one transaction:
 * any refused row refuses the whole file. The writes are three set-based statements whatever the
 * number of rows (new departments, new units, changed units), plus one audit row
 * (`organisation.import`) naming the file's sha256 and the codes written. When `fingerprint` is
 * given, the plan must still be the one the administrator saw.
 */
export function applyUnitImport(
  db: DbClient,
  viewer: Viewer | null,
  raw: unknown,
  file: ImportFile,
  request: AdminRequest & { fingerprint?: string } = {},
): Promise<AppliedUnitImport> {
  const fileSha256 = createHash("sha256").update(file.bytes).digest("hex");
  const audit = { fileName: file.fileName.slice(0, 200), fileSha256 };
  return auditingAdminRefusals(db, viewer, { action: "organisation.import", objectType: "region", objectId: rawField(raw, "regionId"), clientAddress: request.clientAddress ?? null, details: audit }, async () => {
    const admin = requireAnyAdministrator(viewer);
    try {
      return await db.$transaction(
        async (tx) => {
          const { writes, ...plan } = await planUnitImportFile(tx, admin, raw, file, true);
          if (plan.problems.length > 0) throw fileRefusal(plan.problems);
          if (request.fingerprint !== undefined && request.fingerprint !== plan.fingerprint) {
            throw new AppError("CONFLICT", "预览之后数据已有变化（可能有人修改了单位或部门）。请重新预览，核对后再确认导入。");
          }
          await writeUnitImport(tx, plan.region.id, writes);
          await writeAuditEvent(tx, {
            action: "organisation.import",
            result: "SUCCESS",
            userId: admin.userId,
            clientAddress: request.clientAddress ?? null,
            objectType: "region",
            objectId: plan.region.code,
            details: {
              ...audit,
              departmentsCreated: listed(writes.newDepartments.map((d) => d.code)),
              unitsCreated: listed(writes.newUnits.map((u) => u.code)),
              unitsChanged: listed(writes.changedUnits.map((u) => u.code)),
              unitsUnchanged: plan.counts.unitsUnchanged,
            },
          });
          return plan;
        },
        { timeout: 120_000 },
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", "导入期间有人新增了相同编码的部门或单位，未导入任何数据。请重新预览后再确认。");
      throw error;
    }
  });
}

/** The plan's writes as three statements, each over a JSON array (one parameter, any number of rows). */
async function writeUnitImport(tx: DbReader, regionId: number, writes: UnitImportWrites): Promise<void> {
  if (writes.newDepartments.length > 0) {
    await tx.$executeRaw`
      INSERT INTO departments (region_id, code, name, has_department_review, created_at, updated_at)
      SELECT ${regionId}, d.code, d.name, false, now(), now()
      FROM jsonb_to_recordset(${JSON.stringify(writes.newDepartments)}::jsonb) AS d(code text, name text)`;
  }
  const rows = (units: UnitImportWrites["newUnits"]) =>
    JSON.stringify(units.map((u) => ({ ...u, funding_form: u.fundingForm, department_code: u.departmentCode })));
  if (writes.newUnits.length > 0) {
    await tx.$executeRaw`
      INSERT INTO units (region_id, department_id, code, name, nature, grade, funding_form, duties, organisation, created_at, updated_at)
      SELECT ${regionId}, dep.id, u.code, u.name, u.nature, u.grade, u.funding_form, ARRAY(SELECT jsonb_array_elements_text(u.duties)), u.organisation, now(), now()
      FROM jsonb_to_recordset(${rows(writes.newUnits)}::jsonb)
        AS u(code text, name text, department_code text, nature text, grade text, funding_form text, duties jsonb, organisation text)
      JOIN departments dep ON dep.region_id = ${regionId} AND dep.code = u.department_code`;
  }
  if (writes.changedUnits.length > 0) {
    await tx.$executeRaw`
      UPDATE units AS t
      SET department_id = dep.id, name = u.name, nature = u.nature, grade = u.grade, funding_form = u.funding_form,
          duties = ARRAY(SELECT jsonb_array_elements_text(u.duties)), organisation = u.organisation, updated_at = now()
      FROM jsonb_to_recordset(${rows(writes.changedUnits)}::jsonb)
        AS u(id int, name text, department_code text, nature text, grade text, funding_form text, duties jsonb, organisation text)
      JOIN departments dep ON dep.region_id = ${regionId} AND dep.code = u.department_code
      WHERE t.id = u.id AND t.region_id = ${regionId}`;
  }
}
