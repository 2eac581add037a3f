import type { AmountUnit } from "@/lib/disclosure/types";
import { checkNarrative, narrativeParagraphs } from "./check-narrative";
import { checkPrintedSums, type ImportFinding } from "./check-printed-sums";
import { readDocx } from "./docx/read-docx";
import { ImportError } from "./import-error";
import type { ImportSummary } from "./import-summary";
import { compact, lineText, readLayoutText, type LayoutDocument } from "./layout";
import { readPdf } from "./pdf/read-pdf";
import { readFigures, type DocumentFigures } from "./read-figures";
import { recognise, type Recognised } from "./recognise";
import { readTables, type TableRead } from "./tables/read-tables";

/** Published documents are a few MB; anything this large is refused before it is read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportedDocument extends Recognised {
  formats: LayoutDocument["format"][];
  pages: number;
  amountUnit: "元" | "万元" | "mixed";
  tables: TableRead[];
  figures: DocumentFigures;
  findings: ImportFinding[];
  /** the document's text outside the tables, for 职责, 机构设置, 名词解释 and the narrative rules */
  narrative: string;
}

function formatOf(bytes: Uint8Array): LayoutDocument["format"] {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (head.includes("%PDF-")) return "pdf";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "docx";
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 65536));
  const bad = (text.match(/\uFFFD|[\u0000-\u0008\u000E-\u001F]/g) ?? []).length;
  if (bad > text.length / 100 + 2) throw new ImportError("UNSUPPORTED_FORMAT", "无法识别该文件的格式：只支持PDF、Word（.docx）和文本文件。");
  return "text";
}

async function readOne(file: ImportFile, firstPage: number): Promise<LayoutDocument> {
  if (file.bytes.length === 0) throw new ImportError("EMPTY", `文件“${file.name}”是空文件。`);
  const format = formatOf(file.bytes);
  if (format === "pdf") return readPdf(file.bytes, firstPage);
  if (format === "docx") {
    const doc = await readDocx(file.bytes);
    return { ...doc, lines: doc.lines.map((l) => ({ ...l, page: l.page + firstPage - 1 })) };
  }
  const doc = readLayoutText(new TextDecoder("utf-8").decode(file.bytes));
  return { ...doc, lines: doc.lines.map((l) => ({ ...l, page: l.page + firstPage - 1 })) };
}

function unitLabel(units: AmountUnit[]): ImportedDocument["amountUnit"] {
  const distinct = [...new Set(units)];
  if (distinct.length > 1) return "mixed";
  return distinct[0] === "YUAN" ? "元" : "万元";
}

/** The unit most figures are printed in (the Shanghai 三公 table alone is in 万元). */
function mainUnit(tables: readonly TableRead[]): AmountUnit {
  const yuan = tables.filter((t) => t.unit === "YUAN").length;
  return yuan * 2 >= tables.length && yuan > 0 ? "YUAN" : "WAN_YUAN";
}

/**
 * Reads a published budget document (one file, or narrative + tables published separately) into
 * its tables, figures and findings. Pure apart from the parsers: nothing is stored.
 */
export async function importDocument(files: readonly ImportFile[]): Promise<ImportedDocument> {
  const total = files.reduce((s, f) => s + f.bytes.length, 0);
  if (total > MAX_IMPORT_BYTES) {
    throw new ImportError("TOO_LARGE", `文件过大（${Math.round(total / 1024 / 1024)} MB），超过${MAX_IMPORT_BYTES / 1024 / 1024} MB的上限；预算公开文件通常只有几MB。`);
  }
  const docs: LayoutDocument[] = [];
  let page = 1;
  for (const file of files) {
    const doc = await readOne(file, page);
    docs.push(doc);
    page += doc.pages;
  }
  const lines = docs.flatMap((d) => d.lines);
  const charWidth = docs.reduce((s, d) => s + d.charWidth, 0) / Math.max(docs.length, 1);
  const merged: LayoutDocument = { format: docs[0]?.format ?? "text", pages: page - 1, lines, charWidth };
  const tables = readTables(merged);
  const budgetTables = tables.filter((t) => ["SUMMARY", "EXPENDITURE", "GENERAL_FUNCTIONAL", "FISCAL_FUNCTIONAL", "GENERAL_BASIC", "FISCAL_BASIC"].includes(t.kind) && t.rows.length > 0);
  if (budgetTables.length === 0) {
    throw new ImportError("NOT_A_BUDGET", "没有在文件中找到预算公开表（收支总表、支出总表、基本支出表等），这似乎不是预算或决算公开文件。");
  }
  const recognised = recognise(merged, tables);
  const narrative = lines.map((l) => compact(lineText(l))).join("\n");
  const figures = readFigures(tables, narrative);
  const unit = mainUnit(tables);
  const findings = checkPrintedSums(tables, figures, unit);
  if (recognised.kind === "final") {
    findings.unshift({ rule: "K1", severity: "error", message: "这是决算公开文件，不是预算：可以查看，但不能作为预算导入。", source: null });
  }
  const doc: ImportedDocument = { ...recognised, formats: docs.map((d) => d.format), pages: merged.pages, amountUnit: unitLabel(tables.map((t) => t.unit)), tables, figures, findings, narrative };
  if (recognised.kind === "budget") findings.push(...checkNarrative(doc, narrativeParagraphs(lines), unit));
  return doc;
}

export function summarise(doc: ImportedDocument): ImportSummary {
  const fen = (f: { fen: number } | null) => (f ? f.fen : null);
  return {
    kind: doc.kind,
    scope: doc.scope,
    unitName: doc.unitName,
    year: doc.year,
    template: doc.template,
    amountUnit: doc.amountUnit,
    incomeTotal: fen(doc.figures.incomeTotal),
    expenditureTotal: fen(doc.figures.expenditureTotal),
    basic: fen(doc.figures.basic),
    project: fen(doc.figures.project),
    reserve: fen(doc.figures.reserve),
    personnel: fen(doc.figures.personnel),
    publicOperating: fen(doc.figures.publicOperating),
    threePublic: fen(doc.figures.threePublic),
    procurement: fen(doc.figures.procurement),
    classes: Object.fromEntries(Object.entries(doc.figures.classes).map(([code, f]) => [code, f.fen])),
    findings: doc.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })),
  };
}
