import type { HeaderCell } from "@/lib/disclosure/table-model";

export interface PlacedHeaderCell {
  label: string;
  /** 0-based row within the header */
  row: number;
  /** 0-based column */
  column: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * Places a multi-row header given HTML-style (cells skip slots that a rowSpan from above
 * already fills), so that spreadsheet formats can merge the same ranges the page shows.
 */
export function placeHeader(header: readonly (readonly HeaderCell[])[]): PlacedHeaderCell[] {
  const taken = new Set<string>();
  const placed: PlacedHeaderCell[] = [];
  header.forEach((cells, row) => {
    let column = 0;
    for (const cell of cells) {
      while (taken.has(`${row}:${column}`)) column += 1;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let r = row; r < row + rowSpan; r += 1) {
        for (let c = column; c < column + colSpan; c += 1) taken.add(`${r}:${c}`);
      }
      placed.push({ label: cell.label, row, column, rowSpan, colSpan });
      column += colSpan;
    }
  });
  return placed;
}
