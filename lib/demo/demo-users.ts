import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The demo accounts, one per role, as plain data (no database code, so the browser tests can
 * import it too). Listed in the README under 演示账号（仅用于演示环境）; seed-users.ts creates them.
 */

/** 馆陶县, the region of the demo budget (the end of GUANTAO_REGION_CHAIN in factories.ts). */
export const DEMO_REGION_CODE = "130433";

/** Where a demo role applies, by the codes of the demo data (馆陶县 130433, department 224, unit 224001). */
export type DemoScope = { unitCode: string } | { departmentCode: string } | { regionCode: string } | { global: true };

export interface DemoUser {
  email: string;
  name: string;
  /** demo only: printed in the README, never created when GONGKAI_DEMO=false */
  password: string;
  role: Role;
  scope: DemoScope;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: "tianbao.224001@demo.gongkai.test",
    name: "演示填报人（224001）",
    password: "Tianbao#224001",
    role: "ACCOUNTANT",
    scope: { unitCode: "224001" },
  },
  {
    email: "fuzeren.224001@demo.gongkai.test",
    name: "演示单位负责人（224001）",
    password: "Fuzeren#224001",
    role: "UNIT_HEAD",
    scope: { unitCode: "224001" },
  },
  {
    email: "bumen.224@demo.gongkai.test",
    name: "演示主管部门审核人（224）",
    password: "Bumen#224shenhe",
    role: "DEPARTMENT_REVIEWER",
    scope: { departmentCode: "224" },
  },
  {
    email: "caizheng.130433@demo.gongkai.test",
    name: "演示财政审核人（馆陶县）",
    password: "Caizheng#130433",
    role: "FINANCE_REVIEWER",
    scope: { regionCode: DEMO_REGION_CODE },
  },
  {
    email: "admin@demo.gongkai.test",
    name: "演示系统管理员",
    password: "Guanli#Admin2024",
    role: "ADMIN",
    scope: { global: true },
  },
];
