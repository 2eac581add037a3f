import { seedDemoCodeBook } from "@/lib/codebooks/seed-demo-code-book";
import type { Viewer } from "@/lib/auth/policies";
import { findingKey } from "@/lib/budgets/finding-key";
import type { DbClient } from "@/lib/budgets/db-client";
import { loadBudget } from "@/lib/budgets/queries";
import { writeCodeBook } from "@/lib/budgets/save-code-book";
import { submitBudget } from "@/lib/budgets/submit-budget";
import { checkDisclosure } from "@/lib/disclosure/check";
import type { DocumentRenderers } from "@/lib/publication/publish-budget";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { publishUnitBudget } from "@/lib/workflow/publish-unit-budget";
import { recordSecrecyReview } from "@/lib/workflow/record-secrecy-review";
import { signOffBudget } from "@/lib/workflow/sign-off-budget";
import { startReview } from "@/lib/workflow/start-review";
import { availableSteps, type WorkflowStep } from "@/lib/workflow/state-machine";
import { loadWorkflowTarget } from "@/lib/workflow/workflow-access";
import { DEMO_USERS } from "./demo-users";
import { ensureRegionChain, GUANTAO_REGION_CHAIN, writeBudgetWithHistory } from "./factories";
import { guantao2024Budget, guantao2024CodeBook } from "./guantao-2024";
import { seedDemoUsers } from "./seed-users";

export interface SeedReport {
  regionsCreated: number;
  codesCreated: number;
  codesUpdated: number;
  /** false when the demo unit already has a budget for the demo year */
  isBudgetCreated: boolean;
  /** true when this run published the demo budget (the first published budget) */
  isBudgetPublished: boolean;
  /** why the demo's PDF could not be rendered (no Chromium); null when it was, or nothing was published */
  pdfError: string | null;
}

export function hasChanges(report: SeedReport): boolean {
  return (
    report.regionsCreated + report.codesCreated + report.codesUpdated > 0 || report.isBudgetCreated || report.isBudgetPublished
  );
}

/**
 * When each step of the demo budget's story happened: submitted in January 2024, 批复 on 20
 * January, published on 1 February (within the 20 days).
 */
export const DEMO_STORY: Readonly<Partial<Record<WorkflowStep, Date>>> = {
  SUBMIT: new Date("2024-01-10T01:30:00.000Z"),
  START_FINANCE_REVIEW: new Date("2024-01-12T02:00:00.000Z"),
  APPROVE: new Date("2024-01-20T02:00:00.000Z"),
  RECORD_SECRECY_REVIEW: new Date("2024-01-29T02:00:00.000Z"),
  SIGN_OFF: new Date("2024-01-30T02:00:00.000Z"),
  PUBLISH: new Date("2024-02-01T08:00:00.000Z"),
};
const DEMO_SECRECY_STATEMENT = "演示数据：已核对九张表、项目名称与情况说明，不含涉密信息。";
const DEMO_EXPLANATION = "演示数据：与馆陶县委网信办2024年单位预算公开文件一致。";

/**
 * The demo's first part: the region chain 河北省 › 邯郸市 › 馆陶县, the 2024 code books and the
 * 2024 budget of unit 224001 (with its department and unit), then the demo accounts
 * (seedDemoUsers), which take the budget through the real workflow: the accountant submits, the
 * finance reviewer reviews and approves (批复), the unit's head records the secrecy review (the
 * accountant who submitted may not) and signs off with their own account, and the accountant
 * publishes. The events carry the dates of DEMO_STORY.
 *
 * Only lib/demo/load-demo.ts calls it outside tests, and only on an empty database: a start
 * never runs it against data that exists (it would take whatever draft it finds forward).
 */
export async function seedDemo(db: DbClient, renderers: DocumentRenderers): Promise<SeedReport> {
  const data = await seedDemoData(db);
  await seedDemoUsers(db);
  const budget = guantao2024Budget;
  const target = await db.$transaction((tx) =>
    tx.budget.findFirst({
      where: { year: budget.year, unit: { code: budget.unit.code, region: { code: budget.region.code } }, nextVersion: null },
      select: { id: true, status: true },
    }),
  );
  if (target === null || target.status === "PUBLISHED") return { ...data, isBudgetPublished: false, pdfError: null };
  const pdfError = await walkThroughWorkflow(db, renderers, target.id, await demoActors(db));
  return { ...data, isBudgetPublished: pdfError !== undefined, pdfError: pdfError ?? null };
}

