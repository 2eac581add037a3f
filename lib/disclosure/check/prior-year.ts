import type { Finding } from "../findings";
import type { Fen } from "../types";
import { compare, isBlankText, push, sumTolerance } from "./compare";
import { cellFen, money, rowsByKey, type CheckContext } from "./context";
import { isEmptyReason } from "./reasons";

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
  /** "但未填写…的原因。", or, when the text given says nothing, quotes it. */
  const noReason = (given: string, what: string): string =>
    isBlankText(given) ? `，但未填写${what}的原因。` : `，所填原因“${given.trim()}”没有说明${what}的原因。`;

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
  if (other !== 0 && isEmptyReason(reasons.totalChangeReason)) {
    missingReason(
      `本年除基本支出和项目支出外还有其他支出${money(ctx, other)}，支出总额比${lastYear}${change(ctx, total - prior.total)}，` +
        `不能全部由基本支出和项目支出的变化说明${noReason(reasons.totalChangeReason, "总额变化")}`,
      { section: "change", table: "T3", rowKey: "total", column: "total" },
      prior.total,
      total,
    );
  }

  const deltaBasic = basic - prior.basic;
  if (deltaBasic !== 0 && isEmptyReason(reasons.basicChangeReason)) {
    missingReason(
      `基本支出比${lastYear}${change(ctx, deltaBasic)}（上年${money(ctx, prior.basic)}，本年${money(ctx, basic)}）${noReason(reasons.basicChangeReason, "基本支出变化")}`,
      { section: "change", table: "T3", rowKey: "total", column: "basic" },
      prior.basic,
      basic,
    );
  }

  const deltaProject = project - prior.project;
  // The itemised comparison holds whatever general reason is given: the continuing projects'
  // last-year amounts are part of last year's 项目支出 (the rest is projects that ended).
  const priorAmounts = ctx.budget.projects.flatMap((p) => (p.priorYearAmount === null ? [] : [p.priorYearAmount]));
  const priorItemised = priorAmounts.reduce((a, b) => a + b, 0);
  const priorAllowance = sumTolerance(ctx, [...priorAmounts, prior.project]);
  if (priorItemised - prior.project > priorAllowance) {
    missingReason(
      `各项目的上年金额合计为${money(ctx, priorItemised)}，超过了上年（${lastYear}）项目支出${money(ctx, prior.project)}，` +
        `多出${money(ctx, priorItemised - prior.project)}；请核对各项目的上年金额。`,
      { section: "projects", table: "T3", rowKey: "total", column: "project" },
      prior.project,
      priorItemised,
    );
  }
  if (deltaProject !== 0 && isEmptyReason(reasons.projectChangeReason)) {
    const projectChanges = ctx.budget.projects.map((p) => p.amount - (p.priorYearAmount ?? 0));
    const itemised = projectChanges.reduce((a, b) => a + b, 0);
    if (Math.abs(itemised - deltaProject) > sumTolerance(ctx, [...projectChanges, prior.project, project])) {
      missingReason(
        `项目支出比${lastYear}${change(ctx, deltaProject)}（上年${money(ctx, prior.project)}，本年${money(ctx, project)}），` +
          `但各项目与上年相比的变化合计为${money(ctx, itemised)}，不能说明全部变化，且${!isBlankText(reasons.projectChangeReason) ? `所填原因“${reasons.projectChangeReason.trim()}”没有说明项目支出变化的原因` : "未填写项目支出变化的原因"}。`,
        { section: "change", table: "T3", rowKey: "total", column: "project" },
        deltaProject,
        itemised,
      );
    }
  }

  const t9 = ctx.tables.T9;
  const threePublic = cellFen(t9, rowsByKey(ctx, t9).get("total"), "total");
  const deltaThreePublic = threePublic - prior.threePublic;
  if (deltaThreePublic !== 0 && isEmptyReason(reasons.threePublicChangeReason)) {
    missingReason(
      `“三公”经费比${lastYear}${change(ctx, deltaThreePublic)}（上年${money(ctx, prior.threePublic)}，本年${money(ctx, threePublic)}）${noReason(reasons.threePublicChangeReason, "“三公”经费增减变化")}`,
      { section: "threePublic", table: "T9", rowKey: "total", column: "total" },
      prior.threePublic,
      threePublic,
    );
  }
}
