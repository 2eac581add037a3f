import { appropriationOf } from "@/lib/disclosure/derive-tables";
import { BASIC_CATEGORY_LABELS, EXPENDITURE_KIND_LABELS, FUND_SOURCE_LABELS } from "@/lib/disclosure/labels";
import type {
  AmountUnit,
  AppropriationType,
  BasicCategory,
  BasicEconomicLine,
  CodeBook,
  ExpenditureKind,
  ExpenditureLine,
  Fen,
  FundSource,
  IncomeLine,
  ThreePublicLine,
} from "@/lib/disclosure/types";
import type { SheetData } from "@/lib/spreadsheet/read-spreadsheet";
import { splitCodeAndName } from "./classification-code";
import type { ImportLog } from "./import-log";
import type { CellRef, HeaderMapping, ImportedContent } from "./import-types";
import { readAmount } from "./read-amount";
import { dataRows, locateTable, textAt, type ColumnSpec, type TableLayout } from "./sheet-table";

/**
 * The flat line export of the budget system (预算管理一体化): one row per budget line with its
 * functional and economic codes, source of funds, kind and amount. Lines are summed into the
 * budget's functional 项 × kind × source, economic 款 × 人员/公用, income by source and 三公.
 */

export type LineField =
  | "unitCode"
  | "unitName"
  | "unitCodeAndName"
  | "year"
  | "functional"
  | "functionalName"
  | "economic"
  | "economicName"
  | "governmentEconomic"
  | "source"
  | "kind"
  | "category"
  | "projectCode"
  | "projectName"
  | "amount";

export const LINE_SPECS: readonly ColumnSpec<LineField>[] = [
  { field: "unitCode", label: "单位编码", aliases: ["单位编码", "预算单位编码", "单位代码", "单位编号"] },
  { field: "unitName", label: "单位名称", aliases: ["单位名称", "预算单位名称"] },
  { field: "unitCodeAndName", label: "预算单位（编码和名称）", aliases: ["预算单位", "单位"] },
  { field: "year", label: "预算年度", aliases: ["预算年度", "年度"] },
  { field: "functional", label: "功能分类科目", aliases: ["功能分类科目", "功能分类科目/编码", "功能分类科目编码", "支出功能分类科目", "功能科目", "功能科目编码", "功能分类"] },
  { field: "functionalName", label: "功能分类科目名称", aliases: ["功能分类科目名称", "功能分类科目/名称", "功能科目名称"] },
  { field: "economic", label: "部门经济分类科目", aliases: ["部门经济分类科目", "部门经济分类科目/编码", "部门预算支出经济分类科目/编码", "部门预算支出经济分类科目", "部门经济分类", "部门经济分类科目编码", "支出经济分类科目", "经济分类科目"] },
  { field: "economicName", label: "部门经济分类科目名称", aliases: ["部门经济分类科目名称", "部门经济分类科目/名称", "部门预算支出经济分类科目/名称", "经济分类科目名称"] },
  { field: "governmentEconomic", label: "政府经济分类科目", aliases: ["政府经济分类科目", "政府预算支出经济分类科目", "政府经济分类", "政府经济分类科目编码"] },
  { field: "source", label: "资金性质", aliases: ["资金性质", "资金来源", "资金类型", "经费来源"] },
  { field: "kind", label: "支出类型", aliases: ["支出类型", "支出类别", "预算类型", "支出性质"] },
  { field: "category", label: "经费类型", aliases: ["经费类型", "经费类别", "基本支出类型"] },
  { field: "projectCode", label: "项目编码", aliases: ["项目编码", "项目代码", "项目编号"] },
  { field: "projectName", label: "项目名称", aliases: ["项目名称"] },
  { field: "amount", label: "金额", aliases: ["金额", "预算金额", "预算数", "本年预算数", "合计", "金额合计"] },
];

/** Does a header row look like a line export? Needs a functional code, an amount and a source or kind column. */
export function isLineLayout(layout: TableLayout<LineField>): boolean {
  const c = layout.columns;
  return c.functional !== undefined && c.amount !== undefined && (c.source !== undefined || c.kind !== undefined);
}

