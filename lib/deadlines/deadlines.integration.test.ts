import ExcelJS from "exceljs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { AppError } from "@/lib/app-error";
import type { Viewer } from "@/lib/auth/policies";
import { createViewer } from "@/lib/budgets/test-support";
import { disconnectPrisma } from "@/lib/db";
import { buildBudgetFor, createApprovedBudget, createBudget, createUnit, type CreatedUnit } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { exportDeadlines } from "./export-deadlines";
import { loadDeadlineDashboard } from "./queries";

/** An instant given as China local time. */
const china = (local: string): Date => new Date(`${local}+08:00`);
const NOW = china("2024-04-30T10:00:00");
const REGION = "130433";

let onTime: CreatedUnit;
let late: CreatedUnit;
let overdue: CreatedUnit;
let pending: CreatedUnit;
let notSubmitted: CreatedUnit;
let inReview: CreatedUnit;
let otherRegion: CreatedUnit;

const unitIn = (departmentCode: string, name: string) =>
  createUnit(prisma, { regionCode: REGION, departmentCode, unitCode: `${departmentCode}001`, unitName: name });

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
  onTime = (await createApprovedBudget(prisma, { unit: await unitIn("301", "按时单位"), approvedAt: china("2024-03-01T09:00:00"), publishedAt: china("2024-03-21T23:00:00") })).unit;
  late = (await createApprovedBudget(prisma, { unit: await unitIn("302", "逾期公开单位"), approvedAt: china("2024-03-01T09:00:00"), publishedAt: china("2024-03-22T00:30:00") })).unit;
  overdue = (await createApprovedBudget(prisma, { unit: await unitIn("303", "逾期未公开单位"), approvedAt: china("2024-04-05T09:00:00") })).unit;
  pending = (await createApprovedBudget(prisma, { unit: await unitIn("304", "待公开单位"), approvedAt: china("2024-04-20T09:00:00"), signedOff: true })).unit;
  notSubmitted = await unitIn("305", "未报送单位");
  inReview = await unitIn("306", "审核中单位");
  await createBudget(prisma, { budget: buildBudgetFor(inReview), status: "FINANCE_REVIEW", at: china("2024-04-01T09:00:00") });
  otherRegion = (await createApprovedBudget(prisma, { approvedAt: china("2024-03-01T09:00:00") })).unit;
});
afterAll(disconnectPrisma);

async function regionId(): Promise<number> {
  return (await prisma.region.findUniqueOrThrow({ where: { code: REGION }, select: { id: true } })).id;
}

