import { formatAmount, amountUnitLabel } from "@/lib/disclosure/money";
import type { AmountUnit, Fen } from "@/lib/disclosure/types";
import type { DocumentFigures } from "./read-figures";
import { classCodeOfLabel, threePublicOf } from "./read-figures";
import { amountIn, byKind, codeLevel, columnsOf, fenIn, labelledPairs, totalRow } from "./table-queries";
import type { FigureSource, TableRead, TableRowRead } from "./tables/read-tables";
import type { ColumnKey } from "./tables/table-kinds";

export interface ImportFinding {
  rule: string;
  severity: "error" | "warning";
  message: string;
  source: FigureSource | null;
  expected?: Fen;
  actual?: Fen;
}

const CODED_KINDS: TableRead["kind"][] = [
  "INCOME",
  "EXPENDITURE",
  "GENERAL_FUNCTIONAL",
  "FISCAL_FUNCTIONAL",
  "GENERAL_BASIC",
  "FISCAL_BASIC",
  "GOVERNMENT_FUND",
  "STATE_CAPITAL",
  "OPERATING_FUNDS",
];

function money(fen: Fen, unit: AmountUnit): string {
  return `${formatAmount(fen, unit)}${amountUnitLabel(unit)}`;
}

function rowName(row: TableRowRead): string {
  return [row.code, row.label].filter(Boolean).join(" ") || `第${row.index + 1}行`;
}

/**
 * A printed sum against the sum of its printed parts: equal, within the rounding of one printed
 * last digit per part (尾差, a warning: budget systems round every row), or an error.
 */
function compareSum(
  out: ImportFinding[],
  rule: string,
  what: string,
  printed: { fen: Fen; digit: Fen; source: FigureSource } | undefined,
  parts: { fen: Fen; digit: Fen }[],
  unit: AmountUnit,
): void {
  if (!printed) return;
  const derived = parts.reduce((s, p) => s + p.fen, 0);
  const difference = Math.abs(printed.fen - derived);
  if (difference === 0) return;
  const allowance = Math.max(printed.digit, ...parts.map((p) => p.digit)) * Math.max(parts.length, 1);
  const rounding = difference <= allowance;
  out.push({
    // 尾差 is R1 whatever the identity, as the checker reports it (ADR 0016)
    rule: rounding ? "R1" : rule,
    severity: rounding ? "warning" : "error",
    message: `${what}印为${money(printed.fen, unit)}，其组成部分合计为${money(derived, unit)}，相差${money(difference, unit)}${rounding ? "（尾差：各行分别四舍五入所致）" : ""}。`,
    source: printed.source,
    expected: derived,
    actual: printed.fen,
  });
}

/** 类 = Σ 款 = Σ 项 in every column, and 合计 = Σ 类; the hierarchy follows the printed order. */
function checkHierarchy(table: TableRead, out: ImportFinding[]): void {
  const rows = table.rows.filter((r) => r.code !== null);
  const total = totalRow(table);
  table.columns.forEach((column, c) => {
    rows.forEach((row, i) => {
      const level = codeLevel(row);
      const children: TableRowRead[] = [];
      for (let j = i + 1; j < rows.length; j++) {
        const next = rows[j];
        if (!next || codeLevel(next) <= level) break;
        if (codeLevel(next) === level + 1) children.push(next);
      }
      if (!children.length) return;
      compareSum(
        out,
        "C2",
        `${table.title}“${rowName(row)}”行“${column.label.split("/").pop() ?? ""}”列`,
        amountIn(row, c),
        children.map((child) => amountIn(child, c) ?? { fen: 0, digit: 0 }),
        table.unit,
      );
    });
    if (total && total.code === null) {
      const classes = rows.filter((r) => codeLevel(r) === 1);
      if (classes.length) compareSum(out, "C2", `${table.title}“合计”行“${column.label.split("/").pop() ?? ""}”列`, amountIn(total, c), classes.map((r) => amountIn(r, c) ?? { fen: 0, digit: 0 }), table.unit);
    }
  });
}

const PART_SETS: ColumnKey[][] = [
  ["basic", "project", "reserve", "operating", "remitToSuperior", "subsidyToSubordinate"],
  ["personnel", "public"],
];

