import { isBlankText } from "./compare";

/** Lead-ins that announce a reason without giving one. */
const LEAD_IN = /^(?:其中|主要原因|原因|主要|因为|由于|系|是|为|如下|有|用于|说明)+/u;

/** Whole answers that are placeholders, not reasons. */
const PLACEHOLDERS = new Set(["无", "没有", "暂无", "无原因", "不详", "略", "见上", "同上", "详见上文", "其他", "其它", "无变化", "未说明", "待定", "无说明"]);

/**
 * Words that, with digits and units, only restate the change ("比上年增加1.00万元", "增长8.57%"):
 * a reason made of nothing else says why nothing.
 */
const RESTATING = /(?:比上年|较上年|与上年相比|与上年|上年|同比|本年|今年|预算数|预算|金额|资金|经费|支出|收入|增加|减少|增长|下降|上升|降低|增幅|降幅|变化|变动|持平|相比|比|较|了|共|计|约|万元|元|年度|年|百分点|\d|[.．%％,，])/gu;

/**
 * True when a stated reason says nothing: blank, punctuation only, a lead-in with nothing after
 * it (the real “主要原因是。”, “原因：”), a placeholder (“无”), or only the change it should
 * explain (“比上年增加1.00万元”).
 */
export function isEmptyReason(text: string): boolean {
  if (isBlankText(text)) return true;
  const bare = text.replace(/[\s\p{P}\p{S}]/gu, "").replace(LEAD_IN, "");
  if (bare === "" || PLACEHOLDERS.has(bare)) return true;
  return bare.replace(RESTATING, "") === "";
}
