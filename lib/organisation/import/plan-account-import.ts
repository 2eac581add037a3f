import { createHash } from "node:crypto";
import { separationOfDutiesConflict } from "@/lib/auth/policies";
import { ROLE_LABELS } from "@/lib/auth/role-labels";
import type { DbReader } from "@/lib/budgets/db-client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SpreadsheetProblem } from "@/lib/spreadsheet/read-spreadsheet";
import type { AccountRow } from "./parse-account-rows";

/** One row of the accounts dry run. */
export interface AccountPlanRow {
  rowNumber: number;
  name: string;
  email: string;
  roleLabel: string;
  scopeLabel: string;
  /** whether the person gets a new account (with a one-time initial password) */
  isNewAccount: boolean;
  outcome: "new" | "unchanged";
}

export interface RoleWrite {
  email: string;
  role: Role;
  unitId: number | null;
  departmentId: number | null;
  regionId: number | null;
}

export interface AccountImportWrites {
  newUsers: { email: string; name: string }[];
  newRoles: RoleWrite[];
}

export interface AccountImportPlan {
  region: { id: number; code: string; name: string };
  rows: AccountPlanRow[];
  problems: SpreadsheetProblem[];
  counts: { accountsCreated: number; rolesGranted: number; unchanged: number; refused: number };
  fingerprint: string;
  writes: AccountImportWrites;
}

interface ResolvedScope {
  unitId: number | null;
  departmentId: number | null;
  regionId: number | null;
  /** the region the role is exercised in, for the separation of duties */
  inRegion: number;
  label: string;
}

/**
 * Compares a file's account rows with the accounts and the organisation of the region and its
 * sub-regions (four queries) and decides what an import writes. A scope must be a unit (单位填报人)
 * or department (主管部门审核人) of the region, or the region or a sub-region (财政部门审核人,
 * 系统管理员). Nobody may keep the books of a unit and review in the same region (不相容岗位分离),
 * counting the roles they hold already.
 */
