import type { Fen } from "@/lib/disclosure/types";

/**
 * The summary every importer (PDF/.docx/text here, Excel workbooks in `./excel/`) prints for
 * `npm run gongkai -- import … --json`: one shape, so scripts read every format the same way.
 * Amounts are integers of 分; a figure the document does not have is null.
 */
export interface ImportSummaryFinding {
  rule: string;
  severity: "error" | "warning";
  message: string;
}

export interface ImportSummary {
  /** `budget`, or `final` for a 决算 (recognised, refused for import) */
  kind: "budget" | "final";
  /** `unit` for a 单位预算, `department` for a 部门预算 */
  scope: "unit" | "department";
  unitName: string;
  year: number;
  /** e.g. `hebei-county`, `shanghai-district`, `shanghai-municipal`, `jiangsu-provincial`, `excel` */
  template: string;
  /** the unit the tables print amounts in: 元, 万元, or mixed (per table) */
  amountUnit: "元" | "万元" | "mixed";
  incomeTotal: Fen | null;
  expenditureTotal: Fen | null;
  basic: Fen | null;
  project: Fen | null;
  /** Jiangsu's 单位预留机动经费; null where the template has no such spending kind */
  reserve: Fen | null;
  personnel: Fen | null;
  publicOperating: Fen | null;
  threePublic: Fen | null;
  procurement: Fen | null;
  /** functional 类 code → expenditure amount */
  classes: Record<string, Fen>;
  findings: ImportSummaryFinding[];
}

/** The JSON keys in the order the issue lists them (scripts diff the output). */
export function summaryJson(summary: ImportSummary): string {
  const ordered = {
    kind: summary.kind,
    scope: summary.scope,
    unitName: summary.unitName,
    year: summary.year,
    template: summary.template,
    amountUnit: summary.amountUnit,
    incomeTotal: summary.incomeTotal,
    expenditureTotal: summary.expenditureTotal,
    basic: summary.basic,
    project: summary.project,
    reserve: summary.reserve,
    personnel: summary.personnel,
    publicOperating: summary.publicOperating,
    threePublic: summary.threePublic,
    procurement: summary.procurement,
    classes: summary.classes,
    findings: summary.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })),
  };
  return JSON.stringify(ordered, null, 2);
}
