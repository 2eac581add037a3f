import { APPROPRIATION_TYPES, type AmountUnit, type AppropriationType, type CodeBook } from "@/lib/disclosure/types";
import type { SheetData, SpreadsheetData } from "@/lib/spreadsheet/read-spreadsheet";
import { buildDisclosureContent, type DisclosureTables } from "./build-disclosure-content";
import { appropriationTable, BASIC_TABLE, EXPENDITURE_TABLE, INCOME_TABLE } from "./disclosure-specs";
import { ImportLog, unitName } from "./import-log";
import type { ExcelImportResult, HeaderMapping, ImportedContent, RecognisedSheet, SheetKind } from "./import-types";
import { readCodedTable } from "./read-functional-table";
import { readLineExport } from "./read-line-export";
import { readAssetSheet } from "./read-assets";
import { readProcurementSheet } from "./read-procurement";
import { readProjectSheets } from "./read-projects";
import { readFiscalSummaryTable, readSummaryTable, readThreePublicTable } from "./read-summary-tables";
import { recogniseSheet, statedUnitOf, unitFromValues } from "./recognise-sheets";
import { workbookIdentity } from "./workbook-identity";

export interface ImportContext {
  /** the code book of the budget's year */
  codeBook: CodeBook;
  /** the unit and year the file is imported into; a workbook naming another is refused */
  expected: { unitCode: string; year: number } | null;
  /** headers the region has mapped to fields */
  mappings: readonly HeaderMapping[];
}

const APPROPRIATION_KIND: Record<AppropriationType, SheetKind> = { GENERAL_BUDGET: "T5", GOVERNMENT_FUND: "T7", STATE_CAPITAL: "T8" };

/**
 * Turns a workbook's cells into the budget's content, the source of every figure and every
 * problem. Pure: workbook data in, result out; nothing is saved. Recognises the shape (disclosure
 * workbook or flat line export) and each sheet by title and header text, never by position.
 */
