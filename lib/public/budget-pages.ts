import { prisma } from "@/lib/db";
import { listBudgets, loadBudget, type LoadedBudget } from "@/lib/budgets/queries";

/**
 * Reads for the public pages. Only budgets the finance bureau has approved (批复) or later are
 * visible: nothing a citizen sees may depend on a draft. Publication snapshots replace these
 * reads when the publication workflow lands.
 */
const PUBLIC_STATUSES = ["APPROVED", "SIGNED_OFF", "PUBLISHED"] as const;

export interface PublicBudgetListItem {
  year: number;
  unitCode: string;
  unitName: string;
  departmentName: string;
  regionName: string;
}

export async function listPublicBudgets(): Promise<PublicBudgetListItem[]> {
  const rows = await listBudgets(prisma, { statuses: PUBLIC_STATUSES });
  const seen = new Set<string>();
  const items: PublicBudgetListItem[] = [];
  for (const row of rows) {
    const key = `${row.unitCode}/${row.year}`;
    if (seen.has(key)) continue; // rows come newest version first
    seen.add(key);
    items.push({ year: row.year, unitCode: row.unitCode, unitName: row.unitName, departmentName: row.department.name, regionName: row.region.name });
  }
  return items;
}

/** The newest version of the unit's budget for the year that is approved or later, if any. */
export async function loadPublicBudget(year: number, unitCode: string): Promise<LoadedBudget | null> {
  const latestPublic = await prisma.budget.findFirst({
    where: { year, unit: { code: unitCode }, status: { in: [...PUBLIC_STATUSES] } },
    select: { version: true },
    orderBy: { version: "desc" },
  });
  if (!latestPublic) return null;
  return loadBudget(prisma, { unitCode, year, version: latestPublic.version });
}
