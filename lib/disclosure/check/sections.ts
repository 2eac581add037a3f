import type { Finding, NarrativeSection } from "../findings";
import type { TableId } from "../table-model";

/** The sections of the accountant's entry form, in the order the form shows them. */
export const FORM_SECTIONS = ["income", "expenditure", "basic", "projects", "threePublic", "procurement", "assets", "narrative"] as const;
export type FormSection = (typeof FORM_SECTIONS)[number];

export const FORM_SECTION_LABELS: Record<FormSection, string> = {
  income: "收入",
  expenditure: "支出",
  basic: "基本支出",
  projects: "项目",
  threePublic: "三公",
  procurement: "政府采购",
  assets: "国有资产",
  narrative: "说明",
};

const BY_NARRATIVE_SECTION: Record<NarrativeSection, FormSection> = {
  income: "narrative",
  expenditure: "narrative",
  change: "narrative",
  operatingFunds: "narrative",
  threePublic: "threePublic",
  projects: "projects",
  procurement: "procurement",
  assets: "assets",
};

const BY_TABLE: Record<TableId, FormSection> = {
  T1: "expenditure",
  T2: "income",
  T3: "expenditure",
  T4: "expenditure",
  T5: "expenditure",
  T6: "basic",
  T7: "expenditure",
  T8: "expenditure",
  T9: "threePublic",
};

/**
 * Where the accountant fixes a finding. A narrative section wins over a table (a narrative
 * figure is fixed in the text, not in the table it disagrees with); the income side of tables
 * 1 and 4 belongs to 收入.
 */
export function formSectionOf(finding: Finding): FormSection {
  const { section, projectCode, table, column } = finding.location;
  if (section) return BY_NARRATIVE_SECTION[section];
  if (projectCode !== undefined) return "projects";
  if (table) {
    if ((table === "T1" || table === "T4") && (column === "income" || column === "incomeItem")) return "income";
    if (table === "T1" && column === undefined && finding.location.lineIndex !== undefined) return "income";
    return BY_TABLE[table];
  }
  return "narrative";
}

export interface FindingGroup {
  section: FormSection;
  label: string;
  findings: Finding[];
}

/**
 * Findings grouped by form section, every section present (an empty one shows as ✓), errors
 * before warnings within a section, otherwise in checking order.
 */
export function groupBySection(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<FormSection, Finding[]>(FORM_SECTIONS.map((s) => [s, []]));
  for (const finding of findings) groups.get(formSectionOf(finding))?.push(finding);
  return FORM_SECTIONS.map((section) => {
    const list = groups.get(section) ?? [];
    return {
      section,
      label: FORM_SECTION_LABELS[section],
      findings: [...list.filter((f) => f.severity === "error"), ...list.filter((f) => f.severity !== "error")],
    };
  });
}
