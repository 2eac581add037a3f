import { formSectionOf, type Finding, type FormSection } from "@/lib/disclosure/check";
import type { Budget } from "@/lib/disclosure/types";

/** The sections of the entry form, in the document's order: ids of their headings' sections. */
export const EDITOR_SECTIONS = [
  { id: "unit", label: "单位信息" },
  { id: "income", label: "收入" },
  { id: "expenditure", label: "支出" },
  { id: "basic", label: "基本支出经济分类" },
  { id: "projects", label: "项目" },
  { id: "threePublic", label: "三公经费" },
  { id: "procurement", label: "政府采购" },
  { id: "assets", label: "国有资产" },
  { id: "narrative", label: "情况说明" },
  { id: "glossary", label: "名词解释" },
] as const;
export type EditorSectionId = (typeof EDITOR_SECTIONS)[number]["id"];

const SECTION_OF_FORM: Record<FormSection, EditorSectionId> = {
  income: "income",
  expenditure: "expenditure",
  basic: "basic",
  projects: "projects",
  threePublic: "threePublic",
  procurement: "procurement",
  assets: "assets",
  narrative: "narrative",
};

const ARRAY_OF_TABLE: Partial<Record<string, "income" | "expenditure" | "basicEconomic" | "threePublic">> = {
  T1: "income",
  T2: "income",
  T3: "expenditure",
  T6: "basicEconomic",
  T9: "threePublic",
};

/**
 * Where the accountant fixes a finding: a draft path (a line's amount, a project) when the
 * finding names one, else the form section. The entry form moves focus there.
 */
export function findingTarget(finding: Finding, budget: Budget): { path: string | null; section: EditorSectionId } {
  const section = SECTION_OF_FORM[formSectionOf(finding)];
  const { table, lineIndex, projectCode, rowKey, column } = finding.location;
  // C14: a change from last year without its reason; the fix is the reason's field.
  if (finding.rule === "C14" && rowKey === "total") {
    const reason = table === "T9" ? "threePublicChangeReason" : column === "basic" ? "basicChangeReason" : column === "project" ? "projectChangeReason" : "totalChangeReason";
    return { path: `narrative.${reason}`, section: "narrative" };
  }
  if (projectCode !== undefined) {
    const index = budget.projects.findIndex((p) => p.code === projectCode);
    if (index >= 0) return { path: `projects.${index}`, section: "projects" };
  }
  if (finding.location.section === "assets" && lineIndex !== undefined) return { path: `assets.holdings.${lineIndex}`, section: "assets" };
  if (finding.location.section === "procurement" && lineIndex !== undefined) return { path: `procurement.${lineIndex}`, section: "procurement" };
  const array = table === undefined ? undefined : ARRAY_OF_TABLE[table];
  if (array !== undefined && lineIndex !== undefined) {
    return { path: `${array}.${lineIndex}`, section: array === "basicEconomic" ? "basic" : array === "income" ? "income" : section };
  }
  if (rowKey !== undefined && /^\d{3,7}$/.test(rowKey)) {
    if (table === "T6") {
      const index = budget.basicEconomic.findIndex((l) => l.economicCode.startsWith(rowKey));
      if (index >= 0) return { path: `basicEconomic.${index}`, section: "basic" };
    } else if (table !== undefined && finding.location.section === undefined) {
      const index = budget.expenditure.findIndex((l) => l.functionalCode.startsWith(rowKey));
      if (index >= 0) return { path: `expenditure.${index}`, section: "expenditure" };
    }
  }
  return { path: null, section };
}
