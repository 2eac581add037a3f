import { AppError } from "@/lib/app-error";
import { canResetSecondFactor } from "@/lib/auth/reset-second-factor";
import { canAdminister, canManageRoles, isAdministrator, isSecurityAdministrator, type Viewer } from "@/lib/auth/policies";
import { ROLE_LABELS } from "@/lib/auth/role-labels";
import type { DbReader } from "@/lib/budgets/db-client";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export interface AdminRoleView {
  assignmentId: number;
  role: Role;
  roleLabel: string;
  scopeLabel: string;
  /** whether this viewer may revoke it (its region is the viewer's; never the viewer's own) */
  canRevoke: boolean;
}

export interface AdminUserView {
  id: string;
  name: string;
  email: string;
  lockedUntil: Date | null;
  isLocked: boolean;
  /** 双因素认证 set up */
  twoFactorEnabled: boolean;
  /** the viewer is a security administrator over this account (lib/auth/reset-second-factor.ts) */
  canResetSecondFactor: boolean;
  isSelf: boolean;
  roles: AdminRoleView[];
}

export interface ScopeOption {
  value: string;
  label: string;
}

export interface AdminUsersPage {
  /** sees every account (a global 系统管理员 or 安全管理员) */
  isGlobalAdmin: boolean;
  /** 系统管理员: creates accounts (ADR 0022) */
  canCreateAccounts: boolean;
  /** 安全管理员: grants and revokes roles, unlocks accounts */
  canManageRoles: boolean;
  users: AdminUserView[];
  /** scopes this viewer may grant roles in, grouped for the form */
  scopeGroups: { label: string; options: ScopeOption[] }[];
}

/**
 * The account list of the administration page (two queries), for the 系统管理员 (who creates
 * accounts) and the 安全管理员 (who grants and revokes roles and unlocks). A global one sees every
 * account; a region's the accounts holding a role in that region and those holding none (new
 * accounts waiting for a role). The 审计管理员 and everyone else are refused.
 */
export async function loadAdminUsers(viewer: Viewer | null, now: Date = new Date(), db: DbReader = prisma): Promise<AdminUsersPage> {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  const creates = isAdministrator(viewer);
  const manages = isSecurityAdministrator(viewer);
  if (!creates && !manages) throw new AppError("FORBIDDEN", "只有系统管理员和安全管理员可以管理账户。");
  const administers = (scope: { regionId?: number }) => canAdminister(viewer, scope) || canManageRoles(viewer, scope);
  const isGlobalAdmin = administers({});
  const users = await db.user.findMany({
    orderBy: { email: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      lockedUntil: true,
      twoFactorEnabled: true,
      roleAssignments: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          role: true,
          unit: { select: { code: true, name: true, regionId: true, region: { select: { name: true } } } },
          department: { select: { code: true, name: true, regionId: true, region: { select: { name: true } } } },
          region: { select: { id: true, code: true, name: true } },
        },
      },
    },
  });
  const views: AdminUserView[] = users.flatMap((user) => {
    const roles = user.roleAssignments.map((a) => {
      const regionId = a.unit?.regionId ?? a.department?.regionId ?? a.region?.id;
      const scopeLabel =
        a.unit !== null
          ? `单位 ${a.unit.code} ${a.unit.name}（${a.unit.region.name}）`
          : a.department !== null
            ? `部门 ${a.department.code} ${a.department.name}（${a.department.region.name}）`
            : a.region !== null
              ? `${a.region.name}（${a.region.code}）`
              : "全部地区";
      return { regionId, view: { assignmentId: a.id, role: a.role, roleLabel: ROLE_LABELS[a.role], scopeLabel, canRevoke: user.id !== viewer.userId && canManageRoles(viewer, { regionId }) } };
    });
    const visible = isGlobalAdmin || roles.length === 0 || roles.some((r) => r.regionId !== undefined && administers({ regionId: r.regionId }));
    if (!visible) return [];
    return [
      {
        id: user.id,
        name: user.name,
        email: user.email,
        lockedUntil: user.lockedUntil,
        isLocked: user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime(),
        twoFactorEnabled: user.twoFactorEnabled,
        canResetSecondFactor: user.twoFactorEnabled && canResetSecondFactor(viewer, { userId: user.id, regionIds: roles.map((r) => r.regionId) }),
        isSelf: user.id === viewer.userId,
        roles: roles.map((r) => r.view),
      },
    ];
  });

  if (!manages) return { isGlobalAdmin, canCreateAccounts: creates, canManageRoles: false, users: views, scopeGroups: [] };
  const isGlobalSecurityAdmin = canManageRoles(viewer);
  const regionIds = viewer.roles.filter((g) => g.role === "SECURITY_ADMIN").flatMap((g) => (g.regionId === undefined ? [] : [g.regionId]));
  const regions = await db.region.findMany({
    where: isGlobalSecurityAdmin ? {} : { id: { in: regionIds } },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      departments: { orderBy: { code: "asc" }, select: { id: true, code: true, name: true } },
      // A deactivated unit takes no new accountant (ADR 0013).
      units: { where: { deactivatedAt: null }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } },
    },
  });
  const scopeGroups = [
    ...(isGlobalSecurityAdmin ? [{ label: "全局", options: [{ value: "global", label: "全部地区（系统管理员、安全管理员、审计管理员）" }] }] : []),
    ...regions.map((region) => ({
      label: `${region.name}（${region.code}）`,
      options: [
        { value: `region:${region.id}`, label: `地区 ${region.name}（财政部门审核人、地区系统管理员、地区安全管理员）` },
        ...region.departments.map((d) => ({ value: `department:${d.id}`, label: `部门 ${d.code} ${d.name}（主管部门审核人）` })),
        ...region.units.map((u) => ({ value: `unit:${u.id}`, label: `单位 ${u.code} ${u.name}（单位填报人）` })),
      ],
    })),
  ];
  return { isGlobalAdmin, canCreateAccounts: creates, canManageRoles: true, users: views, scopeGroups };
}
