import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { loadBudget } from "@/lib/budgets/queries";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { disconnectPrisma } from "@/lib/db";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import type { DocumentRenderers } from "@/lib/publication/publish-budget";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { openCorrection } from "./open-correction";
import { publishUnitBudget } from "./publish-unit-budget";
import { failingAt } from "@/tests/integration/failing-client";
import { renderersWithoutPdf } from "@/tests/integration/renderers";
import { auditRows, setUpWorkflow, workflowState } from "./test-support";
import { withdrawBudget } from "./withdraw-budget";

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
});
afterAll(disconnectPrisma);

const approvedAt = new Date("2024-01-20T02:00:00.000Z");
const now = new Date("2024-02-01T08:00:00.000Z");
const CLIENT = "203.0.113.9";
const key = { unitCode: "224001", year: 2024 };

async function budgetRow(id: number) {
  return prisma.budget.findUniqueOrThrow({ where: { id } });
}

describe("withdrawBudget", () => {
  it("takes a submitted budget back to draft before review starts", async () => {
    const f = await setUpWorkflow(prisma, { status: "SUBMITTED", at: approvedAt });
    await expect(withdrawBudget(prisma, f.accountant, { budgetId: f.budgetId }, now)).resolves.toEqual({ budgetId: f.budgetId });
    expect(await budgetRow(f.budgetId)).toMatchObject({ status: "DRAFT", submittedAt: null });
    expect(await prisma.budgetEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({
      action: "WITHDRAW",
      fromStatus: "SUBMITTED",
      toStatus: "DRAFT",
      actorId: f.accountant.userId,
    });
  });

  it("refuses once review has started", async () => {
    const g = await setUpWorkflow(prisma, { status: "FINANCE_REVIEW", at: approvedAt });
    await expect(withdrawBudget(prisma, g.accountant, { budgetId: g.budgetId }, now)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "预算当前状态为“财政审核中”，不能撤回。",
    });
  });
});

describe("publishUnitBudget", () => {
  it("publishes a signed-off budget as the unit's accountant, with the actor and client address", async () => {
    const f = await setUpWorkflow(prisma, { status: "SIGNED_OFF", at: approvedAt });

    const result = await publishUnitBudget(prisma, f.accountant, { budgetId: f.budgetId, clientAddress: CLIENT }, renderersWithoutPdf, now);

    expect(result).toMatchObject({ budgetId: f.budgetId, version: 1, path: "/budgets/2024/224001/v1" });
    expect(await budgetRow(f.budgetId)).toMatchObject({ status: "PUBLISHED", publishedAt: now });
    expect(await prisma.publishedSnapshot.findFirstOrThrow()).toMatchObject({ budgetId: f.budgetId, publishedById: f.accountant.userId });
    expect(await auditRows(prisma)).toEqual([
      expect.objectContaining({ action: "budget.publish", result: "SUCCESS", userId: f.accountant.userId, clientAddress: CLIENT, objectId: String(f.budgetId) }),
    ]);
  });

  it("refuses an approved budget that is not yet signed off, and the reviewer who approved it", async () => {
    const f = await setUpWorkflow(prisma, { status: "APPROVED", at: approvedAt });
    const before = await workflowState(prisma);
    await expect(publishUnitBudget(prisma, f.accountant, { budgetId: f.budgetId }, renderersWithoutPdf, now)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(publishUnitBudget(prisma, f.financeReviewer, { budgetId: f.budgetId }, renderersWithoutPdf, now)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await workflowState(prisma)).toEqual(before);
    expect((await auditRows(prisma)).map((r) => `${r.action} ${r.result}`)).toEqual(["budget.publish FAILURE", "budget.publish DENIED"]);
  });

  it("is atomic: a renderer failing leaves nothing published, and so does a store step failing after some writes", async () => {
    const f = await setUpWorkflow(prisma, { status: "SIGNED_OFF", at: approvedAt });
    const before = await workflowState(prisma);

    const brokenXlsx: DocumentRenderers = { ...renderersWithoutPdf, xlsx: () => Promise.reject(new Error("injected: xlsx renderer crashed")) };
    await expect(publishUnitBudget(prisma, f.accountant, { budgetId: f.budgetId }, brokenXlsx, now)).rejects.toThrow("injected: xlsx renderer crashed");
    expect(await workflowState(prisma)).toEqual(before);

    // The budget status and the snapshot are written, then the workflow event fails.
    const failingEvent = failingAt("budgetEvent", "create", "injected: the database went away");
    await expect(publishUnitBudget(failingEvent, f.accountant, { budgetId: f.budgetId }, renderersWithoutPdf, now)).rejects.toThrow(
      "injected: the database went away",
    );
    expect(await workflowState(prisma)).toEqual(before);
    expect((await budgetRow(f.budgetId)).status).toBe("SIGNED_OFF");
    expect(await prisma.publishedSnapshot.count()).toBe(0);
    expect(await prisma.publishedArtifact.count()).toBe(0);
    expect((await auditRows(prisma)).map((r) => `${r.action} ${r.result}`)).toEqual(["budget.publish FAILURE", "budget.publish FAILURE"]);

    // Nothing left behind stops the next attempt.
    await expect(publishUnitBudget(prisma, f.accountant, { budgetId: f.budgetId }, renderersWithoutPdf, now)).resolves.toMatchObject({ version: 1 });
  });
});

describe("openCorrection", () => {
  it("opens version 2 as a draft copy with the 更正说明, only on the newest published version", async () => {
    const f = await setUpWorkflow(prisma, { status: "SIGNED_OFF", at: approvedAt });
    await expect(openCorrection(prisma, f.accountant, { budgetId: f.budgetId, correctionNote: "更正项目名称。" }, now)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await publishUnitBudget(prisma, f.accountant, { budgetId: f.budgetId }, renderersWithoutPdf, now);
    await expect(openCorrection(prisma, f.accountant, { budgetId: f.budgetId, correctionNote: " " }, now)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { correctionNote: ["请填写更正说明"] },
    });

    const opened = await openCorrection(prisma, f.accountant, { budgetId: f.budgetId, correctionNote: "更正项目名称。", clientAddress: CLIENT }, now);

    expect(opened).toMatchObject({ version: 2 });
    expect(await budgetRow(opened.budgetId)).toMatchObject({
      version: 2,
      status: "DRAFT",
      correctionNote: "更正项目名称。",
      previousVersionId: f.budgetId,
      approvedAt: null,
      publishedAt: null,
    });
    const v1 = await loadBudget(prisma, { ...key, version: 1 });
    const v2 = await loadBudget(prisma, { ...key, version: 2 });
    expect(v2?.budget).toEqual(v1?.budget);
    expect(await prisma.budgetEvent.findMany({ where: { budgetId: opened.budgetId } })).toEqual([
      expect.objectContaining({ action: "CREATE", fromStatus: null, toStatus: "DRAFT", actorId: f.accountant.userId, comment: "更正项目名称。" }),
    ]);
    expect((await auditRows(prisma)).at(-1)).toMatchObject({
      action: "budget.correction",
      result: "SUCCESS",
      objectId: String(opened.budgetId),
      clientAddress: CLIENT,
      details: expect.objectContaining({ correctedBudgetId: f.budgetId, version: 2 }),
    });
    // Version 1 is no longer the newest: a second correction of it is refused.
    await expect(openCorrection(prisma, f.accountant, { budgetId: f.budgetId, correctionNote: "再次更正。" }, now)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "该版本已有更正版本，只能更正最新的版本。",
    });
    // Version 1 stays published.
    expect((await budgetRow(f.budgetId)).status).toBe("PUBLISHED");
  });
});
