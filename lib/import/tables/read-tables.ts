import type { AmountUnit, Fen } from "@/lib/disclosure/types";
import { isAmountText, printedDecimals, printedFen, unitOnLine } from "../amounts";
import { compact, lineText, type LayoutDocument, type LayoutLine, type TextCell } from "../layout";
import { columnKeyOf, tableKindOf, type ColumnKey, type TableKind } from "./table-kinds";

/** Where a printed figure came from. */
export interface FigureSource {
  page: number;
  table: string;
  /** 1-based row within the table's data rows */
  row: number;
  column: string;
}

export interface PrintedAmount {
  fen: Fen;
  text: string;
  /** one unit of the printed last digit, in 分 (the rounding a printed sum may carry per row) */
  digit: Fen;
  column: number;
  x0: number;
  x1: number;
  source: FigureSource;
}

export interface TableRowRead {
  index: number;
  page: number;
  /** code as printed, tokens joined ("2101102", or "71102" when the 类 printed as 7), or null */
  code: string | null;
  codeTokens: string[];
  /** the row's words without spaces (the name of a coded row, the label of a plain row) */
  label: string;
  texts: TextCell[];
  amounts: PrintedAmount[];
}

export interface ColumnRead {
  key: ColumnKey;
  /** header words, top to bottom */
  label: string;
  x0: number;
  x1: number;
}

export interface TableRead {
  kind: TableKind;
  title: string;
  page: number;
  unit: AmountUnit;
  columns: ColumnRead[];
  rows: TableRowRead[];
  /** `注：…` lines after the rows */
  notes: string[];
  /** codes are printed in separate 类/款/项 columns */
  splitCodes: boolean;
}

interface Start {
  lineIndex: number;
  titleIndex: number;
  title: string;
  kind: TableKind;
  unit: AmountUnit;
}

function isPageNumber(line: LayoutLine): boolean {
  return line.cells.length === 1 && /^(-\s*)?\d{1,3}(\s*-)?$|^第\d+页/.test(line.cells[0]?.text ?? "");
}

/** Each table begins with its title and a heading line naming the amount unit (单位：万元). */
function findStarts(lines: readonly LayoutLine[]): Start[] {
  const starts: Start[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const text = compact(lineText(line));
    const unit = unitOnLine(text);
    if (!unit) continue;
    const before = text.slice(0, text.search(/(?:金额)?单位[:：]/));
    const ownKind = tableKindOf(before);
    if (ownKind) {
      starts.push({ lineIndex: i, titleIndex: i, title: before.replace(/^.*?[:：]/, ""), kind: ownKind, unit });
      continue;
    }
    // a title may wrap onto two lines above the heading line: try the nearest line, then two joined
    const above: string[] = [];
    for (let back = 1; back <= 6 && above.length < 4 && i - back >= 0; back++) {
      const candidate = lines[i - back];
      if (!candidate || isPageNumber(candidate)) continue;
      const text = compact(lineText(candidate));
      if (/^(部门|单位|编制单位|部门名称|预算单位)[:：]/.test(text)) continue;
      above.unshift(text);
      const title = above.slice(0, 2).join("").replace(/^(公开)?\d{1,2}表[：:]?|^表\d+[-－]?\d*|^公开表[一二三四五六七八九十]+/, "");
      const kind = tableKindOf(title);
      if (kind) {
        starts.push({ lineIndex: i, titleIndex: i - back, title, kind, unit });
        break;
      }
    }
  }
  return starts;
}

const NARRATIVE_BREAK = /^第[一二三四五六七八九十]+部分|^附件|^[一二三四五六七八九十]+、.{0,30}(说明|情况|解释)$|^.{2,20}(情况说明|编制说明|名词解释)$/;

