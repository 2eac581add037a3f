/**
 * What the entry editor (components/workspace/budget-editor.tsx) recomputes on every change the
 * accountant makes: the draft text as a Budget (budgetFromDraft), the strict parse for field errors
 * (parseBudgetInput), the checks (checkDisclosure, which derives the tables) and the preview
 * (buildSnapshotContent, which derives them again and writes the narrative). Each run edits one
 * amount, as a keystroke does, and times the editor's whole recompute and each step of it; mean and
 * p95 over many runs, for the demo budget and for the synthetic budget of scripts/bench-checker.ts.
 * Run with `npx tsx scripts/bench-entry.ts`; prints numbers, asserts nothing.
 */
import { loadavg } from "node:os";
import { parseBudgetInput, type BudgetDraftInput } from "@/lib/budgets/budget-input-schema";
import { draftInputFromBudget } from "@/lib/budgets/budget-draft-input";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { checkDisclosure } from "@/lib/disclosure/check";
import type { Budget, CodeBook } from "@/lib/disclosure/types";
import { budgetFromDraft, type BudgetIdentity } from "@/lib/entry/draft-budget";
import { buildSnapshotContent } from "@/lib/publication/snapshot-content-core";
import { syntheticBudget } from "./lib/synthetic-budget";
import { ms, timeSync, type Timing } from "./lib/timing";

const PUBLICATION = { version: 1, publishedAt: new Date(0).toISOString(), approvedAt: null, correctionNote: null };

/** The editor's useMemo body, step for step. */
function recompute(draft: BudgetDraftInput, identity: BudgetIdentity, codeBook: CodeBook) {
  const budget = budgetFromDraft(draft, identity);
  const parsed = parseBudgetInput(draft, codeBook);
  const findings = checkDisclosure({ budget, codeBook });
  const content = buildSnapshotContent(budget, codeBook, PUBLICATION);
  return { budget, fieldErrors: parsed.ok ? {} : parsed.fieldErrors, findings, content };
}

/** The draft after typing into the first expenditure line's amount: a new draft, the rest shared, as the editor's `change` does. */
function keystroke(draft: BudgetDraftInput, i: number): BudgetDraftInput {
  const [first, ...rest] = draft.expenditure;
  if (first === undefined) return draft;
  const typed = i % 2 === 0 ? `1${first.amount}` : first.amount;
  return { ...draft, expenditure: [{ ...first, amount: typed }, ...rest] };
}

function row(step: string, t: Timing): string {
  return `| ${step} | ${ms(t.meanMs)} ms | ${ms(t.p95Ms)} ms | ${ms(t.maxMs)} ms |`;
}

function bench(label: string, budget: Budget, codeBook: CodeBook, runs: number): void {
  const identity: BudgetIdentity = { unit: budget.unit, department: budget.department, region: budget.region, year: budget.year };
  const base = draftInputFromBudget(budget);
  const drafts = Array.from({ length: runs }, (_, i) => keystroke(base, i));
  const warmUp = Math.min(20, runs);
  const at = (i: number) => drafts[i % runs] as BudgetDraftInput;
  const sample = recompute(base, identity, codeBook);
  const rows = Object.values(sample.content.tables).reduce((a: number, t: { rows: unknown[] }) => a + t.rows.length, 0);

  const total = timeSync(runs, warmUp, (i) => recompute(at(i), identity, codeBook));
  const fromDraft = timeSync(runs, warmUp, (i) => budgetFromDraft(at(i), identity));
  const budgets = drafts.map((d) => budgetFromDraft(d, identity));
  const parse = timeSync(runs, warmUp, (i) => parseBudgetInput(at(i), codeBook));
  const check = timeSync(runs, warmUp, (i) => checkDisclosure({ budget: budgets[i % runs] as Budget, codeBook }));
  const preview = timeSync(runs, warmUp, (i) => buildSnapshotContent(budgets[i % runs] as Budget, codeBook, PUBLICATION));

  console.log(
    [
      `${label}: ${budget.expenditure.length} expenditure lines, ${budget.projects.length} projects, ${budget.procurement.length} procurement rows, ` +
        `${rows} table rows, ${sample.findings.length} findings, ${Object.keys(sample.fieldErrors).length} field errors; ${runs} runs`,
      "",
      "| step | mean | p95 | max |",
      "|---|---|---|---|",
      row("budgetFromDraft", fromDraft),
      row("parseBudgetInput", parse),
      row("checkDisclosure", check),
      row("buildSnapshotContent", preview),
      row("**whole recompute**", total),
      "",
    ].join("\n"),
  );
}

console.log(`Entry editor recompute per keystroke (load average before: ${loadavg()[0]?.toFixed(2)})\n`);
bench("demo (馆陶县网信办 2024)", guantao2024Budget, guantao2024CodeBook, 1000);
const synthetic = syntheticBudget(2000, 100);
// Entered in 元: its amounts are to the 分, which 万元 (2 decimals) cannot express.
bench("synthetic (entered in 元)", { ...synthetic.budget, amountUnit: "YUAN" }, synthetic.codeBook, 100);
