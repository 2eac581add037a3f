import type { AmountUnit, Fen } from "@/lib/disclosure/types";
import type { DocumentProfile, Line } from "./document-profile";

/** One row of a side-by-side table: an amount per column (null: the column has no such item). */
export interface ComparisonRow {
  key: string;
  label: string;
  values: (Fen | null)[];
  /** last column minus the one before (years only) */
  change: { fen: Fen; percent: number | null } | null;
  /** the reason the newest document states for the change */
  reason: string;
  isTotal: boolean;
}

export interface ComparisonTable {
  id: string;
  title: string;
  columns: string[];
  rows: ComparisonRow[];
  /** whether the table has change and reason columns (a unit's years) */
  showsChange: boolean;
  amountUnit: AmountUnit;
}

function change(values: readonly (Fen | null)[]): ComparisonRow["change"] {
  if (values.length < 2) return null;
  const last = values[values.length - 1] ?? 0;
  const before = values[values.length - 2] ?? 0;
  const fen = last - before;
  return { fen, percent: before === 0 ? null : Math.round((fen / before) * 1000) / 10 };
}

/** Rows of the union of the profiles' lines (in first-seen order), one value per profile. */
function unionRows(
  profiles: readonly DocumentProfile[],
  pick: (p: DocumentProfile) => readonly Line[],
  options: { withChange: boolean; reason?: (key: string) => string; totalKeys?: readonly string[] },
): ComparisonRow[] {
  const order: { key: string; label: string }[] = [];
  const seen = new Set<string>();
  for (const p of profiles) {
    for (const line of pick(p)) {
      if (!seen.has(line.key)) {
        seen.add(line.key);
        order.push({ key: line.key, label: line.label });
      }
    }
  }
  return order.map(({ key, label }) => {
    const values = profiles.map((p) => pick(p).find((l) => l.key === key)?.fen ?? null);
    return {
      key,
      label,
      values,
      change: options.withChange ? change(values) : null,
      reason: options.reason?.(key) ?? "",
      isTotal: options.totalKeys?.includes(key) ?? false,
    };
  });
}

const withTotal = (lines: readonly Line[], key: string, label: string): Line[] => [...lines, { key, label, fen: lines.reduce((s, l) => s + l.fen, 0) }];

/**
 * A unit's published years side by side (oldest first): totals with the newest document's
 * stated reasons, spending by functional class, 三公, and every project with its stated reason.
 */
export function compareYears(profiles: readonly DocumentProfile[]): ComparisonTable[] {
  const sorted = [...profiles].sort((a, b) => a.year - b.year);
  const newest = sorted[sorted.length - 1];
  const amountUnit = newest?.amountUnit ?? "WAN_YUAN";
  const columns = sorted.map((p) => `${p.year}年`);
  const reasonOf = (key: string) => (newest?.reasons as Record<string, string | undefined> | undefined)?.[key] ?? "";
  const projectReason = (key: string) => newest?.projects.find((p) => `p${p.code}` === key)?.changeReason ?? "";
  const base = { columns, showsChange: sorted.length > 1, amountUnit };
  return [
    { id: "totals", title: "收支总体情况", ...base, rows: unionRows(sorted, (p) => p.totals, { withChange: true, reason: reasonOf, totalKeys: ["expenditureTotal", "incomeTotal"] }) },
    {
      id: "functional",
      title: "支出按功能分类（类）",
      ...base,
      rows: unionRows(sorted, (p) => withTotal(p.functionalClasses, "total", "合计"), { withChange: true, totalKeys: ["total"] }),
    },
    {
      id: "three-public",
      title: "“三公”经费",
      ...base,
      rows: unionRows(sorted, (p) => withTotal(p.threePublic, "threePublic", "合计"), { withChange: true, reason: reasonOf, totalKeys: ["threePublic"] }),
    },
    {
      id: "projects",
      title: "项目支出（逐项）",
      ...base,
      rows: unionRows(sorted, (p) => p.projects.map((x) => ({ key: `p${x.code}`, label: `${x.name}（${x.code}）`, fen: x.fen })), {
        withChange: true,
        reason: projectReason,
      }),
    },
  ];
}

/** Two to five units' (or departments') documents of one year side by side. */
export function compareUnits(profiles: readonly DocumentProfile[]): ComparisonTable[] {
  const amountUnit = profiles[0]?.amountUnit ?? "WAN_YUAN";
  const base = { columns: profiles.map((p) => p.unitName), showsChange: false, amountUnit };
  const totals = (p: DocumentProfile) => p.totals.filter((l) => l.key !== "incomeTotal");
  return [
    { id: "totals", title: "支出总体情况（基本/项目、人员/公用、机关运行经费、“三公”经费）", ...base, rows: unionRows(profiles, totals, { withChange: false, totalKeys: ["expenditureTotal"] }) },
    {
      id: "functional",
      title: "支出按功能分类（类）",
      ...base,
      rows: unionRows(profiles, (p) => withTotal(p.functionalClasses, "total", "合计"), { withChange: false, totalKeys: ["total"] }),
    },
    {
      id: "three-public",
      title: "“三公”经费",
      ...base,
      rows: unionRows(profiles, (p) => withTotal(p.threePublic, "threePublic", "合计"), { withChange: false, totalKeys: ["threePublic"] }),
    },
  ];
}
