import type { FieldSpec } from "@/lib/spreadsheet/header-map";

/** The columns of a units file, found by header text (aliases as finance bureaus name them). */
export type UnitField = "unitCode" | "unitName" | "departmentCode" | "departmentName" | "nature" | "grade" | "fundingForm" | "duties" | "organisation";

export const UNIT_FIELDS: readonly FieldSpec<UnitField>[] = [
  { field: "unitCode", aliases: ["单位编码", "单位代码", "预算单位编码", "预算单位代码"], isRequired: true },
  { field: "unitName", aliases: ["单位名称", "预算单位名称", "单位全称"], isRequired: true },
  { field: "departmentCode", aliases: ["主管部门编码", "部门编码", "主管部门代码", "部门代码"], isRequired: true },
  { field: "departmentName", aliases: ["主管部门名称", "部门名称", "主管部门"], isRequired: false },
  { field: "nature", aliases: ["单位性质"], isRequired: false },
  { field: "grade", aliases: ["单位规格", "机构规格", "单位级别"], isRequired: false },
  { field: "fundingForm", aliases: ["经费保障形式", "经费形式", "经费供给方式"], isRequired: false },
  { field: "duties", aliases: ["单位职责", "主要职责", "职能职责"], isRequired: false },
  { field: "organisation", aliases: ["机构设置", "内设机构"], isRequired: false },
];

/** The header each unit field has in the template and in messages. */
export const UNIT_FIELD_HEADERS: Record<UnitField, string> = {
  unitCode: "单位编码",
  unitName: "单位名称",
  departmentCode: "主管部门编码",
  departmentName: "主管部门名称",
  nature: "单位性质",
  grade: "单位规格",
  fundingForm: "经费保障形式",
  duties: "单位职责",
  organisation: "机构设置",
};

/** The columns of an accounts file. */
export type AccountField = "name" | "email" | "role" | "scope";

export const ACCOUNT_FIELDS: readonly FieldSpec<AccountField>[] = [
  { field: "name", aliases: ["姓名", "用户姓名", "人员姓名"], isRequired: true },
  { field: "email", aliases: ["邮箱", "电子邮箱", "电子邮件", "邮件地址", "登录邮箱"], isRequired: true },
  { field: "role", aliases: ["角色", "角色名称", "用户角色"], isRequired: true },
  { field: "scope", aliases: ["范围", "适用范围", "范围编码", "所属单位编码", "管理范围"], isRequired: true },
];

export const ACCOUNT_FIELD_HEADERS: Record<AccountField, string> = {
  name: "姓名",
  email: "邮箱",
  role: "角色",
  scope: "范围",
};
