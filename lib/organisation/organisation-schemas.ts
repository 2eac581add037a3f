import { z } from "zod";

/** Input of the organisation administration use cases (regions, departments, units), with Chinese messages per field. */

export const REGION_LEVELS = ["PROVINCE", "CITY", "COUNTY", "TOWNSHIP"] as const;
export type RegionLevelValue = (typeof REGION_LEVELS)[number];

export const REGION_LEVEL_LABELS: Record<RegionLevelValue, string> = {
  PROVINCE: "省",
  CITY: "市",
  COUNTY: "县/区",
  TOWNSHIP: "乡镇/街道",
};

/** The level a region of each level may sit under (省 has none; a 县 may sit under a 省 as 省直管县). */
export const PARENT_LEVELS: Record<RegionLevelValue, readonly RegionLevelValue[]> = {
  PROVINCE: [],
  CITY: ["PROVINCE"],
  COUNTY: ["CITY", "PROVINCE"],
  TOWNSHIP: ["COUNTY"],
};

const trimmed = (label: string, max: number) =>
  z
    .string({ error: `请输入${label}。` })
    .trim()
    .min(1, `请输入${label}。`)
    .max(max, `${label}最多 ${max} 个字符。`);

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}无效。` })
    .trim()
    .max(max, `${label}最多 ${max} 个字符。`)
    .optional()
    .transform((value) => value ?? "");

/** A checkbox posts "on"; the CLI and the importer pass booleans or 是/否. */
const flag = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value) => value === true || (typeof value === "string" && ["on", "true", "1", "是"].includes(value.trim())));

const idOf = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);

/** 行政区划代码: 6 digits for 省/市/县, 9 or 12 digits for 乡镇. */
export function regionCodeProblem(level: RegionLevelValue, code: string): string | null {
  if (level === "TOWNSHIP") return /^(\d{9}|\d{12})$/.test(code) ? null : "乡镇的行政区划代码应为 9 位或 12 位数字，例如 130433100。";
  if (!/^\d{6}$/.test(code)) return "行政区划代码应为 6 位数字，例如 130433。";
  if (level === "PROVINCE" && !code.endsWith("0000")) return "省级行政区划代码以 0000 结尾，例如 130000。";
  if (level === "CITY" && !code.endsWith("00")) return "市级行政区划代码以 00 结尾，例如 130400。";
  return null;
}

/** The digits a child's code starts with: a 6-digit code without its trailing 00 pairs ("130400" → "1304"). */
export function regionCodePrefix(parentCode: string): string {
  return parentCode.length === 6 ? parentCode.replace(/(00)+$/, "") : parentCode;
}

export const createRegionSchema = z
  .object({
    code: trimmed("行政区划代码", 12),
    name: trimmed("地区名称", 50),
    level: z.enum(REGION_LEVELS, { error: "请选择级别。" }),
    /** the parent's id; empty for a top-level region (a province, or a county deployed on its own) */
    parentId: z
      .union([z.literal(""), idOf("上级地区无效。")])
      .optional()
      .transform((value) => (value === "" || value === undefined ? null : value)),
  })
  .superRefine((input, context) => {
    const problem = regionCodeProblem(input.level, input.code);
    if (problem !== null) context.addIssue({ code: "custom", path: ["code"], message: problem });
    if (input.level === "PROVINCE" && input.parentId !== null) context.addIssue({ code: "custom", path: ["parentId"], message: "省级地区没有上级地区。" });
  });
export type CreateRegionInput = z.output<typeof createRegionSchema>;

export const updateRegionSchema = z.object({
  regionId: idOf("地区编号无效。"),
  name: trimmed("地区名称", 50),
});
export type UpdateRegionInput = z.output<typeof updateRegionSchema>;

/** 部门编码 and 单位编码: digits (a department's code starts its units' codes). */
const departmentCode = trimmed("部门编码", 12).pipe(z.string().regex(/^\d{1,12}$/, "部门编码应为 1–12 位数字，例如 224。"));
const unitCode = trimmed("单位编码", 20).pipe(z.string().regex(/^\d{3,20}$/, "单位编码应为 3–20 位数字，例如 224001。"));

export const createDepartmentSchema = z.object({
  regionId: idOf("请选择地区。"),
  code: departmentCode,
  name: trimmed("部门名称", 100),
  hasDepartmentReview: flag,
});
export type CreateDepartmentInput = z.output<typeof createDepartmentSchema>;

export const updateDepartmentSchema = z.object({
  departmentId: idOf("部门编号无效。"),
  name: trimmed("部门名称", 100),
  hasDepartmentReview: flag,
});
export type UpdateDepartmentInput = z.output<typeof updateDepartmentSchema>;

/** 单位职责: one duty per line in a form; the CLI passes the same text. */
const duties = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (Array.isArray(value) ? value : (value ?? "").split(/\r?\n/)).map((line) => line.trim()).filter((line) => line.length > 0))
  .pipe(z.array(z.string().max(500, "每条单位职责最多 500 个字符。")).max(50, "单位职责最多 50 条。"));

const unitProfile = {
  name: trimmed("单位名称", 100),
  nature: optionalText("单位性质", 20),
  grade: optionalText("单位规格", 20),
  fundingForm: optionalText("经费保障形式", 20),
  duties,
  organisation: optionalText("机构设置", 5000),
};

export const createUnitSchema = z.object({
  departmentId: idOf("请选择主管部门。"),
  code: unitCode,
  ...unitProfile,
});
export type CreateUnitInput = z.output<typeof createUnitSchema>;

export const updateUnitSchema = z.object({
  unitId: idOf("单位编号无效。"),
  departmentId: idOf("请选择主管部门。"),
  ...unitProfile,
});
export type UpdateUnitInput = z.output<typeof updateUnitSchema>;

export const unitIdSchema = z.object({ unitId: idOf("单位编号无效。") });
export type UnitIdInput = z.output<typeof unitIdSchema>;
