import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import { draftInputFromBudget } from "@/lib/budgets/budget-draft-input";
import { findingKey } from "@/lib/budgets/finding-key";
import { loadBudget } from "@/lib/budgets/queries";
import { saveBudgetDraft } from "@/lib/budgets/save-budget-draft";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { submitBudget } from "@/lib/budgets/submit-budget";
import { disconnectPrisma } from "@/lib/db";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { checkDisclosure } from "@/lib/disclosure/check";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { renderersWithoutPdf } from "@/tests/integration/renderers";
import { addReviewComment } from "./add-review-comment";
import { approveBudget } from "./approve-budget";
import { openCorrection } from "./open-correction";
import { publishUnitBudget } from "./publish-unit-budget";
import { recordSecrecyReview } from "./record-secrecy-review";
import { resolveReviewComment } from "./resolve-review-comment";
import { returnBudget } from "./return-budget";
import { signOffBudget } from "./sign-off-budget";
import { startReview } from "./start-review";
import { auditRows, setUpWorkflow } from "./test-support";

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
});
afterAll(disconnectPrisma);

const key = { unitCode: "224001", year: 2024 };
const CLIENT_ACCOUNTANT = "198.51.100.10";
const CLIENT_REVIEWER = "203.0.113.20";
const CLIENT_HEAD = "198.51.100.33";

/** One day after another, from 10 January 2024. */
let day = 0;
const nextDay = () => new Date(Date.UTC(2024, 0, 10 + day++, 2));

async function explanationsFor(version: number): Promise<Record<string, string>> {
  const loaded = await loadBudget(prisma, { ...key, version });
  if (loaded === null) throw new Error("no budget");
  return Object.fromEntries(
    checkDisclosure({ budget: loaded.budget, codeBook: loaded.codeBook })
      .filter((f) => f.severity === "warning")
      .map((f) => [findingKey(f), "已核实。"]),
  );
}

async function lockVersionOf(budgetId: number): Promise<number> {
  return (await prisma.budget.findUniqueOrThrow({ where: { id: budgetId }, select: { lockVersion: true } })).lockVersion;
}

async function submit(accountant: Viewer, budgetId: number, version: number) {
  return submitBudget(
    prisma,
    accountant,
    { ...key, lockVersion: await lockVersionOf(budgetId), explanations: await explanationsFor(version), clientAddress: CLIENT_ACCOUNTANT },
    nextDay(),
  );
}

