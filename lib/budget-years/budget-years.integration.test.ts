import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import { createEmptyDraft } from "@/lib/budgets/create-empty-draft";
import { discardDraft } from "@/lib/budgets/discard-draft";
import { loadBudget } from "@/lib/budgets/queries";
import { writeBudget } from "@/lib/budgets/save-budget";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { createViewer } from "@/lib/budgets/test-support";
import { importCodeBook } from "@/lib/codebooks/import-code-book";
import { starterCodeBook } from "@/lib/codebooks/starter-code-book";
import { codeBookTables } from "@/lib/codebooks/test-support";
import { disconnectPrisma } from "@/lib/db";
import { buildBudgetFor, createBudget, createUnit, type CreatedUnit } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { openBudgetYear } from "./open-budget-year";

let unit: CreatedUnit;
let finance: Viewer;
let accountant: Viewer;
let revision2025: number;

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
  const admin = await createViewer(prisma, [{ role: "ADMIN" }]);
  const starter = starterCodeBook(2025);
  revision2025 = (await importCodeBook(prisma, admin, { ...starter, fileName: "2025.csv", effectiveOn: "2025-01-01", note: "", expectedRevision: 1 })).revisionId;
  unit = await createUnit(prisma);
  finance = await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: unit.regionId }]);
  accountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: unit.unitId }]);
});
afterAll(disconnectPrisma);

const open = (viewer: Viewer | null = finance, overrides: Partial<Parameters<typeof openBudgetYear>[2]> = {}) =>
  openBudgetYear(prisma, viewer, { regionId: unit.regionId, year: 2025, codeBookRevisionId: revision2025, submissionDeadline: "2024-12-20", clientAddress: "198.51.100.4", ...overrides });

