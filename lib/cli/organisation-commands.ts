import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/app-error";
import type { RoleGrant, Viewer } from "@/lib/auth/policies";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { createDepartment } from "@/lib/organisation/create-department";
import { createRegion } from "@/lib/organisation/create-region";
import { createUnit } from "@/lib/organisation/create-unit";
import { deactivateUnit, reactivateUnit } from "@/lib/organisation/deactivate-unit";
import { applyAccountImport } from "@/lib/organisation/import/apply-account-import";
import { applyUnitImport } from "@/lib/organisation/import/apply-unit-import";
import { previewAccountImport } from "@/lib/organisation/import/preview-account-import";
import { previewUnitImport } from "@/lib/organisation/import/preview-unit-import";
import { updateDepartment } from "@/lib/organisation/update-department";
import { updateRegion } from "@/lib/organisation/update-region";
import { updateUnit } from "@/lib/organisation/update-unit";
import type { CliIo } from "./run-cli";

export const ORGANISATION_USAGE = `机构管理（以 --as 指定的管理员身份执行，权限与网页相同，均记入审计日志；import-accounts 须为安全管理员，其余为系统管理员）：
  npm run gongkai -- admin region create --as <邮箱> --code <行政区划代码> --name <名称> --level 省|市|县|乡镇 [--parent <上级代码>]
  npm run gongkai -- admin region update --as <邮箱> --code <代码> --name <新名称>
  npm run gongkai -- admin department create|update --as <邮箱> --region <地区代码> --code <部门编码> --name <名称> [--review | --no-review]
  npm run gongkai -- admin unit create|update --as <邮箱> --region <地区代码> --code <单位编码> [--department <部门编码>] [--name …] [--nature …] [--grade …] [--funding-form …] [--duties <每行一条>] [--organisation …]
  npm run gongkai -- admin unit deactivate|reactivate --as <邮箱> --region <地区代码> --code <单位编码>
  npm run gongkai -- admin import-units|import-accounts --as <邮箱> --region <地区代码> --file <.xlsx|.csv> [--apply]
    不加 --apply 只预览；导入账户时，新账户的一次性初始密码只打印这一次。`;

const LEVELS: Record<string, string> = { 省: "PROVINCE", 市: "CITY", 县: "COUNTY", 区: "COUNTY", 乡镇: "TOWNSHIP", 街道: "TOWNSHIP", PROVINCE: "PROVINCE", CITY: "CITY", COUNTY: "COUNTY", TOWNSHIP: "TOWNSHIP" };

const OPTIONS = {
  as: { type: "string" },
  code: { type: "string" },
  name: { type: "string" },
  level: { type: "string" },
  parent: { type: "string" },
  region: { type: "string" },
  department: { type: "string" },
  review: { type: "boolean" },
  "no-review": { type: "boolean" },
  nature: { type: "string" },
  grade: { type: "string" },
  "funding-form": { type: "string" },
  duties: { type: "string" },
  organisation: { type: "string" },
  file: { type: "string" },
  apply: { type: "boolean" },
} as const;

/** The administrator named by --as, with their roles, as the use cases see a signed-in viewer. */
async function viewerByEmail(db: DbReader, email: string | undefined): Promise<Viewer> {
  if (email === undefined || email.trim() === "") throw new AppError("INVALID_INPUT", "缺少参数 --as（执行操作的系统管理员邮箱）。");
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, roleAssignments: { select: { role: true, unitId: true, departmentId: true, regionId: true } } },
  });
  if (user === null) throw new AppError("NOT_FOUND", `没有邮箱为 ${email} 的账户。`);
  return {
    userId: user.id,
    roles: user.roleAssignments.map((a): RoleGrant => ({ role: a.role, ...(a.unitId !== null ? { unitId: a.unitId } : {}), ...(a.departmentId !== null ? { departmentId: a.departmentId } : {}), ...(a.regionId !== null ? { regionId: a.regionId } : {}) })),
  };
}