/** 合计 = 基本 + 项目 (+ 预留 …) and 合计 = 人员 + 公用 on every row. */
function checkRowSums(table: TableRead, out: ImportFinding[]): void {
  const totalColumn = columnsOf(table, "total")[0];
  if (totalColumn === undefined || table.columns.some((c) => /小计|其中/.test(c.label))) return;
  for (const parts of PART_SETS) {
    const columns = parts.flatMap((key) => columnsOf(table, key));
    if (columns.length < 2) continue;
    for (const row of table.rows) {
      compareSum(out, "C4", `${table.title}“${rowName(row)}”行“合计”列`, amountIn(row, totalColumn), columns.map((c) => amountIn(row, c) ?? { fen: 0, digit: 0 }), table.unit);
    }
  }
}

/** Codes as printed: 类 3 digits, 款 and 项 2 more each (7 for functional 项, 5 for economic 款). */
function checkCodes(table: TableRead, out: ImportFinding[]): void {
  let currentClass = "";
  for (const row of table.rows) {
    if (row.code === null) continue;
    const tokens = row.codeTokens;
    const ok =
      tokens.length === 1
        ? /^\d{3}(\d{2}){0,2}$/.test(tokens[0] ?? "") && (codeLevel(row) === 1 || !currentClass || (tokens[0] ?? "").startsWith(currentClass))
        : tokens[0]?.length === 3 && tokens.slice(1).every((t) => t.length === 2) && (codeLevel(row) === 1 || tokens[0] === currentClass);
    if (codeLevel(row) === 1 && ok) currentClass = tokens.join("");
    if (!ok) {
      out.push({
        rule: "D7",
        severity: "error",
        message: `${table.title}“${tokens.join(" ")} ${row.label}”行的科目编码印错（应为类3位、款2位、项2位的编码）。`,
        source: row.amounts[0]?.source ?? { page: row.page, table: table.title, row: row.index + 1, column: "科目编码" },
      });
    }
  }
}

/** The same code or class printed with different names in different tables (旧科目名称 left in one table). */
function checkNames(tables: readonly TableRead[], out: ImportFinding[]): void {
  const names = new Map<string, { name: string; table: string }>();
  for (const table of tables) {
    if (!CODED_KINDS.includes(table.kind)) continue;
    for (const row of table.rows) if (row.code && codeLevel(row) === 1 && !names.has(row.code)) names.set(row.code, { name: row.label, table: table.title });
  }
  const reported = new Set<string>();
  for (const table of tables) {
    if (table.kind !== "SUMMARY" && table.kind !== "FISCAL_SUMMARY") continue;
    for (const pair of labelledPairs(table)) {
      const code = classCodeOfLabel(pair.label);
      const name = pair.label.replace(/^[一二三四五六七八九十]+[、.．]/, "");
      const known = code ? names.get(code) : undefined;
      if (!code || !known || known.name === name || reported.has(code)) continue;
      reported.add(code);
      out.push({
        rule: "D10",
        severity: "warning",
        message: `同一类科目${code}名称不一致：${table.title}印为“${name}”，${known.table}印为“${known.name}”。`,
        source: pair.amounts[0]?.source ?? null,
      });
    }
  }
}

/** Empty tables carry a note saying why; a table with figures carries none; a note names its own table. */
function checkNotes(table: TableRead, out: ImportFinding[]): void {
  const hasFigures = table.rows.some((r) => r.amounts.some((a) => a.fen !== 0));
  const emptyNote = table.notes.find((n) => /空表|为空|无该项|没有.*预算|无.*安排/.test(n));
  if (hasFigures && emptyNote) {
    out.push({ rule: "D9", severity: "error", message: `${table.title}列有数据，却同时注明“${emptyNote}”。`, source: table.rows[0]?.amounts[0]?.source ?? null });
  }
  if (!hasFigures && (table.kind === "GOVERNMENT_FUND" || table.kind === "STATE_CAPITAL")) {
    if (!emptyNote) {
      out.push({ rule: "D9", severity: "warning", message: `${table.title}是空表，但没有注明原因。`, source: null });
    } else if ((table.kind === "STATE_CAPITAL" && /政府性基金/.test(emptyNote)) || (table.kind === "GOVERNMENT_FUND" && /国有资本经营/.test(emptyNote))) {
      out.push({ rule: "D9", severity: "error", message: `${table.title}的空表说明写的是另一张表：“${emptyNote}”。`, source: null });
    }
  }
}

