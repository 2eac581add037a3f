import type { Viewer } from "@/lib/auth/policies";
import { prisma } from "@/lib/db";
import { exportAuditEvents, type AuditExport } from "./export-audit-events";
import { searchAuditEvents, type AuditSearchResult } from "./search-audit-events";
import { verifyAuditChains } from "./verify-audit-chains";
import type { IntegrityReport } from "@/lib/integrity/verify-chains";

type Params = Record<string, string | string[] | undefined>;
const single = (params: Params) => Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));

/** The audit pages' entry points, bound to the application's database (app/ does not touch Prisma). */
export function searchAuditLog(viewer: Viewer | null, params: Params, clientAddress: string | null = null): Promise<AuditSearchResult> {
  return searchAuditEvents(prisma, viewer, single(params), { clientAddress });
}

export function exportAuditLog(viewer: Viewer | null, params: Params, clientAddress: string | null = null): Promise<AuditExport> {
  return exportAuditEvents(prisma, viewer, single(params), { clientAddress });
}

export function verifyAuditLog(viewer: Viewer | null, clientAddress: string | null = null): Promise<IntegrityReport> {
  return verifyAuditChains(prisma, viewer, { clientAddress });
}
