/** Spreadsheet addresses for messages: 0-based row and column in, Excel's names out. */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(column: number): string {
  let name = "";
  let rest = column + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    name = String.fromCharCode(65 + digit) + name;
    rest = Math.floor((rest - 1) / 26);
  }
  return name;
}

/** (4, 1) → "B5". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** "工作表“单位”第 5 行 B 列", leaving out the parts that are not known. */
export function describeLocation(sheet: string | null, row: number | null, column: number | null): string {
  const place: string[] = [];
  if (row !== null) place.push(`第 ${row + 1} 行`);
  if (column !== null) place.push(`${columnLetter(column)} 列`);
  return `${sheet === null ? "" : `工作表“${sheet}”`}${place.join(" ")}`;
}