/** A code at the row start: one cell "2040401", or cells "208" "05" "02", or "301 2" (款 printed as 2). */
function splitCode(cells: TextCell[]): { tokens: string[]; rest: TextCell[] } {
  const tokens: string[] = [];
  let i = 0;
  for (; i < cells.length; i++) {
    const cell = cells[i];
    if (!cell) break;
    const mixed = /^(\d{1,7}(?: \d{1,7})*) (\D.*)$/.exec(cell.text);
    if (mixed && tokens.length < 3) {
      tokens.push(...(mixed[1] ?? "").split(" "));
      const rest = [{ ...cell, text: mixed[2] ?? "" }, ...cells.slice(i + 1)];
      return isCodeTokens(tokens) ? { tokens, rest } : { tokens: [], rest: cells };
    }
    if (!/^\d{1,7}(?: \d{1,7})*$/.test(cell.text) || /[.,]/.test(cell.text)) break;
    tokens.push(...cell.text.split(" "));
    if (tokens.length >= 3) {
      i++;
      break;
    }
  }
  const rest = cells.slice(i);
  const next = rest[0];
  if (tokens.length === 0 || !next || isAmountText(next.text) || !isCodeTokens(tokens)) return { tokens: [], rest: cells };
  return { tokens, rest };
}

function isCodeTokens(tokens: string[]): boolean {
  if (tokens.length === 1) return /^\d{3}(\d{2}){0,2}$/.test(tokens[0] ?? "");
  return tokens.length <= 3 && tokens.every((t) => t.length <= 3);
}

export function readTables(doc: LayoutDocument): TableRead[] {
  const lines = doc.lines;
  const starts = findStarts(lines);
  const tables: TableRead[] = [];
  for (let s = 0; s < starts.length; s++) {
    const start = starts[s];
    if (!start) continue;
    const end = starts[s + 1]?.titleIndex ?? lines.length;
    tables.push(readTable(doc, lines.slice(start.lineIndex + 1, end), start));
  }
  return tables;
}

interface RawRow {
  page: number;
  tokens: string[];
  texts: TextCell[];
  numbers: TextCell[];
}

