import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import type { Viewer } from "@/lib/auth/policies";
import { disconnectPrisma } from "@/lib/db";
import { buildBudgetFor, createBudget, createUnit, type FactoryStatus } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { parseAmount } from "@/lib/disclosure/money";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { findReadableBudget } from "./budget-access";
import { draftInputFromBudget } from "./budget-draft-input";
import type { BudgetDraftInput } from "./budget-input-schema";
import { loadBudget } from "./queries";
import { saveBudgetDraft } from "./save-budget-draft";
import { saveCodeBook } from "./save-code-book";
import { codeBook2023, createViewer, dumpBudget, RETIRED_2023_CODE, unitScope } from "./test-support";

const key = { unitCode: "224001", year: 2024 };

function wan(text: string): number {
  const parsed = parseAmount(text, "WAN_YUAN");
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.fen;
}

let accountant: Viewer;

async function setUp(status: FactoryStatus = "DRAFT") {
  await createBudget(prisma, { status });
  const scope = await unitScope(prisma, key.unitCode);
  accountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: scope.unitId }]);
  return scope;
}

async function storedInput(): Promise<BudgetDraftInput> {
  const loaded = await loadBudget(prisma, key);
  if (loaded === null) throw new Error("no budget");
  return draftInputFromBudget(loaded.budget);
}

function refusal(code: AppError["code"], message?: string) {
  return expect.objectContaining({ name: "AppError", code, ...(message === undefined ? {} : { message: expect.stringContaining(message) }) });
}

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
  await saveCodeBook(prisma, codeBook2023);
});
afterAll(disconnectPrisma);

