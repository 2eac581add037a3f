import type { RequestActor } from "@/lib/auth/request-actor";
import { prisma } from "@/lib/db";
import { listCodeBookRevisions, type RevisionSummary } from "@/lib/codebooks/queries";
import { openBudgetYear, type OpenBudgetYearInput, type OpenedBudgetYear } from "./open-budget-year";
import { listFinanceRegions, type FinanceRegion } from "./queries";

export interface BudgetYearsPage {
  regions: FinanceRegion[];
  revisions: RevisionSummary[];
}

/** Budget years as the finance bureau's screen calls them. */
export const budgetYears = {
  /** null when the viewer is no region's finance reviewer */
  async page(actor: RequestActor): Promise<BudgetYearsPage | null> {
    if (actor.viewer === null) return null;
    const regions = await listFinanceRegions(prisma, actor.viewer);
    if (regions.length === 0) return null;
    return { regions, revisions: await listCodeBookRevisions(prisma) };
  },
  open(actor: RequestActor, input: Omit<OpenBudgetYearInput, "clientAddress">): Promise<OpenedBudgetYear> {
    return openBudgetYear(prisma, actor.viewer, { ...input, clientAddress: actor.clientAddress });
  },
};