export async function planAccountImport(
  tx: DbReader,
  region: { id: number; code: string; name: string },
  sheetName: string,
  rows: readonly AccountRow[],
  fileProblems: readonly SpreadsheetProblem[],
): Promise<AccountImportPlan> {
  const codes = [...new Set(rows.map((row) => row.scopeCode))];
  const emails = [...new Set(rows.map((row) => row.email))];
  const [units, departments, regions, users] = await Promise.all([
    tx.unit.findMany({ where: { regionId: region.id, code: { in: codes } }, select: { id: true, code: true, name: true, deactivatedAt: true } }),
    tx.department.findMany({ where: { regionId: region.id, code: { in: codes } }, select: { id: true, code: true, name: true } }),
    tx.$queryRaw<{ id: number; code: string; name: string }[]>`
      WITH RECURSIVE tree AS (
        SELECT id, code, name, 0 AS depth FROM regions WHERE id = ${region.id}
        UNION ALL
        SELECT r.id, r.code, r.name, t.depth + 1 FROM regions r JOIN tree t ON r.parent_id = t.id WHERE t.depth < 10
      )
      SELECT id, code, name FROM tree`,
    tx.user.findMany({
      where: { email: { in: emails } },
      select: {
        id: true,
        email: true,
        roleAssignments: { select: { role: true, unitId: true, departmentId: true, regionId: true, unit: { select: { regionId: true } }, department: { select: { regionId: true } } } },
      },
    }),
  ]);
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const departmentByCode = new Map(departments.map((d) => [d.code, d]));
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  const userByEmail = new Map(users.map((u) => [u.email, u]));
  const problems: SpreadsheetProblem[] = [...fileProblems];
  const refuse = (row: AccountRow, reason: string) =>
    problems.push({ sheet: sheetName, row: row.row, column: null, message: `工作表“${sheetName}”第 ${row.row + 1} 行：${reason}` });

  const resolve = (row: AccountRow): ResolvedScope | string => {
    switch (row.role) {
      case "ACCOUNTANT":
      case "UNIT_HEAD": {
        const unit = unitByCode.get(row.scopeCode);
        if (unit === undefined) return `范围 ${row.scopeCode} 不是${region.name}的单位编码（${ROLE_LABELS[row.role]}的范围填单位编码）。`;
        if (unit.deactivatedAt !== null) return `单位 ${unit.code} ${unit.name} 已停用，不能再分配${ROLE_LABELS[row.role]}。`;
        return { unitId: unit.id, departmentId: null, regionId: null, inRegion: region.id, label: `单位 ${unit.code} ${unit.name}` };
      }
      case "DEPARTMENT_REVIEWER": {
        const department = departmentByCode.get(row.scopeCode);
        if (department === undefined) return `范围 ${row.scopeCode} 不是${region.name}的主管部门编码（主管部门审核人的范围填部门编码）。`;
        return { unitId: null, departmentId: department.id, regionId: null, inRegion: region.id, label: `部门 ${department.code} ${department.name}` };
      }
      case "AUDIT_ADMIN":
        return "审计管理员的适用范围是全部地区（审计日志不按地区划分），不能按地区导入：请由全局安全管理员在“账户管理”中授予。";
      case "FINANCE_REVIEWER":
      case "ADMIN":
      case "SECURITY_ADMIN": {
        const scope = regionByCode.get(row.scopeCode);
        if (scope === undefined) return `范围 ${row.scopeCode} 不是${region.name}或其下级地区的行政区划代码（${ROLE_LABELS[row.role]}的范围填行政区划代码）。`;
        return { unitId: null, departmentId: null, regionId: scope.id, inRegion: scope.id, label: `${scope.name}（${scope.code}）` };
      }
    }
  };

  // The roles each person will hold, existing and planned, by region: for the separation of duties
  // (三员分立 and 不相容岗位分离, separationOfDutiesConflict; ADR 0022).
  const heldBy = new Map<string, { role: Role; regionId: number | null; row: AccountRow | null }[]>();
  const holdings = (email: string) => {
    let entry = heldBy.get(email);
    if (entry === undefined) heldBy.set(email, (entry = []));
    return entry;
  };
  for (const user of users) {
    for (const a of user.roleAssignments) holdings(user.email).push({ role: a.role, regionId: a.unit?.regionId ?? a.department?.regionId ?? a.regionId, row: null });
  }
  const resolved: { row: AccountRow; scope: ResolvedScope }[] = [];
  for (const row of rows) {
    const scope = resolve(row);
    if (typeof scope === "string") {
      refuse(row, scope);
      continue;
    }
    holdings(row.email).push({ role: row.role, regionId: scope.inRegion, row });
    resolved.push({ row, scope });
  }

  const planRows: AccountPlanRow[] = [];
  const writes: AccountImportWrites = { newUsers: [], newRoles: [] };
  const newUserEmails = new Set<string>();
  for (const { row, scope } of resolved) {
    const others = holdings(row.email).filter((held) => held.row !== row);
    const conflict = separationOfDutiesConflict(others, { role: row.role, regionId: scope.inRegion });
    if (conflict !== null) {
      refuse(row, `${row.name}（${row.email}）${regionName.get(scope.inRegion) ?? region.name}：${conflict}`);
      continue;
    }
    const user = userByEmail.get(row.email);
    const hasRole = user?.roleAssignments.some(
      (a) => a.role === row.role && a.unitId === scope.unitId && a.departmentId === scope.departmentId && a.regionId === scope.regionId,
    );
    if (user === undefined && !newUserEmails.has(row.email)) {
      newUserEmails.add(row.email);
      writes.newUsers.push({ email: row.email, name: row.name });
    }
    if (hasRole !== true) writes.newRoles.push({ email: row.email, role: row.role, unitId: scope.unitId, departmentId: scope.departmentId, regionId: scope.regionId });
    planRows.push({
      rowNumber: row.row + 1,
      name: row.name,
      email: row.email,
      roleLabel: ROLE_LABELS[row.role],
      scopeLabel: scope.label,
      isNewAccount: user === undefined,
      outcome: hasRole === true ? "unchanged" : "new",
    });
  }
  return {
    region,
    rows: planRows,
    problems,
    counts: {
      accountsCreated: writes.newUsers.length,
      rolesGranted: writes.newRoles.length,
      unchanged: planRows.filter((row) => row.outcome === "unchanged").length,
      refused: problems.length,
    },
    fingerprint: createHash("sha256").update(JSON.stringify({ region: region.id, writes })).digest("hex"),
    writes,
  };
}
