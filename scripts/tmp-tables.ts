import { readFileSync } from "node:fs";
import { readPdf } from "@/lib/import/pdf/read-pdf";
import { readLayoutText } from "@/lib/import/layout";
import { readTables } from "@/lib/import/tables/read-tables";
async function main() {
  const f = process.argv[2]!;
  const doc = f.endsWith(".pdf") ? await readPdf(new Uint8Array(readFileSync(f))) : readLayoutText(readFileSync(f, "utf8"));
  for (const t of readTables(doc)) {
    console.log(`== ${t.kind} ${t.title} p${t.page} ${t.unit} split=${t.splitCodes} notes=${t.notes.join("|").slice(0, 60)}`);
    console.log("   cols:", t.columns.map((c) => `${c.key}(${c.label})`).join(" ; "));
    for (const r of t.rows.slice(0, Number(process.argv[3] ?? 6))) console.log("   ", r.code ?? "-", r.label.slice(0, 30), r.amounts.map((a) => `${a.column}:${a.text}`).join(" "));
  }
}
void main();
