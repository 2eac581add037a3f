import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { AppError } from "@/lib/app-error";
import type { Viewer } from "@/lib/auth/policies";
import { disconnectPrisma } from "@/lib/db";
import { buildBudget, createBudget, createUnit } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { checkDisclosure } from "@/lib/disclosure/check";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { draftInputFromBudget } from "./budget-draft-input";
import type { BudgetDraftInput } from "./budget-input-schema";
import { createDraftFromPriorYear } from "./create-draft-from-prior-year";
import { findingKey } from "./finding-key";
import { loadBudget } from "./queries";
import { saveBudgetDraft } from "./save-budget-draft";
import { saveCodeBook } from "./save-code-book";
import { submitBudget } from "./submit-budget";
import { codeBook2023, createViewer, dumpBudget, unitScope, openYearForTest } from "./test-support";

const key = { unitCode: "224001", year: 2024 };
const now = new Date("2024-01-10T02:00:00.000Z");

let accountant: Viewer;

async function setUp() {
  await createBudget(prisma);
  const scope = await unitScope(prisma, key.unitCode);
  accountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: scope.unitId }]);
  return scope;
}

async function storedInput(): Promise<BudgetDraftInput> {
  const loaded = await loadBudget(prisma, key);
  if (loaded === null) throw new Error("no budget");
  return draftInputFromBudget(loaded.budget);
}

/** Saves an edited draft and returns its new lockVersion. */
async function saveEdited(edit: (input: BudgetDraftInput) => void, baseLockVersion = 0): Promise<number> {
  const input = await storedInput();
  edit(input);
  const result = await saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion, input });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.data.lockVersion;
}

/** 0.10 万元 moved from 30110 to 30101: totals still agree, but 30110 no longer matches 2101101 (C9 warning). */
function shiftContribution(input: BudgetDraftInput): void {
  const from = input.basicEconomic.find((l) => l.economicCode === "30110");
  const to = input.basicEconomic.find((l) => l.economicCode === "30101");
  if (from === undefined || to === undefined) throw new Error("demo lines missing");
  from.amount = "3.15";
  to.amount = "27.5";
}

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
  await saveCodeBook(prisma, codeBook2023);
});
afterAll(disconnectPrisma);

