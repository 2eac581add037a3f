import { amountUnitLabel, formatAmount } from "@/lib/disclosure/money";
import { printRows } from "@/lib/disclosure/print";
import { TABLE_IDS, type DerivedTable } from "@/lib/disclosure/table-model";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";
import { tableHeading } from "./open-data-values";

/** EF BB BF: without it Excel on Windows reads UTF-8 Chinese as GBK mojibake. */
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CRLF = "\r\n";

/** A field as it is written: text is always quoted (so a code stays visibly text), numbers never. */
type Field = { text: string } | { number: string } | null;

const text = (value: string): Field => ({ text: value });
const number = (value: string): Field => (value === "" ? null : { number: value });

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or CR) as a formula. Names
 * come from data entry, so such text gets a leading apostrophe, as OWASP advises for CSV exports.
 */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: a quoted field doubles its quotes and may then hold commas and line breaks. */
function encodeField(field: Field): string {
  if (field === null) return "";
  if ("number" in field) return field.number;
  return `"${neutraliseFormula(field.text).replaceAll('"', '""')}"`;
}

function encodeLine(fields: readonly Field[]): string {
  return fields.map(encodeField).join(",");
}

function toBuffer(lines: readonly string[]): Buffer {
  return Buffer.concat([UTF8_BOM, Buffer.from(lines.map((line) => line + CRLF).join(""), "utf8")]);
}

/** The printed rows of a table as fields: amounts and 序号 as numbers, everything else as text. */
function tableLines(table: DerivedTable, content: SnapshotContent): string[] {
  const printed = printRows(table, content.budget.amountUnit);
  const lines = [encodeLine([text(tableHeading(table))]), encodeLine(table.columns.map((c) => text(c.label)))];
  printed.forEach((cells) => {
    lines.push(
      encodeLine(
        table.columns.map((column, c) => {
          const value = cells[c] ?? "";
          if (column.kind === "amount" || column.kind === "seq") return number(value);
          return value === "" ? null : text(value);
        }),
      ),
    );
  });
  if (table.emptyNote !== null) lines.push(encodeLine([text(table.emptyNote)]));
  return lines;
}

/**
 * The nine tables one after another, as the document prints them: a title line, the column
 * header line, the rows with amounts exactly as printed (two decimals, zero left blank), a
 * blank line between tables. UTF-8 with BOM, CRLF line ends, RFC 4180 quoting.
 */
export function exportCsv(content: SnapshotContent): Buffer {
  const { budget } = content;
  const lines: string[] = [
    encodeLine([
      text(`${budget.unit.code}${budget.unit.name}`),
      text(`预算年度：${budget.year}`),
      text(`单位：${amountUnitLabel(budget.amountUnit)}`),
      text(`第${content.publication.version}版`),
    ]),
  ];
  for (const id of TABLE_IDS) lines.push("", ...tableLines(content.tables[id], content));
  return toBuffer(lines);
}

export const LONG_CSV_HEADER = ["表号", "表名", "序号", "科目编码", "科目名称", "栏目", "金额"] as const;

/**
 * The tables in long (tidy) form for analysis tools: one line per amount cell with its table,
 * row, code, row name and column. The row name of an amount is the nearest text cell to its
 * left, which pairs income amounts with income items and spending with spending items in tables
 * 1 and 4. Empty cells are left out; zero amounts are kept, as 0.00.
 */
export function exportTablesLongCsv(content: SnapshotContent): Buffer {
  const unit = content.budget.amountUnit;
  const header = LONG_CSV_HEADER.map((label) => text(label === "金额" ? `金额（${amountUnitLabel(unit)}）` : label));
  const lines = [encodeLine(header)];
  for (const id of TABLE_IDS) {
    const table = content.tables[id];
    const codeIndex = table.columns.findIndex((c) => c.kind === "code");
    for (const row of table.rows) {
      let name: string | null = null;
      row.cells.forEach((cell, c) => {
        const column = table.columns[c];
        if (column === undefined) return;
        if (column.kind === "text") name = typeof cell === "string" ? cell : null;
        if (column.kind !== "amount" || typeof cell !== "number") return;
        const code = codeIndex < 0 ? null : row.cells[codeIndex];
        const seq = row.cells[0];
        lines.push(
          encodeLine([
            number(String(table.number)),
            text(table.title),
            typeof seq === "number" ? number(String(seq)) : null,
            typeof code === "string" ? text(code) : null,
            name === null ? null : text(name),
            text(column.label),
            number(formatAmount(cell, unit)),
          ]),
        );
      });
    }
  }
  return toBuffer(lines);
}

/** A cell of a plain table export: text is quoted (and formula-neutralised), numbers are written bare, null is empty. */
export type CsvCell = string | number | null;

/**
 * Any list of rows as CSV with the conventions above (UTF-8 with BOM, CRLF, RFC 4180 quoting,
 * text always quoted, numbers never), for reports that are not a disclosure document.
 */
export function encodeCsv(rows: readonly (readonly CsvCell[])[]): Buffer {
  return toBuffer(
    rows.map((cells) =>
      encodeLine(cells.map((cell) => (cell === null ? null : typeof cell === "number" ? number(String(cell)) : text(cell)))),
    ),
  );
}
