/** A unit's master data as the administration edits it. */
export interface UnitProfile {
  name: string;
  nature: string;
  grade: string;
  fundingForm: string;
  duties: readonly string[];
  organisation: string;
}

export const UNIT_FIELD_LABELS: Record<keyof UnitProfile | "department", string> = {
  department: "主管部门",
  name: "单位名称",
  nature: "单位性质",
  grade: "单位规格",
  fundingForm: "经费保障形式",
  duties: "单位职责",
  organisation: "机构设置",
};

const shown = (value: string | readonly string[]) => (typeof value === "string" ? value : value.join("；")) || "（空）";

/** The fields that differ, each as "old → new" keyed by its Chinese label (for the audit row and the dry run). */
export function unitProfileChanges(before: Partial<UnitProfile>, after: Partial<UnitProfile>): Record<string, string> {
  const changes: Record<string, string> = {};
  for (const key of ["name", "nature", "grade", "fundingForm", "duties", "organisation"] as const) {
    const old = before[key];
    const next = after[key];
    if (old === undefined || next === undefined) continue;
    const isSame = Array.isArray(old) && Array.isArray(next) ? old.length === next.length && old.every((v, i) => v === next[i]) : old === next;
    if (!isSame) changes[UNIT_FIELD_LABELS[key]] = `${shown(old)} → ${shown(next)}`;
  }
  return changes;
}