function readTable(doc: LayoutDocument, lines: LayoutLine[], start: Start): TableRead {
  const header: LayoutLine[] = [];
  const raw: RawRow[] = [];
  const notes: string[] = [];
  const slack = doc.charWidth * 0.6;
  let coded = false;
  let splitCodes = false;
  let codeX: number | null = null;
  let noteLines = 0;
  let nameX: number | null = null;
  let pendingWrap: { row: RawRow; cells: TextCell[] } | null = null;
  for (const line of lines) {
    if (isPageNumber(line)) continue;
    const text = compact(lineText(line));
    if (/^(公开)?\d{1,2}表$/.test(text)) continue;
    if (/^注[:：]|^说明[:：]|^[：:]“科目/.test(text)) {
      notes.push(text);
      continue;
    }
    if (NARRATIVE_BREAK.test(text)) break;
    if (notes.length > 0 && raw.length > 0 && !line.cells.some((c) => isAmountText(c.text))) {
      // a note wraps over a few lines; a paragraph after it is the narrative, not the note
      if (noteLines++ >= 4) break;
      notes[notes.length - 1] += text;
      continue;
    }
    if (text.length > 60 && !line.cells.some((c) => isAmountText(c.text))) break;
    let { tokens, rest } = splitCode(line.cells);
    const lead = line.cells[0];
    if (!tokens.length && coded && lead && codeX !== null && nameX !== null && Math.abs(lead.x0 - codeX) < doc.charWidth * 2) {
      // a code whose two-line name sits above and below it, the figures on the code's line
      const nx = nameX;
      const codeCells = line.cells.filter((c) => c.x1 <= nx + 1 && /^\d{1,7}$/.test(c.text));
      const bare = codeCells.map((c) => c.text);
      if (codeCells.length && codeCells.length < line.cells.length && isCodeTokens(bare)) {
        tokens = bare;
        rest = line.cells.slice(codeCells.length);
      }
    }
    const numbers = rest.filter((c) => isAmountText(c.text));
    const texts = rest.filter((c) => !isAmountText(c.text));
    if (tokens.length > 0) {
      coded = true;
      codeX = line.cells[0]?.x0 ?? codeX;
      const name = rest.find((c) => !isAmountText(c.text));
      if (name) nameX = nameX === null ? name.x0 : Math.min(nameX, name.x0);
      if (tokens.length > 1) splitCodes = true;
    }
    const isData = tokens.length > 0 || numbers.length > 0;
    if (!isData && raw.length === 0) {
      if (!/此表为空|本表为空|空表/.test(text)) header.push(line);
      else notes.push(text);
      continue;
    }
    if (/此表为空|本表为空|空表列示|故本表为空/.test(text)) {
      notes.push(text);
      continue;
    }
    const previous = raw[raw.length - 1];
    if (tokens.length > 0 && texts.length === 0 && pendingWrap && previous && pendingWrap.row === previous) {
      // the words just appended to the row above were the first line of this row's name
      for (const cell of pendingWrap.cells) {
        const target = previous.texts.find((t) => t.text.endsWith(cell.text));
        if (target) target.text = target.text.slice(0, target.text.length - cell.text.length);
      }
      texts.push(...pendingWrap.cells.map((c) => ({ ...c })));
    }
    pendingWrap = null;
    if (!isData && coded && previous && !/^(合计|总计)/.test(text)) {
      // a wrapped name: its words belong to the row above
      pendingWrap = { row: previous, cells: texts.map((c) => ({ ...c })) };
      for (const cell of texts) {
        const target = previous.texts.find((t) => cell.x0 < t.x1 + slack * 4 && cell.x1 > t.x0 - slack * 4) ?? previous.texts[previous.texts.length - 1];
        if (target) target.text += cell.text;
        else previous.texts.push({ ...cell });
      }
      continue;
    }
    raw.push({ page: line.page, tokens, texts: texts.map((c) => ({ ...c })), numbers });
  }

  if (!coded) joinLabelsAroundFigures(raw, doc.charWidth);
  const pages = [...new Set(raw.map((r) => r.page))];
  const master = pages
    .map((page) => ({ page, spans: columnSpans(raw.filter((r) => r.page === page), slack) }))
    .reduce<{ page: number; spans: Span[] } | null>((best, c) => (!best || c.spans.length > best.spans.length ? c : best), null);
  const masterSpans = master?.spans ?? [];
  const pageSpans = new Map(pages.map((page) => [page, columnSpans(raw.filter((r) => r.page === page), slack)]));
  // header words over the code and name columns never head a column of figures
  const fromHeader = headerLeaves(header).filter((leaf) => !isLabelHeading(leaf.stack.at(-1) ?? ""));
  const leaves = fromHeader.length ? fromHeader : masterSpans.map((span) => ({ ...span, stack: [] }));
  // every number goes to the header leaf above it; a page without the header keeps the master page's columns by order
  const leafOf = (cell: TextCell, page: number): number => {
    const own = pageSpans.get(page) ?? masterSpans;
    if (page !== master?.page && own.length === masterSpans.length && !sameSpans(own, masterSpans, slack)) {
      const index = nearestColumn(own, cell);
      const span = masterSpans[index];
      if (span) return nearestLeaf(leaves, { ...cell, x0: span.x0, x1: span.x1 });
    }
    return nearestLeaf(leaves, cell);
  };
  let assigned = raw.map((r) => r.numbers.map((cell) => leafOf(cell, r.page)));
  if (fromHeader.length && assigned.some((row) => new Set(row).size < row.length)) {
    // two figures of one row under one heading: a heading is missing, so the columns come from the figures
    const claimed = new Map<number, number>();
    masterSpans.forEach((span, i) => {
      const leaf = nearestLeaf(fromHeader, span);
      const best = claimed.get(leaf);
      const distance = (k: number) => Math.abs(((masterSpans[k]?.x0 ?? 0) + (masterSpans[k]?.x1 ?? 0)) / 2 - ((fromHeader[leaf]?.x0 ?? 0) + (fromHeader[leaf]?.x1 ?? 0)) / 2);
      if (best === undefined || distance(i) < distance(best)) claimed.set(leaf, i);
    });
    const spanLeaves = masterSpans.map((span, i) => {
      const leaf = [...claimed].find(([, k]) => k === i)?.[0];
      return { ...span, stack: leaf === undefined ? [] : (fromHeader[leaf]?.stack ?? []) };
    });
    leaves.splice(0, leaves.length, ...spanLeaves);
    assigned = raw.map((r) => r.numbers.map((cell) => nearestColumn(pageSpans.get(r.page)?.length === masterSpans.length ? (pageSpans.get(r.page) ?? masterSpans) : masterSpans, cell)));
  }
  const used = new Map<number, number>();
  for (const leaf of assigned.flat()) if (!used.has(leaf)) used.set(leaf, 0);
  const order = [...used.keys()].sort((x, y) => (leaves[x]?.x0 ?? x) - (leaves[y]?.x0 ?? y));
  order.forEach((leaf, i) => used.set(leaf, i));
  const columns: ColumnRead[] = order.map((leaf) => {
    const stack = leaves[leaf]?.stack ?? [];
    return { key: columnKeyOf(stack), label: stack.join("/"), x0: leaves[leaf]?.x0 ?? 0, x1: leaves[leaf]?.x1 ?? 0 };
  });
  const decimals = Math.max(0, ...raw.flatMap((r) => r.numbers.map((c) => printedDecimals(c.text.replace(/\s+/g, "")))));
  const digit = printedFen(decimals > 0 ? `0.${"0".repeat(decimals - 1)}1` : "1", start.unit);
  const rows: TableRowRead[] = raw.map((r, index) => {
    const label = compact(r.texts.map((t) => t.text).join(""));
    const amounts = r.numbers.map((cell, k) => {
      const column = used.get(assigned[index]?.[k] ?? -1) ?? 0;
      const text = cell.text.replace(/\s+/g, "");
      return {
        fen: printedFen(text, start.unit),
        text,
        digit,
        column,
        x0: cell.x0,
        x1: cell.x1,
        source: { page: r.page, table: start.title, row: index + 1, column: columns[column]?.label ?? "" },
      };
    });
    return { index, page: r.page, code: r.tokens.length ? r.tokens.join("") : null, codeTokens: r.tokens, label, texts: r.texts, amounts };
  });
  return { kind: start.kind, title: start.title, page: lines[0]?.page ?? 0, unit: start.unit, columns, rows, notes, splitCodes };
}

