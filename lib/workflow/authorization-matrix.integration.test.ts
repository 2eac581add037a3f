import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import { findingKey } from "@/lib/budgets/finding-key";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { submitBudget } from "@/lib/budgets/submit-budget";
import { disconnectPrisma } from "@/lib/db";
import type { FactoryStatus } from "@/lib/demo/factories";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { checkDisclosure } from "@/lib/disclosure/check";
import { publishBudget } from "@/lib/publication/publish-budget";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { renderersWithoutPdf } from "@/tests/integration/renderers";
import { addReviewComment } from "./add-review-comment";
import { approveBudget } from "./approve-budget";
import { openCorrection } from "./open-correction";
import { publishUnitBudget } from "./publish-unit-budget";
import { recordPaperSignOff } from "./record-paper-sign-off";
import { recordSecrecyReview } from "./record-secrecy-review";
import { resolveReviewComment } from "./resolve-review-comment";
import { returnBudget } from "./return-budget";
import { signOffBudget } from "./sign-off-budget";
import { startReview } from "./start-review";
import { auditRows, ROLE_NAMES, setUpWorkflow, workflowState, type RoleName, type WorkflowFixture } from "./test-support";
import { withdrawBudget } from "./withdraw-budget";

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
});
afterAll(disconnectPrisma);

const at = new Date("2024-01-15T02:00:00.000Z");
const now = new Date("2024-02-01T08:00:00.000Z");
const explanations = Object.fromEntries(
  checkDisclosure({ budget: guantao2024Budget, codeBook: guantao2024CodeBook })
    .filter((f) => f.severity === "warning")
    .map((f) => [findingKey(f), "与参考文件一致。"]),
);

interface Case {
  /** the state the budget is put in first */
  status: FactoryStatus | "PUBLISHED";
  hasDepartmentReview?: boolean;
  /** after the fixture: anything else the state needs; returns what the action needs */
  prepare?: (f: WorkflowFixture) => Promise<{ commentId?: number }>;
  /** the audit action of the use case */
  action: string;
  run: (viewer: Viewer | null, f: WorkflowFixture, extra: { commentId?: number }) => Promise<unknown>;
  /** the only people who may take it */
  allowed: readonly RoleName[];
  /** people who may also take it but are checked by another case (the step can be taken once) */
  alsoAllowed?: readonly RoleName[];
}

const ACCOUNTANT: readonly RoleName[] = ["accountant of the unit"];
const HEAD: readonly RoleName[] = ["head of the unit"];
/** A 1×1 PNG: a scanned 审签单. */
const SIGNED_SHEET = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const DEPARTMENT: readonly RoleName[] = ["department reviewer of the department"];
const FINANCE: readonly RoleName[] = ["finance reviewer of the region"];