async function save(accountant: Viewer, budgetId: number, version: number, edit: (projectName: string) => string) {
  const loaded = await loadBudget(prisma, { ...key, version });
  if (loaded === null) throw new Error("no budget");
  const input = draftInputFromBudget(loaded.budget);
  const project = input.projects[0];
  if (project === undefined) throw new Error("the demo budget has projects");
  project.name = edit(project.name);
  const result = await saveBudgetDraft(prisma, accountant, {
    ...key,
    baseLockVersion: await lockVersionOf(budgetId),
    input,
    clientAddress: CLIENT_ACCOUNTANT,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
}

describe("the whole journey of a budget, and its audit trail", () => {
  it("submit → review → return → resubmit → approve → sign-off → publish → correction → … → publish v2 leaves exactly its audit events", async () => {
    const f = await setUpWorkflow(prisma, { status: "DRAFT" });
    const { accountant, financeReviewer: reviewer, head } = f;
    const v1 = f.budgetId;
    const asReviewer = { clientAddress: CLIENT_REVIEWER };
    const asAccountant = { clientAddress: CLIENT_ACCOUNTANT };
    const asHead = { clientAddress: CLIENT_HEAD };

    await submit(accountant, v1, 1);
    await startReview(prisma, reviewer, { budgetId: v1, ...asReviewer }, nextDay());
    const { commentId } = await addReviewComment(prisma, reviewer, { budgetId: v1, anchorTable: 9, body: "项目名称与批复不一致。", ...asReviewer }, nextDay());
    await returnBudget(prisma, reviewer, { budgetId: v1, ...asReviewer }, nextDay());
    await save(accountant, v1, 1, (name) => `${name}（修订）`);
    await submit(accountant, v1, 1);
    await startReview(prisma, reviewer, { budgetId: v1, ...asReviewer }, nextDay());
    await resolveReviewComment(prisma, reviewer, { commentId, ...asReviewer }, nextDay());
    await approveBudget(prisma, reviewer, { budgetId: v1, ...asReviewer }, nextDay());
    // The accountant submitted and the unit has a head: the head reviews for secrets and signs.
    await recordSecrecyReview(prisma, head, { budgetId: v1, statement: "已核对，不含涉密信息。", ...asHead }, nextDay());
    await signOffBudget(prisma, head, { budgetId: v1, ...asHead }, nextDay());
    const first = await publishUnitBudget(prisma, accountant, { budgetId: v1, ...asAccountant }, renderersWithoutPdf, nextDay());
    const { budgetId: v2 } = await openCorrection(prisma, accountant, { budgetId: v1, correctionNote: "更正项目名称。", ...asAccountant }, nextDay());
    await save(accountant, v2, 2, (name) => name.replace("（修订）", ""));
    await submit(accountant, v2, 2);
    await startReview(prisma, reviewer, { budgetId: v2, ...asReviewer }, nextDay());
    await approveBudget(prisma, reviewer, { budgetId: v2, ...asReviewer }, nextDay());
    // The accountant submitted and the unit has a head: the head reviews for secrets and signs.
    await recordSecrecyReview(prisma, head, { budgetId: v2, statement: "已核对，不含涉密信息。", ...asHead }, nextDay());
    await signOffBudget(prisma, head, { budgetId: v2, ...asHead }, nextDay());
    const second = await publishUnitBudget(prisma, accountant, { budgetId: v2, ...asAccountant }, renderersWithoutPdf, nextDay());

    const A = (action: string, budgetId: number) => ({ action, budgetId, by: "accountant", clientAddress: CLIENT_ACCOUNTANT });
    const R = (action: string, budgetId: number) => ({ action, budgetId, by: "reviewer", clientAddress: CLIENT_REVIEWER });
    const H = (action: string, budgetId: number) => ({ action, budgetId, by: "head", clientAddress: CLIENT_HEAD });
    const expected = [
      A("budget.submit", v1),
      R("budget.start_review", v1),
      R("budget.comment", v1),
      R("budget.return", v1),
      A("budget.save", v1),
      A("budget.submit", v1),
      R("budget.start_review", v1),
      R("budget.comment_resolve", v1),
      R("budget.approve", v1),
      H("budget.secrecy_review", v1),
      H("budget.sign_off", v1),
      A("budget.publish", v1),
      A("budget.correction", v2),
      A("budget.save", v2),
      A("budget.submit", v2),
      R("budget.start_review", v2),
      R("budget.approve", v2),
      H("budget.secrecy_review", v2),
      H("budget.sign_off", v2),
      A("budget.publish", v2),
    ];
    const who = (userId: string | null) =>
      userId === accountant.userId ? "accountant" : userId === reviewer.userId ? "reviewer" : userId === head.userId ? "head" : userId;
    const rows = await auditRows(prisma);
    expect(rows.map((r) => ({ action: r.action, budgetId: Number(r.objectId), by: who(r.userId), clientAddress: r.clientAddress }))).toEqual(expected);
    expect(new Set(rows.map((r) => `${r.result} ${r.objectType}`))).toEqual(new Set(["SUCCESS budget"]));

    // The workflow events tell the same story, version by version.
    const events = await prisma.budgetEvent.findMany({ orderBy: { id: "asc" }, select: { budgetId: true, action: true, toStatus: true } });
    expect(events.filter((e) => e.budgetId === v1).map((e) => `${e.action}→${e.toStatus}`)).toEqual([
      "CREATE→DRAFT",
      "SUBMIT→SUBMITTED",
      "START_FINANCE_REVIEW→FINANCE_REVIEW",
      "RETURN→RETURNED",
      "SUBMIT→SUBMITTED",
      "START_FINANCE_REVIEW→FINANCE_REVIEW",
      "APPROVE→APPROVED",
      "RECORD_SECRECY_REVIEW→APPROVED",
      "SIGN_OFF→SIGNED_OFF",
      "PUBLISH→PUBLISHED",
    ]);
    expect(events.filter((e) => e.budgetId === v2).map((e) => `${e.action}→${e.toStatus}`)).toEqual([
      "CREATE→DRAFT",
      "SUBMIT→SUBMITTED",
      "START_FINANCE_REVIEW→FINANCE_REVIEW",
      "APPROVE→APPROVED",
      "RECORD_SECRECY_REVIEW→APPROVED",
      "SIGN_OFF→SIGNED_OFF",
      "PUBLISH→PUBLISHED",
    ]);
    // Version 2 is online and supersedes version 1, which stays online too.
    const snapshots = await prisma.publishedSnapshot.findMany({ orderBy: { version: "asc" }, select: { id: true, version: true, supersededById: true, correctionNote: true } });
    expect(snapshots).toEqual([
      { id: first.snapshotId, version: 1, supersededById: second.snapshotId, correctionNote: null },
      { id: second.snapshotId, version: 2, supersededById: null, correctionNote: "更正项目名称。" },
    ]);
  });
});
