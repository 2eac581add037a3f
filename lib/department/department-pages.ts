import type { Viewer } from "@/lib/auth/policies";
import { prisma } from "@/lib/db";
import type { DocumentRenderers } from "@/lib/publication/publish-budget";
import { loadDepartmentPreview, type DepartmentPreview } from "./preview-department-budget";
import { publishDepartmentBudget, type PublishDepartmentInput, type PublishedDepartment } from "./publish-department-budget";
import { listDepartments, type DepartmentListItem } from "./queries";

/** The department pages' entry points, bound to the application's database (app/ has no Prisma). */

export function previewDepartment(viewer: Viewer | null, request: { departmentId: number; year?: number }): Promise<DepartmentPreview> {
  return loadDepartmentPreview(prisma, viewer, request);
}

export function publishDepartment(
  viewer: Viewer | null,
  input: PublishDepartmentInput,
  renderers: DocumentRenderers,
): Promise<PublishedDepartment> {
  return publishDepartmentBudget(prisma, viewer, input, renderers);
}

/** The departments whose budget the viewer reviews (department reviewer roles). */
export function listReviewedDepartments(viewer: Viewer): Promise<DepartmentListItem[]> {
  const ids = viewer.roles.flatMap((grant) => (grant.role === "DEPARTMENT_REVIEWER" && grant.departmentId !== undefined ? [grant.departmentId] : []));
  return ids.length === 0 ? Promise.resolve([]) : listDepartments(prisma, ids);
}
