import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicSiteRenderers } from "@/app/document-renderers";
import { disconnectPrisma } from "@/lib/db";
import { createSiteRouter } from "@/lib/public-site/site-router";
import { publishTestCorpus } from "@/lib/public-site/test-corpus";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { renderersWithoutPdf } from "@/tests/integration/renderers";
import { publishDepartmentBudgetAsSystem } from "@/lib/department/publish-department-budget";
import { indexUnindexedSnapshots } from "./index-snapshot";
import { parseSearchParams } from "./search-params";
import { searchPublished } from "./search-published";

beforeAll(async () => {
  await resetDatabase();
  await publishTestCorpus(renderersWithoutPdf);
}, 120_000);
afterAll(disconnectPrisma);

async function search(q: string, extra: Record<string, string> = {}) {
  const parsed = parseSearchParams({ q, ...extra });
  if (!parsed.ok) throw new Error(parsed.message);
  return searchPublished(parsed.params, prisma);
}
const units = (r: Awaited<ReturnType<typeof search>>) => r.documents.map((d) => `${d.unitCode}/${d.year}`).sort();

const router = createSiteRouter(prisma, publicSiteRenderers);
async function get(path: string) {
  const url = new URL(path, "http://x");
  const response = await router(url.pathname, url.searchParams);
  if (response === null) throw new Error(`no route for ${path}`);
  return { status: response.status, text: response.body.toString("utf8"), type: response.contentType };
}

