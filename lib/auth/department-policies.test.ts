import { describe, expect, it } from "vitest";
import { canPreviewDepartmentBudget, canPublishDepartmentBudget, type Viewer } from "./policies";

// Department 10 of region 100; unit 1 belongs to it. Another department (20) and region (200) exist.
const DEPARTMENT = { departmentId: 10, regionId: 100 };
const viewer = (...roles: Viewer["roles"]): Viewer => ({ userId: "u", roles });

/** [viewer, may publish, may preview] */
const TABLE: [string, Viewer | null, boolean, boolean][] = [
  ["anonymous", null, false, false],
  ["no roles", viewer(), false, false],
  ["accountant of a unit of the department", viewer({ role: "ACCOUNTANT", unitId: 1 }), false, false],
  ["accountant of a unit elsewhere", viewer({ role: "ACCOUNTANT", unitId: 2 }), false, false],
  ["reviewer of the department", viewer({ role: "DEPARTMENT_REVIEWER", departmentId: 10 }), true, true],
  ["reviewer of another department", viewer({ role: "DEPARTMENT_REVIEWER", departmentId: 20 }), false, false],
  ["finance reviewer of the region", viewer({ role: "FINANCE_REVIEWER", regionId: 100 }), false, true],
  ["finance reviewer of another region", viewer({ role: "FINANCE_REVIEWER", regionId: 200 }), false, false],
  ["global administrator", viewer({ role: "ADMIN" }), false, false],
  ["administrator of the region", viewer({ role: "ADMIN", regionId: 100 }), false, false],
  [
    "accountant of a unit who also reviews the department",
    viewer({ role: "ACCOUNTANT", unitId: 1 }, { role: "DEPARTMENT_REVIEWER", departmentId: 10 }),
    true,
    true,
  ],
];

describe("department budget (部门预算) policies", () => {
  it.each(TABLE)("%s: publish → %s, preview → %s", (_name, who, mayPublish, mayPreview) => {
    expect(canPublishDepartmentBudget(who, DEPARTMENT)).toBe(mayPublish);
    expect(canPreviewDepartmentBudget(who, DEPARTMENT)).toBe(mayPreview);
  });
});
