import Link from "next/link";

export interface StaffLinkFlags {
  deadlines: boolean;
  /** a finance reviewer publishes the region's signed-off budgets together (统一公开) */
  batchPublish?: boolean;
  /** a department reviewer publishes their departments' 部门预算 */
  departmentBudgets: boolean;
  auditLog: boolean;
  /** 系统管理员 (creates accounts) or 安全管理员 (grants roles, unlocks) */
  accounts: boolean;
  /** 系统管理员: regions, departments, units (三员分立, ADR 0022) */
  organisation?: boolean;
  /** 安全管理员: imports accounts with their roles */
  accountImport?: boolean;
  /** global administrators load the year's code books */
  codeBooks: boolean;
  /** finance reviewers open their region's budget years */
  budgetYears: boolean;
}

/** Links to the supervision and administration pages the viewer's roles open. */
export function StaffLinks({ flags }: { flags: StaffLinkFlags }) {
  const links = [
    flags.deadlines ? { href: "/review/deadlines", label: "预算公开时限", note: "各单位批复后 20 日内公开的情况" } : null,
    flags.batchPublish ? { href: "/review/publish", label: "批量公开", note: "一次公开本地区已审签的预算，逐份显示进度" } : null,
    flags.departmentBudgets ? { href: "/review/departments", label: "部门预算", note: "汇总本部门各单位已批复的预算，预览并公开部门预算" } : null,
    flags.budgetYears ? { href: "/review/years", label: "预算年度", note: "开放预算年度：选定科目表版本和报送截止日期" } : null,
    flags.codeBooks ? { href: "/admin/codebooks", label: "科目表管理", note: "导入年度政府收支分类科目，预览与上一版的差异" } : null,
    flags.organisation === true ? { href: "/admin/regions", label: "地区、部门和单位", note: "维护行政区划、主管部门和预算单位，停用单位" } : null,
    flags.organisation === true ? { href: "/admin/import/units", label: "批量导入单位", note: "从 .xlsx 或 .csv 文件导入主管部门和预算单位，先预览再确认" } : null,
    flags.accountImport === true ? { href: "/admin/import/accounts", label: "批量导入账户", note: "从 .xlsx 或 .csv 文件创建账户并授予角色，生成一次性初始密码" } : null,
    flags.accounts
      ? { href: "/admin/users", label: "账户管理", note: flags.accountImport === true ? "授予和撤销角色、解锁账户" : "创建账户（角色由安全管理员授予）" }
      : null,
    flags.auditLog ? { href: "/admin/audit", label: "审计日志", note: "查询、筛选和导出审计日志，校验审计日志和公开文件的哈希链" } : null,
  ].filter((link) => link !== null);
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="staff-links-heading" className="mt-8">
      <h2 id="staff-links-heading" className="mb-3 text-lg font-semibold">
        监督与管理
      </h2>
      <ul className="divide-y divide-slate-200 rounded border border-slate-300">
        {links.map((link) => (
          <li key={link.href} className="px-4 py-3">
            <Link href={link.href} className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
              {link.label}
            </Link>
            <span className="block text-sm text-slate-700">{link.note}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
