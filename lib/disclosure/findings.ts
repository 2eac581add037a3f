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
  /** index into the imported narrative's paragraphs (`CheckInput.narrativeText`) */
  paragraph?: number;
  /** 1-based page of the imported document the paragraph is on */
  page?: number;
}

export interface Finding {
  /**
   * "C1"…"C16" for the identities of the domain doc, "D1"… for data validity, "P1"… for
   * plausibility, "N1"… for what an imported narrative states, "R1" for 尾差 (a rounding
   * difference of printed figures; see `identity`)
   */
  rule: string;
  severity: Severity;
  /** plain Chinese naming the tables, rows, columns and both numbers */
  message: string;
  location: FindingLocation;
  /** the two sides compared, when the rule compares amounts */
  expected?: Fen;
  actual?: Fen;
  /** the largest difference accepted as rounding (one printed last digit per summed row; 0 for exact figures) */
  tolerance: Fen;
  /** R1 (尾差) only: the identity whose two sides differ within the rounding allowance, e.g. "C2" */
  identity?: string;
}
