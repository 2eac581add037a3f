import type { TableId } from "./table-model";
import type { Fen } from "./types";

/** error blocks submission; warning does not, but needs a written explanation. */
export type Severity = "error" | "warning";

/** Narrative sections a finding can point to. */
export type NarrativeSection =
  | "income" // 二、1 收入说明
  | "expenditure" // 二、2 支出说明
  | "change" // 二、3 比上年增减
  | "operatingFunds" // 三、机关运行经费
  | "threePublic" // 四、三公
  | "projects" // 五、绩效目标
  | "procurement" // 六、政府采购
  | "assets"; // 七、国有资产

export interface FindingLocation {
  table?: TableId;
  /** `TableRow.key` of the row, e.g. "2013701" or "grand-total" */
  rowKey?: string;
  /** `Column.key`, e.g. "basic" */
  column?: string;
  section?: NarrativeSection;
  projectCode?: string;
  /** index into the budget's line arrays, for the entry form to link to the row to fix */
  lineIndex?: number;
}

export interface Finding {
  /** "C1"…"C16" for the identities of the domain doc, "D1"… for data validity */
  rule: string;
  severity: Severity;
  /** plain Chinese naming the tables, rows, columns and both numbers */
  message: string;
  location: FindingLocation;
  /** the two sides compared, when the rule compares amounts */
  expected?: Fen;
  actual?: Fen;
  /** the largest difference accepted as rounding (one printed last digit per summed row) */
  tolerance: Fen;
}
