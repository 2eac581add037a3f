import type { AmountUnit, Fen, ProcurementRow } from "@/lib/disclosure/types";
import { cellText } from "@/lib/spreadsheet/header-map";
import type { SheetData } from "@/lib/spreadsheet/read-spreadsheet";
import type { ImportLog } from "./import-log";
import type { CellRef, HeaderMapping } from "./import-types";
import { readAmount } from "./read-amount";
import { dataRows, locateTable, textAt, type ColumnSpec } from "./sheet-table";

/** 政府采购预算表: one row per procured item, its funding by source, 合计 and 预留中小企业份额. */

type ProcurementField =
  | "projectName"
  | "itemName"
  | "catalogueCode"
  | "unitOfMeasure"
  | "quantity"
  | "unitPrice"
  | "generalBudget"
  | "governmentFund"
  | "stateCapital"
  | "specialAccount"
  | "unitFunds"
  | "carryover"
  | "total"
  | "smeReserved";

type AmountField = Exclude<ProcurementField, "projectName" | "itemName" | "catalogueCode" | "unitOfMeasure" | "quantity">;

export const PROCUREMENT_SPECS: readonly ColumnSpec<ProcurementField>[] = [
  { field: "projectName", label: "项目名称", aliases: ["项目名称", "采购项目名称", "采购项目"] },
  { field: "itemName", label: "采购品目", aliases: ["采购品目", "品目名称", "采购品目名称", "采购目录名称"] },
  { field: "catalogueCode", label: "采购目录代码", aliases: ["采购目录代码", "品目编码", "采购品目编码", "采购目录编码", "品目代码"] },
  { field: "unitOfMeasure", label: "计量单位", aliases: ["计量单位"] },
  { field: "quantity", label: "数量", aliases: ["数量", "采购数量"] },
  { field: "unitPrice", label: "单价", aliases: ["单价"] },
  { field: "generalBudget", label: "一般公共预算", aliases: ["一般公共预算", "一般公共预算拨款", "一般公共预算资金"] },
  { field: "governmentFund", label: "政府性基金", aliases: ["政府性基金", "政府性基金预算", "政府性基金预算拨款"] },
  { field: "stateCapital", label: "国有资本经营", aliases: ["国有资本经营", "国有资本经营预算", "国有资本经营预算拨款"] },
  { field: "specialAccount", label: "财政专户", aliases: ["财政专户", "财政专户管理资金"] },
  { field: "unitFunds", label: "单位资金", aliases: ["单位资金", "其他资金", "单位自有资金"] },
  { field: "carryover", label: "上年结转", aliases: ["上年结转", "上年结转资金", "上年结转结余"] },
  { field: "total", label: "合计", aliases: ["合计", "金额", "采购金额", "预算金额", "总计"] },
  { field: "smeReserved", label: "预留中小企业份额", aliases: ["预留中小企业份额", "预留中小微企业份额", "面向中小企业预留"] },
];

const AMOUNT_FIELDS: readonly AmountField[] = [
  "unitPrice",
  "generalBudget",
  "governmentFund",
  "stateCapital",
  "specialAccount",
  "unitFunds",
  "carryover",
  "total",
  "smeReserved",
];

const FIELD_LABEL = new Map(PROCUREMENT_SPECS.map((s) => [s.field, s.label]));

export function readProcurementSheet(
  sheet: SheetData,
  context: { mappings: readonly HeaderMapping[]; fallbackUnit: AmountUnit },
  log: ImportLog,
): ProcurementRow[] | null {
  const layout = locateTable(sheet, "PROCUREMENT", PROCUREMENT_SPECS, context.mappings, log);
  if (layout === null || (layout.columns.projectName === undefined && layout.columns.itemName === undefined)) {
    log.error({ sheet: sheet.name }, "政府采购表中找不到“项目名称”或“采购品目”列，该表未导入");
    return null;
  }
  const columns = layout.columns;
  const totalHeader = columns.total === undefined ? "" : cellText(sheet.rows[layout.headerTop]?.[columns.total] ?? null);
  const unit: AmountUnit = /万元/.test(totalHeader) ? "WAN_YUAN" : /元/.test(totalHeader) ? "YUAN" : (layout.statedUnit ?? context.fallbackUnit);
  const rows: ProcurementRow[] = [];
  for (const { index, cells } of dataRows(sheet, layout)) {
    const projectName = textAt(cells, columns, "projectName");
    const itemName = textAt(cells, columns, "itemName");
    const name = itemName || projectName;
    if (/^(合计|总计)$/.test(name.replace(/\s/g, ""))) continue;
    const amounts: Partial<Record<AmountField, Fen>> = {};
    const sources: Partial<Record<AmountField, CellRef>> = {};
    let readable = true;
    for (const field of AMOUNT_FIELDS) {
      const column = columns[field];
      if (column === undefined) {
        amounts[field] = 0;
        continue;
      }
      const at = { sheet: sheet.name, row: index, column };
      const fen = readAmount(cells[column] ?? null, unit, at, log, `政府采购“${name}”的${FIELD_LABEL.get(field) ?? field}`);
      if (fen === null) readable = false;
      else {
        amounts[field] = fen;
        sources[field] = at;
      }
    }
    const quantityText = textAt(cells, columns, "quantity");
    const quantity = quantityText === "" || quantityText === "-" ? 0 : Number(quantityText.replace(/,/g, ""));
    if (!Number.isFinite(quantity) || quantity < 0) {
      log.error({ sheet: sheet.name, row: index, column: columns.quantity ?? 0 }, `政府采购“${name}”的数量“${quantityText}”不是不小于0的数字`);
      readable = false;
    }
    if (!readable) continue;
    const funding = (["generalBudget", "governmentFund", "stateCapital", "specialAccount", "unitFunds", "carryover"] as const).reduce(
      (sum, f) => sum + (amounts[f] ?? 0),
      0,
    );
    const total = columns.total === undefined ? funding : (amounts.total ?? 0);
    rows.push({
      projectName,
      itemName,
      catalogueCode: textAt(cells, columns, "catalogueCode"),
      unitOfMeasure: textAt(cells, columns, "unitOfMeasure"),
      quantity,
      unitPrice: amounts.unitPrice ?? 0,
      generalBudget: amounts.generalBudget ?? 0,
      governmentFund: amounts.governmentFund ?? 0,
      stateCapital: amounts.stateCapital ?? 0,
      specialAccount: amounts.specialAccount ?? 0,
      unitFunds: amounts.unitFunds ?? 0,
      carryover: amounts.carryover ?? 0,
      total,
      smeReserved: amounts.smeReserved ?? 0,
    });
    for (const field of AMOUNT_FIELDS) {
      const at = sources[field];
      const fen = amounts[field] ?? 0;
      if (at && fen !== 0) log.figure(`政府采购 · ${name} · ${FIELD_LABEL.get(field) ?? field}`, fen, [at]);
    }
  }
  return rows;
}
