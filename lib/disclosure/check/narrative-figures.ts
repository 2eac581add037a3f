import type { Finding, NarrativeSection } from "../findings";
import type { TableId } from "../table-model";
import type { Fen } from "../types";
import { compare, push } from "./compare";
import { cellFen, cellRef, rowsByKey, tableName, narrativeTolerance, type CheckContext } from "./context";
import { projectLabel } from "./projects";

interface FigureCheck {
  section: NarrativeSection;
  /** how the narrative names the figure */
  label: string;
  stated: Fen;
  table: TableId;
  rowKey: string;
  column: string;
}

const SECTION_NAME: Partial<Record<NarrativeSection, string>> = {
  income: "收入说明",
  expenditure: "支出说明",
};

/**
 * C13: every figure the narrative states equals the table it restates; each project it lists
 * equals its 绩效目标表. (机关运行经费 against 公用经费 is P6: a 事业单位 states none.)
 */
export function checkNarrativeFigures(ctx: CheckContext, out: Finding[]): void {
  const n = ctx.narrative;
  const checks: FigureCheck[] = [
    { section: "income", label: "收入合计", stated: n.income.total, table: "T1", rowKey: "grand-total", column: "income" },
    { section: "income", label: "一般公共预算收入", stated: n.income.generalBudget, table: "T1", rowKey: "row1", column: "income" },
    { section: "income", label: "基金预算收入", stated: n.income.governmentFund, table: "T1", rowKey: "row2", column: "income" },
    { section: "income", label: "国有资本经营预算收入", stated: n.income.stateCapital, table: "T1", rowKey: "row3", column: "income" },
    { section: "income", label: "财政专户核拨收入", stated: n.income.specialAccount, table: "T1", rowKey: "row4", column: "income" },
    { section: "income", label: "单位资金收入", stated: n.income.unitFunds, table: "T1", rowKey: "row5", column: "income" },
    { section: "income", label: "上年结转结余", stated: n.income.carryover, table: "T1", rowKey: "carryover", column: "income" },
    { section: "expenditure", label: "支出预算", stated: n.expenditureTotal, table: "T3", rowKey: "total", column: "total" },
    { section: "expenditure", label: "基本支出", stated: n.basic, table: "T3", rowKey: "total", column: "basic" },
    { section: "expenditure", label: "人员经费", stated: n.personnel, table: "T6", rowKey: "total", column: "personnel" },
    { section: "expenditure", label: "日常公用经费", stated: n.public, table: "T6", rowKey: "total", column: "public" },
    { section: "expenditure", label: "项目支出", stated: n.project, table: "T3", rowKey: "total", column: "project" },
  ];
  for (const check of checks) {
    const table = ctx.tables[check.table];
    const row = rowsByKey(ctx, table).get(check.rowKey);
    push(
      out,
      compare(ctx, {
        rule: "C13",
        actual: check.stated,
        expected: cellFen(table, row, check.column),
        tolerance: narrativeTolerance(ctx),
        location: { section: check.section, table: check.table, rowKey: check.rowKey, column: check.column },
        describe: (actual, expected) =>
          `情况说明“${SECTION_NAME[check.section] ?? ""}”中的${check.label}为${actual}，` +
          `但${row ? cellRef(table, row, check.column) : `${tableName(table)}（空表）`}为${expected}`,
      }),
    );
  }

  const projects = new Map(ctx.budget.projects.map((p, i) => [p.code, { project: p, lineIndex: i }]));
  const listed = new Set<string>();
  for (const stated of n.projects) {
    listed.add(stated.code);
    const entry = projects.get(stated.code);
    if (!entry) {
      out.push({
        rule: "C13",
        severity: "error",
        message: `情况说明“支出说明”列出了项目“${stated.name}”（${stated.code}），但没有该项目的绩效目标表。`,
        location: { section: "expenditure", projectCode: stated.code },
        actual: stated.amount,
        tolerance: 0,
      });
      continue;
    }
    push(
      out,
      compare(ctx, {
        rule: "C13",
        actual: stated.amount,
        expected: entry.project.amount,
        tolerance: narrativeTolerance(ctx),
        location: { section: "expenditure", projectCode: stated.code, lineIndex: entry.lineIndex },
        describe: (actual, expected) => `情况说明“支出说明”中${projectLabel(entry.project)}的金额为${actual}，但其绩效目标表的预算数为${expected}`,
      }),
    );
  }
  for (const [code, { project, lineIndex }] of projects) {
    if (listed.has(code)) continue;
    push(
      out,
      compare(ctx, {
        rule: "C13",
        actual: 0,
        expected: project.amount,
        tolerance: narrativeTolerance(ctx),
        location: { section: "expenditure", projectCode: code, lineIndex },
        describe: (_actual, expected) => `情况说明“支出说明”没有列出${projectLabel(project)}，其绩效目标表的预算数为${expected}`,
      }),
    );
  }
}
