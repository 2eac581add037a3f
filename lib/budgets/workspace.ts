import type { Viewer } from "@/lib/auth/policies";
import { prisma } from "@/lib/db";
import { checkDisclosure, type Finding } from "@/lib/disclosure/check";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import { createDraftFromPriorYear, type CreatedDraft, type CreateDraftFromPriorYearInput } from "./create-draft-from-prior-year";
import { loadBudgetForViewer } from "./load-budget-for-viewer";
import type { PriorYearLines } from "@/lib/entry/prior-lines";
import { listBudgetChanges, loadPriorYearLines, type BudgetChangeEntry } from "./editor-data";
import type { LoadedBudget } from "./queries";
import { saveBudgetDraft, type SaveBudgetDraftInput, type SaveBudgetDraftResult } from "./save-budget-draft";
import { submitBudget, type SubmitBudgetInput, type SubmittedBudget } from "./submit-budget";

/** Only a budget the finance bureau has approved can be carried into the next year. */
const CARRIABLE_STATUSES: readonly BudgetStatus[] = ["APPROVED", "SIGNED_OFF", "PUBLISHED"];

export interface WorkspaceBudget {
  year: number;
  version: number;
  status: BudgetStatus;
}

export interface WorkspaceUnit {
  unitCode: string;
  unitName: string;
  /** the newest version of each year's budget, newest year first */
  budgets: WorkspaceBudget[];
  /** the next year's draft the accountant may start from last year's approved budget */
  nextYear: { year: number; priorYear: number } | null;
}

/** The units the viewer keeps the books of, with their budgets (one query). */
export async function listAccountantUnits(viewer: Viewer): Promise<WorkspaceUnit[]> {
  const unitIds = viewer.roles.filter((grant) => grant.role === "ACCOUNTANT" && grant.unitId !== undefined).map((grant) => grant.unitId);
  const ids = unitIds.filter((id): id is number => id !== undefined);
  if (ids.length === 0) return [];
  const units = await prisma.unit.findMany({
    where: { id: { in: ids } },
    orderBy: { code: "asc" },
    select: {
      code: true,
      name: true,
      budgets: { select: { year: true, version: true, status: true }, orderBy: [{ year: "desc" }, { version: "desc" }] },
    },
  });
  return units.map((unit) => {
    const budgets = unit.budgets.filter((row, index) => unit.budgets.findIndex((r) => r.year === row.year) === index);
    const latest = budgets[0];
    const nextYear =
      latest !== undefined && CARRIABLE_STATUSES.includes(latest.status) ? { year: latest.year + 1, priorYear: latest.year } : null;
    return { unitCode: unit.code, unitName: unit.name, budgets, nextYear };
  });
}

export interface WorkspaceBudgetView extends LoadedBudget {
  findings: Finding[];
}

/** A budget the viewer may read, with the consistency checks' findings. */
export async function loadWorkspaceBudget(viewer: Viewer | null, key: { unitCode: string; year: number }): Promise<WorkspaceBudgetView> {
  const loaded = await loadBudgetForViewer(prisma, viewer, key);
  return { ...loaded, findings: checkDisclosure({ budget: loaded.budget, codeBook: loaded.codeBook }) };
}

export function createNextYearDraft(viewer: Viewer | null, input: CreateDraftFromPriorYearInput): Promise<CreatedDraft> {
  return createDraftFromPriorYear(prisma, viewer, input);
}

export function submitWorkspaceBudget(viewer: Viewer | null, input: SubmitBudgetInput): Promise<SubmittedBudget> {
  return submitBudget(prisma, viewer, input);
}

export function saveWorkspaceDraft(viewer: Viewer | null, input: SaveBudgetDraftInput): Promise<SaveBudgetDraftResult> {
  return saveBudgetDraft(prisma, viewer, input);
}

export function recentBudgetChanges(viewer: Viewer | null, key: { unitCode: string; year: number }): Promise<BudgetChangeEntry[]> {
  return listBudgetChanges(prisma, viewer, key);
}

export function priorYearLinesFor(viewer: Viewer | null, key: { unitCode: string; year: number }): Promise<PriorYearLines | null> {
  return loadPriorYearLines(prisma, viewer, key);
}