function seedDemoData(db: DbClient): Promise<Omit<SeedReport, "isBudgetPublished" | "pdfError">> {
  const budget = guantao2024Budget;
  const county = GUANTAO_REGION_CHAIN.at(-1);
  if (county?.code !== budget.region.code) {
    throw new Error(`the demo region chain ends at ${county?.code}, but the demo budget is in ${budget.region.code}`);
  }
  return db.$transaction(
    async (tx) => {
      const chain = await ensureRegionChain(tx, GUANTAO_REGION_CHAIN);
      const codes = await writeCodeBook(tx, guantao2024CodeBook);
      await seedDemoCodeBook(tx, budget.region.code);
      const existing = await tx.budget.findFirst({
        where: { year: budget.year, unit: { code: budget.unit.code, region: { code: budget.region.code } } },
        select: { id: true },
      });
      if (existing === null) {
        await writeBudgetWithHistory(tx, { budget, status: "DRAFT", comment: "演示数据 (demo seed)" });
      }
      return {
        regionsCreated: chain.created,
        codesCreated: codes.created,
        codesUpdated: codes.updated,
        isBudgetCreated: existing === null,
      };
    },
    { timeout: 30_000 },
  );
}

/** The demo accounts as the workflow sees them (their role grants). */
async function demoActors(db: DbClient): Promise<Viewer[]> {
  const users = await db.$transaction((tx) =>
    tx.user.findMany({
      where: { email: { in: DEMO_USERS.map((u) => u.email) } },
      select: { id: true, email: true, roleAssignments: { select: { role: true, unitId: true, departmentId: true, regionId: true } } },
    }),
  );
  return users.map((user) => ({
    userId: user.id,
    roles: user.roleAssignments.map(({ role, unitId, departmentId, regionId }) => ({
      role,
      ...(unitId === null ? {} : { unitId }),
      ...(departmentId === null ? {} : { departmentId }),
      ...(regionId === null ? {} : { regionId }),
    })),
  }));
}

/** The steps that move a budget towards publication (not withdrawing, returning or correcting). */
const FORWARD: readonly WorkflowStep[] = ["SUBMIT", "START_DEPARTMENT_REVIEW", "START_FINANCE_REVIEW", "APPROVE", "RECORD_SECRECY_REVIEW", "SIGN_OFF", "PUBLISH"];

/**
 * Takes the budget forward, one step at a time, by whichever demo account the state machine lets
 * take the next step, through the same use cases the screens call. Returns the publication's
 * pdfError (null when the PDF was rendered), or undefined when it did not get to publication.
 */
async function walkThroughWorkflow(db: DbClient, renderers: DocumentRenderers, budgetId: number, actors: readonly Viewer[]) {
  for (let guard = 0; guard < FORWARD.length + 1; guard += 1) {
    const next = await db.$transaction(async (tx) => {
      for (const actor of actors) {
        const target = await loadWorkflowTarget(tx, actor, budgetId).catch(() => null);
        const step = target === null ? undefined : availableSteps(actor, target).find((s) => FORWARD.includes(s));
        if (target !== null && step !== undefined) return { actor, step, target };
      }
      return null;
    });
    if (next === null) return undefined;
    const { actor, step, target } = next;
    const at = DEMO_STORY[step] ?? DEMO_STORY.START_FINANCE_REVIEW;
    const request = { budgetId };
    switch (step) {
      case "SUBMIT": {
        const loaded = await db.$transaction((tx) => loadBudget(tx, { unitCode: target.unitCode, year: target.year, regionCode: target.regionCode }));
        const explanations = Object.fromEntries(
          (loaded === null ? [] : checkDisclosure({ budget: loaded.budget, codeBook: loaded.codeBook }))
            .filter((finding) => finding.severity === "warning")
            .map((finding) => [findingKey(finding), DEMO_EXPLANATION]),
        );
        await submitBudget(db, actor, { unitCode: target.unitCode, year: target.year, lockVersion: target.lockVersion, explanations }, at);
        break;
      }
      case "START_DEPARTMENT_REVIEW":
      case "START_FINANCE_REVIEW":
        await startReview(db, actor, request, at);
        break;
      case "APPROVE":
        await approveBudget(db, actor, request, at);
        break;
      case "RECORD_SECRECY_REVIEW":
        await recordSecrecyReview(db, actor, { ...request, statement: DEMO_SECRECY_STATEMENT }, at);
        break;
      case "SIGN_OFF":
        await signOffBudget(db, actor, request, at);
        break;
      case "PUBLISH":
        return (await publishUnitBudget(db, actor, request, renderers, at)).pdfError;
      default:
        return undefined;
    }
  }
  return undefined;
}
