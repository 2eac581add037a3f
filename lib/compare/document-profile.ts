import { FUNCTIONAL_CLASSES } from "@/lib/disclosure/functional-classes";
import { FUND_SOURCE_LABELS } from "@/lib/disclosure/labels";
import type { AmountUnit, Fen } from "@/lib/disclosure/types";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";

/** A labelled amount of a comparison row. */
export interface Line {
  key: string;
  label: string;
  fen: Fen;
}

/**
 * The figures a comparison puts side by side, taken from a published snapshot: the totals the
 * narrative states (so they equal the document's), spending by functional class, income by
 * source, basic expenditure by economic class, 三公, every project, and the reasons stated for
 * changes. Pure.
 */
export interface DocumentProfile {
  year: number;
  version: number;
  unitCode: string;
  unitName: string;
  departmentCode: string;
  departmentName: string;
  regionCode: string;
  amountUnit: AmountUnit;
  /** 收入总计, 支出总计, 基本支出, 人员经费, 公用经费, 项目支出, 机关运行经费, 三公经费 and its parts */
  totals: Line[];
  /** spending by functional class (类), non-zero only, in class order */
  functionalClasses: Line[];
  /** income by source, non-zero only */
  incomeBySource: Line[];
  /** basic expenditure by economic class (类 of 部门预算支出经济分类) */
  basicByEconomicClass: Line[];
  threePublic: Line[];
  projects: { code: string; name: string; fen: Fen; priorYearFen: Fen | null; changeReason: string }[];
  /** the document's stated reasons for the changes from last year, by total key */
  reasons: Partial<Record<"expenditureTotal" | "basic" | "project" | "threePublic", string>>;
}

export const TOTAL_LABELS = {
  incomeTotal: "收入总计",
  expenditureTotal: "支出总计",
  basic: "基本支出",
  personnel: "其中：人员经费",
  public: "其中：公用经费",
  project: "项目支出",
  operatingFunds: "机关运行经费",
  threePublic: "“三公”经费",
} as const;

export function documentProfile(content: SnapshotContent, regionCode: string): DocumentProfile {
  const { budget, narrative, codeBook } = content;
  const f = narrative.figures;
  const totals: Line[] = [
    { key: "incomeTotal", label: TOTAL_LABELS.incomeTotal, fen: f.income.total },
    { key: "expenditureTotal", label: TOTAL_LABELS.expenditureTotal, fen: f.expenditureTotal },
    { key: "basic", label: TOTAL_LABELS.basic, fen: f.basic },
    { key: "personnel", label: TOTAL_LABELS.personnel, fen: f.personnel },
    { key: "public", label: TOTAL_LABELS.public, fen: f.public },
    { key: "project", label: TOTAL_LABELS.project, fen: f.project },
    { key: "operatingFunds", label: TOTAL_LABELS.operatingFunds, fen: f.operatingFunds },
    { key: "threePublic", label: TOTAL_LABELS.threePublic, fen: f.threePublic.total },
  ];
  const byClass = new Map<string, Fen>();
  for (const line of budget.expenditure) byClass.set(line.functionalCode.slice(0, 3), (byClass.get(line.functionalCode.slice(0, 3)) ?? 0) + line.amount);
  const functionalClasses: Line[] = [];
  for (const cls of FUNCTIONAL_CLASSES) {
    if (cls.code === null) continue;
    const fen = byClass.get(cls.code) ?? 0;
    if (fen !== 0) functionalClasses.push({ key: `f${cls.code}`, label: cls.name, fen });
  }
  const incomeBySource = budget.income.filter((l) => l.amount !== 0).map((l) => ({ key: `i${l.source}`, label: FUND_SOURCE_LABELS[l.source], fen: l.amount }));
  const economicNames = new Map(codeBook.economic.map((c) => [c.code, c.name]));
  const byEconomic = new Map<string, Fen>();
  for (const line of budget.basicEconomic) byEconomic.set(line.economicCode.slice(0, 3), (byEconomic.get(line.economicCode.slice(0, 3)) ?? 0) + line.amount);
  const basicByEconomicClass = [...byEconomic]
    .filter(([, fen]) => fen !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, fen]) => ({ key: `e${code}`, label: `${code} ${economicNames.get(code) ?? ""}`.trim(), fen }));
  const tp = f.threePublic;
  const threePublic: Line[] = [
    { key: "abroad", label: "因公出国（境）费", fen: tp.abroad },
    { key: "vehiclePurchase", label: "公务用车购置费", fen: tp.vehiclePurchase },
    { key: "vehicleOperation", label: "公务用车运行维护费", fen: tp.vehicleOperation },
    { key: "reception", label: "公务接待费", fen: tp.reception },
  ];
  const n = budget.narrative;
  const reasons: DocumentProfile["reasons"] = {};
  if (n.totalChangeReason.trim()) reasons.expenditureTotal = n.totalChangeReason.trim();
  if (n.basicChangeReason.trim()) reasons.basic = n.basicChangeReason.trim();
  if (n.projectChangeReason.trim()) reasons.project = n.projectChangeReason.trim();
  if (n.threePublicChangeReason.trim()) reasons.threePublic = n.threePublicChangeReason.trim();
  return {
    year: budget.year,
    version: content.publication.version,
    unitCode: budget.unit.code,
    unitName: budget.unit.name,
    departmentCode: budget.department.code,
    departmentName: budget.department.name,
    regionCode,
    amountUnit: budget.amountUnit,
    totals,
    functionalClasses,
    incomeBySource,
    basicByEconomicClass,
    threePublic,
    projects: budget.projects.map((p) => ({ code: p.code, name: p.name, fen: p.amount, priorYearFen: p.priorYearAmount, changeReason: p.changeReason })),
    reasons,
  };
}
