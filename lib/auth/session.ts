import { headers } from "next/headers";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { getAuth } from "./auth";
import type { RoleGrant, Viewer } from "./policies";

export type { Viewer } from "./policies";

export interface ViewerOptions {
  /**
   * Move the idle expiry forward. Off for pages and actions: proxy.ts has already refreshed the
   * session for this request, and only it can hand the refreshed cookie back to the browser.
   */
  refresh?: boolean;
}

/**
 * The viewer of a request: its better-auth session (expired or signed-out sessions give null) and
 * the user's role assignments, loaded with one query.
 */
export async function getViewerFromHeaders(requestHeaders: Headers, options: ViewerOptions = {}): Promise<Viewer | null> {
  const session = await getAuth().api.getSession({
    headers: requestHeaders,
    query: { disableRefresh: options.refresh !== true },
  });
  if (session === null) return null;
  const assignments = await prisma.roleAssignment.findMany({
    where: { userId: session.user.id },
    select: { role: true, unitId: true, departmentId: true, regionId: true },
    orderBy: { id: "asc" },
  });
  return {
    userId: session.user.id,
    roles: assignments.map(
      ({ role, unitId, departmentId, regionId }): RoleGrant => ({
        role,
        ...(unitId !== null ? { unitId } : {}),
        ...(departmentId !== null ? { departmentId } : {}),
        ...(regionId !== null ? { regionId } : {}),
      }),
    ),
  };
}

/** For server components and server actions; memoised per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => getViewerFromHeaders(await headers()));
