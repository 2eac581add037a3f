import { fieldErrorsOf } from "@/lib/action";
import { AppError } from "@/lib/app-error";
import type { AuditDetails } from "@/lib/audit/write-audit-event";
import type { RoleInRegion, Viewer } from "@/lib/auth/policies";
import { auditingRefusals } from "@/lib/budgets/budget-access";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import type { z } from "zod";
import type { ScopeRef } from "./admin-schemas";

/** Parses a use case's input, refusing with the Chinese field messages (nothing is written). */
export function parseAdminInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "请检查标出的内容后重新提交。", fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** Where an administration request came from, for its audit row (server actions pass the client address). */
export interface AdminRequest {
  clientAddress?: string | null;
}

export function requireSignedIn(viewer: Viewer | null): Viewer {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  return viewer;
}

/**
 * Runs an administration use case and audits a refusal in a transaction of its own (the use
 * case's transaction rolled back), exactly as auditingRefusals does for budgets.
 */
export function auditingAdminRefusals<T>(
  db: DbClient,
  viewer: Viewer | null,
  event: { action: string; objectType: string; objectId?: string; clientAddress?: string | null; details: AuditDetails },
  run: () => Promise<T>,
): Promise<T> {
  return auditingRefusals(db, viewer, event, run);
}

export interface ResolvedScope {
  /** the region the role applies in; undefined for a global administrator */
  regionId: number | undefined;
  columns: { unitId?: number; departmentId?: number; regionId?: number };
  label: string;
}

/** Where a scope reference points, with its region; NOT_FOUND when it does not exist. */
export async function resolveScope(tx: DbReader, scope: ScopeRef): Promise<ResolvedScope> {
  const missing = () => new AppError("NOT_FOUND", "所选的适用范围不存在，请刷新后重新选择。", { scope: ["所选的适用范围不存在。"] });
  switch (scope.kind) {
    case "global":
      return { regionId: undefined, columns: {}, label: "全部地区" };
    case "region": {
      const region = await tx.region.findUnique({ where: { id: scope.id }, select: { id: true, code: true, name: true } });
      if (region === null) throw missing();
      return { regionId: region.id, columns: { regionId: region.id }, label: `${region.name}（${region.code}）` };
    }
    case "department": {
      const department = await tx.department.findUnique({ where: { id: scope.id }, select: { id: true, code: true, name: true, regionId: true } });
      if (department === null) throw missing();
      return { regionId: department.regionId, columns: { departmentId: department.id }, label: `部门 ${department.code} ${department.name}` };
    }
    case "unit": {
      const unit = await tx.unit.findUnique({ where: { id: scope.id }, select: { id: true, code: true, name: true, regionId: true } });
      if (unit === null) throw missing();
      return { regionId: unit.regionId, columns: { unitId: unit.id }, label: `单位 ${unit.code} ${unit.name}` };
    }
  }
}

/** The region a stored role assignment applies in (undefined: global). */
export async function regionOfAssignment(
  tx: DbReader,
  assignment: { unitId: number | null; departmentId: number | null; regionId: number | null },
): Promise<ResolvedScope> {
  if (assignment.unitId !== null) return resolveScope(tx, { kind: "unit", id: assignment.unitId });
  if (assignment.departmentId !== null) return resolveScope(tx, { kind: "department", id: assignment.departmentId });
  if (assignment.regionId !== null) return resolveScope(tx, { kind: "region", id: assignment.regionId });
  return resolveScope(tx, { kind: "global" });
}

/** The roles an account holds, each with the region it is exercised in, for separation of duties. */
export async function rolesInRegions(tx: DbReader, userId: string): Promise<RoleInRegion[]> {
  const assignments = await tx.roleAssignment.findMany({
    where: { userId },
    select: { role: true, regionId: true, unit: { select: { regionId: true } }, department: { select: { regionId: true } } },
  });
  return assignments.map((a) => ({ role: a.role, regionId: a.unit?.regionId ?? a.department?.regionId ?? a.regionId }));
}

/** Whether an error is the database's separation-of-duties trigger (migration 20261209020000) refusing a role. */
export function isSeparationOfDutiesViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify(error)}` : String(error);
  return text.includes("separation of duties");
}