describe("submitBudget", () => {
  it("submits a budget without findings, records the event and audit, and then refuses saves", async () => {
    await setUp();

    const submitted = await submitBudget(prisma, accountant, { ...key, lockVersion: 0, explanations: {} }, now);

    expect(submitted).toMatchObject({ lockVersion: 1, submittedAt: now, explainedWarnings: 0 });
    const loaded = await loadBudget(prisma, key);
    expect(loaded?.meta).toMatchObject({ status: "SUBMITTED", submittedAt: now, lockVersion: 1 });
    expect((await prisma.budgetEvent.findMany({ orderBy: { id: "asc" } })).at(-1)).toMatchObject({
      action: "SUBMIT",
      fromStatus: "DRAFT",
      toStatus: "SUBMITTED",
      actorId: accountant.userId,
      at: now,
    });
    expect(await prisma.auditEvent.findMany()).toEqual([
      expect.objectContaining({ action: "budget.submit", result: "SUCCESS", userId: accountant.userId }),
    ]);

    const input = await storedInput();
    input.income[0]!.amount = "1";
    const before = await dumpBudget(prisma, key);
    await expect(saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion: 1, input })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("预算已报送，不能再修改"),
    });
    await expect(submitBudget(prisma, accountant, { ...key, lockVersion: 1, explanations: {} })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await dumpBudget(prisma, key)).toEqual(before);
  });

  it("refuses while the checks find an error, naming each finding", async () => {
    await setUp();
    const lockVersion = await saveEdited((input) => void (input.income[0]!.amount = "120"));
    const before = await dumpBudget(prisma, key);

    const refusal: unknown = await submitBudget(prisma, accountant, { ...key, lockVersion, explanations: {} }).catch((e: unknown) => e);

    expect(refusal).toMatchObject({ code: "INVALID_INPUT", message: "预算还有错误，改正后才能报送。" });
    const loaded = await loadBudget(prisma, key);
    const errors = checkDisclosure({ budget: loaded!.budget, codeBook: guantao2024CodeBook }).filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(Object.keys((refusal as AppError).fieldErrors).sort()).toEqual([...new Set(errors.map(findingKey))].sort());
    expect(await dumpBudget(prisma, key)).toEqual(before);
  });

  it("refuses an unexplained warning, and submits once it is explained", async () => {
    await setUp();
    const lockVersion = await saveEdited(shiftContribution);
    const loaded = await loadBudget(prisma, key);
    const findings = checkDisclosure({ budget: loaded!.budget, codeBook: guantao2024CodeBook });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([["C9", "warning"]]);
    const warningKey = findingKey(findings[0]!);
    expect(warningKey).toBe("C9|table=T6|rowKey=30110|column=total");
    const before = await dumpBudget(prisma, key);

    for (const explanations of [{}, { [warningKey]: "   " }, { "C9|table=T6|rowKey=30101": "别的提示" }]) {
      const refusal: unknown = await submitBudget(prisma, accountant, { ...key, lockVersion, explanations }).catch((e: unknown) => e);
      expect(refusal).toMatchObject({ code: "INVALID_INPUT", message: "每条提示都需要写明原因后才能报送。" });
      expect((refusal as AppError).fieldErrors[warningKey]?.[0]).toMatch(/^请说明原因：/);
    }
    expect(await dumpBudget(prisma, key)).toEqual(before);

    const explanation = "医疗保险缴费基数调整，部分缴费列入职工基本医疗保险缴费。";
    const submitted = await submitBudget(prisma, accountant, { ...key, lockVersion, explanations: { [warningKey]: explanation } }, now);
    expect(submitted.explainedWarnings).toBe(1);
    const event = await prisma.budgetEvent.findFirstOrThrow({ where: { action: "SUBMIT" } });
    expect(event.comment).toBe(`${warningKey}：${explanation}`);
  });

  it("refuses a stale lockVersion", async () => {
    await setUp();
    await saveEdited((input) => void (input.narrative.otherNotes = "无"));
    await expect(submitBudget(prisma, accountant, { ...key, lockVersion: 0, explanations: {} })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("预算已被他人修改"),
    });
    expect((await loadBudget(prisma, key))?.meta.status).toBe("DRAFT");
  });

  it("refuses an accountant of another unit and a reviewer", async () => {
    const scope = await setUp();
    const other = await createUnit(prisma);
    const otherAccountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: other.unitId }]);
    const reviewer = await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: scope.regionId }]);
    for (const viewer of [otherAccountant, reviewer]) {
      await expect(submitBudget(prisma, viewer, { ...key, lockVersion: 0, explanations: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await loadBudget(prisma, key))?.meta.status).toBe("DRAFT");
  });

  it("takes a budget derived from last year's through save and submission", async () => {
    await createBudget(prisma, {
      budget: buildBudget({ year: 2023, priorYear: null, assets: { ...buildBudget().assets, asOf: "2022-12-31" } }),
      status: "APPROVED",
    });
    const scope = await unitScope(prisma, key.unitCode);
    accountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: scope.unitId }]);
    await openYearForTest(prisma, scope.regionId, key.year);
    await createDraftFromPriorYear(prisma, accountant, key);

    const lockVersion = await saveEdited((input) => void (input.narrative.basicChangeReason = "与上年持平"));
    const loaded = await loadBudget(prisma, key);
    const warnings = checkDisclosure({ budget: loaded!.budget, codeBook: guantao2024CodeBook });
    expect(warnings.filter((f) => f.severity === "error")).toEqual([]);
    const explanations = Object.fromEntries(warnings.map((f) => [findingKey(f), "已核实"]));

    await submitBudget(prisma, accountant, { ...key, lockVersion, explanations });
    expect((await loadBudget(prisma, key))?.meta.status).toBe("SUBMITTED");
  });
});
