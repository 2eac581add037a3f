import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import { draftInputFromBudget } from "@/lib/budgets/budget-draft-input";
import type { BudgetDraftInput } from "@/lib/budgets/budget-input-schema";
import { loadBudget } from "@/lib/budgets/queries";
import { saveBudgetDraft } from "@/lib/budgets/save-budget-draft";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { codeBook2023, createViewer } from "@/lib/budgets/test-support";
import { disconnectPrisma } from "@/lib/db";
import { buildBudgetFor, createBudget, createUnit, type CreatedUnit, type FactoryStatus } from "@/lib/demo/factories";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { listQueueDepartments, listReviewQueue, loadChangesSinceSubmission, loadReviewScreen, REVIEW_SCREEN_STATEMENTS } from "./queries";

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
  await saveCodeBook(prisma, codeBook2023);
});
afterAll(disconnectPrisma);

const day = (n: number) => new Date(Date.UTC(2024, 0, n, 2));
const demoTotal = guantao2024Budget.expenditure.reduce((sum, line) => sum + line.amount, 0);

async function budgetIn(unit: CreatedUnit, status: FactoryStatus, at: Date, comment?: string): Promise<number> {
  const saved = await createBudget(prisma, { budget: buildBudgetFor(unit), status, at, comment });
  return saved.id;
}

describe("listReviewQueue", () => {
  async function world() {
    const a1 = await createUnit(prisma, { regionCode: "RA" });
    const a1b = await createUnit(prisma, { regionCode: "RA", departmentCode: a1.department.code + "X", unitCode: "A1B001" });
    const a2 = await createUnit(prisma, { regionCode: "RA" });
    const a2b = await createUnit(prisma, { regionCode: "RA", unitCode: "A2B001" });
    await prisma.department.updateMany({ where: { id: { in: [a2.departmentId, a2b.departmentId] } }, data: { hasDepartmentReview: true } });
    const b = await createUnit(prisma, { regionCode: "RB" });
    const ids = {
      submitted: await budgetIn(a1, "SUBMITTED", day(5), "C9|table=T6|rowKey=30110：社保缴费基数调整\nC10|table=T9：公务接待减少"),
      financeReview: await budgetIn(a1b, "FINANCE_REVIEW", day(2)),
      draft: await budgetIn(
        await createUnit(prisma, { regionCode: "RA", departmentCode: a1.department.code + "D", unitCode: "DRAFT01" }),
        "DRAFT",
        day(1),
      ),
      approved: await budgetIn(await createUnit(prisma, { regionCode: "RA", unitCode: "APPR001" }), "APPROVED", day(3)),
      awaitingDepartment: await budgetIn(a2, "SUBMITTED", day(4)),
      departmentReview: await budgetIn(a2b, "DEPARTMENT_REVIEW", day(6)),
      otherRegion: await budgetIn(b, "SUBMITTED", day(1)),
    };
    // a2b moves into a2's department (after its budget, whose save places the unit by code), so that department has two units.
    await prisma.unit.update({ where: { id: a2b.unitId }, data: { departmentId: a2.departmentId } });
    const finance = await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: a1.regionId }]);
    const financeB = await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: b.regionId }]);
    const departmentA2 = await createViewer(prisma, [{ role: "DEPARTMENT_REVIEWER", departmentId: a2.departmentId }]);
    const departmentA1 = await createViewer(prisma, [{ role: "DEPARTMENT_REVIEWER", departmentId: a1.departmentId }]);
    return { a1, a2, ids, finance, financeB, departmentA2, departmentA1 };
  }

  const idsOf = async (viewer: Viewer, filter = {}) => (await listReviewQueue(prisma, viewer, filter)).map((item) => item.budgetId);

  it("shows a finance reviewer what waits for the region's finance bureau, oldest first, never drafts or other regions", async () => {
    const { ids, finance, financeB } = await world();

    expect(await idsOf(finance)).toEqual([ids.financeReview, ids.submitted]);
    expect(await idsOf(financeB)).toEqual([ids.otherRegion]);
  });

  it("filters by status and department within the reviewer's scope", async () => {
    const { a2, ids, finance } = await world();

    expect(await idsOf(finance, { status: "ALL" })).toEqual([
      ids.financeReview,
      ids.approved,
      ids.awaitingDepartment,
      ids.submitted,
      ids.departmentReview,
    ]);
    expect(await idsOf(finance, { status: "APPROVED" })).toEqual([ids.approved]);
    expect(await idsOf(finance, { status: "ALL", departmentId: a2.departmentId })).toEqual([ids.awaitingDepartment, ids.departmentReview]);
    // A department of another region filters to nothing rather than widening the scope.
    expect(await idsOf(finance, { status: "ALL", departmentId: 999_999 })).toEqual([]);
  });

  it("shows a department reviewer the department's budgets when it reviews first, and nothing that waits for finance", async () => {
    const { ids, departmentA2, departmentA1 } = await world();

    expect(await idsOf(departmentA2)).toEqual([ids.awaitingDepartment, ids.departmentReview]);
    expect(await idsOf(departmentA1)).toEqual([]);
    expect(await idsOf(departmentA1, { status: "ALL" })).toEqual([ids.submitted]);
  });

  it("is empty for accountants, and leaves out the reviewer's own unit", async () => {
    const { a1, ids } = await world();
    const accountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: a1.unitId }]);
    // The database refuses such a pair since migration 20261209020000 (ADR 0022); an assignment
    // from before it still reaches the session, so the queue keeps leaving the unit out.
    const both: Viewer = { userId: accountant.userId, roles: [{ role: "FINANCE_REVIEWER", regionId: a1.regionId }, ...accountant.roles] };

    expect(await idsOf(accountant)).toEqual([]);
    expect(await listQueueDepartments(prisma, accountant)).toEqual([]);
    expect(await idsOf(both)).toEqual([ids.financeReview]);
  });

  it("gives each row its total, the change from last year and the number of explained warnings", async () => {
    const { a1, finance } = await world();

    const item = (await listReviewQueue(prisma, finance)).find((row) => row.unitCode === a1.unit.code);
    const prior = guantao2024Budget.priorYear?.total ?? 0;
    expect(item).toMatchObject({
      status: "SUBMITTED",
      submittedAt: day(5),
      warningCount: 2,
      department: { id: a1.departmentId, code: a1.department.code },
      total: { current: demoTotal, prior, change: demoTotal - prior },
    });
    expect(item?.total.percent).toBeCloseTo(((demoTotal - prior) / prior) * 100, 1);
  });
});

