import { AppError } from "@/lib/app-error";
import type { Viewer } from "@/lib/auth/policies";
import type { DbReader } from "@/lib/budgets/db-client";
import { prisma } from "@/lib/db";
import type { RegionLevel } from "@/lib/generated/prisma/enums";
import { canAdministerRegionTree, regionAncestry, requireAnyAdministrator, requireAnySecurityAdministrator } from "./organisation-access";

export interface RegionNode {
  id: number;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: number | null;
  depth: number;
  departmentCount: number;
  unitCount: number;
}

/**
 * The regions a viewer administers, as a tree in display order (parent before children, by code):
 * everything for a global administrator, a region administrator's regions and their sub-regions.
 * One query: the region table is small (a province has a few thousand townships at most).
 */
export async function loadAdministeredRegions(viewer: Viewer | null, db: DbReader = prisma, role: "ADMIN" | "SECURITY_ADMIN" = "ADMIN"): Promise<RegionNode[]> {
  const admin = role === "ADMIN" ? requireAnyAdministrator(viewer) : requireAnySecurityAdministrator(viewer);
  const regions = await db.region.findMany({
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, level: true, parentId: true, _count: { select: { departments: true, units: true } } },
  });
  const children = new Map<number | null, typeof regions>();
  for (const region of regions) {
    const siblings = children.get(region.parentId) ?? [];
    siblings.push(region);
    children.set(region.parentId, siblings);
  }
  const nodes: RegionNode[] = [];
  const visit = (parentId: number | null, depth: number, ancestry: number[]) => {
    for (const region of children.get(parentId) ?? []) {
      const chain = [region.id, ...ancestry];
      if (canAdministerRegionTree(admin, chain, role)) {
        nodes.push({ id: region.id, code: region.code, name: region.name, level: region.level, parentId: region.parentId, depth, departmentCount: region._count.departments, unitCount: region._count.units });
      }
      visit(region.id, depth + 1, chain);
    }
  };
  visit(null, 0, []);
  return nodes;
}

export interface AdminUnitView {
  id: number;
  code: string;
  name: string;
  nature: string;
  grade: string;
  fundingForm: string;
  isActive: boolean;
  budgetCount: number;
}

export interface AdminDepartmentView {
  id: number;
  code: string;
  name: string;
  hasDepartmentReview: boolean;
  units: AdminUnitView[];
}

export interface RegionOrganisation {
  region: { id: number; code: string; name: string; level: RegionLevel; parent: { code: string; name: string } | null };
  children: { code: string; name: string; level: RegionLevel }[];
  departments: AdminDepartmentView[];
}

/** A region's departments and units for its administrators (one query with joins). */
export async function loadRegionOrganisation(viewer: Viewer | null, regionCode: string, db: DbReader = prisma): Promise<RegionOrganisation> {
  const admin = requireAnyAdministrator(viewer);
  const region = await db.region.findUnique({
    where: { code: regionCode },
    select: {
      id: true,
      code: true,
      name: true,
      level: true,
      parent: { select: { code: true, name: true } },
      children: { orderBy: { code: "asc" }, select: { code: true, name: true, level: true } },
      departments: {
        orderBy: { code: "asc" },
        select: {
          id: true,
          code: true,
          name: true,
          hasDepartmentReview: true,
          units: {
            orderBy: { code: "asc" },
            select: { id: true, code: true, name: true, nature: true, grade: true, fundingForm: true, deactivatedAt: true, _count: { select: { budgets: true } } },
          },
        },
      },
    },
  });
  if (region === null) throw new AppError("NOT_FOUND", "未找到该地区。");
  if (!canAdministerRegionTree(admin, await regionAncestry(db, region.id))) throw new AppError("FORBIDDEN", "您不是该地区（或其上级地区）的系统管理员。");
  return {
    region: { id: region.id, code: region.code, name: region.name, level: region.level, parent: region.parent },
    children: region.children,
    departments: region.departments.map((d) => ({
      id: d.id,
      code: d.code,
      name: d.name,
      hasDepartmentReview: d.hasDepartmentReview,
      units: d.units.map((u) => ({ id: u.id, code: u.code, name: u.name, nature: u.nature, grade: u.grade, fundingForm: u.fundingForm, isActive: u.deactivatedAt === null, budgetCount: u._count.budgets })),
    })),
  };
}

export interface UnitForEdit {
  id: number;
  code: string;
  name: string;
  nature: string;
  grade: string;
  fundingForm: string;
  duties: string[];
  organisation: string;
  isActive: boolean;
  departmentId: number;
  region: { code: string; name: string };
  departments: { id: number; code: string; name: string }[];
}

/** One unit with the departments of its region, for the edit form. */
export async function loadUnitForEdit(viewer: Viewer | null, unitId: number, db: DbReader = prisma): Promise<UnitForEdit> {
  const admin = requireAnyAdministrator(viewer);
  const unit = await db.unit.findUnique({
    where: { id: unitId },
    select: {
      id: true,
      code: true,
      name: true,
      nature: true,
      grade: true,
      fundingForm: true,
      duties: true,
      organisation: true,
      deactivatedAt: true,
      departmentId: true,
      regionId: true,
      region: { select: { code: true, name: true, departments: { orderBy: { code: "asc" }, select: { id: true, code: true, name: true } } } },
    },
  });
  if (unit === null) throw new AppError("NOT_FOUND", "未找到该单位。");
  if (!canAdministerRegionTree(admin, await regionAncestry(db, unit.regionId))) throw new AppError("FORBIDDEN", "您不是该单位所在地区的系统管理员。");
  const { region, deactivatedAt, regionId: _regionId, ...rest } = unit;
  return { ...rest, isActive: deactivatedAt === null, region: { code: region.code, name: region.name }, departments: region.departments };
}

export interface DepartmentForEdit {
  id: number;
  code: string;
  name: string;
  hasDepartmentReview: boolean;
  region: { code: string; name: string };
}

export async function loadDepartmentForEdit(viewer: Viewer | null, departmentId: number, db: DbReader = prisma): Promise<DepartmentForEdit> {
  const admin = requireAnyAdministrator(viewer);
  const department = await db.department.findUnique({
    where: { id: departmentId },
    select: { id: true, code: true, name: true, hasDepartmentReview: true, regionId: true, region: { select: { code: true, name: true } } },
  });
  if (department === null) throw new AppError("NOT_FOUND", "未找到该部门。");
  if (!canAdministerRegionTree(admin, await regionAncestry(db, department.regionId))) throw new AppError("FORBIDDEN", "您不是该部门所在地区的系统管理员。");
  const { regionId: _regionId, ...rest } = department;
  return rest;
}
