import type { Viewer } from "@/lib/auth/policies";
import { prisma } from "@/lib/db";
import { checkDisclosure, type Finding } from "@/lib/disclosure/check";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import { createDraftFromPriorYear, type CreatedDraft, type CreateDraftFromPriorYearInput } from "./create-draft-from-prior-year";
import { createEmptyDraft, type CreateEmptyDraftInput } from "./create-empty-draft";
import { discardDraft, type DiscardDraftInput } from "./discard-draft";
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
  /** a draft never submitted (a new year's, or a correction), which the accountant may discard */
  isDiscardable: boolean;
}

/** A year the region has opened and the unit has not started yet. */
export interface StartableYear {
  year: number;
  /** the year whose approved budget the draft can start from; null when there is none */
  priorYear: number | null;
  /** 报送截止日期, YYYY-MM-DD */
  submissionDeadline: string;
}

export interface WorkspaceUnit {
  unitCode: string;
  unitName: string;
  /** the newest version of each year's budget, newest year first */
  budgets: WorkspaceBudget[];
  /** the years the accountant may start, newest first */
  startableYears: StartableYear[];
}

/** The units the viewer keeps the books of, with their budgets and the years they may start (one query). */
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
      budgets: { select: { year: true, version: true, status: true, submittedAt: true }, orderBy: [{ year: "desc" }, { version: "desc" }] },
      region: { select: { budgetYears: { select: { year: true, submissionDeadline: true }, orderBy: { year: "desc" } } } },
    },
  });
  return units.map((unit) => {
    const newest = unit.budgets.filter((row, index) => unit.budgets.findIndex((r) => r.year === row.year) === index);
    const budgets = newest.map(({ year, version, status, submittedAt }) => ({ year, version, status, isDiscardable: status === "DRAFT" && submittedAt === null }));
    const startableYears = unit.region.budgetYears
      .filter((open) => !newest.some((b) => b.year === open.year))
      .map((open) => ({
        year: open.year,
        priorYear: unit.budgets.some((b) => b.year === open.year - 1 && CARRIABLE_STATUSES.includes(b.status)) ? open.year - 1 : null,
        submissionDeadline: open.submissionDeadline.toISOString().slice(0, 10),
      }));
    return { unitCode: unit.code, unitName: unit.name, budgets, startableYears };
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

export function createEmptyWorkspaceDraft(viewer: Viewer | null, input: CreateEmptyDraftInput): Promise<{ budgetId: number }> {
  return createEmptyDraft(prisma, viewer, input);
}

export function discardWorkspaceDraft(viewer: Viewer | null, input: DiscardDraftInput): Promise<{ discardedVersion: number }> {
  return discardDraft(prisma, viewer, input);
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