export function importWorkbook(data: SpreadsheetData, context: ImportContext): ExcelImportResult {
  const log = new ImportLog();
  const visible = data.sheets.filter((s) => !s.isHidden);
  for (const hidden of data.sheets.filter((s) => s.isHidden)) log.warning({ sheet: hidden.name }, "隐藏的工作表未导入");
  const kinds = new Map<SheetData, SheetKind | null>(visible.map((s) => [s, recogniseSheet(s, context.mappings)]));
  const recognised = visible.filter((s) => kinds.get(s) !== null);
  if (recognised.length === 0) {
    return {
      ok: false,
      problems: [
        {
          severity: "error",
          sheet: null,
          row: null,
          column: null,
          message: `无法识别该工作簿：${visible.map((s) => `“${s.name}”`).join("、") || "（没有工作表）"}中既没有单位收支总表等预算公开表，也没有按明细行导出的预算（需要“功能分类科目”“资金性质”“金额”等列）。`,
        },
      ],
    };
  }
  for (const sheet of visible.filter((s) => kinds.get(s) === null)) log.warning({ sheet: sheet.name }, "未能识别该工作表的内容，未导入");

  const stated = recognised.map(statedUnitOf).find((u) => u !== null) ?? null;
  const fallbackUnit: AmountUnit = stated ?? unitFromValues(recognised);
  if (stated === null) log.warning(null, `工作簿未注明金额单位（单位：元 或 单位：万元），按数值大小推断为${unitName(fallbackUnit)}，请核对`);
  const readContext = { codeBook: context.codeBook, mappings: context.mappings, fallbackUnit };
  const sheetsOf = (kind: SheetKind) => recognised.filter((s) => kinds.get(s) === kind);
  const first = (kind: SheetKind) => sheetsOf(kind)[0] ?? null;

  const identity = workbookIdentity(recognised);
  const isFlat = sheetsOf("LINES").length > 0;
  let content: Omit<ImportedContent, "projects" | "assets" | "procurement">;
  let unit = { code: identity.unitCode, name: identity.unitName };
  let year = identity.year;
  let amountUnit = fallbackUnit;
  let projectTotals: ReturnType<typeof readLineExport>["projectTotals"] | null = null;
  if (isFlat) {
    const lines = readLineExport(sheetsOf("LINES"), readContext, log);
    content = lines.content;
    if (lines.unit.code !== null) unit = lines.unit;
    year = lines.year ?? year;
    amountUnit = lines.amountUnit;
    projectTotals = lines.projectTotals;
  } else {
    const coded = <T,>(kind: SheetKind, read: (sheet: SheetData) => T | null): T | null => {
      const sheet = first(kind);
      return sheet ? read(sheet) : null;
    };
    const appropriation: DisclosureTables["appropriation"] = {};
    for (const type of APPROPRIATION_TYPES) {
      const sheet = first(APPROPRIATION_KIND[type]);
      const table = sheet ? readCodedTable(sheet, appropriationTable(type), readContext, log) : null;
      if (table) appropriation[type] = table;
    }
    const tables: DisclosureTables = {
      t1: coded("T1", (s) => readSummaryTable(s, readContext, log)),
      t2: coded("T2", (s) => readCodedTable(s, INCOME_TABLE, readContext, log)),
      t3: coded("T3", (s) => readCodedTable(s, EXPENDITURE_TABLE, readContext, log)),
      t4: coded("T4", (s) => readFiscalSummaryTable(s, readContext, log)),
      appropriation,
      t6: coded("T6", (s) => readCodedTable(s, BASIC_TABLE, readContext, log)),
      t9: coded("T9", (s) => readThreePublicTable(s, readContext, log)),
    };
    amountUnit = tables.t1?.unit ?? tables.t3?.unit ?? fallbackUnit;
    content = buildDisclosureContent(tables, log);
  }

  const projectSheets = recognised.filter((s) => kinds.get(s) === "PROJECTS" || kinds.get(s) === "INDICATORS").map((sheet) => ({ sheet, kind: kinds.get(sheet) as SheetKind }));
  const projects = readProjectSheets(projectSheets, readContext, log);
  if (projects) {
    const projectLines = content.expenditure.filter((l) => l.kind === "PROJECT");
    const onlyCode = new Set(projectLines.map((l) => l.functionalCode));
    for (const project of projects.projects) {
      const fromLines = projectTotals?.get(project.code);
      if (project.functionalCode === "") {
        const [code] = fromLines?.functionalCodes.size === 1 ? fromLines.functionalCodes : onlyCode.size === 1 ? onlyCode : [];
        if (code !== undefined) project.functionalCode = code;
        else log.error(null, `项目“${project.code} ${project.name}”没有功能分类科目，无法确定：请在项目表中增加“功能分类科目”列`);
      }
      if (fromLines && fromLines.fen !== project.amount) {
        log.error(fromLines.cells[0] ?? null, `项目“${project.code} ${project.name}”的明细行金额之和与项目表中的预算数不一致，请核对`);
      }
    }
  }

  const assetSheet = first("ASSETS");
  const assets = assetSheet ? readAssetSheet(assetSheet, readContext, log) : null;
  const procurementSheet = first("PROCUREMENT");
  const procurement = procurementSheet ? readProcurementSheet(procurementSheet, readContext, log) : null;

  if (context.expected) {
    if (unit.code !== null && unit.code !== context.expected.unitCode) {
      log.error(null, `该工作簿是单位“${unit.code}${unit.name ? ` ${unit.name}` : ""}”的预算，不是本单位（${context.expected.unitCode}）的，不能导入`);
    }
    if (year !== null && year !== context.expected.year) {
      log.error(null, `该工作簿是${year}年的预算，不是${context.expected.year}年的，不能导入`);
    }
  }
  log.compareFacts();

  const sheets: RecognisedSheet[] = data.sheets.map((s) => ({ name: s.name, kind: kinds.get(s) ?? null, amountUnit: statedUnitOf(s) }));
  return {
    ok: true,
    data: {
      shape: isFlat ? "flat" : "disclosure",
      unit,
      year,
      amountUnit,
      sheets,
      content: { ...content, projects: projects?.projects ?? null, assets, procurement },
      figures: log.figures,
      problems: log.problems,
      unknownHeaders: log.unknownHeaders,
    },
  };
}
