/**
 * `npm run import-corpus`: imports every published PDF of tests/fixtures/disclosures/pdf and
 * writes docs/import-corpus.md (template, pages, totals, findings, import time per document).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { formatAmount } from "@/lib/disclosure/money";
import { compareWithPreviousYear } from "@/lib/import/cross-year";
import { ImportError } from "@/lib/import/import-error";
import { importDocument, summarise, type ImportedDocument } from "@/lib/import/import-document";
import { corpusDocuments, DISCLOSURES_DIR } from "@/tests/fixtures/disclosures/corpus";

const wan = (fen: number | null) => (fen === null ? "—" : formatAmount(fen, "WAN_YUAN", { grouping: true }));

async function main(): Promise<void> {
  const rows: string[] = [];
  const details: string[] = [];
  const byDepartment = new Map<string, ImportedDocument[]>();
  for (const doc of corpusDocuments()) {
    const files = doc.pdfs.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(DISCLOSURES_DIR, "pdf", name))) }));
    const started = performance.now();
    try {
      const imported = await importDocument(files);
      const ms = Math.round(performance.now() - started);
      const department = doc.name.replace(/-\d{4}-.*$/, "");
      if (imported.kind === "budget") byDepartment.set(department, [...(byDepartment.get(department) ?? []), imported]);
      const s = summarise(imported);
      const errors = s.findings.filter((f) => f.severity === "error").length;
      rows.push(
        `| ${doc.pdfs.map((p) => `\`${p}\``).join("<br>")} | ${s.template} | ${s.kind} · ${s.scope} | ${s.year} | ${imported.pages} | ${wan(s.incomeTotal)} | ${wan(s.expenditureTotal)} | ${wan(s.basic)} | ${wan(s.project)} | ${wan(s.reserve)} | ${wan(s.threePublic)} | ${errors} / ${s.findings.length - errors} | ${ms} |`,
      );
      if (s.findings.length) {
        details.push(`### ${s.unitName} ${s.year}（${doc.name}）`, "", ...s.findings.map((f) => `- [${f.severity === "error" ? "错误" : "提醒"}] ${f.rule} ${f.message}`), "");
      }
    } catch (error) {
      const message = error instanceof ImportError ? error.message : String(error);
      rows.push(`| ${doc.pdfs.join("<br>")} | — | — | — | — | 无法读取：${message} | | | | | | | |`);
    }
    process.stderr.write(".");
  }
  const crossYear: string[] = [];
  for (const [department, docs] of byDepartment) {
    const sorted = [...docs].sort((a, b) => a.year - b.year);
    for (let i = 1; i < sorted.length; i++) {
      const current = sorted[i];
      const previous = sorted[i - 1];
      if (!current || !previous || current.year !== previous.year + 1) continue;
      const { changes, findings } = compareWithPreviousYear(current, previous);
      const agreeing = changes.filter((c) => c.stated === c.derived).map((c) => c.subject);
      crossYear.push(`- ${current.unitName} ${current.year} vs ${previous.year}（${department}）：${changes.length} 句“比上年”${agreeing.length ? `，相符：${agreeing.join("、")}` : ""}`);
      for (const f of findings) crossYear.push(`  - [${f.severity === "error" ? "错误" : "提醒"}] ${f.rule} ${f.message}`);
    }
  }
  const out = [
    "# Import corpus",
    "",
    "Every published PDF of `tests/fixtures/disclosures/pdf/` read by the importer (`lib/import/`). Regenerate with `npm run import-corpus`.",
    "Amounts in 万元 (converted from the document's own unit). Findings: errors / warnings (printed sums re-derived, codes, notes, names; see the list below). Time: milliseconds for reading the whole publication on the machine that ran the script.",
    "",
    "| files | template | kind · scope | year | pages | 收入总计 | 支出总计 | 基本支出 | 项目支出 | 预留 | 三公 | findings | ms |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "## 比上年: each year against the previous year's document",
    "",
    ...crossYear,
    "",
    "## Findings",
    "",
    ...details,
  ].join("\n");
  writeFileSync(path.resolve(__dirname, "../docs/import-corpus.md"), out + "\n");
  process.stderr.write("\nwrote docs/import-corpus.md\n");
}

void main();