const SOURCE_PATTERNS: [RegExp, FundSource][] = [
  [/上年结转.*一般公共预算|一般公共预算.*上年结转|结转.*一般公共/, "CARRYOVER_GENERAL_BUDGET"],
  [/上年结转.*政府性基金|政府性基金.*上年结转/, "CARRYOVER_GOVERNMENT_FUND"],
  [/上年结转.*国有资本|国有资本.*上年结转/, "CARRYOVER_STATE_CAPITAL"],
  [/上年结转|结转结余/, "CARRYOVER_OTHER"],
  [/一般公共预算|公共财政预算|一般预算/, "GENERAL_BUDGET"],
  [/政府性基金/, "GOVERNMENT_FUND"],
  [/国有资本经营/, "STATE_CAPITAL"],
  [/财政专户/, "SPECIAL_ACCOUNT"],
  [/经营收入/, "OPERATING"],
  [/事业收入/, "BUSINESS"],
  [/上级补助/, "SUPERIOR_SUBSIDY"],
  [/附属单位上缴/, "SUBORDINATE_REMITTANCE"],
  [/其他收入|其他资金|单位资金/, "OTHER"],
];

export function sourceOfText(text: string): FundSource | null {
  const compact = text.replace(/\s/g, "");
  return SOURCE_PATTERNS.find(([re]) => re.test(compact))?.[1] ?? null;
}

/** 支出类型 text: the kind, and for basic expenditure the 人员/公用 category when the text says so. */
export function kindOfText(text: string): { kind: ExpenditureKind; category: BasicCategory | null } | null {
  const t = text.replace(/\s/g, "");
  if (/人员/.test(t)) return { kind: "BASIC", category: "PERSONNEL" };
  if (/公用/.test(t)) return { kind: "BASIC", category: "PUBLIC" };
  if (/基本支出/.test(t)) return { kind: "BASIC", category: null };
  if (/项目支出|特定目标|其他运转/.test(t)) return { kind: "PROJECT", category: null };
  if (/经营支出/.test(t)) return { kind: "OPERATING", category: null };
  if (/上解上级/.test(t)) return { kind: "REMIT_TO_SUPERIOR", category: null };
  if (/对附属单位补助/.test(t)) return { kind: "SUBSIDY_TO_SUBORDINATE", category: null };
  return null;
}

/** 人员经费 are 工资福利 (301) and 对个人和家庭的补助 (303); everything else of basic spending is 公用经费. */
function categoryOfEconomic(code: string): BasicCategory {
  return code.startsWith("301") || code.startsWith("303") ? "PERSONNEL" : "PUBLIC";
}

/** Economic 款 codes that are 三公经费 when paid from fiscal appropriations. */
const THREE_PUBLIC_ECONOMIC: Record<string, keyof Omit<ThreePublicLine, "appropriation">> = {
  "30212": "abroad",
  "30217": "reception",
  "30231": "vehicleOperation",
  "31013": "vehiclePurchase",
};

export interface LineExport {
  unit: { code: string | null; name: string | null };
  year: number | null;
  amountUnit: AmountUnit;
  content: Omit<ImportedContent, "projects" | "assets" | "procurement">;
  /** Σ lines by project code, with their cells, to compare with the project sheet */
  projectTotals: Map<string, { fen: Fen; functionalCodes: Set<string>; cells: CellRef[]; name: string }>;
}

