import type { Finding } from "../findings";
import type { Project, SpendingPlan } from "../types";
import { compare, push, sumTolerance } from "./compare";
import { cellFen, cellRef, rowsByKey, tableName, type CheckContext } from "./context";

export function projectLabel(project: Project): string {
  return `项目“${project.name}”（${project.code}）`;
}

function namesOf(projects: readonly Project[]): string {
  const names = projects.slice(0, 3).map((p) => `“${p.name}”`).join("、");
  return projects.length > 3 ? `${names}等${projects.length}个项目` : names;
}

/**
 * C10: the projects' 预算数 add up to 项目支出 (in total and per functional 项), and each 预算数 is
 * 财政资金 + 其他资金. Per-code totals use table 3's 项 rows so that printed tables are checked too.
 */
export function checkProjects(ctx: CheckContext, out: Finding[]): void {
  const t3 = ctx.tables.T3;
  const t3Rows = rowsByKey(ctx, t3);
  const projects = ctx.budget.projects;

  projects.forEach((project, lineIndex) => {
    const parts = [project.fiscalAmount, project.otherAmount];
    push(
      out,
      compare(ctx, {
        rule: "C10",
        actual: project.amount,
        expected: project.fiscalAmount + project.otherAmount,
        tolerance: sumTolerance(ctx, parts),
        location: { section: "projects", projectCode: project.code, lineIndex },
        describe: (actual, expected) => `${projectLabel(project)}的预算数为${actual}，但财政资金与其他资金之和为${expected}`,
      }),
    );
  });

  const totalRow = t3Rows.get("total");
  const amounts = projects.map((p) => p.amount);
  push(
    out,
    compare(ctx, {
      rule: "C10",
      actual: amounts.reduce((a, b) => a + b, 0),
      expected: cellFen(t3, totalRow, "project"),
      tolerance: sumTolerance(ctx, amounts),
      location: { section: "projects", table: "T3", rowKey: "total", column: "project" },
      describe: (actual, expected) =>
        `${projects.length}个项目绩效目标表的预算数合计为${actual}，但${totalRow ? cellRef(t3, totalRow, "project") : `${tableName(t3)}的项目支出`}为${expected}`,
    }),
  );

  const byCode = new Map<string, Project[]>();
  for (const project of projects) {
    const list = byCode.get(project.functionalCode);
    if (list) list.push(project);
    else byCode.set(project.functionalCode, [project]);
  }
  const codes = new Set(byCode.keys());
  for (const row of t3.rows) {
    if (row.key.length === 7 && /^\d+$/.test(row.key) && cellFen(t3, row, "project") !== 0) codes.add(row.key);
  }
  // With a single 项 the per-code comparison would only repeat the total one.
  if (codes.size < 2) return;
  for (const code of codes) {
    const listed = byCode.get(code) ?? [];
    const row = t3Rows.get(code);
    const projectAmounts = listed.map((p) => p.amount);
    push(
      out,
      compare(ctx, {
        rule: "C10",
        actual: projectAmounts.reduce((a, b) => a + b, 0),
        expected: cellFen(t3, row, "project"),
        tolerance: sumTolerance(ctx, projectAmounts),
        location: { section: "projects", table: "T3", rowKey: code, column: "project", ...(listed[0] ? { projectCode: listed[0].code } : {}) },
        describe: (actual, expected) => {
          const projectSide = listed.length
            ? `功能分类科目为“${code}”的${namesOf(listed)}预算数合计为${actual}`
            : `没有功能分类科目为“${code}”的项目（合计${actual}）`;
          const tableSide = row ? `${cellRef(t3, row, "project")}为${expected}` : `${tableName(t3)}中该科目的项目支出为${expected}`;
          return `${projectSide}，但${tableSide}`;
        },
      }),
    );
  }
}

const PLAN_POINTS: readonly [keyof SpendingPlan, string][] = [
  ["march", "3月底"],
  ["june", "6月底"],
  ["october", "10月底"],
  ["december", "12月底"],
];

function percent(value: number): string {
  return `${value}%`;
}

/** C11: the cumulative 资金支出计划 stays within 0–100%, never falls, and reaches 100% by December. */
export function checkSpendingPlans(ctx: CheckContext, out: Finding[]): void {
  ctx.budget.projects.forEach((project, lineIndex) => {
    const plan = project.spendingPlan;
    const location = { section: "projects" as const, projectCode: project.code, lineIndex };
    const finding = (message: string): Finding => ({ rule: "C11", severity: "error", message, location, tolerance: 0 });
    let previous: [string, number] | null = null;
    for (const [key, label] of PLAN_POINTS) {
      const value = plan[key];
      if (!Number.isFinite(value) || value < 0 || value > 100) {
        out.push(finding(`${projectLabel(project)}的资金支出计划${label}为${percent(value)}，应在0%至100%之间。`));
        continue;
      }
      if (previous && value < previous[1]) {
        out.push(
          finding(`${projectLabel(project)}的资金支出计划${label}为${percent(value)}，低于${previous[0]}的${percent(previous[1])}；累计支出比例不能下降。`),
        );
      }
      previous = [label, value];
    }
    if (plan.december !== 100 && Number.isFinite(plan.december) && plan.december >= 0 && plan.december <= 100) {
      out.push(finding(`${projectLabel(project)}的资金支出计划12月底为${percent(plan.december)}，年底累计应达到100%。`));
    }
  });
}
