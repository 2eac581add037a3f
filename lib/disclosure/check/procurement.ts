import type { Finding } from "../findings";
import type { ProcurementRow } from "../types";
import { compare, push, sumTolerance } from "./compare";
import type { CheckContext } from "./context";

const FUNDING = ["generalBudget", "governmentFund", "stateCapital", "specialAccount", "unitFunds", "carryover"] as const;

function procurementRowLabel(row: ProcurementRow, lineIndex: number): string {
  const name = [row.projectName, row.itemName].filter((s) => s.trim()).join("·");
  return `政府采购预算第${lineIndex + 1}行${name ? `（${name}）` : ""}`;
}

/** C15: each 政府采购 row's 合计 equals its funding columns, and the small-business share does not exceed it. */
export function checkProcurement(ctx: CheckContext, out: Finding[]): void {
  ctx.budget.procurement.forEach((row, lineIndex) => {
    const parts = FUNDING.map((key) => row[key]);
    const label = procurementRowLabel(row, lineIndex);
    push(
      out,
      compare(ctx, {
        rule: "C15",
        actual: row.total,
        expected: parts.reduce((a, b) => a + b, 0),
        tolerance: sumTolerance(ctx, parts),
        location: { section: "procurement", lineIndex },
        describe: (actual, expected) => `${label}的合计为${actual}，但各资金来源（一般公共预算、基金预算、国有资本经营预算、财政专户、单位资金、上年结转结余）之和为${expected}`,
      }),
    );
    if (row.smeReserved > row.total) {
      push(
        out,
        compare(ctx, {
          rule: "C15",
          actual: row.smeReserved,
          expected: row.total,
          tolerance: 0,
          location: { section: "procurement", lineIndex },
          describe: (actual, expected) => `${label}预留中小微企业份额为${actual}，超过了该行政府采购金额合计${expected}`,
        }),
      );
    }
  });
}
