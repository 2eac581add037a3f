import ExcelJS from "exceljs";
import { ACCOUNT_FIELD_HEADERS, ACCOUNT_FIELDS, UNIT_FIELD_HEADERS, UNIT_FIELDS } from "./import-columns";

interface TemplateSpec {
  sheet: string;
  headers: { header: string; width: number; note: string }[];
}

const UNIT_NOTES: Record<string, string> = {
  unitCode: "必填。数字，通常为部门编码加 3 位，例如 224001（001 为本级）。",
  unitName: "必填。单位全称。",
  departmentCode: "必填。数字，例如 224。",
  departmentName: "系统中没有该部门时必填（将新建该部门）；已有部门时须与系统中的名称一致。",
  nature: "例如 行政、事业、参公。",
  grade: "例如 正科级。",
  fundingForm: "例如 财政拨款、财政补助。",
  duties: "每条职责一行（单元格内换行）。",
  organisation: "内设机构等说明。",
};

const ACCOUNT_NOTES: Record<string, string> = {
  name: "必填。",
  email: "必填。登录用的邮箱；同一人有多个角色时，每个角色一行，邮箱相同。",
  role: "必填。单位填报人、主管部门审核人、财政部门审核人或系统管理员。",
  scope: "必填。单位填报人填单位编码，主管部门审核人填部门编码，财政部门审核人和系统管理员填行政区划代码。",
};

const UNITS: TemplateSpec = {
  sheet: "单位",
  headers: UNIT_FIELDS.map((spec) => ({ header: UNIT_FIELD_HEADERS[spec.field], width: spec.field === "unitName" || spec.field === "duties" ? 36 : 16, note: UNIT_NOTES[spec.field] ?? "" })),
};
const ACCOUNTS: TemplateSpec = {
  sheet: "账户",
  headers: ACCOUNT_FIELDS.map((spec) => ({ header: ACCOUNT_FIELD_HEADERS[spec.field], width: spec.field === "email" ? 32 : 18, note: ACCOUNT_NOTES[spec.field] ?? "" })),
};

/** An empty import template: the header row on the first sheet, what each column takes on a second. */
async function buildTemplate(spec: TemplateSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Gongkai";
  const sheet = workbook.addWorksheet(spec.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = spec.headers.map((h) => ({ header: h.header, width: h.width }));
  sheet.getRow(1).font = { bold: true };
  // Codes are text: a leading zero or a 12-digit code must not become a number.
  spec.headers.forEach((_, index) => {
    sheet.getColumn(index + 1).numFmt = "@";
  });
  const notes = workbook.addWorksheet("填写说明");
  notes.columns = [
    { header: "列", width: 18 },
    { header: "填写说明", width: 90 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const h of spec.headers) notes.addRow([h.header, h.note]);
  notes.addRow([]);
  notes.addRow(["", "列可以按其他顺序排列，表头也可用常见的别名（如“单位代码”“部门编码”）。不要使用公式、合并单元格或隐藏工作表。"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function buildUnitTemplate(): Promise<Uint8Array> {
  return buildTemplate(UNITS);
}

export function buildAccountTemplate(): Promise<Uint8Array> {
  return buildTemplate(ACCOUNTS);
}