describe("loadDeadlineDashboard", () => {
  it("shows every unit of the region, most urgent first, with the deadline of each", async () => {
    const reviewer = await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: await regionId() }]);

    const dashboard = await loadDeadlineDashboard(prisma, reviewer, {}, NOW);

    expect(dashboard.region.code).toBe(REGION);
    expect(dashboard.year).toBe(2024);
    expect(dashboard.rows.map((row) => [row.unitCode, row.assessment.status])).toEqual([
      [overdue.unit.code, "OVERDUE"],
      [pending.unit.code, "PENDING"],
      [notSubmitted.unit.code, "NOT_SUBMITTED"],
      [inReview.unit.code, "IN_REVIEW"],
      [late.unit.code, "PUBLISHED_LATE"],
      [onTime.unit.code, "PUBLISHED_ON_TIME"],
    ]);
    expect(dashboard.rows[0]).toMatchObject({
      unitName: "逾期未公开单位",
      budgetStatus: "APPROVED",
      version: 1,
      assessment: { daysSinceApproval: 25, daysLate: 5, dueDate: "2024-04-25" },
    });
    expect(dashboard.rows[1]).toMatchObject({ budgetStatus: "SIGNED_OFF", assessment: { daysLeft: 10, dueDate: "2024-05-10" } });
    expect(dashboard.rows[2]).toMatchObject({ budgetStatus: null, version: null, submittedAt: null });
    expect(dashboard.summary).toEqual({
      OVERDUE: 1,
      PENDING: 1,
      NOT_SUBMITTED: 1,
      IN_REVIEW: 1,
      PUBLISHED_LATE: 1,
      PUBLISHED_ON_TIME: 1,
    });
    expect(dashboard.rows.map((row) => row.unitCode)).not.toContain(otherRegion.unit.code);
  });

  it("filters by status and department, and keeps the summary of the department", async () => {
    const admin = await createViewer(prisma, [{ role: "ADMIN", regionId: await regionId() }]);

    const overdueOnly = await loadDeadlineDashboard(prisma, admin, { status: "OVERDUE" }, NOW);
    expect(overdueOnly.rows.map((row) => row.unitCode)).toEqual([overdue.unit.code]);
    expect(overdueOnly.summary.PUBLISHED_ON_TIME).toBe(1);

    const department = await loadDeadlineDashboard(prisma, admin, { departmentCode: "302" }, NOW);
    expect(department.rows.map((row) => row.unitCode)).toEqual([late.unit.code]);
    expect(department.summary.PUBLISHED_LATE).toBe(1);
    expect(department.summary.OVERDUE).toBe(0);
    expect(department.departments.map((d) => d.code)).toEqual(["301", "302", "303", "304", "305", "306"]);
  });

  it("shows a department reviewer only the units of their department", async () => {
    const department = await prisma.department.findFirstOrThrow({ where: { code: "303" }, select: { id: true } });
    const reviewer = await createViewer(prisma, [{ role: "DEPARTMENT_REVIEWER", departmentId: department.id }]);

    const dashboard = await loadDeadlineDashboard(prisma, reviewer, {}, NOW);

    expect(dashboard.rows.map((row) => row.unitCode)).toEqual([overdue.unit.code]);
    expect(dashboard.departments).toEqual([{ code: "303", name: overdue.department.name }]);
  });

  it("lets a global administrator choose any region with units", async () => {
    const admin = await createViewer(prisma, [{ role: "ADMIN" }]);
    const dashboard = await loadDeadlineDashboard(prisma, admin, { regionCode: otherRegion.region.code }, NOW);
    expect(dashboard.rows.map((row) => row.unitCode)).toEqual([otherRegion.unit.code]);
    expect(dashboard.regions.map((r) => r.code)).toEqual([REGION, otherRegion.region.code].sort());
  });

  it("refuses accountants, reviewers of other regions and anonymous visitors", async () => {
    const accountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: overdue.unitId }]);
    const elsewhere = await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: otherRegion.regionId }]);
    const regionAdminElsewhere = await createViewer(prisma, [{ role: "ADMIN", regionId: otherRegion.regionId }]);

    await expect(loadDeadlineDashboard(prisma, null, {}, NOW)).rejects.toMatchObject({ code: "UNAUTHENTICATED" } satisfies Partial<AppError>);
    await expect(loadDeadlineDashboard(prisma, accountant, {}, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(loadDeadlineDashboard(prisma, elsewhere, { regionCode: REGION }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(loadDeadlineDashboard(prisma, regionAdminElsewhere, { regionCode: REGION }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("counts the first publication of the approved version when a correction follows", async () => {
    const reviewer = await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: await regionId() }]);
    await createBudget(prisma, { budget: buildBudgetFor(onTime), version: 2, status: "DRAFT", at: china("2024-04-25T09:00:00") });

    const dashboard = await loadDeadlineDashboard(prisma, reviewer, {}, NOW);

    const row = dashboard.rows.find((r) => r.unitCode === onTime.unit.code);
    expect(row).toMatchObject({ version: 2, budgetStatus: "DRAFT", assessment: { status: "PUBLISHED_ON_TIME" } });
  });

  it("reads the rows with one query, however many units", async () => {
    const reviewer: Viewer = await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: await regionId() }]);
    const queries: string[] = [];
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { PrismaClient } = await import("@/lib/generated/prisma/client");
    const { inject } = await import("vitest");
    const counted = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("databaseUrl") }), log: [{ emit: "event", level: "query" }] });
    counted.$on("query", (event) => queries.push(event.query));
    try {
      await loadDeadlineDashboard(counted, reviewer, { year: 2024 }, NOW);
      const few = queries.length;
      for (let i = 0; i < 3; i += 1) await createApprovedBudget(prisma, { unit: await unitIn(`40${i}`, `追加单位${i}`), approvedAt: NOW });
      queries.length = 0;
      await loadDeadlineDashboard(counted, reviewer, { year: 2024 }, NOW);
      expect(queries.length).toBe(few);
      // the viewer's regions, the years with budgets, and the rows (units with their versions)
      expect(few).toBe(3);
    } finally {
      await counted.$disconnect();
    }
  });
});

