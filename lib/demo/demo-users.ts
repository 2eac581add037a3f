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
  /**
   * demo only, public like the password: the account's TOTP secret (base32), pre-enrolled so the
   * demo can be signed into with any authenticator app (README) and the browser tests compute codes
   */
  totpSecret: string;
  role: Role;
  scope: DemoScope;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: "tianbao.224001@demo.gongkai.test",
    name: "演示填报人（224001）",
    password: "Tianbao#224001",
    totpSecret: "GONGKAIDEMOTIANBAOACCOUNTANTAAAA",
    role: "ACCOUNTANT",
    scope: { unitCode: "224001" },
  },
  {
    email: "fuzeren.224001@demo.gongkai.test",
    name: "演示单位负责人（224001）",
    password: "Fuzeren#224001",
    totpSecret: "GONGKAIDEMOFUZERENUNITHEADAAAAAA",
    role: "UNIT_HEAD",
    scope: { unitCode: "224001" },
  },
  {
    email: "bumen.224@demo.gongkai.test",
    name: "演示主管部门审核人（224）",
    password: "Bumen#224shenhe",
    totpSecret: "GONGKAIDEMOBUMENDEPARTMENTREVIEW",
    role: "DEPARTMENT_REVIEWER",
    scope: { departmentCode: "224" },
  },
  {
    email: "caizheng.130433@demo.gongkai.test",
    name: "演示财政审核人（馆陶县）",
    password: "Caizheng#130433",
    totpSecret: "GONGKAIDEMOCAIZHENGFINANCEREVIEW",
    role: "FINANCE_REVIEWER",
    scope: { regionCode: DEMO_REGION_CODE },
  },
  {
    email: "admin@demo.gongkai.test",
    name: "演示系统管理员",
    password: "Guanli#Admin2024",
    totpSecret: "GONGKAIDEMOGUANLIADMINISTRATORAA",
    role: "ADMIN",
    scope: { global: true },
  },
  // 三员分立 (ADR 0022): one account per administrator role.
  {
    email: "anquan@demo.gongkai.test",
    name: "演示安全管理员",
    password: "Anquan#Admin2024",
    totpSecret: "GONGKAIDEMOANQUANSECURITYADMINAA",
    role: "SECURITY_ADMIN",
    scope: { global: true },
  },
  {
    email: "shenji@demo.gongkai.test",
    name: "演示审计管理员",
    password: "Shenji#Audit2024",
    totpSecret: "GONGKAIDEMOSHENJIAUDITADMINAAAAA",
    role: "AUDIT_ADMIN",
    scope: { global: true },
  },
];
