import type { DbClient } from "@/lib/budgets/db-client";
import { guantao2024Budget } from "@/lib/demo/guantao-2024";
import type { DocumentRenderers } from "@/lib/publication/publish-budget";
import { publishDepartmentBudgetAsSystem } from "./publish-department-budget";
import { APPROVED_STATUSES } from "./queries";

/**
 * The demo department's (224, 中共馆陶县委网络安全和信息化委员会办公室) 2024 部门预算: published by the
 * seed once every unit of the department has an approved budget (the demo has one unit, 224001)
 * and it was never published. Idempotent. Returns whether this run published it.
 */
export async function seedDemoDepartment(db: DbClient, renderers: DocumentRenderers): Promise<boolean> {
  const { department, region, year } = guantao2024Budget;
  const found = await db.$transaction((tx) =>
    tx.department.findFirst({
      where: { code: department.code, region: { code: region.code } },
      select: {
        id: true,
        departmentSnapshots: { where: { year }, select: { id: true }, take: 1 },
        units: { select: { budgets: { where: { year, status: { in: [...APPROVED_STATUSES] } }, select: { id: true }, take: 1 } } },
      },
    }),
  );
  if (found === null || found.departmentSnapshots.length > 0 || found.units.length === 0) return false;
  if (found.units.some((unit) => unit.budgets.length === 0)) return false;
  await publishDepartmentBudgetAsSystem(db, { departmentId: found.id, year }, renderers);
  return true;
}