type Span = { x0: number; x1: number };

function columnSpans(rows: readonly RawRow[], slack: number): { x0: number; x1: number }[] {
  const spans = rows.flatMap((r) => r.numbers.map((c) => ({ x0: c.x0, x1: c.x1 })));
  spans.sort((a, b) => a.x0 - b.x0);
  const merged: { x0: number; x1: number }[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.x0 <= last.x1 + slack) last.x1 = Math.max(last.x1, span.x1);
    else merged.push({ ...span });
  }
  return merged;
}

function nearestColumn(spans: readonly { x0: number; x1: number }[], cell: TextCell): number {
  let best = 0;
  let distance = Infinity;
  spans.forEach((span, i) => {
    const d = cell.x1 < span.x0 ? span.x0 - cell.x1 : cell.x0 > span.x1 ? cell.x0 - span.x1 : 0;
    if (d < distance) {
      distance = d;
      best = i;
    }
  });
  return best;
}

interface Leaf {
  x0: number;
  x1: number;
  /** header words from the top down to this leaf */
  stack: string[];
}

function overlapOf(a: { x0: number; x1: number }, b: { x0: number; x1: number }): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
}

/**
 * The lowest header words (nothing printed below them overlaps), each with the words above it
 * that it overlaps, up through group headings: “公务用车购置及运行费 / 小计”, “因公出 / 国（境） / 费”.
 */
