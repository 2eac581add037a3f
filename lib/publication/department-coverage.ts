import type { Fen } from "@/lib/disclosure/types";

/**
 * The units a department's 部门预算 sums, in unit code order (SnapshotContent.department; see
 * lib/department/ and docs/decisions/0011-department-budgets.md).
 */
export interface DepartmentCoverage {
  units: {
    code: string;
    name: string;
    /** 单位性质, 单位规格, 经费保障形式 as the unit's budget states them */
    nature: string;
    grade: string;
    fundingForm: string;
    /** the budget version summed (the newest approved one) */
    budgetVersion: number;
    /** ISO date of that version's 批复 */
    approvedAt: string | null;
    /** 收支总计 of that unit */
    total: Fen;
  }[];
}