describe("loadChangesSinceSubmission", () => {
  it("lists each field changed between the two latest submissions once, first old value to last new value", async () => {
    const unit = await createUnit(prisma);
    const budgetId = await budgetIn(unit, "DRAFT", new Date());
    const accountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: unit.unitId }]);
    const key = { unitCode: unit.unit.code, year: 2024 };
    let lockVersion = 0;
    async function save(edit: (input: BudgetDraftInput) => void) {
      const loaded = await loadBudget(prisma, key);
      if (loaded === null) throw new Error("no budget");
      const input = draftInputFromBudget(loaded.budget);
      edit(input);
      const result = await saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion: lockVersion, input });
      if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
      lockVersion = result.data.lockVersion;
    }
    const submit = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await prisma.budgetEvent.create({ data: { budgetId, action: "SUBMIT", toStatus: "SUBMITTED", at: new Date() } });
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const basic2013701 = (input: BudgetDraftInput) => {
      const line = input.expenditure.find((l) => l.functionalCode === "2013701" && l.kind === "BASIC");
      if (line === undefined) throw new Error("demo line missing");
      return line;
    };

    await save((input) => void (input.narrative.otherNotes = "报送前的修改"));
    await submit();
    expect((await loadChangesSinceSubmission(prisma, budgetId, { budget: guantao2024Budget, codeBook: guantao2024CodeBook })).changes).toEqual([]);

    await save((input) => void (basic2013701(input).amount = "60"));
    await save((input) => {
      basic2013701(input).amount = "58.5";
      input.narrative.basicChangeReason = "临时说明";
    });
    await save((input) => void (input.narrative.basicChangeReason = guantao2024Budget.narrative.basicChangeReason));
    await submit();
    await save((input) => void (input.narrative.otherNotes = "下次报送的修改"));

    const loaded = await loadBudget(prisma, key);
    if (loaded === null) throw new Error("no budget");
    const result = await loadChangesSinceSubmission(prisma, budgetId, loaded);
    expect(result.previousSubmittedAt).not.toBeNull();
    expect(result.changes).toEqual([
      {
        path: expect.stringMatching(/^expenditure/),
        label: "2013701 行政运行 · 基本支出 · 一般公共预算拨款",
        oldText: "57.99万元",
        newText: "58.50万元",
        deltaFen: 510_000,
      },
    ]);
  });
});

