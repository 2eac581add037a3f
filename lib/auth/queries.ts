import { AppError } from "@/lib/app-error";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Viewer } from "./policies";
import { ROLE_LABELS } from "./role-labels";

export interface RoleSummary {
  role: Role;
  roleLabel: string;
  /** what the role is held for, as people name it, e.g. "224001 中共馆陶县委…本级（馆陶县）" */
  scopeLabel: string;
}

export interface AccountOverview {
  name: string;
  email: string;
  roles: RoleSummary[];
}

/** The signed-in person's own account and roles, scope names included, in one query. */
export async function getAccountOverview(viewer: Viewer): Promise<AccountOverview> {
  const user = await prisma.user.findUnique({
    where: { id: viewer.userId },
    select: {
      name: true,
      email: true,
      roleAssignments: {
        orderBy: { id: "asc" },
        select: {
          role: true,
          unit: { select: { code: true, name: true, region: { select: { name: true } } } },
          department: { select: { code: true, name: true, region: { select: { name: true } } } },
          region: { select: { code: true, name: true } },
        },
      },
    },
  });
  if (user === null) throw new AppError("UNAUTHENTICATED", "账户不存在或已被删除，请重新登录。");
  return {
    name: user.name,
    email: user.email,
    roles: user.roleAssignments.map(({ role, unit, department, region }) => ({
      role,
      roleLabel: ROLE_LABELS[role],
      scopeLabel:
        unit !== null
          ? `单位 ${unit.code} ${unit.name}（${unit.region.name}）`
          : department !== null
            ? `部门 ${department.code} ${department.name}（${department.region.name}）`
            : region !== null
              ? `${region.name}（${region.code}）`
              : "全部地区",
    })),
  };
}
