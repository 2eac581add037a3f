import type { Budget } from "@/lib/disclosure/types";

/** 首页 › region › department › unit. Only 首页 is a link: the other levels have no page of their own yet. */
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
        <li>{budget.region.name}</li>
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
