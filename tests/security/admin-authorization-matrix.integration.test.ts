import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserAccount } from "@/lib/admin/create-user";
import { grantRole } from "@/lib/admin/grant-role";
import { revokeRole } from "@/lib/admin/revoke-role";
import { unlockUser } from "@/lib/admin/unlock-user";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { searchAuditEvents } from "@/lib/audit/search-audit-events";
import { verifyAuditChains } from "@/lib/audit/verify-audit-chains";
import type { Viewer } from "@/lib/auth/policies";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { createViewer } from "@/lib/budgets/test-support";
import { importCodeBook } from "@/lib/codebooks/import-code-book";
import { previewCodeBookImport } from "@/lib/codebooks/preview-code-book-import";
import { codeBookCsv } from "@/lib/codebooks/test-support";
import { disconnectPrisma } from "@/lib/db";
import { createUnit as createUnitFixture, createUser, type CreatedUnit } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { createDepartment } from "@/lib/organisation/create-department";
import { createRegion } from "@/lib/organisation/create-region";
import { createUnit } from "@/lib/organisation/create-unit";
import { deactivateUnit } from "@/lib/organisation/deactivate-unit";
import { applyAccountImport } from "@/lib/organisation/import/apply-account-import";
import { applyUnitImport } from "@/lib/organisation/import/apply-unit-import";
import { previewAccountImport } from "@/lib/organisation/import/preview-account-import";
import { previewUnitImport } from "@/lib/organisation/import/preview-unit-import";
import { csvFile } from "@/lib/organisation/import/test-files";
import { updateDepartment } from "@/lib/organisation/update-department";
import { updateRegion } from "@/lib/organisation/update-region";
import { updateUnit } from "@/lib/organisation/update-unit";
import { prisma, resetDatabase } from "@/tests/integration/db";

/**
 * 三员分立 (ADR 0022): every administration use case against every kind of actor. Each is allowed
 * for exactly one of the three administrator roles; everyone else is refused with a DENIED audit
 * row carrying the client address, and the refusal changes nothing. One database set-up for the
 * whole matrix: the allowed call of each use case runs after its refusals, on its own objects.
 */
const CLIENT = "198.51.100.23";
const ACTORS = ["系统管理员", "安全管理员", "审计管理员", "单位填报人", "财政部门审核人", "无角色账户", "未登录"] as const;
type Actor = (typeof ACTORS)[number];
type Run = (viewer: Viewer | null) => Promise<unknown>;

let unit: CreatedUnit;
let viewers: Record<Actor, Viewer | null>;
let lockedUserId: string;
let revocableAssignment: number;
let accountTarget: string;

const file = (rows: string[][]) => csvFile(rows);
const ACCOUNT_HEADERS = ["姓名", "电子邮箱", "角色名称", "适用范围"];
const UNIT_ROWS = [["单位代码", "单位名称", "部门编码", "部门名称", "单位性质", "单位规格", "经费保障形式"], ["225001", "测试局本级", "225", "测试局", "行政", "正科级", "财政拨款"]];

