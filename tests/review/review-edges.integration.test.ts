import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { disconnectPrisma } from "@/lib/db";
import { buildBudgetFor, createBudget, createUnit, createUser, type FactoryStatus } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { loadReviewPage, loadReviewQueuePage } from "@/lib/review/screens";
import { chinaDate } from "@/lib/workflow/approve-budget";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { EVERYONE, form, viewersOf, type Who } from "./edge-support";

/**
 * The edges of review (server actions and page loaders) run as every kind of viewer: only the
 * expected cells succeed, and a refusal changes nothing. The use cases behind them have their own
 * tests (lib/workflow); this checks that the edges pass the right viewer and input and nothing else.
 */

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const actions = await import("@/app/review/budgets/[budgetId]/actions");

async function world(status: FactoryStatus, options: { departmentReview?: boolean } = {}) {
  const unit = await createUnit(prisma);
  if (options.departmentReview === true) {
    await prisma.department.update({ where: { id: unit.departmentId }, data: { hasDepartmentReview: true } });
  }
  const other = await createUnit(prisma);
  const budget = await createBudget(prisma, { budget: buildBudgetFor(unit), status });
  const viewers = await viewersOf(unit, other);
  return { unit, budgetId: budget.id, viewers };
}

async function snapshot(budgetId: number) {
  const budget = await prisma.budget.findUniqueOrThrow({ where: { id: budgetId }, select: { status: true, lockVersion: true } });
  return {
    ...budget,
    events: await prisma.budgetEvent.count({ where: { budgetId } }),
    comments: await prisma.reviewComment.count({ where: { budgetId } }),
    resolved: await prisma.reviewComment.count({ where: { budgetId, resolvedAt: { not: null } } }),
  };
}

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
});
afterAll(disconnectPrisma);

interface ActionCase {
  name: string;
  status: FactoryStatus;
  departmentReview?: boolean;
  allowed: readonly Who[];
  run: (budgetId: number, commentId: number) => Promise<{ ok: boolean } | null>;
  /** what a success changed */
  succeeded: (before: Awaited<ReturnType<typeof snapshot>>, after: Awaited<ReturnType<typeof snapshot>>) => void;
}

const CASES: readonly ActionCase[] = [
  {
    name: "开始审核 (finance, no department step)",
    status: "SUBMITTED",
    allowed: ["financeReviewer"],
    run: (budgetId) => actions.startReviewAction(null, form({ budgetId })),
    succeeded: (_before, after) => expect(after.status).toBe("FINANCE_REVIEW"),
  },
  {
    name: "开始审核 (department step)",
    status: "SUBMITTED",
    departmentReview: true,
    allowed: ["departmentReviewer"],
    run: (budgetId) => actions.startReviewAction(null, form({ budgetId })),
    succeeded: (_before, after) => expect(after.status).toBe("DEPARTMENT_REVIEW"),
  },
  {
    name: "转财政审核",
    status: "DEPARTMENT_REVIEW",
    departmentReview: true,
    allowed: ["departmentReviewer"],
    run: (budgetId) => actions.startReviewAction(null, form({ budgetId })),
    succeeded: (_before, after) => expect(after.status).toBe("FINANCE_REVIEW"),
  },
  {
    name: "row comment",
    status: "FINANCE_REVIEW",
    allowed: ["financeReviewer"],
    run: (budgetId) => actions.addReviewCommentAction(null, form({ budgetId, anchorTable: 3, anchorRow: "2013701", body: "请核实行政运行基本支出" })),
    succeeded: (before, after) => expect(after.comments).toBe(before.comments + 1),
  },
  {
    name: "the unit's reply on a returned budget",
    status: "RETURNED",
    allowed: ["accountant"],
    run: (budgetId, commentId) => actions.addReviewCommentAction(null, form({ budgetId, parentId: commentId, anchorTable: "", body: "已按意见修改" })),
    succeeded: (before, after) => expect(after.comments).toBe(before.comments + 1),
  },
  {
    name: "退回",
    status: "FINANCE_REVIEW",
    allowed: ["financeReviewer"],
    run: (budgetId) => actions.returnBudgetAction(null, form({ budgetId, message: "请按意见修改后重新报送" })),
    succeeded: (_before, after) => expect(after.status).toBe("RETURNED"),
  },
  {
    name: "批复",
    status: "FINANCE_REVIEW",
    allowed: ["financeReviewer"],
    run: (budgetId) => actions.approveBudgetAction(null, form({ budgetId, confirm: "yes", approvedOn: chinaDate(new Date()) })),
    succeeded: (_before, after) => expect(after.status).toBe("APPROVED"),
  },
  {
    name: "resolve a comment",
    status: "FINANCE_REVIEW",
    allowed: ["financeReviewer"],
    run: (budgetId, commentId) => actions.resolveReviewCommentAction(null, form({ budgetId, commentId })),
    succeeded: (before, after) => expect(after.resolved).toBe(before.resolved + 1),
  },
];