describe("exportDeadlines", () => {
  it("writes CSV with a BOM, the rule, and the rows as on the page; and audits the export", async () => {
    const reviewer = await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: await regionId() }]);

    const file = await exportDeadlines(prisma, reviewer, {}, "csv", NOW);

    expect(file.fileName).toBe(`${REGION}-2024-公开时限-2024-04-30.csv`);
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.body.subarray(3).toString("utf8").split("\r\n");
    expect(lines[2]).toBe('"单位编码","单位名称","主管部门","版本","预算状态","报送日期","批复日期","公开日期","批复后天数","公开截止日期","剩余天数","逾期天数","公开情况"');
    expect(lines[3]).toBe(`"303001","逾期未公开单位","303 ${overdue.department.name}",1,"已批复","2024-04-05","2024-04-05",,25,"2024-04-25",,5,"已逾期未公开"`);
    expect(lines.find((line) => line.startsWith('"302001"'))).toContain('"已公开","2024-03-01","2024-03-01","2024-03-22",60,"2024-03-21",,1,"逾期公开"');
    expect(lines.find((line) => line.startsWith('"305001"'))).toBe(`"305001","未报送单位","305 ${notSubmitted.department.name}",,"无预算",,,,,,,,"未报送"`);

    const audit = await prisma.auditEvent.findMany({ where: { action: "deadlines.export" }, select: { userId: true, result: true, objectId: true, details: true } });
    expect(audit).toEqual([{ userId: reviewer.userId, result: "SUCCESS", objectId: REGION, details: expect.objectContaining({ format: "csv", rows: 6, year: 2024 }) }]);
  });

  it("writes XLSX with dates as dates and numbers as numbers", async () => {
    const admin = await createViewer(prisma, [{ role: "ADMIN" }]);

    const file = await exportDeadlines(prisma, admin, { regionCode: REGION, status: "PUBLISHED_LATE" }, "xlsx", NOW);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("公开时限");
    expect(sheet?.getRow(3).getCell(1).value).toBe("单位编码");
    const row = sheet?.getRow(4);
    expect(row?.getCell(1).value).toBe(late.unit.code);
    expect(row?.getCell(7).value).toEqual(new Date("2024-03-01T00:00:00Z"));
    expect(row?.getCell(7).numFmt).toBe("yyyy-mm-dd");
    expect(row?.getCell(8).value).toEqual(new Date("2024-03-22T00:00:00Z"));
    expect(row?.getCell(9).value).toBe(60);
    expect(row?.getCell(12).value).toBe(1);
    expect(row?.getCell(13).value).toBe("逾期公开");
    expect(sheet?.rowCount).toBe(4);
  });

  it("refuses a viewer who may not see the dashboard, and writes nothing but the refusal's audit row", async () => {
    const accountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: overdue.unitId }]);
    await expect(exportDeadlines(prisma, accountant, {}, "csv", NOW, { clientAddress: "203.0.113.5" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.auditEvent.count({ where: { action: "deadlines.export", result: "SUCCESS" } })).toBe(0);
    // The refused export is audited with its client address.
    expect(await prisma.auditEvent.findMany({ where: { action: "deadlines.export" }, select: { result: true, clientAddress: true } })).toEqual([{ result: "DENIED", clientAddress: "203.0.113.5" }]);
  });
});
