import type { BasicEconomicLine, Budget, ExpenditureLine, Fen, FundSource, IncomeLine, PrintedProcurementItem } from "@/lib/disclosure/types";
import type { ImportedDocument } from "./import-document";
import { amountIn, byKind, codeLevel, columnsOf, fenIn, labelledPairs, totalRow } from "./table-queries";
import type { TableRead, TableRowRead } from "./tables/read-tables";

const INCOME_LABELS: [RegExp, FundSource][] = [
  [/一般公共预算/, "GENERAL_BUDGET"],
  [/政府性基金/, "GOVERNMENT_FUND"],
  [/国有资本经营/, "STATE_CAPITAL"],
  [/财政专户/, "SPECIAL_ACCOUNT"],
  [/^[一二三四五六七八九十、.\d]*事业收入/, "BUSINESS"],
  [/经营收入/, "OPERATING"],
  [/上级补助/, "SUPERIOR_SUBSIDY"],
  [/附属单位上缴/, "SUBORDINATE_REMITTANCE"],
  [/其他(收入|资金)$/, "OTHER"],
  [/上年结转/, "CARRYOVER_OTHER"],
];

function incomeLines(doc: ImportedDocument): IncomeLine[] {
  const summary = byKind(doc.tables, "SUMMARY");
  if (!summary) return [];
  const lines: IncomeLine[] = [];
  for (const pair of labelledPairs(summary)) {
    const amount = pair.amounts[0];
    if (!amount || /支出|合计|总计|小计/.test(pair.label)) continue;
    const source = INCOME_LABELS.find(([pattern]) => pattern.test(pair.label))?.[1];
    if (source && !lines.some((l) => l.source === source)) lines.push({ source, amount: amount.fen });
  }
  return lines;
}

/** Rows with no deeper row below them: the 项 of a functional table, the 款 of an economic one. */
function leaves(table: TableRead): TableRowRead[] {
  const coded = table.rows.filter((r) => r.code !== null);
  return coded.filter((row, i) => {
    const next = coded[i + 1];
    return !next || codeLevel(next) <= codeLevel(row);
  });
}

/** The printed code with a mis-printed 类 (“7 11 02”) taken from the class row above it. */
function intendedCode(row: TableRowRead, classCode: string): string {
  if (row.codeTokens.length <= 1) return row.code ?? "";
  const [, ...rest] = row.codeTokens;
  return classCode + rest.map((t) => t.padStart(2, "0")).join("");
}

function expenditureLines(doc: ImportedDocument): ExpenditureLine[] {
  const table = byKind(doc.tables, "EXPENDITURE", "GENERAL_FUNCTIONAL");
  if (!table) return [];
  const basic = columnsOf(table, "basic")[0];
  const project = columnsOf(table, "project")[0];
  if (basic === undefined && project === undefined) return [];
  const general = byKind(doc.tables, "GENERAL_FUNCTIONAL");
  const generalByCode = new Map<string, TableRowRead>();
  let classCode = "";
  for (const row of general?.rows ?? []) {
    if (row.code && codeLevel(row) === 1) classCode = row.code;
    if (row.code) generalByCode.set(intendedCode(row, classCode), row);
  }
  const lines: ExpenditureLine[] = [];
  classCode = "";
  const leafSet = new Set(leaves(table));
  for (const row of table.rows) {
    if (row.code && codeLevel(row) === 1) classCode = row.code;
    if (!leafSet.has(row)) continue;
    const code = intendedCode(row, classCode);
    for (const [kind, column] of [["BASIC", basic], ["PROJECT", project]] as const) {
      if (column === undefined) continue;
      const amount = fenIn(row, column);
      if (!amount) continue;
      const generalRow = generalByCode.get(code);
      const generalColumn = general ? columnsOf(general, kind === "BASIC" ? "basic" : "project")[0] : undefined;
      const fromGeneral = table === general ? amount : generalRow && generalColumn !== undefined ? Math.min(fenIn(generalRow, generalColumn), amount) : 0;
      if (fromGeneral) lines.push({ functionalCode: code, kind, source: "GENERAL_BUDGET", amount: fromGeneral });
      if (amount - fromGeneral) lines.push({ functionalCode: code, kind, source: "OTHER", amount: amount - fromGeneral });
    }
  }
  return lines;
}