describe.each(CASES)("server action: $name", (testCase) => {
  it.each(EVERYONE)("as %s", async (who) => {
    const { budgetId, viewers } = await world(testCase.status, { departmentReview: testCase.departmentReview });
    const author = await createUser(prisma);
    const { id: commentId } = await prisma.reviewComment.create({ data: { budgetId, body: "已有意见", authorId: author.id }, select: { id: true } });
    session.viewer = viewers[who];
    const before = await snapshot(budgetId);

    const result = await testCase.run(budgetId, commentId);

    const after = await snapshot(budgetId);
    if (testCase.allowed.includes(who)) {
      expect(result).toMatchObject({ ok: true });
      testCase.succeeded(before, after);
      const audit = await prisma.auditEvent.findFirst({ where: { objectId: String(budgetId), result: "SUCCESS" }, orderBy: { id: "desc" } });
      expect(audit).toMatchObject({ userId: viewers[who]?.userId, clientAddress: "203.0.113.9" });
    } else {
      expect(result).toMatchObject({ ok: false, message: expect.any(String) });
      expect(after).toEqual(before);
    }
  });
});

describe("server action input", () => {
  it("refuses a return without any comment in Chinese, and an empty comment, changing nothing", async () => {
    const { budgetId, viewers } = await world("FINANCE_REVIEW");
    session.viewer = viewers.financeReviewer;
    const before = await snapshot(budgetId);

    const returned = await actions.returnBudgetAction(null, form({ budgetId, message: "  " }));
    expect(returned).toMatchObject({ ok: false, message: "退回前请至少写一条审核意见，说明需要修改的地方。" });
    const commented = await actions.addReviewCommentAction(null, form({ budgetId, anchorTable: 3, body: " " }));
    expect(commented).toMatchObject({ ok: false, fieldErrors: { body: ["请填写审核意见。"] } });
    const badTable = await actions.addReviewCommentAction(null, form({ budgetId, anchorTable: 12, body: "意见" }));
    expect(badTable).toMatchObject({ ok: false, fieldErrors: { anchorTable: ["表号应为 1 到 9。"] } });
    expect(await snapshot(budgetId)).toEqual(before);
  });
});

describe("page loaders", () => {
  it.each(EVERYONE)("the review screen as %s", async (who) => {
    const { budgetId, viewers } = await world("FINANCE_REVIEW");
    const readers: readonly Who[] = ["departmentReviewer", "financeReviewer"];
    const load = loadReviewPage(viewers[who], budgetId);
    if (readers.includes(who)) {
      const screen = await load;
      expect(screen.header.id).toBe(budgetId);
      expect(screen.steps).toEqual(who === "financeReviewer" ? ["RETURN", "APPROVE"] : []);
    } else {
      await expect(load).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it.each(EVERYONE)("the queue as %s", async (who) => {
    const { budgetId, viewers } = await world("FINANCE_REVIEW");
    const load = loadReviewQueuePage(viewers[who], {});
    if (who === "financeReviewer") {
      expect((await load).items.map((item) => item.budgetId)).toEqual([budgetId]);
    } else if (who === "departmentReviewer" || who === "otherFinanceReviewer") {
      expect((await load).items).toEqual([]);
    } else {
      await expect(load).rejects.toMatchObject({ code: who === "anonymous" ? "UNAUTHENTICATED" : "NOT_FOUND" });
    }
  });
});
