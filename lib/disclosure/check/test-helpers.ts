import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { deriveTables } from "../derive-tables";
import type { Finding } from "../findings";
import { parseAmount } from "../money";
import { narrativeFigures, type NarrativeFigures } from "../narrative";
import { columnIndex, type DerivedTable, type DerivedTables } from "../table-model";
import type { Budget, Fen } from "../types";
import { checkDisclosure, type CheckInput } from "./index";

/** Test-only fixtures: the demo budget and ways to break copies of it on purpose. */

export const codeBook = guantao2024CodeBook;

export function wan(text: string): Fen {
  const parsed = parseAmount(text, "WAN_YUAN", { allowNegative: true });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.fen;
}

/** A private copy of the demo budget (the reference document as data). */
export function demoBudget(): Budget {
  return structuredClone(guantao2024Budget);
}

export function tablesOf(budget: Budget): DerivedTables {
  return structuredClone(deriveTables(budget, codeBook));
}

export function narrativeOf(budget: Budget): NarrativeFigures {
  return structuredClone(narrativeFigures(budget, deriveTables(budget, codeBook)));
}

export function check(budget: Budget, extra: Omit<CheckInput, "budget" | "codeBook"> = {}): Finding[] {
  return checkDisclosure({ budget, codeBook, ...extra });
}

/** Figures printed to 0.01 万元, as an imported document of the Hebei template. */
export const PRINTED_WAN = { kind: "printed", unit: "WAN_YUAN" } as const;

export function byRule(findings: readonly Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** The one finding of `rule` whose message contains `text`; fails loudly otherwise. */
export function findingWith(findings: readonly Finding[], rule: string, text: string): Finding {
  const matches = byRule(findings, rule).filter((f) => f.message.includes(text));
  if (matches.length !== 1) {
    throw new Error(`expected one ${rule} finding containing “${text}”, got ${matches.length}:\n${findings.map((f) => `${f.rule} ${f.message}`).join("\n")}`);
  }
  return matches[0] as Finding;
}

export function setCell(table: DerivedTable, rowKey: string, column: string, value: Fen | string | null): void {
  const row = table.rows.find((r) => r.key === rowKey);
  if (!row) throw new Error(`table ${table.id} has no row ${rowKey}`);
  row.cells[columnIndex(table, column)] = value;
}

export function getCell(table: DerivedTable, rowKey: string, column: string): Fen {
  const row = table.rows.find((r) => r.key === rowKey);
  const value = row?.cells[columnIndex(table, column)];
  if (typeof value !== "number") throw new Error(`table ${table.id} row ${rowKey} column ${column} holds no amount`);
  return value;
}
