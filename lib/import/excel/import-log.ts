import { cellAddress, describeLocation } from "@/lib/spreadsheet/cell-address";
import type { Fen } from "@/lib/disclosure/types";
import { formatAmountTrimmed } from "@/lib/disclosure/money";
import type { AmountUnit } from "@/lib/disclosure/types";
import type { CellRef, ImportedFigure, ImportProblem, UnknownHeader } from "./import-types";

/** A figure the workbook states in more than one place, compared across sheets. */
interface StatedFact {
  label: string;
  fen: Fen;
  cell: CellRef;
  unit: AmountUnit;
}

/**
 * Collects, while the sheets are read, the problems, the imported figures with their cells, the
 * unknown headers, and every repeated figure ("facts" under one key) for the cross-sheet check.
 */
export class ImportLog {
  readonly problems: ImportProblem[] = [];
  readonly figures: ImportedFigure[] = [];
  readonly unknownHeaders: UnknownHeader[] = [];
  private readonly facts = new Map<string, StatedFact[]>();

  error(at: Partial<CellRef> | null, message: string): void {
    this.add("error", at, message);
  }

  warning(at: Partial<CellRef> | null, message: string): void {
    this.add("warning", at, message);
  }

  private add(severity: ImportProblem["severity"], at: Partial<CellRef> | null, message: string): void {
    const sheet = at?.sheet ?? null;
    const row = at?.row ?? null;
    const column = at?.column ?? null;
    const place = sheet === null ? "" : `${describeLocation(sheet, row, column)}：`;
    this.problems.push({ severity, sheet, row, column, message: `${place}${message}` });
  }

  figure(label: string, fen: Fen, sources: CellRef[]): void {
    this.figures.push({ label, fen, sources });
  }

  /** Records a figure stated in a cell under a key shared by every sheet that repeats it. */
  fact(key: string, label: string, fen: Fen, cell: CellRef, unit: AmountUnit): void {
    const list = this.facts.get(key) ?? [];
    list.push({ label, fen, cell, unit });
    this.facts.set(key, list);
  }

  /** Every repeated figure that differs between two cells becomes an error naming both cells. */
  compareFacts(): void {
    for (const stated of this.facts.values()) {
      const [first, ...others] = stated;
      if (first === undefined) continue;
      for (const other of others) {
        if (other.fen === first.fen) continue;
        this.error(
          other.cell,
          `${other.label}${amountText(other.fen, other.unit)}与${describeCell(first.cell)}（${first.label}）的${amountText(first.fen, first.unit)}不一致，相差${amountText(Math.abs(other.fen - first.fen), other.unit)}。同一数字在两张表中应相同，请核对后重新导出`,
        );
      }
    }
  }

  hasErrors(): boolean {
    return this.problems.some((p) => p.severity === "error");
  }
}

export function describeCell(cell: CellRef): string {
  return `工作表“${cell.sheet}”${cellAddress(cell.row, cell.column)}单元格`;
}

export function unitName(unit: AmountUnit): string {
  return unit === "WAN_YUAN" ? "万元" : "元";
}

function amountText(fen: Fen, unit: AmountUnit): string {
  return `${formatAmountTrimmed(fen, unit)}${unitName(unit)}`;
}