/** `dryRun`: a preview of an import writes no audit row when it succeeds (nothing happened), only its refusals. */
const CASES: { useCase: string; action: string; allowed: Actor; run: Run; dryRun?: true }[] = [
  { useCase: "创建账户", action: "user.create", allowed: "系统管理员", run: (v) => createUserAccount(prisma, v, { name: "新人", email: "new.person@example.test", password: "Kaishi#Mima2024" }, { clientAddress: CLIENT }) },
  { useCase: "新增地区", action: "region.create", allowed: "系统管理员", run: (v) => createRegion(prisma, v, { code: "150000", name: "内蒙古自治区", level: "PROVINCE", parentId: "" }, { clientAddress: CLIENT }) },
  { useCase: "修改地区", action: "region.update", allowed: "系统管理员", run: (v) => updateRegion(prisma, v, { regionId: String(unit.regionId), name: "馆陶县（改）" }, { clientAddress: CLIENT }) },
  { useCase: "新增主管部门", action: "department.create", allowed: "系统管理员", run: (v) => createDepartment(prisma, v, { regionId: String(unit.regionId), code: "301", name: "县教育局", hasDepartmentReview: "on" }, { clientAddress: CLIENT }) },
  { useCase: "修改主管部门", action: "department.update", allowed: "系统管理员", run: (v) => updateDepartment(prisma, v, { departmentId: String(unit.departmentId), name: "新名称", hasDepartmentReview: "on" }, { clientAddress: CLIENT }) },
  { useCase: "新增预算单位", action: "unit.create", allowed: "系统管理员", run: (v) => createUnit(prisma, v, { departmentId: String(unit.departmentId), code: "224002", name: "新单位", nature: "事业", duties: "职责" }, { clientAddress: CLIENT }) },
  { useCase: "修改预算单位", action: "unit.update", allowed: "系统管理员", run: (v) => updateUnit(prisma, v, { unitId: String(unit.unitId), departmentId: String(unit.departmentId), name: "改名单位", grade: "副科级" }, { clientAddress: CLIENT }) },
  { useCase: "预览单位导入", action: "organisation.import_preview", allowed: "系统管理员", run: (v) => previewUnitImport(prisma, v, { regionId: String(unit.regionId) }, file(UNIT_ROWS), { clientAddress: CLIENT }), dryRun: true },
  { useCase: "批量导入单位", action: "organisation.import", allowed: "系统管理员", run: (v) => applyUnitImport(prisma, v, { regionId: String(unit.regionId) }, file(UNIT_ROWS), { clientAddress: CLIENT }) },
  { useCase: "预览科目表导入", action: "code_book.preview", allowed: "系统管理员", run: (v) => previewCodeBookImport(prisma, v, { year: 2026, fileName: "2026.csv", bytes: codeBookCsv(guantao2024CodeBook), clientAddress: CLIENT }) },
  {
    useCase: "导入科目表",
    action: "code_book.import",
    allowed: "系统管理员",
    run: (v) => importCodeBook(prisma, v, { ...guantao2024CodeBook, year: 2026, fileName: "2026.csv", effectiveOn: "2026-01-01", note: "", expectedRevision: 1, clientAddress: CLIENT }),
  },
  { useCase: "授予角色", action: "role.grant", allowed: "安全管理员", run: (v) => grantRole(prisma, v, { userId: accountTarget, role: "ACCOUNTANT", scope: `unit:${unit.unitId}` }, { clientAddress: CLIENT }) },
  { useCase: "撤销角色", action: "role.revoke", allowed: "安全管理员", run: (v) => revokeRole(prisma, v, { assignmentId: String(revocableAssignment) }, { clientAddress: CLIENT }) },
  { useCase: "解锁账户", action: "user.unlock", allowed: "安全管理员", run: (v) => unlockUser(prisma, v, { userId: lockedUserId }, new Date(), { clientAddress: CLIENT }) },
  {
    useCase: "预览账户导入",
    action: "accounts.import_preview",
    allowed: "安全管理员",
    run: (v) => previewAccountImport(prisma, v, { regionId: String(unit.regionId) }, file([ACCOUNT_HEADERS, ["甲", "jia@example.test", "单位填报人", "224001"]]), { clientAddress: CLIENT }),
    dryRun: true,
  },
  {
    useCase: "批量导入账户",
    action: "accounts.import",
    allowed: "安全管理员",
    run: (v) => applyAccountImport(prisma, v, { regionId: String(unit.regionId) }, file([ACCOUNT_HEADERS, ["甲", "jia@example.test", "单位填报人", "224001"]]), { clientAddress: CLIENT }),
  },
  { useCase: "查询审计日志", action: "audit.search", allowed: "审计管理员", run: (v) => searchAuditEvents(prisma, v, { action: "role." }, { clientAddress: CLIENT }) },
  { useCase: "导出审计日志", action: "audit.export", allowed: "审计管理员", run: (v) => exportAuditEvents(prisma, v, {}, { clientAddress: CLIENT }) },
  { useCase: "校验哈希链", action: "audit.verify", allowed: "审计管理员", run: (v) => verifyAuditChains(prisma, v, { clientAddress: CLIENT }) },
  // Last: deactivating the unit would refuse the unit's later changes for another reason.
  { useCase: "停用预算单位", action: "unit.deactivate", allowed: "系统管理员", run: (v) => deactivateUnit(prisma, v, { unitId: String(unit.unitId) }, new Date(), { clientAddress: CLIENT }) },
];