async function regionId(db: DbReader, code: string | undefined, option = "--region"): Promise<string> {
  if (code === undefined) throw new AppError("INVALID_INPUT", `缺少参数 ${option}（行政区划代码）。`);
  const region = await db.region.findUnique({ where: { code }, select: { id: true } });
  if (region === null) throw new AppError("NOT_FOUND", `没有行政区划代码为 ${code} 的地区。`);
  return String(region.id);
}

async function departmentOf(db: DbReader, region: string, code: string | undefined): Promise<{ id: number; hasDepartmentReview: boolean; name: string }> {
  if (code === undefined) throw new AppError("INVALID_INPUT", "缺少参数 --department 或 --code（部门编码）。");
  const department = await db.department.findUnique({ where: { regionId_code: { regionId: Number(region), code } }, select: { id: true, hasDepartmentReview: true, name: true } });
  if (department === null) throw new AppError("NOT_FOUND", `该地区没有编码为 ${code} 的主管部门。`);
  return department;
}

/**
 * `npm run gongkai -- admin region|department|unit|import-units|import-accounts …`: the same use
 * cases as the administration screens, with the same authorization and audit rows (client
 * address "cli"). Exit codes: 0 done, 1 refused (the reason in Chinese), 2 bad usage.
 */
export async function runOrganisationCommand(argv: readonly string[], db: DbClient & DbReader, io: CliIo): Promise<number> {
  const [area, verb, ...rest] = argv;
  const isImport = area === "import-units" || area === "import-accounts";
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: isImport ? [verb ?? "", ...rest].filter((a) => a !== "") : rest, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    io.err(`参数有误：${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n\n${ORGANISATION_USAGE}`);
    return 2;
  }
  const text = (key: keyof typeof OPTIONS) => (typeof values[key] === "string" ? (values[key] as string) : undefined);
  const request = { clientAddress: "cli" };
  try {
    const viewer = await viewerByEmail(db, text("as"));
    if (isImport) {
      const file = text("file");
      if (file === undefined) throw new AppError("INVALID_INPUT", "缺少参数 --file（.xlsx 或 .csv 文件）。");
      const input = { regionId: await regionId(db, text("region")) };
      const importFile = { fileName: path.basename(file), bytes: new Uint8Array(await readFile(file)) };
      if (area === "import-units") {
        const plan = values.apply === true ? await applyUnitImport(db, viewer, input, importFile, request) : await previewUnitImport(db, viewer, input, importFile, request);
        for (const problem of plan.problems) io.err(problem.message);
        for (const unit of plan.units) io.out(`第 ${unit.rowNumber} 行\t${unit.unitCode}\t${unit.unitName}\t${{ new: "新增", changed: "修改", unchanged: "不变" }[unit.outcome]}\t${Object.entries(unit.changes).map(([k, v]) => `${k}：${v}`).join("；")}`);
        const c = plan.counts;
        io.out(`${values.apply === true ? "已导入" : "预览（未写入）"}：新增部门 ${c.departmentsCreated}，新增单位 ${c.unitsCreated}，修改单位 ${c.unitsChanged}，不变 ${c.unitsUnchanged}，问题 ${c.refused}。`);
        return plan.problems.length > 0 ? 1 : 0;
      }
      if (values.apply === true) {
        const applied = await applyAccountImport(db, viewer, input, importFile, request);
        io.out(`已导入：新建账户 ${applied.counts.accountsCreated}，授予角色 ${applied.counts.rolesGranted}，不变 ${applied.counts.unchanged}。`);
        if (applied.credentials.length > 0) io.out(`一次性初始密码（只显示这一次，首次登录须修改）：\n${applied.credentials.map((c) => `${c.name}\t${c.email}\t${c.password}`).join("\n")}`);
        return 0;
      }
      const plan = await previewAccountImport(db, viewer, input, importFile, request);
      for (const problem of plan.problems) io.err(problem.message);
      for (const row of plan.rows) io.out(`第 ${row.rowNumber} 行\t${row.name}\t${row.email}\t${row.roleLabel}\t${row.scopeLabel}\t${row.isNewAccount ? "新账户" : "已有账户"}\t${row.outcome === "new" ? "授予" : "不变"}`);
      io.out(`预览（未写入）：新建账户 ${plan.counts.accountsCreated}，授予角色 ${plan.counts.rolesGranted}，不变 ${plan.counts.unchanged}，问题 ${plan.counts.refused}。`);
      return plan.problems.length > 0 ? 1 : 0;
    }
    const key = `${area ?? ""} ${verb ?? ""}`;
    switch (key) {
      case "region create": {
        const level = LEVELS[text("level") ?? ""] ?? text("level");
        const parentId = text("parent") === undefined ? "" : await regionId(db, text("parent"), "--parent");
        await createRegion(db, viewer, { code: text("code"), name: text("name"), level, parentId }, request);
        io.out(`已新增地区 ${text("code") ?? ""} ${text("name") ?? ""}。`);
        return 0;
      }
      case "region update":
        await updateRegion(db, viewer, { regionId: await regionId(db, text("code"), "--code"), name: text("name") }, request);
        io.out("已修改地区名称。");
        return 0;
      case "department create":
        await createDepartment(db, viewer, { regionId: await regionId(db, text("region")), code: text("code"), name: text("name"), hasDepartmentReview: values.review === true }, request);
        io.out(`已新增主管部门 ${text("code") ?? ""} ${text("name") ?? ""}。`);
        return 0;
      case "department update": {
        const department = await departmentOf(db, await regionId(db, text("region")), text("code"));
        await updateDepartment(db, viewer, { departmentId: department.id, name: text("name") ?? department.name, hasDepartmentReview: values["no-review"] === true ? false : (values.review ?? department.hasDepartmentReview) }, request);
        io.out("已保存主管部门的修改。");
        return 0;
      }
      case "unit create": {
        const department = await departmentOf(db, await regionId(db, text("region")), text("department"));
        await createUnit(db, viewer, { departmentId: department.id, code: text("code"), name: text("name"), nature: text("nature"), grade: text("grade"), fundingForm: text("funding-form"), duties: text("duties"), organisation: text("organisation") }, request);
        io.out(`已新增预算单位 ${text("code") ?? ""} ${text("name") ?? ""}。`);
        return 0;
      }
      case "unit update":
      case "unit deactivate":
      case "unit reactivate": {
        const region = await regionId(db, text("region"));
        const unit = await db.unit.findUnique({
          where: { regionId_code: { regionId: Number(region), code: text("code") ?? "" } },
          select: { id: true, departmentId: true, name: true, nature: true, grade: true, fundingForm: true, duties: true, organisation: true },
        });
        if (unit === null) throw new AppError("NOT_FOUND", `该地区没有编码为 ${text("code") ?? "（未给出）"} 的预算单位。`);
        if (verb === "deactivate") await deactivateUnit(db, viewer, { unitId: unit.id }, new Date(), request);
        else if (verb === "reactivate") await reactivateUnit(db, viewer, { unitId: unit.id }, request);
        else {
          const departmentId = text("department") === undefined ? unit.departmentId : (await departmentOf(db, region, text("department"))).id;
          await updateUnit(db, viewer, {
            unitId: unit.id,
            departmentId,
            name: text("name") ?? unit.name,
            nature: text("nature") ?? unit.nature,
            grade: text("grade") ?? unit.grade,
            fundingForm: text("funding-form") ?? unit.fundingForm,
            duties: text("duties") ?? unit.duties,
            organisation: text("organisation") ?? unit.organisation,
          }, request);
        }
        io.out({ update: "已保存单位的修改。", deactivate: "已停用该单位。", reactivate: "已启用该单位。" }[verb as "update"]);
        return 0;
      }
      default:
        io.err(`未知命令“admin ${key.trim()}”。\n\n${ORGANISATION_USAGE}`);
        return 2;
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = Object.entries(error.fieldErrors).flatMap(([field, messages]) => messages.map((m) => (field === "file" || field === "" ? m : `${field}：${m}`)));
    io.err([error.message, ...details].join("\n"));
    return 1;
  }
}

/** Whether argv is one of these commands (`admin region …`), so that other `admin` commands pass by. */
export function isOrganisationCommand(argv: readonly string[]): boolean {
  return argv[0] === "admin" && ["region", "department", "unit", "import-units", "import-accounts"].includes(argv[1] ?? "");
}