describe("loadReviewScreen", () => {
  it("opens for the region's finance reviewer with last year's approved budget side by side, and is not found for anyone else", async () => {
    const unit = await createUnit(prisma);
    const prior = buildBudgetFor(unit, { year: 2023 });
    const basic = prior.expenditure.find((l) => l.functionalCode === "2013701" && l.kind === "BASIC");
    if (basic === undefined) throw new Error("demo line missing");
    basic.amount -= 1_000_000;
    await createBudget(prisma, { budget: prior, status: "APPROVED" });
    const budgetId = await budgetIn(unit, "FINANCE_REVIEW", day(3), "C9|table=T6|rowKey=30110：说明文字");
    const finance = await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: unit.regionId }]);

    const screen = await loadReviewScreen(prisma, finance, budgetId);
    expect(screen.header).toMatchObject({ id: budgetId, unitCode: unit.unit.code, status: "FINANCE_REVIEW", isNewestVersion: true });
    expect(screen.comparison.source).toBe("budget");
    expect(screen.comparison.totals.find((f) => f.key === "basic")).toMatchObject({ change: 1_000_000 });
    expect(screen.comparison.table3.find((f) => f.key === "2013701")).toMatchObject({ label: "2013701 行政运行", change: 1_000_000 });
    const steps = screen.history.filter((e) => e.kind === "workflow");
    expect(steps.map((e) => e.what)).toEqual(["创建", "报送", "提交财政审核"]);
    // The submission's explanations are shown with the findings; the history only counts them.
    expect(steps[1]?.note).toBe("草稿 → 已报送；附提醒说明 1 条");
    expect(screen.anchorRows.T3.find((r) => r.key === "2013701")?.label).toBe("2013701 行政运行");

    const others: Viewer[] = [
      await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: unit.unitId }]),
      await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: (await createUnit(prisma)).regionId }]),
      await createViewer(prisma, [{ role: "ADMIN" }]),
    ];
    for (const viewer of [...others, null]) {
      await expect(loadReviewScreen(prisma, viewer, budgetId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(loadReviewScreen(prisma, finance, budgetId + 1000)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is not found for a draft, even for the region's finance reviewer", async () => {
    const unit = await createUnit(prisma);
    const budgetId = await budgetIn(unit, "DRAFT", day(1));
    const finance = await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: unit.regionId }]);
    await expect(loadReviewScreen(prisma, finance, budgetId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reads with a fixed number of statements, however many comments, audit events and submissions", async () => {
    const unit = await createUnit(prisma);
    await createBudget(prisma, { budget: buildBudgetFor(unit, { year: 2023 }), status: "APPROVED" });
    const budgetId = await budgetIn(unit, "FINANCE_REVIEW", day(3), "C9|table=T6|rowKey=30110：说明文字");
    const finance = await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: unit.regionId }]);
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { PrismaClient } = await import("@/lib/generated/prisma/client");
    const { inject } = await import("vitest");
    const counted = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("databaseUrl") }), log: [{ emit: "event", level: "query" }] });
    const statements: string[] = [];
    counted.$on("query", (event) => statements.push(event.query));
    const count = async () => {
      statements.length = 0;
      await loadReviewScreen(counted, finance, budgetId);
      return statements.length;
    };
    try {
      const audited = async (n: number) => {
        for (let i = 0; i < n; i += 1) {
          await writeAuditEvent(prisma, { action: "budget.save", result: "SUCCESS", userId: finance.userId, objectType: "budget", objectId: String(budgetId) });
          await prisma.reviewComment.create({ data: { budgetId, authorId: finance.userId, body: `意见${i}` } });
        }
      };
      await audited(1);
      const few = await count();
      await audited(5);
      // a second submission: the changes since the first are read too
      await prisma.budgetEvent.create({ data: { budgetId, action: "SUBMIT", toStatus: "SUBMITTED", at: new Date() } });
      const many = await count();
      expect(few).toBe(REVIEW_SCREEN_STATEMENTS - 1);
      expect(many).toBe(REVIEW_SCREEN_STATEMENTS);
    } finally {
      await counted.$disconnect();
    }
  });
});