/** Everything an administration use case could change (the audit log aside). */
async function state() {
  return {
    regions: await prisma.region.findMany({ orderBy: { id: "asc" } }),
    departments: await prisma.department.findMany({ orderBy: { id: "asc" } }),
    units: await prisma.unit.findMany({ orderBy: { id: "asc" } }),
    users: await prisma.user.findMany({ orderBy: { id: "asc" }, select: { id: true, email: true, name: true, lockedUntil: true, failedLoginCount: true, mustChangePassword: true } }),
    credentials: await prisma.account.count(),
    roles: await prisma.roleAssignment.findMany({ orderBy: { id: "asc" } }),
    codeBookRevisions: await prisma.codeBookRevision.count(),
    codes: await prisma.classificationCode.count(),
  };
}

const lastAudit = (action: string) =>
  prisma.auditEvent.findFirst({ where: { action }, orderBy: { id: "desc" }, select: { id: true, result: true, userId: true, clientAddress: true } });

beforeAll(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
  unit = await createUnitFixture(prisma, { regionCode: "130433", departmentCode: "224", unitCode: "224001" });
  viewers = {
    系统管理员: await createViewer(prisma, [{ role: "ADMIN" }]),
    安全管理员: await createViewer(prisma, [{ role: "SECURITY_ADMIN" }]),
    审计管理员: await createViewer(prisma, [{ role: "AUDIT_ADMIN" }]),
    单位填报人: await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: unit.unitId }]),
    财政部门审核人: await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: unit.regionId }]),
    无角色账户: await createViewer(prisma, []),
    未登录: null,
  };
  const locked = await createUser(prisma, { roles: [{ role: "ACCOUNTANT", unitId: unit.unitId }] });
  await prisma.user.update({ where: { id: locked.id }, data: { lockedUntil: new Date(Date.now() + 3_600_000), failedLoginCount: 5 } });
  lockedUserId = locked.id;
  const reviewer = await createUser(prisma, { roles: [{ role: "DEPARTMENT_REVIEWER", departmentId: unit.departmentId }] });
  revocableAssignment = (await prisma.roleAssignment.findFirstOrThrow({ where: { userId: reviewer.id }, select: { id: true } })).id;
  accountTarget = (await createUser(prisma)).id;
}, 60_000);
afterAll(disconnectPrisma);

describe.each(CASES)("$useCase ($action): only the $allowed", ({ action, allowed, run, dryRun }) => {
  // Refusals first, then the one allowed call (which changes the objects the refusals would act on).
  const order = [...ACTORS.filter((actor) => actor !== allowed), allowed];
  it.each(order)("as %s", async (actor) => {
    const viewer = viewers[actor];
    const before = await state();
    const previous = await lastAudit(action);
    if (actor === allowed) {
      await expect(run(viewer)).resolves.toBeDefined();
      if (dryRun === true) expect(await state()).toEqual(before);
      else expect(await lastAudit(action)).toMatchObject({ result: "SUCCESS", userId: viewer?.userId, clientAddress: CLIENT });
      return;
    }
    await expect(run(viewer)).rejects.toMatchObject({ code: viewer === null ? "UNAUTHENTICATED" : "FORBIDDEN" });
    const row = await lastAudit(action);
    expect(row?.id).not.toBe(previous?.id);
    expect(row).toMatchObject({ result: "DENIED", userId: viewer?.userId ?? null, clientAddress: CLIENT });
    expect(await state()).toEqual(before);
  });
});