const CASES: Record<string, Case> = {
  submit: {
    status: "DRAFT",
    action: "budget.submit",
    run: (viewer) => submitBudget(prisma, viewer, { unitCode: "224001", year: 2024, lockVersion: 0, explanations }, now),
    allowed: ACCOUNTANT,
  },
  withdraw: { status: "SUBMITTED", action: "budget.withdraw", run: (v, f) => withdrawBudget(prisma, v, { budgetId: f.budgetId }, now), allowed: ACCOUNTANT },
  "start review (to finance)": {
    status: "SUBMITTED",
    action: "budget.start_review",
    run: (v, f) => startReview(prisma, v, { budgetId: f.budgetId }, now),
    allowed: FINANCE,
  },
  "start review (department first)": {
    status: "SUBMITTED",
    hasDepartmentReview: true,
    action: "budget.start_review",
    run: (v, f) => startReview(prisma, v, { budgetId: f.budgetId }, now),
    allowed: DEPARTMENT,
  },
  "forward to finance": {
    status: "DEPARTMENT_REVIEW",
    hasDepartmentReview: true,
    action: "budget.start_review",
    run: (v, f) => startReview(prisma, v, { budgetId: f.budgetId }, now),
    allowed: DEPARTMENT,
  },
  "comment (department review)": {
    status: "DEPARTMENT_REVIEW",
    hasDepartmentReview: true,
    action: "budget.comment",
    run: (v, f) => addReviewComment(prisma, v, { budgetId: f.budgetId, body: "请核对。" }, now),
    allowed: DEPARTMENT,
  },
  "comment (finance review)": {
    status: "FINANCE_REVIEW",
    action: "budget.comment",
    run: (v, f) => addReviewComment(prisma, v, { budgetId: f.budgetId, anchorTable: 3, body: "请核对。" }, now),
    allowed: FINANCE,
  },
  "resolve a comment": {
    status: "FINANCE_REVIEW",
    prepare: async (f) => ({
      commentId: (await prisma.reviewComment.create({ data: { budgetId: f.budgetId, body: "请核对。", authorId: f.financeReviewer.userId } })).id,
    }),
    action: "budget.comment_resolve",
    run: (v, _f, extra) => resolveReviewComment(prisma, v, { commentId: extra.commentId ?? -1 }, now),
    allowed: FINANCE,
  },
  "return (department review)": {
    status: "DEPARTMENT_REVIEW",
    hasDepartmentReview: true,
    action: "budget.return",
    run: (v, f) => returnBudget(prisma, v, { budgetId: f.budgetId, message: "请补充说明。" }, now),
    allowed: DEPARTMENT,
  },
  "return (finance review)": {
    status: "FINANCE_REVIEW",
    action: "budget.return",
    run: (v, f) => returnBudget(prisma, v, { budgetId: f.budgetId, message: "请补充说明。" }, now),
    allowed: FINANCE,
  },
  approve: { status: "FINANCE_REVIEW", action: "budget.approve", run: (v, f) => approveBudget(prisma, v, { budgetId: f.budgetId }, now), allowed: FINANCE },
  "record the secrecy review (the accountant)": {
    status: "APPROVED",
    action: "budget.secrecy_review",
    run: (v, f) => recordSecrecyReview(prisma, v, { budgetId: f.budgetId, statement: "已核对，不含涉密信息。" }, now),
    allowed: ACCOUNTANT,
    alsoAllowed: HEAD,
  },
  "record the secrecy review (the head)": {
    status: "APPROVED",
    action: "budget.secrecy_review",
    run: (v, f) => recordSecrecyReview(prisma, v, { budgetId: f.budgetId, statement: "已核对，不含涉密信息。" }, now),
    allowed: HEAD,
    alsoAllowed: ACCOUNTANT,
  },
  "sign off (the head, with their account)": {
    status: "APPROVED",
    prepare: async (f) => {
      await prisma.budget.update({ where: { id: f.budgetId }, data: { secrecyReviewedAt: at, secrecyReviewedById: f.accountant.userId } });
      return {};
    },
    action: "budget.sign_off",
    run: (v, f) => signOffBudget(prisma, v, { budgetId: f.budgetId }, now),
    allowed: HEAD,
    alsoAllowed: ACCOUNTANT,
  },
  "sign off on paper (the accountant uploads the signed sheet)": {
    status: "APPROVED",
    prepare: async (f) => {
      await prisma.budget.update({ where: { id: f.budgetId }, data: { secrecyReviewedAt: at, secrecyReviewedById: f.accountant.userId } });
      return {};
    },
    action: "budget.sign_off",
    run: (v, f) =>
      recordPaperSignOff(prisma, v, { budgetId: f.budgetId, signerName: "王主任", sheet: { bytes: SIGNED_SHEET, fileName: "审签单.png" } }, now),
    allowed: ACCOUNTANT,
    alsoAllowed: HEAD,
  },
  publish: {
    status: "SIGNED_OFF",
    action: "budget.publish",
    run: (v, f) => publishUnitBudget(prisma, v, { budgetId: f.budgetId }, renderersWithoutPdf, now),
    allowed: ACCOUNTANT,
  },
  "open a correction": {
    status: "PUBLISHED",
    action: "budget.correction",
    run: (v, f) => openCorrection(prisma, v, { budgetId: f.budgetId, correctionNote: "更正项目名称。" }, now),
    allowed: ACCOUNTANT,
  },
};

describe("authorization of every review and publication step", () => {
  it.each(Object.keys(CASES))("%s: only the expected people succeed; every other attempt changes nothing and is audited as DENIED", async (name) => {
    const c = CASES[name]!;
    const f = await setUpWorkflow(prisma, {
      status: c.status === "PUBLISHED" ? "SIGNED_OFF" : c.status,
      hasDepartmentReview: c.hasDepartmentReview,
      at,
    });
    if (c.status === "PUBLISHED") await publishBudget(prisma, { unitCode: "224001", year: 2024, now: at }, renderersWithoutPdf);
    const extra = (await c.prepare?.(f)) ?? {};
    const refused = ROLE_NAMES.filter((role) => !c.allowed.includes(role) && !(c.alsoAllowed ?? []).includes(role));
    const outcome: Partial<Record<RoleName, string>> = {};

    // Everyone who may not act tries first: the budget must come out of each attempt unchanged.
    for (const role of refused) {
      const viewer = f.viewers[role];
      const before = await workflowState(prisma);
      const audits = (await auditRows(prisma)).length;
      const result = await c.run(viewer, f, extra).then(
        () => "SUCCESS",
        (error: unknown) => (error instanceof Error && "code" in error ? String(error.code) : String(error)),
      );
      outcome[role] = ["FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED"].includes(result) ? "refused" : result;
      expect(await workflowState(prisma), role).toEqual(before);
      expect((await auditRows(prisma)).slice(audits), role).toEqual([
        expect.objectContaining({ action: c.action, result: "DENIED", userId: viewer?.userId ?? null }),
      ]);
    }
    for (const role of c.allowed) {
      const audits = (await auditRows(prisma)).length;
      outcome[role] = await c.run(f.viewers[role], f, extra).then(
        () => "SUCCESS",
        (error: unknown) => String(error),
      );
      expect((await auditRows(prisma)).slice(audits), role).toEqual([
        expect.objectContaining({ action: c.action, result: "SUCCESS", userId: f.viewers[role]?.userId }),
      ]);
    }

    expect(outcome).toEqual(
      Object.fromEntries(
        ROLE_NAMES.filter((role) => !(c.alsoAllowed ?? []).includes(role)).map((role) => [role, c.allowed.includes(role) ? "SUCCESS" : "refused"]),
      ),
    );
  });
});