describe("saveBudgetDraft", () => {
  it("saves a valid draft, increments lockVersion, records each changed leaf and an audit event", async () => {
    await setUp();
    const input = await storedInput();
    input.income[0]!.amount = "116.86";
    input.expenditure[3]!.amount = "3.35";
    input.narrative.basicChangeReason = "人员调整";

    const result = await saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion: 0, input });

    expect(result).toMatchObject({ ok: true, data: { lockVersion: 1, changedFields: 3 } });
    const loaded = await loadBudget(prisma, key);
    expect(loaded?.meta.lockVersion).toBe(1);
    expect(loaded?.budget.income[0]?.amount).toBe(wan("116.86"));
    expect(loaded?.budget.expenditure[3]?.amount).toBe(wan("3.35"));
    const changes = await prisma.budgetChange.findMany({ orderBy: { id: "asc" } });
    expect(changes.map((c) => [c.path, c.oldValue, c.newValue, c.userId])).toEqual([
      ["income.0.amount", wan("116.76"), wan("116.86"), accountant.userId],
      ["expenditure.3.amount", wan("3.25"), wan("3.35"), accountant.userId],
      ["narrative.basicChangeReason", "减少人员经费支出", "人员调整", accountant.userId],
    ]);
    expect(await prisma.auditEvent.findMany()).toEqual([
      expect.objectContaining({ action: "budget.save", result: "SUCCESS", userId: accountant.userId, objectType: "budget" }),
    ]);
  });

  it("stores the draft exactly as shown: saving it unchanged records no change", async () => {
    await setUp();
    const before = await dumpBudget(prisma, key);
    const result = await saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion: 0, input: await storedInput() });
    expect(result).toMatchObject({ ok: true, data: { lockVersion: 1, changedFields: 0 } });
    expect((await dumpBudget(prisma, key)).budget).toEqual(before.budget);
  });

  it("records added and removed rows with a missing side", async () => {
    await setUp();
    const input = await storedInput();
    input.expenditure.pop();
    const result = await saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion: 0, input });
    expect(result).toMatchObject({ ok: true, data: { changedFields: 4 } });
    const changes = await prisma.budgetChange.findMany({ orderBy: { id: "asc" } });
    expect(changes.map((c) => [c.path, c.newValue])).toEqual([
      ["expenditure.4.functionalCode", null],
      ["expenditure.4.kind", null],
      ["expenditure.4.source", null],
      ["expenditure.4.amount", null],
    ]);
  });

  const long = (n: number) => "字".repeat(n);
  const badInputs: [string, (input: BudgetDraftInput) => void, string, string][] = [
    ["a negative amount", (i) => void (i.expenditure[3]!.amount = "-1"), "expenditure.3.amount", "金额不能为负数：-1"],
    ["a non-numeric amount", (i) => void (i.expenditure[3]!.amount = "abc"), "expenditure.3.amount", "“abc”不是有效的金额，请输入数字（单位：万元）"],
    ["more than 2 decimals in 万元", (i) => void (i.expenditure[3]!.amount = "1.234"), "expenditure.3.amount", "金额最多保留2位小数（单位：万元）：1.234"],
    ["text in a number", (i) => void (i.income[0]!.amount = "116.76万元"), "income.0.amount", "“116.76万元”不是有效的金额，请输入数字（单位：万元）"],
    ["an unknown functional code", (i) => void (i.expenditure[0]!.functionalCode = "2999999"), "expenditure.0.functionalCode", "功能分类科目2999999不在2024年科目表中"],
    ["a code from another year's book", (i) => void (i.expenditure[0]!.functionalCode = RETIRED_2023_CODE), "expenditure.0.functionalCode", `功能分类科目${RETIRED_2023_CODE}不在2024年科目表中`],
    ["a functional code that is not a 项", (i) => void (i.expenditure[0]!.functionalCode = "20137"), "expenditure.0.functionalCode", "功能分类科目“20137”不是7位项级编码"],
    ["an unknown economic code", (i) => void (i.basicEconomic[0]!.economicCode = "39999"), "basicEconomic.0.economicCode", "经济分类科目39999不在2024年科目表中"],
    ["an oversized reason", (i) => void (i.narrative.basicChangeReason = long(2001)), "narrative.basicChangeReason", "内容过长：最多2000个字，现有2001个字"],
    ["oversized duties", (i) => void (i.unit.duties = [long(20_001)]), "unit.duties.0", "内容过长：最多20000个字，现有20001个字"],
    ["a duplicate line", (i) => void i.income.push({ source: "GENERAL_BUDGET", amount: "1" }), "income.1", "收入来源重复：一般公共预算拨款"],
  ];

  it.each(badInputs)("refuses %s with a Chinese message on the field and leaves the database unchanged", async (_label, spoil, path, message) => {
    await setUp();
    const input = await storedInput();
    spoil(input);
    const before = await dumpBudget(prisma, key);

    const result = await saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion: 0, input });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors[path]).toContain(message);
    expect(await dumpBudget(prisma, key)).toEqual(before);
    expect(await prisma.auditEvent.count()).toBe(0);
  });

  it("reports every field error at once, not only the first", async () => {
    await setUp();
    const input = await storedInput();
    input.expenditure[0]!.amount = "-5";
    input.expenditure[2]!.amount = "1.234";
    input.basicEconomic[1]!.economicCode = "39999";
    input.narrative.otherNotes = long(20_001);
    const result = await saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion: 0, input });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(
      ["basicEconomic.1.economicCode", "expenditure.0.amount", "expenditure.2.amount", "narrative.otherNotes"].sort(),
    );
  });

  it("checks amounts in 元 with 分 precision when the draft is in 元", async () => {
    await setUp();
    const input = await storedInput();
    const inYuan: BudgetDraftInput = { ...input, amountUnit: "YUAN", income: [{ source: "GENERAL_BUDGET", amount: "1167600.001" }] };
    const result = await saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion: 0, input: inYuan });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors["income.0.amount"]).toEqual(["金额最多保留2位小数（单位：元）：1167600.001"]);
  });

  it("keeps the stored unit, department, region and year whatever the form sends", async () => {
    await setUp();
    const other = await createUnit(prisma);
    const input = { ...(await storedInput()), year: 2030, region: other.region, unit: { ...(await storedInput()).unit, code: other.unit.code } };
    const result = await saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion: 0, input });
    expect(result.ok).toBe(true);
    const loaded = await loadBudget(prisma, key);
    expect(loaded?.budget).toMatchObject({ year: 2024, unit: { code: "224001" }, region: { code: "130433" } });
    expect(await prisma.budget.count({ where: { unitId: other.unitId } })).toBe(0);
  });

  it("lets an accountant of unit A neither read nor write unit B's budget (tampered unit code)", async () => {
    await setUp();
    const unitB = await createUnit(prisma);
    await createBudget(prisma, { budget: buildBudgetFor(unitB) });
    const keyB = { unitCode: unitB.unit.code, year: 2024 };
    const input = await storedInput();
    const before = await dumpBudget(prisma, keyB);

    await expect(findReadableBudget(prisma, accountant, keyB)).rejects.toEqual(refusal("NOT_FOUND"));
    await expect(saveBudgetDraft(prisma, accountant, { ...keyB, baseLockVersion: 0, input })).rejects.toEqual(refusal("NOT_FOUND"));
    expect(await dumpBudget(prisma, keyB)).toEqual(before);
    expect(await prisma.auditEvent.findMany()).toEqual([
      expect.objectContaining({
        action: "budget.save",
        result: "DENIED",
        userId: accountant.userId,
        details: expect.objectContaining({ unitCode: keyB.unitCode, reason: "NOT_FOUND" }),
      }),
    ]);
  });

  it("refuses a reviewer, and an anonymous visitor", async () => {
    const scope = await setUp("RETURNED");
    const reviewer = await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: scope.regionId }]);
    const input = await storedInput();
    const before = await dumpBudget(prisma, key);

    await expect(saveBudgetDraft(prisma, reviewer, { ...key, baseLockVersion: 0, input })).rejects.toEqual(
      refusal("FORBIDDEN", "只有本单位的会计"),
    );
    await expect(saveBudgetDraft(prisma, null, { ...key, baseLockVersion: 0, input })).rejects.toEqual(refusal("UNAUTHENTICATED"));
    expect(await dumpBudget(prisma, key)).toEqual(before);
  });

  it("saves a returned budget", async () => {
    await setUp("RETURNED");
    const result = await saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion: 0, input: await storedInput() });
    expect(result.ok).toBe(true);
  });

  it.each<FactoryStatus>(["SUBMITTED", "FINANCE_REVIEW", "APPROVED"])("refuses to save a %s budget", async (status) => {
    await setUp(status);
    const input = await storedInput();
    input.income[0]!.amount = "1";
    const before = await dumpBudget(prisma, key);
    await expect(saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion: 0, input })).rejects.toEqual(
      refusal("CONFLICT", "预算已报送，不能再修改"),
    );
    expect(await dumpBudget(prisma, key)).toEqual(before);
  });

  it("refuses the second of two saves from the same base version and keeps the first's data", async () => {
    await setUp();
    const first = await storedInput();
    first.income[0]!.amount = "120";
    const second = await storedInput();
    second.narrative.otherNotes = "第二位会计的修改";

    expect(await saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion: 0, input: first })).toMatchObject({ ok: true });
    const afterFirst = await dumpBudget(prisma, key);
    await expect(saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion: 0, input: second })).rejects.toEqual(
      refusal("CONFLICT", "预算已被他人修改（当前版本号1，您编辑的是版本号0），本次修改未保存"),
    );

    expect(await dumpBudget(prisma, key)).toEqual(afterFirst);
    expect(afterFirst.budget?.income[0]?.amount).toBe(wan("120"));
    expect(afterFirst.budget?.narrative.otherNotes).toBe("我单位无其他需要说明的事项。");
  });

  it("lets exactly one of two concurrent saves from the same base version win", async () => {
    await setUp();
    const first = await storedInput();
    first.income[0]!.amount = "120";
    const second = await storedInput();
    second.income[0]!.amount = "130";

    const results = await Promise.allSettled([
      saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion: 0, input: first }),
      saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion: 0, input: second }),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(AppError);
    const loaded = await loadBudget(prisma, key);
    expect(loaded?.meta.lockVersion).toBe(1);
    const winner = results[0]?.status === "fulfilled" ? "120" : "130";
    expect(loaded?.budget.income[0]?.amount).toBe(wan(winner));
    expect(await prisma.budgetChange.count()).toBe(1);
  });
});
