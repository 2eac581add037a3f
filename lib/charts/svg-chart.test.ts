import { describe, expect, it } from "vitest";
import { barChartSvg } from "./svg-chart";

const input = { categories: ["一般公共服务支出", "住房保障支出"], series: [{ name: "2024", values: [101.43, 5.63] }], unitLabel: "万元", label: "支出" };

describe("barChartSvg", () => {
  it("draws the same chart as the same bytes however many charts the process drew before (stable ETags, mirror = app)", () => {
    const first = barChartSvg(input);
    barChartSvg({ ...input, label: "另一张图" });
    expect(barChartSvg(input)).toBe(first);
    expect(first).toMatch(/class="c[0-9a-f]{10}-\d+"/);
  });

  it("gives two different charts different class names, since an inline SVG's styles apply to the whole page", () => {
    const other = barChartSvg({ ...input, series: [{ name: "2024", values: [90, 7] }] });
    const classes = (svg: string) => new Set(svg.match(/c[0-9a-f]{10}-\d+/g));
    const shared = [...classes(barChartSvg(input))].filter((name) => classes(other).has(name));
    expect(shared).toEqual([]);
  });
});