function basicEconomicLines(doc: ImportedDocument): BasicEconomicLine[] {
  const table = byKind(doc.tables, "GENERAL_BASIC", "FISCAL_BASIC");
  if (!table) return [];
  const personnel = columnsOf(table, "personnel")[0];
  const publicColumn = columnsOf(table, "public")[0];
  const total = columnsOf(table, "total")[0] ?? 0;
  const lines: BasicEconomicLine[] = [];
  let classCode = "";
  const leafSet = new Set(leaves(table));
  for (const row of table.rows) {
    if (row.code && codeLevel(row) === 1) classCode = row.code;
    if (!leafSet.has(row)) continue;
    const code = intendedCode(row, classCode);
    const isPersonnel = code.startsWith("301") || code.startsWith("303");
    const split: [BasicEconomicLine["category"], Fen][] =
      personnel !== undefined || publicColumn !== undefined
        ? [
            ["PERSONNEL", personnel === undefined ? 0 : fenIn(row, personnel)],
            ["PUBLIC", publicColumn === undefined ? 0 : fenIn(row, publicColumn)],
          ]
        : [[isPersonnel ? "PERSONNEL" : "PUBLIC", fenIn(row, total)]];
    for (const [category, amount] of split) if (amount) lines.push({ economicCode: code, category, source: "GENERAL_BUDGET", amount });
  }
  return lines;
}

function procurementItems(doc: ImportedDocument): PrintedProcurementItem[] {
  const table = byKind(doc.tables, "PROCUREMENT");
  if (!table) return [];
  const total = totalRow(table);
  let category = "";
  const items: PrintedProcurementItem[] = [];
  for (const row of table.rows) {
    if (row === total) continue;
    const amount = row.amounts.at(-1);
    if (/^[一二三四五六七八九十]+、/.test(row.label)) {
      category = row.label.replace(/[A-Z]$/, "");
      continue;
    }
    if (!amount) continue;
    const texts = [...row.texts].sort((a, b) => a.x0 - b.x0).map((t) => t.text.replace(/\s+/g, ""));
    items.push({ category, project: texts[0] ?? "", item: texts.slice(1, -1).join(" "), method: texts.length > 1 ? (texts.at(-1) ?? "") : "", amount: amount.fen });
  }
  return items;
}

/**
 * The imported document as the core budget model, figures as printed: income by source, spending
 * by functional 项 × kind × source, basic spending by economic 款, the 三公, and what the Hebei
 * model lacks in `extras` (预留, 会议费/培训费, 机关运行经费, itemised procurement).
 */
export function toBudget(doc: ImportedDocument): Budget {
  const three = byKind(doc.tables, "THREE_PUBLIC");
  const threeRow = three ? (totalRow(three) ?? three.rows.find((r) => r.amounts.length)) : undefined;
  const threeCell = (key: Parameters<typeof columnsOf>[1]) => (three && threeRow ? columnsOf(three, key).reduce((s, c) => s + (amountIn(threeRow, c)?.fen ?? 0), 0) : 0);
  const unitName = doc.unitName;
  return {
    unit: { code: "", name: unitName, nature: "", grade: "", fundingForm: "", duties: [], organisation: "" },
    department: { code: "", name: doc.scope === "department" ? unitName : "" },
    region: { code: "", name: "" },
    year: doc.year,
    amountUnit: doc.amountUnit === "元" ? "YUAN" : "WAN_YUAN",
    income: incomeLines(doc),
    expenditure: expenditureLines(doc),
    basicEconomic: basicEconomicLines(doc),
    yearEndCarryover: 0,
    projects: [],
    threePublic: threeRow
      ? [{ appropriation: "GENERAL_BUDGET", abroad: threeCell("abroad"), vehiclePurchase: threeCell("vehiclePurchase"), vehicleOperation: threeCell("vehicleOperation"), reception: threeCell("reception") }]
      : [],
    procurement: [],
    assets: { asOf: `${doc.year - 1}-12-31`, holdings: [], statedTotalValue: null, plannedPurchases: 0 },
    priorYear: null,
    narrative: { basicChangeReason: "", projectChangeReason: "", totalChangeReason: "", threePublicChangeReason: "", operatingFundsUse: "", otherNotes: "" },
    glossary: [],
    extras: {
      reserve: doc.figures.reserve?.fen ?? null,
      meeting: doc.figures.meeting?.fen ?? null,
      training: doc.figures.training?.fen ?? null,
      operatingFunds: doc.figures.operatingFunds?.fen ?? null,
      procurementItems: procurementItems(doc),
    },
  };
}