export function readLineExport(
  sheets: SheetData[],
  context: { codeBook: CodeBook; mappings: readonly HeaderMapping[]; fallbackUnit: AmountUnit },
  log: ImportLog,
): LineExport {
  const functional = new Set(context.codeBook.functional.filter((c) => c.code.length === 7).map((c) => c.code));
  const functionalNames = new Map(context.codeBook.functional.map((c) => [c.code, c.name]));
  const economic = new Map(context.codeBook.economic.map((c) => [c.code, c.name]));
  const expenditure = new Map<string, { line: ExpenditureLine; cells: CellRef[] }>();
  const basic = new Map<string, { line: BasicEconomicLine; cells: CellRef[] }>();
  const threePublic = new Map<AppropriationType, ThreePublicLine>();
  const projectTotals: LineExport["projectTotals"] = new Map();
  const units = new Map<string, { name: string; cell: CellRef }>();
  let year: number | null = null;
  let amountUnit: AmountUnit | null = null;

  for (const sheet of sheets) {
    const layout = locateTable(sheet, "LINES", LINE_SPECS, context.mappings, log);
    if (layout === null) continue;
    const unit = layout.statedUnit ?? context.fallbackUnit;
    amountUnit ??= unit;
    const c = layout.columns;
    for (const { index, cells } of dataRows(sheet, layout)) {
      const at = (field: LineField): CellRef => ({ sheet: sheet.name, row: index, column: c[field] ?? 0 });
      const functionalText = textAt(cells, c, "functional");
      if (functionalText === "" && cells.some((v) => typeof v === "string" && /合计|总计/.test(v))) continue;
      const unitCode = textAt(cells, c, "unitCode") || (splitUnit(textAt(cells, c, "unitCodeAndName"))?.code ?? "");
      const unitName = textAt(cells, c, "unitName") || (splitUnit(textAt(cells, c, "unitCodeAndName"))?.name ?? "");
      if (unitCode !== "" && !units.has(unitCode)) units.set(unitCode, { name: unitName, cell: at(c.unitCode !== undefined ? "unitCode" : "unitCodeAndName") });
      const yearText = textAt(cells, c, "year");
      if (/^\d{4}/.test(yearText)) year ??= Number(yearText.slice(0, 4));

      const amount = readAmount(cells[c.amount ?? 0] ?? null, unit, at("amount"), log, "金额");
      const split = splitCodeAndName(functionalText);
      let readable = amount !== null;
      if (split === null || split.code.length !== 7) {
        log.error(at("functional"), functionalText === "" ? "缺少功能分类科目" : `功能分类科目“${functionalText}”应为7位项级编码`);
        readable = false;
      } else if (!functional.has(split.code)) {
        log.error(at("functional"), `功能分类科目${split.code}${split.name ? ` ${split.name}` : ""}不在${context.codeBook.year}年科目表中，请核对编码或联系管理员更新科目表`);
        readable = false;
      }
      const sourceText = textAt(cells, c, "source");
      const source = sourceText === "" ? "GENERAL_BUDGET" : sourceOfText(sourceText);
      if (source === null) {
        log.error(at("source"), `资金性质“${sourceText}”无法识别（应为一般公共预算、政府性基金预算、国有资本经营预算、财政专户管理资金、事业收入、上年结转等）`);
        readable = false;
      }
      const kindText = `${textAt(cells, c, "kind")} ${textAt(cells, c, "category")}`.trim();
      const kind = kindOfText(kindText);
      if (kind === null) {
        log.error(at(c.kind !== undefined ? "kind" : "category"), kindText === "" ? "缺少支出类型（基本支出或项目支出）" : `支出类型“${kindText}”无法识别（应为基本支出、项目支出、人员经费、公用经费等）`);
        readable = false;
      }
      const economicText = textAt(cells, c, "economic");
      const economicSplit = splitCodeAndName(economicText);
      const economicCode = economicSplit?.code.slice(0, 5) ?? "";
      if (economicText !== "" && (economicCode.length !== 5 || !economic.has(economicCode))) {
        log.error(at("economic"), `部门经济分类科目“${economicText}”不在${context.codeBook.year}年科目表中（应为5位款级编码）`);
        readable = false;
      } else if (kind?.kind === "BASIC" && economicText === "") {
        log.error(at("economic"), "基本支出行缺少部门经济分类科目");
        readable = false;
      }
      if (!readable || amount === null || amount === 0 || split === null || source === null || kind === null) continue;

      const cell = at("amount");
      const key = `${split.code}|${kind.kind}|${source}`;
      const entry = expenditure.get(key) ?? { line: { functionalCode: split.code, kind: kind.kind, source, amount: 0 }, cells: [] };
      entry.line.amount += amount;
      entry.cells.push(cell);
      expenditure.set(key, entry);

      if (kind.kind === "BASIC") {
        const category = kind.category ?? categoryOfEconomic(economicCode);
        const basicKey = `${economicCode}|${category}|${source}`;
        const b = basic.get(basicKey) ?? { line: { economicCode, category, source, amount: 0 }, cells: [] };
        b.line.amount += amount;
        b.cells.push(cell);
        basic.set(basicKey, b);
      }
      const appropriation = appropriationOf(source);
      const item = THREE_PUBLIC_ECONOMIC[economicCode];
      if (appropriation !== null && item !== undefined) {
        const line = threePublic.get(appropriation) ?? { appropriation, abroad: 0, vehiclePurchase: 0, vehicleOperation: 0, reception: 0 };
        line[item] += amount;
        threePublic.set(appropriation, line);
      }
      const projectCode = textAt(cells, c, "projectCode").replace(/\s/g, "");
      if (kind.kind === "PROJECT" && projectCode !== "") {
        const p = projectTotals.get(projectCode) ?? { fen: 0, functionalCodes: new Set<string>(), cells: [], name: textAt(cells, c, "projectName") };
        p.fen += amount;
        p.functionalCodes.add(split.code);
        p.cells.push(cell);
        projectTotals.set(projectCode, p);
      }
    }
  }
  if (units.size > 1) {
    const [first, ...others] = [...units];
    for (const [code, { name, cell }] of others) {
      log.error(cell, `工作表中有多个单位的预算行：${first?.[0] ?? ""} 和 ${code} ${name}。一次只能导入一个单位的预算`);
    }
  }
  const [firstUnit] = units;
  const expenditureLines = [...expenditure.values()].sort((a, b) => a.line.functionalCode.localeCompare(b.line.functionalCode));
  for (const { line, cells } of expenditureLines) {
    log.figure(`支出 ${line.functionalCode} ${functionalNames.get(line.functionalCode) ?? ""} · ${EXPENDITURE_KIND_LABELS[line.kind]} · ${FUND_SOURCE_LABELS[line.source]}`, line.amount, cells);
  }
  const basicLines = [...basic.values()].sort((a, b) => a.line.economicCode.localeCompare(b.line.economicCode));
  for (const { line, cells } of basicLines) {
    log.figure(`基本支出 ${line.economicCode} ${economic.get(line.economicCode) ?? ""} · ${BASIC_CATEGORY_LABELS[line.category]} · ${FUND_SOURCE_LABELS[line.source]}`, line.amount, cells);
  }
  const income = new Map<FundSource, { fen: Fen; cells: CellRef[] }>();
  for (const { line, cells } of expenditureLines) {
    const entry = income.get(line.source) ?? { fen: 0, cells: [] };
    entry.fen += line.amount;
    entry.cells.push(...cells);
    income.set(line.source, entry);
  }
  const incomeLines: IncomeLine[] = [];
  for (const [source, { fen, cells }] of income) {
    incomeLines.push({ source, amount: fen });
    log.figure(`收入 · ${FUND_SOURCE_LABELS[source]}（各行之和）`, fen, cells);
  }
  return {
    unit: { code: firstUnit?.[0] ?? null, name: firstUnit?.[1].name ?? null },
    year,
    amountUnit: amountUnit ?? context.fallbackUnit,
    content: {
      income: incomeLines,
      expenditure: expenditureLines.map((e) => e.line),
      basicEconomic: basicLines.map((b) => b.line),
      yearEndCarryover: 0,
      threePublic: [...threePublic.values()],
    },
    projectTotals,
  };
}

function splitUnit(text: string): { code: string; name: string } | null {
  const match = /^(\d{3,12})\s*(.*)$/.exec(text.trim());
  return match ? { code: match[1] ?? "", name: (match[2] ?? "").trim() } : null;
}
