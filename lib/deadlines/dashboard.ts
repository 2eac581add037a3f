import type { Viewer } from "@/lib/auth/policies";
import { prisma } from "@/lib/db";
import { exportDeadlines, type DeadlineExport, type DeadlineExportFormat } from "./export-deadlines";
import { loadDeadlineDashboard, type DeadlineDashboard, type DeadlineFilters } from "./queries";

/** The page's entry points, bound to the application's database (app/ does not touch Prisma). */
export function getDeadlineDashboard(viewer: Viewer | null, filters: DeadlineFilters): Promise<DeadlineDashboard> {
  return loadDeadlineDashboard(prisma, viewer, filters);
}

export function downloadDeadlines(
  viewer: Viewer | null,
  filters: DeadlineFilters,
  format: DeadlineExportFormat,
  clientAddress: string | null = null,
): Promise<DeadlineExport> {
  return exportDeadlines(prisma, viewer, filters, format, new Date(), clientAddress);
}