function headerLeaves(header: readonly LayoutLine[]): Leaf[] {
  const lines = header.map((l) => joinSpacedChars(l.cells.filter((c) => !unitOnLine(c.text) && !/^(部门|单位|编制单位|部门名称)[:：]/.test(compact(c.text)))));
  const leaves: Leaf[] = [];
  lines.forEach((words, l) => {
    for (const word of words) {
      const below = lines.slice(l + 1).some((ws) => ws.some((w) => overlapOf(w, word) > 0));
      if (below) continue;
      const stack = [compact(word.text)];
      let union = { x0: word.x0, x1: word.x1 };
      for (let up = l - 1; up >= 0; up--) {
        const above = (lines[up] ?? []).filter((w) => overlapOf(w, union) > 0);
        if (!above.length) continue;
        const best = above.reduce((a, b) => (overlapOf(b, union) > overlapOf(a, union) ? b : a));
        stack.unshift(compact(best.text));
        union = { x0: Math.min(union.x0, best.x0), x1: Math.max(union.x1, best.x1) };
      }
      leaves.push({ x0: word.x0, x1: word.x1, stack });
    }
  });
  return leaves;
}

/** “合    计” printed with wide spacing comes as one word per character. */
function joinSpacedChars(cells: TextCell[]): TextCell[] {
  const out: TextCell[] = [];
  for (const cell of cells) {
    const last = out[out.length - 1];
    const width = cell.x1 - cell.x0;
    if (last && [...cell.text].length === 1 && [...last.text].length <= 2 && cell.x0 - last.x1 < width * 4) {
      last.text += cell.text;
      last.x1 = cell.x1;
    } else {
      out.push({ ...cell });
    }
  }
  return out;
}

/**
 * Side-by-side tables (收支总表) wrap a label above and below its figure: “收入合 / 13,649.07 / 计”.
 * A figure line without a label in a column of labels takes the label-only lines' words just above
 * and below it in that column.
 */
function joinLabelsAroundFigures(rows: RawRow[], charWidth: number): void {
  const near = (a: TextCell, x: number) => Math.abs(a.x0 - x) < charWidth * 1.5;
  rows.forEach((row, i) => {
    if (!row.numbers.length) return;
    const above = rows[i - 1];
    const below = rows[i + 1];
    for (const neighbour of [above, below]) {
      if (!neighbour || neighbour.numbers.length || neighbour.page !== row.page) continue;
      for (const word of [...neighbour.texts]) {
        const figure = row.numbers.find((n) => n.x0 > word.x1);
        const labelled = row.texts.some((t) => near(t, word.x0) || (t.x0 < word.x1 && t.x1 > word.x0));
        if (!figure || labelled) continue;
        // take the word only when no other label sits between it and the figure on this line
        if (row.texts.some((t) => t.x0 > word.x1 && t.x1 < figure.x0)) continue;
        const partner = (neighbour === above ? below : above)?.texts.find((t) => near(t, word.x0));
        const partnerRow = neighbour === above ? below : above;
        const text = neighbour === above ? word.text + (partner && partnerRow && !partnerRow.numbers.length ? partner.text : "") : (partner && partnerRow && !partnerRow.numbers.length ? partner.text : "") + word.text;
        row.texts.push({ x0: word.x0, x1: word.x1, text });
        neighbour.texts.splice(neighbour.texts.indexOf(word), 1);
        if (partner && partnerRow && !partnerRow.numbers.length) partnerRow.texts.splice(partnerRow.texts.indexOf(partner), 1);
      }
    }
    row.texts.sort((a, b) => a.x0 - b.x0);
  });
}

function isLabelHeading(word: string): boolean {
  return /名称|科目|编码|代码|^项目$|^序号$|^单位$|品目|采购组织形式/.test(word) && !/金额|合计|支出|预算数|经费|费$/.test(word);
}

function nearestLeaf(leaves: readonly Leaf[], cell: { x0: number; x1: number }): number {
  let best = 0;
  let score = -Infinity;
  leaves.forEach((leaf, i) => {
    const overlap = overlapOf(leaf, cell);
    const s = overlap > 0 ? overlap : -Math.abs((leaf.x0 + leaf.x1) / 2 - (cell.x0 + cell.x1) / 2);
    if (s > score) {
      score = s;
      best = i;
    }
  });
  return best;
}

function sameSpans(a: readonly Span[], b: readonly Span[], slack: number): boolean {
  return a.every((s, i) => Math.abs(s.x1 - (b[i]?.x1 ?? Infinity)) <= slack * 3);
}