function checkThreePublic(table: TableRead | undefined, out: ImportFinding[]): void {
  if (!table) return;
  const { threePublic, meeting, training, row } = threePublicOf(table);
  if (!row || !threePublic) return;
  const digit = Math.max(0, ...row.amounts.map((a) => a.digit));
  const withOthers = threePublic.fen + (meeting?.fen ?? 0) + (training?.fen ?? 0);
  for (const key of ["total", "threePublicTotal"] as const) {
    for (const c of columnsOf(table, key)) {
      const printed = amountIn(row, c);
      if (!printed) continue;
      const vehicle = [...columnsOf(table, "vehiclePurchase"), ...columnsOf(table, "vehicleOperation")].reduce((sum, i) => sum + fenIn(row, i), 0);
      const near = [threePublic.fen, withOthers, vehicle].map((v) => Math.abs(v - printed.fen));
      const best = Math.min(...near);
      if (best === 0) continue;
      out.push({
        rule: best <= digit * 3 ? "R1" : "C12",
        severity: best <= digit * 3 ? "warning" : "error",
        message: `${table.title}“${table.columns[c]?.label.split("/").pop() ?? "合计"}”印为${money(printed.fen, table.unit)}，与各项之和${money(near[0] === best ? threePublic.fen : withOthers, table.unit)}不符${best <= digit * 3 ? "（尾差）" : ""}。`,
        source: printed.source,
      });
    }
  }
  for (const c of columnsOf(table, "vehicleTotal")) {
    const purchase = columnsOf(table, "vehiclePurchase").map((i) => fenIn(row, i));
    const operation = columnsOf(table, "vehicleOperation").map((i) => fenIn(row, i));
    if (!purchase.length && !operation.length) continue;
    compareSum(out, "C12", `${table.title}“公务用车购置及运行费”`, amountIn(row, c), [...purchase, ...operation].map((fen) => ({ fen, digit })), table.unit);
  }
}

const emptySource: FigureSource = { page: 0, table: "", row: 0, column: "" };

/** One imbalance is one finding: the same row off by the same amount in two columns (合计 and 公用经费) is reported once. */
function dedupe(findings: ImportFinding[]): ImportFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    if (f.expected === undefined || f.actual === undefined || !f.source) return true;
    const key = `${f.rule}|${f.source.table}|${f.source.row}|${f.actual - f.expected}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Re-derives every printed sum of the rebuilt tables; each difference is a finding. */
export function checkPrintedSums(tables: readonly TableRead[], figures: DocumentFigures, unit: AmountUnit): ImportFinding[] {
  const out: ImportFinding[] = [];
  for (const table of tables) {
    if (CODED_KINDS.includes(table.kind)) {
      checkCodes(table, out);
      checkHierarchy(table, out);
      checkRowSums(table, out);
    }
    checkNotes(table, out);
  }
  checkNames(tables, out);
  checkThreePublic(byKind(tables, "THREE_PUBLIC"), out);
  const { incomeTotal, expenditureTotal, basic, project, reserve } = figures;
  if (incomeTotal && expenditureTotal && incomeTotal.fen !== expenditureTotal.fen) {
    out.push({ rule: "C1", severity: "error", message: `收入总计${money(incomeTotal.fen, unit)}与支出总计${money(expenditureTotal.fen, unit)}不相等。`, source: incomeTotal.source });
  }
  const parts = [basic, project, reserve].filter((f) => f !== null);
  if (expenditureTotal && basic && project) {
    compareSum(out, "C1", "支出总计", { fen: expenditureTotal.fen, digit: unit === "YUAN" ? 1 : 10_000, source: expenditureTotal.source ?? emptySource }, parts.map((f) => ({ fen: f.fen, digit: unit === "YUAN" ? 1 : 10_000 })), unit);
  }
  const { operatingFunds, publicOperating } = figures;
  if (operatingFunds && publicOperating && operatingFunds.fen > publicOperating.fen + 10_000) {
    out.push({
      rule: "P6",
      severity: "error",
      message: `机关运行经费${money(operatingFunds.fen, unit)}大于基本支出中的公用经费${money(publicOperating.fen, unit)}；机关运行经费是公用经费的一部分，不能更多。`,
      source: operatingFunds.source,
    });
  }
  return dedupe(out);
}