describe("search over published budgets", () => {
  it("was filled by publication: every published snapshot is indexed, drafts are not", async () => {
    const documents = await prisma.searchDocument.findMany({ select: { unitCode: true, year: true }, orderBy: [{ unitCode: "asc" }, { year: "asc" }] });
    expect(documents).toEqual([
      { unitCode: "118001", year: 2024 },
      { unitCode: "224001", year: 2023 },
      { unitCode: "224001", year: 2024 },
    ]);
    expect(await indexUnindexedSnapshots(prisma)).toBe(0);
  });

  it("finds 住房公积金 as a subject with its amount in every document that spends on it", async () => {
    const result = await search("住房公积金");
    expect(units(result)).toEqual(["118001/2024", "224001/2023", "224001/2024"]);
    const hit = result.documents[0]?.hits.find((h) => h.code === "2210201");
    expect(hit).toMatchObject({ kind: "functional", title: "住房公积金" });
    expect(hit?.amountFen).toBeGreaterThan(0);
  });

  it("finds a two-character query (网信) in project names, and 检察 only in the 检察院's documents", async () => {
    expect(units(await search("网信"))).toEqual(["118001/2024", "224001/2023", "224001/2024"]);
    const jiancha = await search("检察");
    expect(units(jiancha)).toEqual(["118001/2024"]);
    expect(jiancha.documents[0]?.hits.map((h) => h.title)).toContain("检察业务装备购置经费");
  });

  it("finds a project by its code and a unit by its code or code prefix", async () => {
    expect(units(await search("13043324J00000000001A"))).toEqual(["118001/2024"]);
    expect(units(await search("118001"))).toEqual(["118001/2024"]);
    expect((await search("224001")).documents[0]?.hits[0]).toMatchObject({ kind: "unit", code: "224001" });
  });

  it("finds a misspelt unit name approximately and says so", async () => {
    const result = await search("馆陶县人民检查院");
    expect(result.isApproximate).toBe(true);
    expect(units(result)).toEqual(["118001/2024"]);
  });

  it("filters by year, region with its sub-regions, department and kind", async () => {
    expect(units(await search("网信", { year: "2023" }))).toEqual(["224001/2023"]);
    expect(units(await search("网信", { region: "130400" }))).toHaveLength(3);
    expect(units(await search("网信", { department: "118" }))).toEqual(["118001/2024"]);
    const projects = await search("网信", { kind: "project" });
    expect(projects.documents.flatMap((d) => d.hits.map((h) => h.kind))).toEqual(expect.arrayContaining(["project"]));
    expect(projects.documents.flatMap((d) => d.hits.map((h) => h.kind)).every((k) => k === "project")).toBe(true);
  });

  it("never shows a budget that is not published", async () => {
    expect((await search("未公开检察服务中心")).total).toBe(0);
  });

  it("shows results with the match marked and HTML escaped, and says in Chinese when nothing matches", async () => {
    const page = await get("/search?q=%E4%BD%8F%E6%88%BF%E5%85%AC%E7%A7%AF%E9%87%91");
    expect(page.status).toBe(200);
    expect(page.text).toContain("<mark>住房公积金</mark>");
    expect(page.text).toContain("共找到 3 份已公开预算");
    expect(page.text).not.toContain("<script");

    const none = await get(`/search?q=${encodeURIComponent("<script>alert(1)</script>量子计算")}`);
    expect(none.status).toBe(200);
    expect(none.text).toContain("没有找到与“&lt;script&gt;alert(1)&lt;/script&gt;量子计算”相关的已公开预算");
    expect(none.text).not.toContain("<script>alert");
  });

  it("answers bad input with 400 and a Chinese message, never an error, never the input unescaped", async () => {
    const cases = [
      `/search?q=${"住".repeat(10_000)}`,
      "/search?q=%E7%BD%91%E4%BF%A1&page=0",
      "/search?q=%E7%BD%91%E4%BF%A1&page=abc",
      "/search?q=%E7%BD%91%E4%BF%A1&page=99999999999",
      "/search?q=%E7%BD%91%E4%BF%A1&year=1850",
      "/search?q=%E7%BD%91%E4%BF%A1&year=2031",
      "/search?q=%E7%BD%91%E4%BF%A1&region=999999",
      "/search?q=%E7%BD%91%E4%BF%A1&region=%3Cb%3E",
      "/search?q=%E7%BD%91%E4%BF%A1&kind=%27%3BDROP%20TABLE%20units",
      "/search?q=a&q=b",
      "/search?q=%E4%BD%8F",
      "/api/v1/search?q=",
      `/api/v1/search?q=${"x".repeat(10_000)}`,
      "/search.csv?q=",
    ];
    for (const path of cases) {
      const answer = await get(path);
      expect(answer.status, path).toBe(400);
      expect(answer.text, path).toMatch(/[\u4e00-\u9fff]/);
      expect(answer.text, path).not.toMatch(/<b>|DROP TABLE|住住住/);
    }
  });

  it("treats SQL and HTML fragments as text to look for", async () => {
    for (const q of ["' OR 1=1 --", "网信'; DROP TABLE search_entries; --", "<img src=x onerror=alert(1)>"]) {
      const json = JSON.parse((await get(`/api/v1/search?q=${encodeURIComponent(q)}`)).text);
      expect(json.total, q).toBe(0);
      const page = await get(`/search?q=${encodeURIComponent(q)}`);
      expect(page.status, q).toBe(200);
      expect(page.text, q).not.toContain("<img src=x");
    }
    expect(await prisma.searchDocument.count()).toBe(3);
  });

  it("serves the same results as CSV with a BOM and as JSON", async () => {
    const url = new URL("/search.csv?q=%E6%A3%80%E5%AF%9F", "http://x");
    const csv = await router(url.pathname, url.searchParams);
    expect(csv?.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv?.body.toString("utf8")).toContain("检察业务装备购置经费");
    const json = JSON.parse((await get("/api/v1/search?q=%E6%A3%80%E5%AF%9F")).text);
    expect(json.total).toBe(1);
    expect(json.documents[0].unit).toEqual({ code: "118001", name: "馆陶县人民检察院本级" });
  });

  // Last: it adds a department document to the corpus the tests above count on.
  it("finds a published department budget (部门预算) like a unit's, and filters by the kind of document", async () => {
    const department = await prisma.department.findFirstOrThrow({ where: { code: "224", region: { code: "130433" } } });
    await publishDepartmentBudgetAsSystem(prisma, { departmentId: department.id, year: 2024 }, renderersWithoutPdf, new Date("2024-02-20T02:00:00Z"));

    const all = await search("网信");
    expect(all.documents.map((d) => `${d.documentKind}:${d.unitCode}/${d.year}`).sort()).toEqual([
      "department:224/2024",
      "unit:118001/2024",
      "unit:224001/2023",
      "unit:224001/2024",
    ]);
    const departments = await search("网信", { type: "department" });
    expect(departments.documents).toHaveLength(1);
    expect(departments.documents[0]?.hits.length).toBeGreaterThan(0);
    expect(units(await search("网信", { type: "unit" }))).toEqual(["118001/2024", "224001/2023", "224001/2024"]);

    const page = await get(`/search?q=${encodeURIComponent("网信")}&type=department`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/budgets/2024/departments/224"');
    expect(page.text).toContain("2024年部门预算");
    expect((await get("/search?q=%E7%BD%91%E4%BF%A1&type=other")).status).toBe(400);
    // The backfill at start finds nothing left to index (units and departments alike).
    expect(await indexUnindexedSnapshots(prisma)).toBe(0);
  });
});
