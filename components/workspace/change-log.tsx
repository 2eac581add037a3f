import {
  APPROPRIATION_LABELS,
  ASSET_CATEGORY_LABELS,
  BASIC_CATEGORY_LABELS,
  EXPENDITURE_KIND_LABELS,
  FUND_SOURCE_LABELS,
  labelOf,
} from "@/lib/disclosure/labels";
import { formatChinaDateTime } from "@/lib/disclosure/china-time";
import { amountUnitLabel, formatAmount } from "@/lib/disclosure/money";
import type { AmountUnit } from "@/lib/disclosure/types";
import { EDITOR_SECTIONS } from "@/lib/entry/finding-target";

/** Leaves that hold money (stored in 分). */
const MONEY_LEAVES = new Set([
  "amount", "fiscalAmount", "otherAmount", "priorYearAmount", "yearEndCarryover", "abroad", "vehiclePurchase", "vehicleOperation",
  "reception", "unitPrice", "generalBudget", "governmentFund", "stateCapital", "specialAccount", "unitFunds", "carryover",
  "smeReserved", "value", "statedTotalValue", "plannedPurchases", "total", "basic", "project", "threePublic",
]);

/** One saved change as the page shows it (from lib/budgets/editor-data.ts). */
export interface ChangeEntry {
  id: string;
  at: string;
  userName: string | null;
  path: string;
  oldValue: unknown;
  newValue: unknown;
}

const ARRAY_LABELS: Record<string, string> = {
  unit: "单位信息",
  income: "收入",
  expenditure: "支出",
  basicEconomic: "基本支出经济分类",
  projects: "项目",
  threePublic: "三公经费",
  procurement: "政府采购",
  assets: "国有资产",
  narrative: "情况说明",
  glossary: "名词解释",
  priorYear: "上年数",
  yearEndCarryover: "年终结转结余",
  amountUnit: "金额单位",
};

const LEAF_LABELS: Record<string, string> = {
  amount: "金额",
  functionalCode: "功能分类科目",
  economicCode: "经济分类科目",
  kind: "支出类型",
  source: "资金来源",
  category: "人员/公用",
  code: "项目编码",
  name: "名称",
  changeReason: "变化原因",
  basicChangeReason: "基本支出变化原因",
  projectChangeReason: "项目支出变化原因",
  totalChangeReason: "总额变化原因",
  threePublicChangeReason: "三公经费变化原因",
  duties: "职责",
  indicators: "绩效指标",
};

/** `expenditure.3.amount` → 支出 第4行 金额 */
export function changePathLabel(path: string): string {
  const parts = path.split(".");
  const [head, ...rest] = parts;
  const words = [ARRAY_LABELS[head ?? ""] ?? EDITOR_SECTIONS.find((s) => s.id === head)?.label ?? head];
  for (const part of rest) words.push(/^\d+$/.test(part) ? `第${Number(part) + 1}行` : (LEAF_LABELS[part] ?? part));
  return words.join(" ");
}

/** The labels of an enumerated leaf (`expenditure.3.kind`), so a change never shows an internal name. */
function choiceLabels(path: string): Record<string, string> | null {
  const parts = path.split(".");
  const head = parts[0];
  const leaf = parts.at(-1);
  if (leaf === "source") return FUND_SOURCE_LABELS;
  if (leaf === "kind") return EXPENDITURE_KIND_LABELS;
  if (leaf === "appropriation") return APPROPRIATION_LABELS;
  if (leaf === "category") return head === "assets" ? ASSET_CATEGORY_LABELS : BASIC_CATEGORY_LABELS;
  if (head === "amountUnit") return { WAN_YUAN: amountUnitLabel("WAN_YUAN"), YUAN: amountUnitLabel("YUAN") };
  return null;
}

function valueText(value: unknown, path: string, unit: AmountUnit): string {
  if (value === null || value === undefined) return "（无）";
  const labels = choiceLabels(path);
  if (labels !== null && typeof value === "string") return labelOf(labels, value) ?? value;
  if (typeof value === "number" && MONEY_LEAVES.has(path.split(".").at(-1) ?? "")) return `${formatAmount(value, unit, { grouping: true })}${amountUnitLabel(unit)}`;
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value === "" ? "（空）" : value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(value);
}

/** In Beijing time whatever the server's or the browser's zone: the same text when rendered and when hydrated. */
function timeText(iso: string): string {
  const [date = "", time = ""] = formatChinaDateTime(iso).split(" ");
  const [, month = "", day = ""] = date.split("-");
  return `${Number(month)}月${Number(day)}日 ${time}`;
}

/** 修改记录: the latest saved changes, who and when, old → new (amounts in the document's unit). */
export function ChangeLog({ changes, unit }: { changes: ChangeEntry[]; unit: AmountUnit }) {
  if (changes.length === 0) return <p className="text-slate-800">尚无保存的修改。</p>;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="group" aria-label="最近的修改">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">最近的修改</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-medium">
              时间
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              修改人
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              内容
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              原值
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              新值
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.id} className="border-t border-slate-200">
              <td className="whitespace-nowrap px-2 py-1">{timeText(c.at)}</td>
              <td className="px-2 py-1">{c.userName ?? "系统"}</td>
              <td className="px-2 py-1">{changePathLabel(c.path)}</td>
              <td className="px-2 py-1 text-slate-700">{valueText(c.oldValue, c.path, unit)}</td>
              <td className="px-2 py-1">{valueText(c.newValue, c.path, unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
