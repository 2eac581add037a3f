/**
 * A block copied from a spreadsheet (Excel, WPS, LibreOffice) arrives as `text/plain`:
 * rows separated by CRLF or LF, cells by tabs, a cell holding a tab, a newline or a quote is
 * wrapped in double quotes with inner quotes doubled. Excel adds a trailing newline.
 */
export function parsePastedTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i];
    if (atCellStart && ch === '"') {
      // A quoted cell: read to the closing quote, "" is one quote.
      i += 1;
      while (i < text.length) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        cell += text[i];
        i += 1;
      }
      atCellStart = false;
      continue;
    }
    if (ch === "\t") {
      row.push(cell);
      cell = "";
      atCellStart = true;
      i += 1;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      atCellStart = true;
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    cell += ch;
    atCellStart = false;
    i += 1;
  }
  // The last row, unless the text ended with a newline (Excel's trailing newline adds no row).
  if (!atCellStart || cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((cells) => cells.map((c) => c.trim()));
}

/** Whether pasted text is a block (several cells) rather than a value for one cell. */
export function isBlock(text: string): boolean {
  const trimmed = text.replace(/(\r?\n)+$/, "");
  return trimmed.includes("\t") || trimmed.includes("\n") || trimmed.includes("\r");
}

/** Cells that mean "nothing here" in exported tables: empty, （空）, -, —. */
export function isBlankCell(text: string): boolean {
  return /^(|（空）|\(空\)|空|-|—|－)$/.test(text.trim());
}
