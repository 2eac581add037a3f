import type { Finding } from "../findings";
import type { Fen } from "../types";
import { compare, isBlankText, push, sumTolerance } from "./compare";
import { cellFen, money, rowsByKey, type CheckContext } from "./context";

function change(ctx: CheckContext, delta: Fen): string {
  return `${delta >= 0 ? "增加" : "减少"}${money(ctx, Math.abs(delta))}`;
}

/**
 * C14: the 比上年增减 of the narrative. Last year's figures must add up, and every change needs a
 * stated reason: 基本支出 and 三公 by their own reason; 项目支出 either by the projects' own
 * prior-year amounts (a new project counts as an increase by its whole amount, as the narrative
 * itemises it as 新增) or by a general reason.
 */
export function checkPriorYear(ctx: CheckContext, out: Finding[]): void {
  const prior = ctx.budget.priorYear;
  if (!prior) return;
  const reasons = ctx.budget.narrative;
  const t3 = ctx.tables.T3;
  const t3Total = rowsByKey(ctx, t3).get("total");
  const total = cellFen(t3, t3Total, "total");
  const basic = cellFen(t3, t3Total, "basic");
  const project = cellFen(t3, t3Total, "project");
  const lastYear = `${prior.year}年`;
  const missingReason = (message: string, location: Finding["location"], expected: Fen, actual: Fen): void => {
    out.push({ rule: "C14", severity: "error", message, location, expected, actual, tolerance: 0 });
  };

  push(
    out,
    compare(ctx, {
      rule: "C14",
      actual: prior.total,
      expected: prior.basic + prior.project,
      tolerance: sumTolerance(ctx, [prior.basic, prior.project]),
      location: { section: "change" },
      describe: (actual, expected) => `上年（${lastYear}）预算总额为${actual}，但上年基本支出与项目支出之和为${expected}`,
    }),
  );

  // Spending kinds other than basic and project have no prior-year figure, so their share of the change needs words.
  const other = total - basic - project;
  if (other !== 0 && isBlankText(reasons.totalChangeReason)) {
    missingReason(
      `本年除基本支出和项目支出外还有其他支出${money(ctx, other)}，支出总额比${lastYear}${change(ctx, total - prior.total)}，` +
        `不能全部由基本支出和项目支出的变化说明，但未填写总额变化的原因。`,
      { section: "change", table: "T3", rowKey: "total", column: "total" },
      prior.total,
      total,
    );
  }

  const deltaBasic = basic - prior.basic;
  if (deltaBasic !== 0 && isBlankText(reasons.basicChangeReason)) {
    missingReason(
      `基本支出比${lastYear}${change(ctx, deltaBasic)}（上年${money(ctx, prior.basic)}，本年${money(ctx, basic)}），但未填写基本支出变化的原因。`,
      { section: "change", table: "T3", rowKey: "total", column: "basic" },
      prior.basic,
      basic,
    );
  }

  const deltaProject = project - prior.project;
  if (deltaProject !== 0 && isBlankText(reasons.projectChangeReason)) {
    const projectChanges = ctx.budget.projects.map((p) => p.amount - (p.priorYearAmount ?? 0));
    const itemised = projectChanges.reduce((a, b) => a + b, 0);
    if (Math.abs(itemised - deltaProject) > sumTolerance(ctx, [...projectChanges, prior.project, project])) {
      missingReason(
        `项目支出比${lastYear}${change(ctx, deltaProject)}（上年${money(ctx, prior.project)}，本年${money(ctx, project)}），` +
          `但各项目与上年相比的变化合计为${money(ctx, itemised)}，不能说明全部变化，且未填写项目支出变化的原因。`,
        { section: "change", table: "T3", rowKey: "total", column: "project" },
        deltaProject,
        itemised,
      );
    }
  }

  const t9 = ctx.tables.T9;
  const threePublic = cellFen(t9, rowsByKey(ctx, t9).get("total"), "total");
  const deltaThreePublic = threePublic - prior.threePublic;
  if (deltaThreePublic !== 0 && isBlankText(reasons.threePublicChangeReason)) {
    missingReason(
      `“三公”经费比${lastYear}${change(ctx, deltaThreePublic)}（上年${money(ctx, prior.threePublic)}，本年${money(ctx, threePublic)}），但未填写“三公”经费增减变化的原因。`,
      { section: "threePublic", table: "T9", rowKey: "total", column: "total" },
      prior.threePublic,
      threePublic,
    );
  }
}
