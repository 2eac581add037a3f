import type { Finding, NarrativeSection } from "../findings";
import type { Fen } from "../types";
import { compare, push, sumTolerance } from "./compare";
import { money, type CheckContext } from "./context";

interface ListToCheck {
  section: NarrativeSection;
  label: string;
  total: Fen | null;
  items: { name: string; amount: Fen; key: string }[];
}

const SECTION_NAME: Record<NarrativeSection, string> = {
  income: "收入说明",
  expenditure: "支出说明",
  change: "比上年增减",
  operatingFunds: "机关运行经费",
  threePublic: "“三公”经费",
  projects: "项目绩效目标",
  procurement: "政府采购",
  assets: "国有资产",
};

function normalisedName(name: string): string {
  return name.replace(/[\s\p{P}\p{S}]/gu, "");
}

/**
 * N2: a narrative list names each item once (a project listed twice, or an item copied over the
 * next one, as real documents do). N3: the items add up to the total the narrative states for them.
 */
export function checkNarrativeLists(ctx: CheckContext, out: Finding[]): void {
  const n = ctx.narrative;
  const lists: ListToCheck[] = [
    {
      section: "expenditure",
      label: "项目支出",
      total: n.project,
      items: n.projects.map((p) => ({ name: p.name, amount: p.amount, key: p.code || normalisedName(p.name) })),
    },
    ...(n.lists ?? []).map((l) => ({ ...l, items: l.items.map((i) => ({ ...i, key: normalisedName(i.name) })) })),
  ];
  for (const list of lists) {
    const where = `情况说明“${SECTION_NAME[list.section]}”`;
    const seen = new Map<string, number>();
    list.items.forEach((item, index) => {
      const first = seen.get(item.key);
      if (first === undefined) {
        seen.set(item.key, index);
        return;
      }
      out.push({
        rule: "N2",
        severity: "error",
        message: `${where}在${list.label}中把“${item.name}”列了两次（第${first + 1}项和第${index + 1}项，${money(ctx, item.amount)}）。`,
        location: { section: list.section },
        actual: item.amount,
        tolerance: 0,
      });
    });
    // Each listed project is measured against its form (C13) and the stated 项目支出 against table 3 (C13), so their sum adds nothing.
    if (list.total === null || list === lists[0]) continue;
    const amounts = list.items.map((i) => i.amount);
    push(
      out,
      compare(ctx, {
        rule: "N3",
        actual: amounts.reduce((a, b) => a + b, 0),
        expected: list.total,
        tolerance: sumTolerance({ ...ctx, digit: Math.max(ctx.digit, ctx.narrativeDigit) }, amounts),
        location: { section: list.section },
        describe: (actual, expected) => `${where}列出的${list.items.length}项${list.label}合计为${actual}，但所述${list.label}为${expected}`,
      }),
    );
  }
}
