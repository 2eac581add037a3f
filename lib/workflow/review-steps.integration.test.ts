import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { disconnectPrisma } from "@/lib/db";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { addReviewComment } from "./add-review-comment";
import { approveBudget } from "./approve-budget";
import { resolveReviewComment } from "./resolve-review-comment";
import { returnBudget, RETURN_NEEDS_COMMENT } from "./return-budget";
import { startReview } from "./start-review";
import { auditRows, setUpWorkflow, workflowState } from "./test-support";

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
});
afterAll(disconnectPrisma);

const submittedAt = new Date("2024-01-10T02:00:00.000Z");
const now = new Date("2024-01-12T03:00:00.000Z");
const CLIENT = "198.51.100.23";

async function status(budgetId: number) {
  return (await prisma.budget.findUniqueOrThrow({ where: { id: budgetId }, select: { status: true } })).status;
}

async function lastEvent(budgetId: number) {
  return prisma.budgetEvent.findFirstOrThrow({ where: { budgetId }, orderBy: { id: "desc" } });
}

describe("startReview", () => {
  it("sends a submitted budget straight to finance review when the department has no review step", async () => {
    const f = await setUpWorkflow(prisma, { status: "SUBMITTED", at: submittedAt });

    const started = await startReview(prisma, f.financeReviewer, { budgetId: f.budgetId, clientAddress: CLIENT }, now);

    expect(started).toEqual({ budgetId: f.budgetId, step: "START_FINANCE_REVIEW", status: "FINANCE_REVIEW" });
    expect(await status(f.budgetId)).toBe("FINANCE_REVIEW");
    expect(await lastEvent(f.budgetId)).toMatchObject({
      action: "START_FINANCE_REVIEW",
      fromStatus: "SUBMITTED",
      toStatus: "FINANCE_REVIEW",
      actorId: f.financeReviewer.userId,
      at: now,
    });
    expect(await auditRows(prisma)).toEqual([
      {
        action: "budget.start_review",
        result: "SUCCESS",
        userId: f.financeReviewer.userId,
        objectType: "budget",
        objectId: String(f.budgetId),
        clientAddress: CLIENT,
        details: expect.objectContaining({ from: "SUBMITTED", to: "FINANCE_REVIEW", step: "START_FINANCE_REVIEW", unitCode: "224001" }),
      },
    ]);
  });

  it("goes through the department first when it has a review step, then the department forwards to finance", async () => {
    const f = await setUpWorkflow(prisma, { status: "SUBMITTED", at: submittedAt, hasDepartmentReview: true });

    await expect(startReview(prisma, f.financeReviewer, { budgetId: f.budgetId }, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await status(f.budgetId)).toBe("SUBMITTED");

    await expect(startReview(prisma, f.departmentReviewer, { budgetId: f.budgetId }, now)).resolves.toMatchObject({
      step: "START_DEPARTMENT_REVIEW",
      status: "DEPARTMENT_REVIEW",
    });
    await expect(startReview(prisma, f.departmentReviewer, { budgetId: f.budgetId }, now)).resolves.toMatchObject({
      step: "START_FINANCE_REVIEW",
      status: "FINANCE_REVIEW",
    });
    expect(await lastEvent(f.budgetId)).toMatchObject({ action: "START_FINANCE_REVIEW", fromStatus: "DEPARTMENT_REVIEW", actorId: f.departmentReviewer.userId });
    // Once in finance review, it is the finance bureau's: the department cannot start anything again.
    await expect(startReview(prisma, f.departmentReviewer, { budgetId: f.budgetId }, now)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a budget that is not submitted, and audits the refusal", async () => {
    const f = await setUpWorkflow(prisma, { status: "DRAFT" });
    const before = await workflowState(prisma);

    await expect(startReview(prisma, f.financeReviewer, { budgetId: f.budgetId, clientAddress: CLIENT }, now)).rejects.toMatchObject({
      code: "NOT_FOUND", // a draft is the unit's own business: reviewers do not even see it
    });
    await expect(startReview(prisma, f.accountant, { budgetId: f.budgetId }, now)).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect(await workflowState(prisma)).toEqual(before);
    expect(await auditRows(prisma)).toEqual([
      expect.objectContaining({ action: "budget.start_review", result: "DENIED", userId: f.financeReviewer.userId, objectId: String(f.budgetId), clientAddress: CLIENT }),
      expect.objectContaining({ action: "budget.start_review", result: "DENIED", userId: f.accountant.userId }),
    ]);
  });

  it("lets only one of two reviewers who click at once succeed", async () => {
    const f = await setUpWorkflow(prisma, { status: "SUBMITTED", at: submittedAt });
    const colleague = f.viewers["finance reviewer of the region"];
    const results = await Promise.allSettled([
      startReview(prisma, f.financeReviewer, { budgetId: f.budgetId }, now),
      startReview(prisma, colleague, { budgetId: f.budgetId }, now),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.budgetEvent.count({ where: { budgetId: f.budgetId, action: "START_FINANCE_REVIEW" } })).toBe(1);
  });
});

describe("addReviewComment and resolveReviewComment", () => {
  it("stores a reviewer's comment anchored to a table row, audited, without touching the budget", async () => {
    const f = await setUpWorkflow(prisma, { status: "FINANCE_REVIEW", at: submittedAt });
    const before = (await workflowState(prisma)).budgets;

    const added = await addReviewComment(
      prisma,
      f.financeReviewer,
      { budgetId: f.budgetId, anchorTable: 5, anchorRow: "30101", body: "  基本工资较上年增幅较大，请说明。 " },
      now,
    );

    expect(await prisma.reviewComment.findUniqueOrThrow({ where: { id: added.commentId } })).toMatchObject({
      budgetId: f.budgetId,
      anchorTable: 5,
      anchorRow: "30101",
      anchorSection: null,
      body: "基本工资较上年增幅较大，请说明。",
      authorId: f.financeReviewer.userId,
      createdAt: now,
      resolvedAt: null,
    });
    expect((await workflowState(prisma)).budgets).toEqual(before);
    expect(await auditRows(prisma)).toEqual([
      expect.objectContaining({ action: "budget.comment", result: "SUCCESS", userId: f.financeReviewer.userId, objectId: String(f.budgetId) }),
    ]);
  });

  it("refuses empty text and a table number outside 1–9, with Chinese field messages", async () => {
    const f = await setUpWorkflow(prisma, { status: "FINANCE_REVIEW", at: submittedAt });
    await expect(addReviewComment(prisma, f.financeReviewer, { budgetId: f.budgetId, body: "   " })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { body: ["请填写审核意见"] },
    });
    await expect(addReviewComment(prisma, f.financeReviewer, { budgetId: f.budgetId, anchorTable: 10, body: "x" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { anchorTable: ["表号应为 1 到 9"] },
    });
    expect(await prisma.reviewComment.count()).toBe(0);
    expect((await auditRows(prisma)).map((r) => r.result)).toEqual(["FAILURE", "FAILURE"]);
  });

  it("lets the accountant reply on a returned budget but not comment during review", async () => {
    const f = await setUpWorkflow(prisma, { status: "FINANCE_REVIEW", at: submittedAt });
    const question = await addReviewComment(prisma, f.financeReviewer, { budgetId: f.budgetId, body: "请补充项目绩效目标。" }, now);
    await expect(addReviewComment(prisma, f.accountant, { budgetId: f.budgetId, body: "已补充。", parentId: question.commentId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await returnBudget(prisma, f.financeReviewer, { budgetId: f.budgetId }, now);

    const reply = await addReviewComment(prisma, f.accountant, { budgetId: f.budgetId, body: "已补充。", parentId: question.commentId }, now);

    expect(await prisma.reviewComment.findUniqueOrThrow({ where: { id: reply.commentId } })).toMatchObject({ parentId: question.commentId, authorId: f.accountant.userId });
  });

  it("lets the reviewer of the current stage resolve a comment, once", async () => {
    const f = await setUpWorkflow(prisma, { status: "FINANCE_REVIEW", at: submittedAt });
    const { commentId } = await addReviewComment(prisma, f.financeReviewer, { budgetId: f.budgetId, body: "请核对。" }, now);

    await expect(resolveReviewComment(prisma, f.accountant, { commentId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resolveReviewComment(prisma, f.financeReviewer, { commentId }, now)).resolves.toMatchObject({ commentId, budgetId: f.budgetId });
    await expect(resolveReviewComment(prisma, f.financeReviewer, { commentId }, now)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await prisma.reviewComment.findUniqueOrThrow({ where: { id: commentId } })).toMatchObject({ resolvedAt: now, resolvedById: f.financeReviewer.userId });
    expect((await auditRows(prisma)).map((r) => `${r.action} ${r.result}`)).toEqual([
      "budget.comment SUCCESS",
      "budget.comment_resolve DENIED",
      "budget.comment_resolve SUCCESS",
      "budget.comment_resolve FAILURE",
    ]);
  });
});

describe("returnBudget", () => {
  it("refuses to return without any comment, and changes nothing", async () => {
    const f = await setUpWorkflow(prisma, { status: "FINANCE_REVIEW", at: submittedAt });
    const before = await workflowState(prisma);

    await expect(returnBudget(prisma, f.financeReviewer, { budgetId: f.budgetId, message: "  " }, now)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: RETURN_NEEDS_COMMENT,
      fieldErrors: { message: [RETURN_NEEDS_COMMENT] },
    });
    expect(await workflowState(prisma)).toEqual(before);
    expect(await auditRows(prisma)).toEqual([expect.objectContaining({ action: "budget.return", result: "FAILURE" })]);
  });

  it("turns the message into a comment on the whole budget when no comment is open", async () => {
    const f = await setUpWorkflow(prisma, { status: "FINANCE_REVIEW", at: submittedAt });

    await expect(returnBudget(prisma, f.financeReviewer, { budgetId: f.budgetId, message: "三公经费说明不完整。" }, now)).resolves.toEqual({
      budgetId: f.budgetId,
      openComments: 1,
    });

    expect(await status(f.budgetId)).toBe("RETURNED");
    expect(await prisma.reviewComment.findMany({ select: { body: true, anchorTable: true, anchorSection: true, authorId: true } })).toEqual([
      { body: "三公经费说明不完整。", anchorTable: null, anchorSection: null, authorId: f.financeReviewer.userId },
    ]);
    expect(await lastEvent(f.budgetId)).toMatchObject({ action: "RETURN", fromStatus: "FINANCE_REVIEW", toStatus: "RETURNED", comment: "三公经费说明不完整。" });
  });

  it("returns on the strength of an open comment of this round; an old round's comment does not count", async () => {
    const f = await setUpWorkflow(prisma, { status: "FINANCE_REVIEW", at: submittedAt });
    // A comment from before the current submission (a previous round) is not enough.
    await prisma.reviewComment.create({
      data: { budgetId: f.budgetId, body: "上一轮的意见", authorId: f.financeReviewer.userId, createdAt: new Date("2024-01-05T00:00:00Z") },
    });
    await expect(returnBudget(prisma, f.financeReviewer, { budgetId: f.budgetId }, now)).rejects.toMatchObject({ code: "INVALID_INPUT" });

    await addReviewComment(prisma, f.financeReviewer, { budgetId: f.budgetId, anchorTable: 1, body: "收入合计有误。" }, now);
    await expect(returnBudget(prisma, f.financeReviewer, { budgetId: f.budgetId }, now)).resolves.toMatchObject({ openComments: 1 });
    expect(await prisma.reviewComment.count()).toBe(2);
    expect(await lastEvent(f.budgetId)).toMatchObject({ action: "RETURN", comment: null });
  });

  it("lets the department reviewer return from department review, but not the finance reviewer", async () => {
    const f = await setUpWorkflow(prisma, { status: "DEPARTMENT_REVIEW", at: submittedAt, hasDepartmentReview: true });
    await expect(returnBudget(prisma, f.financeReviewer, { budgetId: f.budgetId, message: "不行" }, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(returnBudget(prisma, f.departmentReviewer, { budgetId: f.budgetId, message: "请补充说明。" }, now)).resolves.toMatchObject({
      openComments: 1,
    });
    expect(await lastEvent(f.budgetId)).toMatchObject({ fromStatus: "DEPARTMENT_REVIEW", actorId: f.departmentReviewer.userId });
  });
});

describe("approveBudget", () => {
  it("approves, records approvedAt and reports the 批复 date in China time", async () => {
    const f = await setUpWorkflow(prisma, { status: "FINANCE_REVIEW", at: submittedAt });
    // 17:30 UTC on 19 January is already 20 January in China.
    const late = new Date("2024-01-19T17:30:00.000Z");

    await expect(approveBudget(prisma, f.financeReviewer, { budgetId: f.budgetId, clientAddress: CLIENT }, late)).resolves.toEqual({
      budgetId: f.budgetId,
      approvedAt: late,
      approvedOn: "2024-01-20",
    });

    expect(await prisma.budget.findUniqueOrThrow({ where: { id: f.budgetId } })).toMatchObject({ status: "APPROVED", approvedAt: late, lockVersion: 1 });
    expect(await lastEvent(f.budgetId)).toMatchObject({ action: "APPROVE", fromStatus: "FINANCE_REVIEW", toStatus: "APPROVED", actorId: f.financeReviewer.userId });
    expect(await auditRows(prisma)).toEqual([
      expect.objectContaining({ action: "budget.approve", result: "SUCCESS", clientAddress: CLIENT, details: expect.objectContaining({ approvedOn: "2024-01-20" }) }),
    ]);
  });

  it("refuses approval before review started and by the department", async () => {
    const f = await setUpWorkflow(prisma, { status: "SUBMITTED", at: submittedAt });
    await expect(approveBudget(prisma, f.financeReviewer, { budgetId: f.budgetId }, now)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(approveBudget(prisma, f.departmentReviewer, { budgetId: f.budgetId }, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await status(f.budgetId)).toBe("SUBMITTED");
  });
});
