import type { Finding } from "../findings";
import type { AssetCategory, Fen } from "../types";
import { compare, push, sumTolerance } from "./compare";
import { preciseMoney, type CheckContext } from "./context";

/** Categories whose values make up 资产总额; 办公用房 is part of 房屋 and is not added again. */
const TOTAL_PARTS: readonly AssetCategory[] = ["BUILDINGS", "VEHICLES", "EQUIPMENT_OVER_200K", "OTHER_FIXED_ASSETS"];

function formatQuantity(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** C16: the stated 资产总额 equals the sum of the categories, and 办公用房 does not exceed 房屋. */
export function checkAssets(ctx: CheckContext, out: Finding[]): void {
  const assets = ctx.budget.assets;
  const value = new Map<AssetCategory, Fen>();
  const quantity = new Map<AssetCategory, number>();
  for (const h of assets.holdings) {
    value.set(h.category, (value.get(h.category) ?? 0) + h.value);
    quantity.set(h.category, (quantity.get(h.category) ?? 0) + h.quantity);
  }

  if (assets.statedTotalValue !== null) {
    const parts = TOTAL_PARTS.map((c) => value.get(c) ?? 0);
    push(
      out,
      compare(ctx, {
        rule: "C16",
        actual: assets.statedTotalValue,
        expected: parts.reduce((a, b) => a + b, 0),
        tolerance: sumTolerance(ctx, parts),
        location: { section: "assets" },
        format: preciseMoney,
        describe: (actual, expected) =>
          `固定资产占用情况表的资产总额为${actual}，但房屋、车辆、单价20万元以上设备与其他固定资产的价值之和为${expected}`,
      }),
    );
  }

  const officeValue = value.get("OFFICE_BUILDINGS") ?? 0;
  const buildingValue = value.get("BUILDINGS") ?? 0;
  if (officeValue > buildingValue) {
    push(
      out,
      compare(ctx, {
        rule: "C16",
        actual: officeValue,
        expected: buildingValue,
        tolerance: 0,
        location: { section: "assets" },
        format: preciseMoney,
        describe: (actual, expected) => `固定资产占用情况表中办公用房的价值为${actual}，超过了其所属房屋的价值${expected}`,
      }),
    );
  }
  const officeArea = quantity.get("OFFICE_BUILDINGS") ?? 0;
  const buildingArea = quantity.get("BUILDINGS") ?? 0;
  if (officeArea > buildingArea) {
    out.push({
      rule: "C16",
      severity: "error",
      message: `固定资产占用情况表中办公用房面积为${formatQuantity(officeArea)}平方米，超过了房屋面积${formatQuantity(buildingArea)}平方米；办公用房是房屋的一部分。`,
      location: { section: "assets" },
      tolerance: 0,
    });
  }
}
