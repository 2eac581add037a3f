import { z } from "zod";
import { ROLE_LABELS } from "@/lib/auth/role-labels";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SpreadsheetProblem } from "@/lib/spreadsheet/read-spreadsheet";
import type { AccountField } from "./import-columns";
import { fieldText, rowProblem, type ImportSheet } from "./select-import-sheet";

/** One role of one person as a file states it (a person with several roles has several rows). */
export interface AccountRow {
  row: number;
  name: string;
  /** lower-cased */
  email: string;
  role: Role;
  /** a unit code (单位填报人), a department code (主管部门审核人) or a region code (财政部门审核人, 系统管理员) */
  scopeCode: string;
}

/** The role names a file may use: the interface's labels, and the short forms bureaus write. */
const ROLE_NAMES: ReadonlyMap<string, Role> = new Map<string, Role>([
  ...(Object.entries(ROLE_LABELS) as [Role, string][]).map(([role, label]): [string, Role] => [label, role]),
  ["填报人", "ACCOUNTANT"],
  ["部门审核人", "DEPARTMENT_REVIEWER"],
  ["财政审核人", "FINANCE_REVIEWER"],
  ["管理员", "ADMIN"],
]);

const emailSchema = z.email();

/** Reads the account rows of an import sheet (pure), every problem named by sheet, row and column. */
export function parseAccountRows(sheet: ImportSheet<AccountField>): { rows: AccountRow[]; problems: SpreadsheetProblem[] } {
  const rows: AccountRow[] = [];
  const problems: SpreadsheetProblem[] = [];
  const nameOfEmail = new Map<string, { name: string; row: number }>();
  const seen = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const rowProblems: SpreadsheetProblem[] = [];
    const refuse = (field: AccountField, reason: string) => rowProblems.push(rowProblem(sheet, row, field, reason));
    const name = fieldText(sheet, cells, "name");
    if (name === "") refuse("name", "姓名为空。");
    else if (name.length > 50) refuse("name", "姓名最多 50 个字符。");
    const email = fieldText(sheet, cells, "email").toLowerCase();
    if (email === "") refuse("email", "邮箱为空。");
    else if (email.length > 200 || !emailSchema.safeParse(email).success) refuse("email", `邮箱“${email}”格式不正确，例如 zhang.san@example.gov.cn。`);
    const roleText = fieldText(sheet, cells, "role").replace(/\s+/g, "");
    const role = ROLE_NAMES.get(roleText);
    if (roleText === "") refuse("role", "角色为空。");
    else if (role === undefined) refuse("role", `角色“${roleText}”无法识别：应为${Object.values(ROLE_LABELS).map((label) => `“${label}”`).join("、")}之一。`);
    const scopeCode = fieldText(sheet, cells, "scope");
    if (scopeCode === "") refuse("scope", "范围为空：单位填报人填单位编码，主管部门审核人填部门编码，财政部门审核人和系统管理员填行政区划代码。");
    else if (!/^\d{1,20}$/.test(scopeCode)) refuse("scope", `范围“${scopeCode}”应为单位编码、部门编码或行政区划代码（数字）。`);
    if (email !== "" && name !== "") {
      const named = nameOfEmail.get(email);
      if (named !== undefined && named.name !== name) refuse("name", `邮箱 ${email} 在第 ${named.row + 1} 行的姓名为“${named.name}”，此处为“${name}”，请统一。`);
      else if (named === undefined) nameOfEmail.set(email, { name, row });
    }
    if (role !== undefined && email !== "" && scopeCode !== "") {
      const key = `${email}|${role}|${scopeCode}`;
      const first = seen.get(key);
      if (first !== undefined) refuse("email", `与第 ${first + 1} 行重复（同一邮箱、角色和范围）。`);
      else seen.set(key, row);
    }
    if (rowProblems.length > 0 || role === undefined) {
      problems.push(...rowProblems);
      continue;
    }
    rows.push({ row, name, email, role, scopeCode });
  }
  return { rows, problems };
}
