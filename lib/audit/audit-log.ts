import type { Viewer } from "@/lib/auth/policies";
import { prisma } from "@/lib/db";
import { searchAuditEvents, type AuditSearchResult } from "./search-audit-events";

/** The audit page's entry point, bound to the application's database. */
export function searchAuditLog(viewer: Viewer | null, params: Record<string, string | string[] | undefined>): Promise<AuditSearchResult> {
  const single = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return searchAuditEvents(prisma, viewer, single);
}
