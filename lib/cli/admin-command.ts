import { parseArgs } from "node:util";
import { bootstrapAccount } from "@/lib/admin/bootstrap-account";
import { ROLE_VALUES } from "@/lib/admin/admin-schemas";
import { AppError } from "@/lib/app-error";
import { generateInitialPassword } from "@/lib/auth/generate-password";
import { ROLE_LABELS } from "@/lib/auth/role-labels";
import type { DbClient } from "@/lib/budgets/db-client";
import { describeArgError, type CliIo } from "./run-cli";

export interface AdminCommandDeps {
  db: DbClient;
  /** all of standard input (for --password-stdin) */
  readStdin: () => Promise<string>;
}

export const ADMIN_USAGE = `用法：
  npm run gongkai -- admin create-user --email <邮箱> --name <姓名> --role <角色> [范围] [--password-stdin]

  创建一个账户并授予角色。三员分立：系统管理员、安全管理员、审计管理员须为三个不同的账户。不给 --password-stdin 时生成一次性初始密码并打印（只显示这一次）；
  给出时从标准输入读取密码（第一行）。无论哪种，首次登录后都必须修改密码。

  角色        范围
  ADMIN               （系统管理员）     不给范围 = 全部地区；或 --region <行政区划代码>
  SECURITY_ADMIN      （安全管理员）     不给范围 = 全部地区；或 --region <行政区划代码>
  AUDIT_ADMIN         （审计管理员）     全部地区（不给范围）
  FINANCE_REVIEWER    （财政部门审核人） --region <行政区划代码>
  DEPARTMENT_REVIEWER （主管部门审核人） --department <部门编码> [--region <代码>]
  ACCOUNTANT          （单位填报人）     --unit <单位编码> [--region <代码>]

示例：
  npm run gongkai -- admin create-user --email admin@example.gov.cn --name 张三 --role ADMIN
  npm run gongkai -- admin create-user --email anquan@example.gov.cn --name 王五 --role SECURITY_ADMIN
  npm run gongkai -- admin create-user --email shenji@example.gov.cn --name 赵六 --role AUDIT_ADMIN
  printf '%s' "$PASSWORD" | npm run -s gongkai -- admin create-user --email li.si@example.gov.cn --name 李四 --role FINANCE_REVIEWER --region 130433 --password-stdin`;

/** Longer than any acceptable password plus a line break; more is not a password. */
const STDIN_LIMIT = 1024;

/** `npm run gongkai -- admin …`. Exit codes: 0 created, 2 bad input (nothing created). */
export async function runAdminCommand(argv: string[], deps: AdminCommandDeps, io: CliIo): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand === undefined || subcommand === "help" || subcommand === "--help" || subcommand === "-h") {
    io.out(ADMIN_USAGE);
    return subcommand === undefined ? 2 : 0;
  }
  if (subcommand !== "create-user") {
    io.err(`未知命令“admin ${subcommand}”。\n\n${ADMIN_USAGE}`);
    return 2;
  }
  let values: { email?: string; name?: string; role?: string; region?: string; department?: string; unit?: string; "password-stdin"?: boolean };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        region: { type: "string" },
        department: { type: "string" },
        unit: { type: "string" },
        "password-stdin": { type: "boolean" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`参数有误：${describeArgError(error)}\n\n${ADMIN_USAGE}`);
    return 2;
  }
  const missing = (["email", "name", "role"] as const).filter((key) => (values[key]?.trim() ?? "") === "");
  if (missing.length > 0) {
    io.err(`缺少参数 ${missing.map((key) => `--${key}`).join("、")}。\n\n${ADMIN_USAGE}`);
    return 2;
  }
  const role = parseRole(values.role ?? "");
  if (role === null) {
    io.err(`角色“${values.role}”无效，应为 ${ROLE_VALUES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join("、")} 之一。`);
    return 2;
  }

  let password: string;
  const isFromStdin = values["password-stdin"] === true;
  if (isFromStdin) {
    const text = await deps.readStdin();
    if (text.length > STDIN_LIMIT) {
      io.err("标准输入过长：请只输入密码（一行）。");
      return 2;
    }
    password = text.split(/\r?\n/)[0] ?? "";
    if (password === "") {
      io.err("标准输入中没有密码：请在第一行输入密码，例如 printf '%s' \"$PASSWORD\" | npm run -s gongkai -- admin create-user … --password-stdin。");
      return 2;
    }
  } else {
    password = generateInitialPassword();
  }

  try {
    const account = await bootstrapAccount(deps.db, {
      email: values.email,
      name: values.name,
      role,
      password,
      regionCode: values.region,
      departmentCode: values.department,
      unitCode: values.unit,
    });
    io.out(`已创建账户：${values.name?.trim()} <${account.email}>，角色：${ROLE_LABELS[account.role]}（${account.scopeLabel}）。`);
    if (isFromStdin) {
      io.out("密码：已使用标准输入中的密码。首次登录后必须修改密码。");
    } else {
      io.out("一次性初始密码（只显示这一次；首次登录后必须修改）：");
      io.out(password);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "INVALID_INPUT") throw error;
    const details = [...new Set(Object.entries(error.fieldErrors).flatMap(([field, messages]) => messages.map((message) => `  ${optionOf(field)}：${message}`)))];
    io.err(details.length > 0 ? `未创建账户：\n${details.join("\n")}` : `未创建账户：${error.message}`);
    return 2;
  }
}

/** ADMIN, admin or 系统管理员 … */
function parseRole(text: string): (typeof ROLE_VALUES)[number] | null {
  const trimmed = text.trim();
  return ROLE_VALUES.find((role) => role === trimmed.toUpperCase() || ROLE_LABELS[role] === trimmed) ?? null;
}

function optionOf(field: string): string {
  const options: Record<string, string> = {
    email: "--email",
    name: "--name",
    password: "密码",
    role: "--role",
    regionCode: "--region",
    departmentCode: "--department",
    unitCode: "--unit",
    scope: "范围",
  };
  return options[field] ?? field;
}
