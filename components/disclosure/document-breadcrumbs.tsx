import type { Budget } from "@/lib/disclosure/types";

/** 首页 › region › department › unit. 首页 and the region (its list of published budgets) are links. */
export function DocumentBreadcrumbs({
  budget,
  isDepartment = false,
}: {
  budget: Pick<Budget, "region" | "department" | "unit">;
  /** a department's 部门预算: the department is the current page */
  isDepartment?: boolean;
}) {
  return (
    <nav className="gk-breadcrumbs" aria-label="面包屑">
      <ol>
        <li>
          <a href="/">首页</a>
        </li>
        <li>
          <a href={`/regions/${encodeURIComponent(budget.region.code)}`}>{budget.region.name}</a>
        </li>
        {isDepartment ? (
          <li aria-current="page">{budget.department.name}（部门预算）</li>
        ) : (
          <>
            <li>{budget.department.name}</li>
            <li aria-current="page">{budget.unit.name}</li>
          </>
        )}
      </ol>
    </nav>
  );
}
