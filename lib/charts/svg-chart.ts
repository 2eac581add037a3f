import { createHash } from "node:crypto";
import * as echarts from "echarts";

/**
 * Charts rendered on the server as SVG strings by ECharts' zero-dependency SSR renderer
 * (`echarts.init(null, null, { renderer: "svg", ssr: true, width, height })` and
 * `renderToSVGString()`): no script in the page, the same picture on screen and on paper. Every
 * chart is shown next to the table of the numbers it draws (components/public-site/chart-figure.tsx),
 * which is the text alternative.
 */

export interface BarSeries {
  name: string;
  /** in the chart's unit (e.g. 万元), one per category */
  values: number[];
}

export interface BarChartInput {
  categories: string[];
  series: BarSeries[];
  /** the values' unit, printed on the axis (万元, 元) */
  unitLabel: string;
  /** horizontal bars suit long Chinese category names */
  horizontal?: boolean;
  width?: number;
  stacked?: boolean;
  /** the chart's text alternative (role="img"); the table beside it carries the numbers */
  label: string;
}

const escapeAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const PALETTE = ["#1f4e89", "#c2410c", "#15803d", "#7e22ce", "#a16207", "#0f766e"];
const FONT = '"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif';

/** Categories longer than this are cut with … on the axis (the table next to the chart has them whole). */
function axisLabel(name: string): string {
  return [...name].length > 12 ? `${[...name].slice(0, 11).join("")}…` : name;
}

export function barChartSvg(input: BarChartInput): string {
  const horizontal = input.horizontal ?? true;
  const width = input.width ?? 720;
  const rows = input.categories.length * (horizontal ? Math.max(1, input.series.length) : 1);
  const height = horizontal ? Math.max(160, 60 + rows * 22 + (input.series.length > 1 ? 30 : 0)) : 320;
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    const categoryAxis = {
      type: "category" as const,
      data: input.categories.map(axisLabel),
      inverse: horizontal,
      axisLabel: { color: "#1b1b1b", fontSize: 12, interval: 0 },
    };
    const valueAxis = {
      type: "value" as const,
      name: input.unitLabel,
      nameTextStyle: { color: "#4a4a4a" },
      axisLabel: { color: "#4a4a4a" },
      splitLine: { lineStyle: { color: "#d0d7de" } },
    };
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: FONT },
      grid: { left: 8, right: 48, top: input.series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
      legend: input.series.length > 1 ? { top: 0, textStyle: { color: "#1b1b1b" } } : { show: false },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: input.series.map((s) => ({
        name: s.name,
        type: "bar" as const,
        data: s.values,
        stack: input.stacked ? "total" : undefined,
        barMaxWidth: 28,
        label: input.stacked ? { show: false } : { show: true, position: horizontal ? ("right" as const) : ("top" as const), color: "#1b1b1b", fontSize: 11 },
      })),
    });
    return stableClassNames(chart.renderToSVGString()).replace("<svg ", `<svg role="img" aria-label="${escapeAttribute(input.label)}" focusable="false" `);
  } finally {
    chart.dispose();
  }
}

/**
 * ECharts names the SVG's style classes after a process-wide counter (zr0-cls-0, then zr1-cls-2 for
 * the next chart …), so the same chart drawn twice gave different bytes: a page's ETag changed
 * with each restart, and the static mirror never matched the app. The classes are renamed in order
 * of appearance under a prefix taken from the chart's own content: the same chart, the same bytes,
 * and two different charts on one page still do not share a class (their <style> is page-wide).
 */
function stableClassNames(svg: string): string {
  const names = new Map<string, number>();
  const marked = svg.replace(/zr\d+-cls-\d+/g, (name) => {
    let index = names.get(name);
    if (index === undefined) names.set(name, (index = names.size));
    return `\u0000${index}`;
  });
  const prefix = `c${createHash("sha256").update(marked).digest("hex").slice(0, 10)}`;
  return marked.replace(/\u0000(\d+)/g, (_, index: string) => `${prefix}-${index}`);
}
