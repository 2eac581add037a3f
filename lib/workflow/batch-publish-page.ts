import { AppError } from "@/lib/app-error";
import type { Viewer } from "@/lib/auth/policies";
import type { DbReader } from "@/lib/budgets/db-client";
import { prisma } from "@/lib/db";
import type { DocumentRenderers } from "@/lib/publication/publish-budget";
import {
  listSignedOffBudgets,
  publishSignedOffBudgets,
  type BatchPublishRequest,
  type BatchPublishResult,
  type SignedOffBudget,
} from "./publish-signed-off-budgets";

export interface BatchPublishPage {
  /** the regions the viewer is finance reviewer of */
  regions: { code: string; name: string }[];
  region: { code: string; name: string };
  years: number[];
  year: number;
  budgets: SignedOffBudget[];
}

const NOT_ALLOWED = "只有财政部门审核人可以批量公开预算。";

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * What /review/publish shows: the signed-off (已审签) budgets of one of the viewer's regions for a
 * year, waiting for 统一公开. Only finance reviewers; the region and year come from the query
 * string and fall back to the viewer's first region and the newest year with signed-off budgets.
 */
export async function loadBatchPublishPage(
  viewer: Viewer,
  params: Record<string, string | string[] | undefined>,
): Promise<BatchPublishPage> {
  const db: DbReader = prisma;
  const regionIds = viewer.roles.filter((grant) => grant.role === "FINANCE_REVIEWER" && grant.regionId !== undefined).map((grant) => grant.regionId as number);
  if (regionIds.length === 0) throw new AppError("FORBIDDEN", NOT_ALLOWED);
  const regions = await db.region.findMany({ where: { id: { in: regionIds } }, select: { id: true, code: true, name: true }, orderBy: { code: "asc" } });
  const region = regions.find((r) => r.code === single(params.region)) ?? regions[0];
  if (region === undefined) throw new AppError("FORBIDDEN", NOT_ALLOWED);
  const years = await db.budget.groupBy({ by: ["year"], where: { unit: { regionId: region.id } }, orderBy: { year: "desc" } });
  const signedOffYears = await db.budget.groupBy({ by: ["year"], where: { unit: { regionId: region.id }, status: "SIGNED_OFF" }, orderBy: { year: "desc" } });
  const asked = Number(single(params.year));
  const yearList = years.map((row) => row.year);
  const year = yearList.includes(asked) ? asked : (signedOffYears[0]?.year ?? yearList[0] ?? new Date().getFullYear());
  const { budgets } = await listSignedOffBudgets(prisma, viewer, { regionCode: region.code, year });
  return {
    regions: regions.map(({ code, name }) => ({ code, name })),
    region: { code: region.code, name: region.name },
    years: yearList.length > 0 ? yearList : [year],
    year,
    budgets,
  };
}

/** The batch publication of /review/publish/run on the application's database. */
export function runBatchPublication(
  viewer: Viewer | null,
  request: BatchPublishRequest,
  renderers: DocumentRenderers,
  options: Parameters<typeof publishSignedOffBudgets>[4],
): Promise<BatchPublishResult> {
  return publishSignedOffBudgets(prisma, viewer, request, renderers, options);
}
