import { AppError } from "@/lib/app-error";
import type { Viewer } from "@/lib/auth/policies";
import type { DbReader } from "@/lib/budgets/db-client";

/** A region and every region above it, nearest first (one recursive query); empty when the region does not exist. */
export async function regionAncestry(tx: DbReader, regionId: number): Promise<number[]> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE chain AS (
      SELECT id, parent_id, 0 AS depth FROM regions WHERE id = ${regionId}
      UNION ALL
      SELECT r.id, r.parent_id, c.depth + 1 FROM regions r JOIN chain c ON r.id = c.parent_id WHERE c.depth < 10
    )
    SELECT id FROM chain ORDER BY depth`;
  return rows.map((row) => row.id);
}

/**
 * The organisation (regions, departments, units) of a region is administered by a global
 * administrator and by the administrators of that region or of any region above it: a
 * province's administrator manages its cities, counties and townships; a county's only its own.
 */
export function canAdministerRegionTree(viewer: Viewer | null, ancestry: readonly number[], role: "ADMIN" | "SECURITY_ADMIN" = "ADMIN"): boolean {
  if (viewer === null || ancestry.length === 0) return false;
  return viewer.roles.some((grant) => grant.role === role && (grant.regionId === undefined || ancestry.includes(grant.regionId)));
}

export function isGlobalAdministrator(viewer: Viewer | null): boolean {
  return viewer !== null && viewer.roles.some((grant) => grant.role === "ADMIN" && grant.regionId === undefined);
}

/** Refuses unless the viewer administers the region (or one above it); NOT_FOUND for a region that does not exist. */
export async function requireRegionAdministrator(tx: DbReader, viewer: Viewer | null, regionId: number): Promise<void> {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  const ancestry = await regionAncestry(tx, regionId);
  if (ancestry.length === 0) throw new AppError("NOT_FOUND", "未找到该地区。", { regionId: ["未找到该地区。"] });
  if (!canAdministerRegionTree(viewer, ancestry)) {
    throw new AppError("FORBIDDEN", "您不是该地区（或其上级地区）的系统管理员，不能管理该地区的机构。");
  }
}

/**
 * The account import grants roles, which is the 安全管理员's work (三员分立, ADR 0022): a security
 * administrator of the region or of a region above it; NOT_FOUND for a region that does not exist.
 */
export async function requireRegionSecurityAdministrator(tx: DbReader, viewer: Viewer | null, regionId: number): Promise<void> {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  const ancestry = await regionAncestry(tx, regionId);
  if (ancestry.length === 0) throw new AppError("NOT_FOUND", "未找到该地区。", { regionId: ["未找到该地区。"] });
  if (!canAdministerRegionTree(viewer, ancestry, "SECURITY_ADMIN")) {
    throw new AppError("FORBIDDEN", "您不是该地区（或其上级地区）的安全管理员，不能为该地区导入账户和角色。");
  }
}

/** Refuses anyone who is not a 安全管理员 at all, before any input is read. */
export function requireAnySecurityAdministrator(viewer: Viewer | null): Viewer {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  if (!viewer.roles.some((grant) => grant.role === "SECURITY_ADMIN")) throw new AppError("FORBIDDEN", "只有安全管理员可以导入账户和角色。");
  return viewer;
}

/** Refuses anyone who is not a 系统管理员 at all, before any input is read. */
export function requireAnyAdministrator(viewer: Viewer | null): Viewer {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  if (!viewer.roles.some((grant) => grant.role === "ADMIN")) throw new AppError("FORBIDDEN", "只有系统管理员可以管理地区、部门和单位。");
  return viewer;
}

/** The raw value of one field of untrusted input, shortened for an audit row. */
export function rawField(raw: unknown, key: string): string | undefined {
  if (typeof raw !== "object" || raw === null || !(key in raw)) return undefined;
  const value = (raw as Record<string, unknown>)[key];
  return value === undefined || value === null ? undefined : String(value).slice(0, 100);
}
