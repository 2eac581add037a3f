/**
 * Builds lib/codebooks/starter/starter-code-book.json, the partial code book shipped with the
 * product: every 支出功能分类 and 支出经济分类 code found in the reference document and in the real
 * published documents (with the years it was seen in), plus the 31 functional classes. Run from the
 * repository's copies of the reference document and the real disclosures (tests/fixtures):
 *   npx tsx scripts/build-starter-code-book.ts
 * The output is committed; nothing reads the reference folder at run or test time.
 *
 * The documents' text keeps the PDF's columns, so codes appear three ways: a code alone on a line
 * with its name on the next (the Hebei template), "2040401   行政运行" (Jiangsu), or 类/款/项 in
 * separate columns, "212  01  01  行政运行" (Shanghai). Names: the reference document's first, then the
 * newest document's; the functional classes take their current names. Codes whose parent appears
 * nowhere are left out (the book must stay a valid hierarchy) and listed on stderr.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { codeShape, schemeOfCode } from "@/lib/codebooks/code-structure";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { FUNCTIONAL_CLASSES } from "@/lib/disclosure/functional-classes";
import type { ClassificationScheme } from "@/lib/disclosure/types";

interface Sighting {
  code: string;
  name: string;
  year: number;
  source: string;
}

const CJK_NAME = /^[\u4e00-\u9fff（(][^\s]*$/u;
const PRIORITY_SOURCE = "guantao-cac-2024-unit-budget";

function sightingsIn(text: string, source: string, year: number): Sighting[] {
  const lines = text.split(/\r?\n/);
  const found: Sighting[] = [];
  const push = (code: string, name: string) => {
    if (schemeOfCode(code) !== null && name.length >= 2) found.push({ code, name: name.replace(/[（(]项[）)]$/, ""), year, source });
  };
  lines.forEach((line, index) => {
    // Hebei template: the code alone on a (tab-indented) line, its name on the next.
    const alone = /^\t?(\d{3}|\d{5}|\d{7})$/.exec(line);
    if (alone !== null) {
      const next = (lines[index + 1] ?? "").trim();
      if (CJK_NAME.test(next)) push(alone[1] ?? "", next);
      return;
    }
    // Shanghai: 类, 款 and 项 in columns.
    const split = /^\s*(\d{3})\s{2,}(\d{2})(?:\s{2,}(\d{2}))?\s{2,}([\u4e00-\u9fff][^\s]*)/u.exec(line);
    if (split !== null) {
      push(`${split[1]}${split[2]}${split[3] ?? ""}`, split[4] ?? "");
      return;
    }
    // Jiangsu and class rows everywhere: the whole code, then its name.
    const whole = /^\s*(\d{3}|\d{5}|\d{7})\s{2,}([\u4e00-\u9fff][^\s]*)(?:\s{2,}|$)/u.exec(line);
    if (whole !== null) push(whole[1] ?? "", whole[2] ?? "");
  });
  return found;
}

interface StarterCode {
  scheme: ClassificationScheme;
  code: string;
  name: string;
  level: 1 | 2 | 3;
  parentCode: string | null;
  /** the years of the documents it was seen in */
  years: number[];
  /** the documents it was seen in (file names without .txt) */
  sources: string[];
  /** other names the documents print for it (older names, misprints) */
  otherNames?: string[];
}

const REFERENCE_FILE = path.join("tests", "fixtures", "reference", "guantao-cac-2024-unit-budget.txt");
const DISCLOSURE_TEXTS = path.join("tests", "fixtures", "disclosures", "text");

function build(): StarterCode[] {
  const files = [
    REFERENCE_FILE,
    ...readdirSync(DISCLOSURE_TEXTS)
      .filter((name) => name.endsWith(".txt"))
      .map((name) => path.join(DISCLOSURE_TEXTS, name)),
  ];
  const sightings: Sighting[] = guantao2024CodeBook.functional
    .concat(guantao2024CodeBook.economic)
    .map((c) => ({ code: c.code, name: c.name, year: 2024, source: PRIORITY_SOURCE }));
  for (const file of files) {
    const source = path.basename(file, ".txt");
    const year = Number(/-(\d{4})-/.exec(source)?.[1] ?? "0");
    sightings.push(...sightingsIn(readFileSync(file, "utf8"), source, year));
  }
  for (const c of FUNCTIONAL_CLASSES) {
    if (c.code !== null) sightings.push({ code: c.code, name: c.name, year: 2024, source: "functional-classes" });
  }

  const byCode = new Map<string, Sighting[]>();
  for (const s of sightings) byCode.set(s.code, [...(byCode.get(s.code) ?? []), s]);
  const codes: StarterCode[] = [];
  for (const [code, seen] of byCode) {
    const scheme = schemeOfCode(code);
    if (scheme === null) continue;
    const shape = codeShape(code, scheme);
    if (!shape.ok) continue;
    const preferred =
      seen.find((s) => s.source === "functional-classes") ??
      seen.find((s) => s.source === PRIORITY_SOURCE) ??
      [...seen].sort((a, b) => b.year - a.year)[0];
    if (preferred === undefined) continue;
    // A name cut short where the PDF wrapped its cell is not another name.
    const others = [...new Set(seen.map((s) => s.name))].filter((name) => name !== preferred.name && !preferred.name.startsWith(name));
    const documents = seen.filter((s) => s.source !== "functional-classes");
    codes.push({
      scheme,
      code,
      name: preferred.name,
      level: shape.level,
      parentCode: shape.parentCode,
      years: [...new Set((documents.length > 0 ? documents : seen).map((s) => s.year))].sort(),
      sources: [...new Set(seen.map((s) => s.source))].sort(),
      ...(others.length > 0 ? { otherNames: others } : {}),
    });
  }
  // Keep only codes whose whole chain of parents is known.
  const known = new Set(codes.map((c) => `${c.scheme}:${c.code}`));
  const isRooted = (c: StarterCode): boolean => {
    let parent = c.parentCode;
    while (parent !== null) {
      if (!known.has(`${c.scheme}:${parent}`)) return false;
      parent = parent.length === 5 ? parent.slice(0, 3) : null;
    }
    return true;
  };
  const orphans = codes.filter((c) => !isRooted(c));
  for (const orphan of orphans) process.stderr.write(`left out (parent ${orphan.parentCode} unknown): ${orphan.code} ${orphan.name}\n`);
  return codes
    .filter(isRooted)
    .sort((a, b) => (a.scheme === b.scheme ? a.code.localeCompare(b.code) : a.scheme === "FUNCTIONAL" ? -1 : 1));
}

const codes = build();
const out = path.join("lib", "codebooks", "starter", "starter-code-book.json");
// One code per line, so a regenerated book diffs line by line.
writeFileSync(out, `{"generatedBy":"scripts/build-starter-code-book.ts","codes":[\n${codes.map((c) => JSON.stringify(c)).join(",\n")}\n]}\n`);
const count = (scheme: ClassificationScheme, level: number) => codes.filter((c) => c.scheme === scheme && c.level === level).length;
process.stdout.write(
  `${out}: ${codes.length} codes; functional 类 ${count("FUNCTIONAL", 1)}, 款 ${count("FUNCTIONAL", 2)}, 项 ${count("FUNCTIONAL", 3)}; economic 类 ${count("ECONOMIC", 1)}, 款 ${count("ECONOMIC", 2)}\n`,
);
