import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicSiteRenderers } from "@/app/document-renderers";
import { disconnectPrisma } from "@/lib/db";
import { formatAmount } from "@/lib/disclosure/money";
import { createSiteRouter } from "@/lib/public-site/site-router";
import { publishTestCorpus } from "@/lib/public-site/test-corpus";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { renderersWithoutPdf } from "@/tests/integration/renderers";

beforeAll(async () => {
  await resetDatabase();
  await publishTestCorpus(renderersWithoutPdf);
}, 120_000);
afterAll(disconnectPrisma);

const router = createSiteRouter(prisma, publicSiteRenderers);
async function get(url: string) {
  const parsed = new URL(url, "http://x");
  const response = await router(decodeURIComponent(parsed.pathname), parsed.searchParams);
  if (response === null) throw new Error(`no route for ${url}`);
  return { status: response.status, text: response.body.toString("utf8"), body: response.body, headers: response.headers };
}
async function figures(unitCode: string, year: number) {
  const row = await prisma.publishedSnapshot.findFirstOrThrow({ where: { unit: { code: unitCode }, year }, select: { content: true } });
  return (row.content as unknown as SnapshotContent).narrative.figures;
}
const wan = (fen: number) => formatAmount(fen, "WAN_YUAN", { grouping: true });

describe("comparisons", () => {
  it("shows a unit's years side by side with the change, its charts and their tables", async () => {
    const page = await get("/compare/years?region=130433&unit=224001");
    expect(page.status).toBe(200);
    const [f2023, f2024] = [await figures("224001", 2023), await figures("224001", 2024)];
    expect(page.text).toContain(`<td class="ps-num">${wan(f2023.expenditureTotal)}</td><td class="ps-num">${wan(f2024.expenditureTotal)}</td>`);
    expect(page.text).toContain(`+${wan(f2024.expenditureTotal - f2023.expenditureTotal)}`);
    expect(page.text).toContain("网信系统视频会议室网络租赁经费");
    // every chart is an SVG in a figure, followed by the table of its numbers
    const figures_ = page.text.match(/<figure[\s\S]*?<\/figure>/g) ?? [];
    expect(figures_.length).toBe(5);
    for (const f of figures_) {
      expect(f).toMatch(/<svg role="img" aria-label="[^"]+"/);
      expect(f).toContain("<table");
    }
    expect(page.text).not.toMatch(/<script/i);

    const csv = await get("/compare/years.csv?region=130433&unit=224001");
    expect(csv.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.text).toContain("增减（万元）");
  });

  it("compares two units of a year and refuses one, six, or an unpublished unit with a Chinese message", async () => {
    const page = await get("/compare/units?region=130433&year=2024&unit=224001&unit=118001");
    expect(page.status).toBe(200);
    const [a, b] = [await figures("224001", 2024), await figures("118001", 2024)];
    expect(page.text).toContain(`<td class="ps-num">${wan(a.expenditureTotal)}</td><td class="ps-num">${wan(b.expenditureTotal)}</td>`);
    expect(page.text).toContain("机关运行经费");
    for (const url of [
      "/compare/units?region=130433&year=2024&unit=224001",
      `/compare/units?region=130433&year=2024${"&unit=224001".repeat(6)}`,
      "/compare/units?region=130433&year=2024&unit=224001&unit=118002",
      "/compare/units?region=130433&year=2024&unit=224001&unit=%3Cscript%3E",
    ]) {
      const answer = await get(url);
      expect(answer.status, url).toBe(400);
      expect(answer.text, url).toContain('role="alert"');
      expect(answer.text, url).not.toContain("<script>");
    }
    const csv = await get("/compare/units.csv?region=130433&year=2024&unit=224001&unit=118001");
    expect(csv.text).toContain("馆陶县人民检察院本级（万元）");
  });

  it("lists a region's units with totals and sums, sortable by a link, with its spending by department", async () => {
    const byTotal = await get("/regions/130400/overview?year=2024&sort=total&order=asc");
    expect(byTotal.status).toBe(200);
    const [a, b] = [await figures("224001", 2024), await figures("118001", 2024)];
    expect(byTotal.text).toContain(`<td class="ps-num">${wan(a.expenditureTotal + b.expenditureTotal)}</td>`);
    expect(byTotal.text).toContain("各部门支出");
    const csv = await get("/regions/130433/overview.csv?year=2024&sort=name&order=desc");
    expect(csv.text.split("\r\n")[3]).toMatch(/^"合计"/);
    for (const url of ["/regions/130433/overview?sort=evil", "/regions/130433/overview?order=up", "/regions/130433/overview?year=24"]) {
      expect((await get(url)).status, url).toBe(400);
    }
    expect((await get("/regions/999999/overview")).status).toBe(404);
    expect((await get("/regions/130433/overview?year=2031")).status).toBe(404);
  });

  it("shows a region's 公开情况: who published, on time or late, and the 公开率 and 及时率", async () => {
    for (const url of ["/regions/130433/transparency", `/regions/130000/${encodeURIComponent("公开情况")}`]) {
      const page = await get(url);
      expect(page.status, url).toBe(200);
      // 2024: 224001 and 118001 published 9 days after 批复; 118002 was approved and never published
      expect(page.text).toContain("应公开 3 个单位，已公开 2 个，其中按时 2 个。公开率 66.7%，及时率 66.7%。");
      expect(page.text).toMatch(/馆陶县未公开检察服务中心<\/th><td>已逾期未公开<\/td>/);
      expect(page.text).toContain("2023年度");
    }
    expect((await get("/regions/abc/transparency")).status).toBe(404);
  });
});