describe("opening a budget year", () => {
  it("records the revision and deadline for the region, audited; opening again changes them and says so", async () => {
    expect(await open()).toMatchObject({ year: 2025, revisionLabel: "2025年第 1 版", isNew: true });
    const row = await prisma.budgetYear.findFirstOrThrow({ where: { regionId: unit.regionId, year: 2025 } });
    expect(row).toMatchObject({ codeBookRevisionId: revision2025 });
    expect(row.submissionDeadline.toISOString().slice(0, 10)).toBe("2024-12-20");

    expect(await open(finance, { submissionDeadline: "2025-01-15" })).toMatchObject({ isNew: false });
    expect((await prisma.budgetYear.findFirstOrThrow({ where: { regionId: unit.regionId } })).submissionDeadline.toISOString().slice(0, 10)).toBe("2025-01-15");
    expect((await prisma.auditEvent.findMany({ orderBy: { id: "asc" } })).filter((e) => e.action.startsWith("budget_year")).map((e) => [e.action, e.result, e.userId, e.clientAddress])).toEqual([
      ["budget_year.open", "SUCCESS", finance.userId, "198.51.100.4"],
      ["budget_year.update", "SUCCESS", finance.userId, "198.51.100.4"],
    ]);
  });

  it("refuses a revision of another year and a deadline outside the year, in Chinese, writing nothing", async () => {
    const revision2024 = await prisma.codeBookRevision.findFirstOrThrow({ where: { year: 2024 }, select: { id: true } });
    const before = await codeBookTables(prisma);
    await expect(open(finance, { codeBookRevisionId: revision2024.id })).rejects.toMatchObject({ code: "INVALID_INPUT", message: "请选择2025年的科目表。" });
    await expect(open(finance, { submissionDeadline: "2027-01-01" })).rejects.toMatchObject({ code: "INVALID_INPUT", message: "报送截止日期应为2024年或2025年内的有效日期。" });
    await expect(open(finance, { submissionDeadline: "2025-02-30" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await codeBookTables(prisma)).toEqual(before);
  });
});

describe("starting an empty budget", () => {
  it("a unit without a prior budget starts an empty draft under the opened revision, with its profile; once only", async () => {
    await open();
    const created = await createEmptyDraft(prisma, accountant, { unitCode: unit.unit.code, year: 2025, clientAddress: "198.51.100.5" });

    const loaded = await loadBudget(prisma, { unitCode: unit.unit.code, year: 2025 });
    expect(loaded?.meta).toMatchObject({ id: created.budgetId, status: "DRAFT", version: 1, codeBookRevisionId: revision2025 });
    expect(loaded?.budget).toMatchObject({ expenditure: [], basicEconomic: [], projects: [], priorYear: null, unit: { code: unit.unit.code, nature: "行政", fundingForm: "财政拨款" } });
    expect(loaded?.codeBook.functional.length).toBe(starterCodeBook(2025).functional.length);
    expect(await prisma.auditEvent.findFirst({ where: { action: "budget.create", result: "SUCCESS" } })).toMatchObject({
      userId: accountant.userId,
      clientAddress: "198.51.100.5",
      details: expect.objectContaining({ start: "empty" }),
    });
    await expect(createEmptyDraft(prisma, accountant, { unitCode: unit.unit.code, year: 2025 })).rejects.toMatchObject({ code: "CONFLICT", message: "2025年的预算已经存在，不能再次创建。" });
  });

  it("refuses before the year is opened, writing nothing", async () => {
    const before = await codeBookTables(prisma);
    await expect(createEmptyDraft(prisma, accountant, { unitCode: unit.unit.code, year: 2025 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "财政部门尚未开放2025年预算（选定科目表和报送截止日期），暂时不能创建。",
    });
    expect(await codeBookTables(prisma)).toEqual(before);
  });

  it("a budget started under revision 1 keeps it after an amendment and after the year is moved to revision 2", async () => {
    await open();
    await createEmptyDraft(prisma, accountant, { unitCode: unit.unit.code, year: 2025 });
    const admin = await createViewer(prisma, [{ role: "ADMIN" }]);
    const starter = starterCodeBook(2025);
    const amended = { ...starter, functional: starter.functional.map((c) => (c.code === "2013701" ? { ...c, name: "行政运行（修订）" } : c)) };
    const second = await importCodeBook(prisma, admin, { ...amended, fileName: "修订.csv", effectiveOn: "2025-05-01", note: "", expectedRevision: 2 });
    await open(finance, { codeBookRevisionId: second.revisionId });

    const loaded = await loadBudget(prisma, { unitCode: unit.unit.code, year: 2025 });
    expect(loaded?.meta.codeBookRevisionId).toBe(revision2025);
    expect(loaded?.codeBook.functional.find((c) => c.code === "2013701")?.name).toBe("行政运行");
  });
});

describe("discarding a draft", () => {
  it("deletes a never-submitted draft with its content, audited", async () => {
    await open();
    const { budgetId } = await createEmptyDraft(prisma, accountant, { unitCode: unit.unit.code, year: 2025 });
    expect(await discardDraft(prisma, accountant, { unitCode: unit.unit.code, year: 2025, version: 1, clientAddress: "198.51.100.6" })).toEqual({ discardedVersion: 1 });
    expect(await prisma.budget.count({ where: { id: budgetId } })).toBe(0);
    expect(await prisma.budgetEvent.count({ where: { budgetId } })).toBe(0);
    expect(await prisma.auditEvent.findFirst({ where: { action: "budget.discard" } })).toMatchObject({ result: "SUCCESS", userId: accountant.userId, objectId: String(budgetId), clientAddress: "198.51.100.6" });
    // the year can be started again
    await createEmptyDraft(prisma, accountant, { unitCode: unit.unit.code, year: 2025 });
  });

  it("discards a correction draft and leaves the version it would correct as it was", async () => {
    const v1 = await createBudget(prisma, { budget: buildBudgetFor(unit), status: "SIGNED_OFF" });
    const v2 = await prisma.$transaction((tx) => writeBudget(tx, { budget: buildBudgetFor(unit), version: 2, initialStatus: "DRAFT" }));
    const before = await loadBudget(prisma, { unitCode: unit.unit.code, year: 2024, version: 1 });

    await discardDraft(prisma, accountant, { unitCode: unit.unit.code, year: 2024, version: 2 });

    expect(await prisma.budget.count({ where: { id: v2.id } })).toBe(0);
    expect(await loadBudget(prisma, { unitCode: unit.unit.code, year: 2024 })).toEqual(before);
    expect(before?.meta.id).toBe(v1.id);
  });

  it("refuses a submitted or returned budget and a stale version, writing nothing", async () => {
    await createBudget(prisma, { budget: buildBudgetFor(unit), status: "RETURNED" });
    const before = await codeBookTables(prisma);
    await expect(discardDraft(prisma, accountant, { unitCode: unit.unit.code, year: 2024, version: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "只有从未报送过的草稿可以放弃；已报送或退回的预算请修改后重新报送。",
    });
    await expect(discardDraft(prisma, accountant, { unitCode: unit.unit.code, year: 2024, version: 2 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await codeBookTables(prisma)).toEqual(before);
  });
});
