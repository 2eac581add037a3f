import { classCodeOf } from "@/lib/disclosure/functional-classes";
import type { Finding } from "@/lib/disclosure/findings";
import type { Budget, Fen } from "@/lib/disclosure/types";
import type { ImportSummary } from "../import-summary";
import type { ExcelImport } from "./import-types";

const sum = (values: readonly Fen[]): Fen => values.reduce((a, b) => a + b, 0);

/** The `--json` summary of an Excel import, in the shape every importer prints (amounts in 分). */
export function excelImportSummary(budget: Budget, imported: ExcelImport, findings: readonly Finding[]): ImportSummary {
  const classes: Record<string, Fen> = {};
  for (const line of budget.expenditure) {
    const code = classCodeOf(line.functionalCode);
    classes[code] = (classes[code] ?? 0) + line.amount;
  }
  const kindTotal = (kind: Budget["expenditure"][number]["kind"]) => sum(budget.expenditure.filter((l) => l.kind === kind).map((l) => l.amount));
  return {
    kind: "budget",
    scope: "unit",
    unitName: imported.unit.name ?? budget.unit.name,
    year: imported.year ?? budget.year,
    template: "excel",
    amountUnit: imported.amountUnit === "WAN_YUAN" ? "万元" : "元",
    incomeTotal: sum(budget.income.map((l) => l.amount)),
    expenditureTotal: sum(budget.expenditure.map((l) => l.amount)) + budget.yearEndCarryover,
    basic: kindTotal("BASIC"),
    project: kindTotal("PROJECT"),
    reserve: null,
    personnel: sum(budget.basicEconomic.filter((l) => l.category === "PERSONNEL").map((l) => l.amount)),
    publicOperating: sum(budget.basicEconomic.filter((l) => l.category === "PUBLIC").map((l) => l.amount)),
    threePublic: sum(budget.threePublic.map((l) => l.abroad + l.vehiclePurchase + l.vehicleOperation + l.reception)),
    procurement: budget.procurement.length === 0 ? null : sum(budget.procurement.map((r) => r.total)),
    classes,
    findings: [
      ...imported.problems.map((p) => ({ rule: "导入", severity: p.severity, message: p.message })),
      ...findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })),
    ],
  };
}
