import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv-draft-04";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicSiteRenderers } from "@/app/document-renderers";
import { disconnectPrisma } from "@/lib/db";
import { FEN_PER_WAN_YUAN, FEN_PER_YUAN } from "@/lib/disclosure/money";
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
  const response = await router(parsed.pathname, parsed.searchParams);
  if (response === null) throw new Error(`no route for ${url}`);
  return response;
}
const json = async (url: string) => JSON.parse((await get(url)).body.toString("utf8"));

/** The FDP v0.3 descriptor schema, copied from frictionlessdata/schemas (tests/fixtures/fdp/README.md). */
function fdpValidator() {
  const dir = path.join(process.cwd(), "tests/fixtures/fdp");
  const definitions = JSON.parse(readFileSync(path.join(dir, "definitions.json"), "utf8"));
  // The upstream schema refers to a `base` definition it never defines; packages here have no `base`.
  definitions.define.base = { type: "string" };
  const schema = JSON.parse(readFileSync(path.join(dir, "fiscal-data-package.json"), "utf8"));
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat("textarea", true);
  ajv.addSchema(definitions, "definitions.json");
  return ajv.compile(schema);
}

/** Sums a CSV resource's `amount` column exactly, in 分. */
function sumAmounts(csv: Buffer, unitFen: number): number {
  const lines = csv.toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  const header = (lines[0] ?? "").split(",").map((h) => h.replace(/"/g, ""));
  const column = header.indexOf("amount");
  return lines.slice(1).reduce((sum, line) => sum + Math.round(Number(line.split(",")[column]) * unitFen), 0);
}

async function snapshotContent(unitCode: string, year: number): Promise<SnapshotContent> {
  const row = await prisma.publishedSnapshot.findFirstOrThrow({ where: { unit: { code: unitCode }, year }, select: { content: true } });
  return row.content as unknown as SnapshotContent;
}

describe("open data", () => {
  it("a document's Fiscal Data Package validates against the FDP schema and its numbers equal the document's", async () => {
    const validate = fdpValidator();
    const descriptor = await json("/api/v1/documents/2024/224001/datapackage.json");
    expect(validate(descriptor), JSON.stringify(validate.errors)).toBe(true);
    // the check is not vacuous: a wrong currency code or budget phase fails it
    expect(validate({ ...descriptor, mapping: { ...descriptor.mapping, measures: { bad: { source: "amount", currency: "rmb", phase: "planned" } } } })).toBe(false);
    expect(descriptor.mapping.measures.expenditure).toMatchObject({ currency: "CNY", factor: 10000, phase: "proposed", direction: "expenditure" });
    expect(descriptor.mapping.dimensions.functional_classification.classificationType).toBe("functional");
    expect(descriptor.mapping.dimensions.economic_classification.classificationType).toBe("economic");

    const content = await snapshotContent("224001", 2024);
    const perUnit = content.budget.amountUnit === "WAN_YUAN" ? FEN_PER_WAN_YUAN : FEN_PER_YUAN;
    const expenditure = (await get("/api/v1/documents/2024/224001/expenditure.csv")).body;
    expect(sumAmounts(expenditure, perUnit)).toBe(content.narrative.figures.expenditureTotal);
    const economic = (await get("/api/v1/documents/2024/224001/basic-expenditure-economic.csv")).body;
    expect(sumAmounts(economic, perUnit)).toBe(content.narrative.figures.basic);
    const revenue = (await get("/api/v1/documents/2024/224001/revenue.csv")).body;
    expect(sumAmounts(revenue, perUnit)).toBe(content.budget.income.reduce((s, l) => s + l.amount, 0));
    const resource = descriptor.resources.find((r: { path: string }) => r.path === "expenditure.csv");
    expect(resource.bytes).toBe(expenditure.length);
  });

  it("the published document page links its own data package, and the link answers with the package", async () => {
    const page = await prisma.publishedArtifact.findFirstOrThrow({
      where: { kind: "HTML", snapshot: { year: 2024, unit: { code: "224001" } } },
      select: { bytes: true },
    });
    const href = /<a href="([^"]*datapackage\.json[^"]*)"/.exec(Buffer.from(page.bytes).toString("utf8"))?.[1]?.replace(/&amp;/g, "&");
    expect(href).toBe("/api/v1/documents/2024/224001/datapackage.json?region=130433");
    const answer = await get(href ?? "");
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString("utf8")).name).toContain("224001");
  });

  it("a region-year package validates, sums every unit, and its bulk zip holds the package and each document", async () => {
    const validate = fdpValidator();
    const descriptor = await json("/api/v1/regions/130400/2024/datapackage.json");
    expect(validate(descriptor), JSON.stringify(validate.errors)).toBe(true);
    const expenditure = (await get("/api/v1/regions/130433/2024/expenditure.csv")).body;
    const expected = (await snapshotContent("224001", 2024)).narrative.figures.expenditureTotal + (await snapshotContent("118001", 2024)).narrative.figures.expenditureTotal;
    expect(sumAmounts(expenditure, 1_000_000)).toBe(expected);

    const zip = await get("/api/v1/regions/130433/2024/bundle.zip");
    expect(zip.contentType).toBe("application/zip");
    const files = unzipSync(new Uint8Array(zip.body));
    expect(Object.keys(files).sort()).toEqual([
      "basic-expenditure-economic.csv",
      "datapackage.json",
      "documents.json",
      "documents/118001-2024-v1.json",
      "documents/224001-2024-v1.json",
      "expenditure.csv",
      "revenue.csv",
    ]);
    expect(Buffer.from(files["expenditure.csv"] ?? new Uint8Array()).equals(expenditure)).toBe(true);
  });

  it("the index lists every newest published document with its files and their sha256, filtered by region and year", async () => {
    const all = await json("/api/v1/documents");
    // region, newest year first, then department and unit codes; the unpublished 118002 is absent
    expect(all.documents.map((d: { unit: { code: string }; year: number }) => `${d.unit.code}/${d.year}`)).toEqual(["118001/2024", "224001/2024", "224001/2023"]);
    const year2023 = await json("/api/v1/documents?region=130000&year=2023");
    expect(year2023.count).toBe(1);
    const [doc] = year2023.documents;
    const stored = await prisma.publishedArtifact.findMany({ where: { snapshot: { year: 2023 }, kind: { not: "HTML" } }, select: { kind: true, sha256: true } });
    expect(doc.files.map((f: { sha256: string }) => f.sha256).sort()).toEqual(stored.map((s) => s.sha256).sort());
    expect(doc.files.find((f: { format: string }) => f.format === "json").url).toBe("/budgets/2023/224001/v1/224001-2023-v1.json");

    const csv = (await get("/api/v1/documents.csv?year=2024")).body;
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.toString("utf8")).toContain("馆陶县人民检察院本级");
  });

  it("lists the API and every region-year's package on /open-data", async () => {
    const page = (await get("/open-data")).body.toString("utf8");
    expect(page).toContain('href="/api/v1/regions/130433/2024/datapackage.json"');
    expect(page).toContain('href="/api/v1/regions/130433/2023/bundle.zip"');
  });

  it("serves a document's tables as its published JSON", async () => {
    const body = await json("/api/v1/documents/2024/118001");
    expect(body.format).toBe("gongkai.unit-budget");
    expect(body.unit.code).toBe("118001");
    expect(body.tables.map((t: { id: string }) => t.id)).toEqual(["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"]);
  });

  it("answers bad or unknown input with 400/404 and a Chinese message", async () => {
    const cases: [string, number][] = [
      ["/api/v1/documents?region=abc", 400],
      ["/api/v1/documents?region=999999", 400],
      ["/api/v1/documents?year=20x4", 400],
      ["/api/v1/documents?year=2024&year=2023", 400],
      ["/api/v1/documents/2024/118002", 404],
      ["/api/v1/documents/2024/%3Cscript%3E", 404],
      ["/api/v1/documents/1800/224001/datapackage.json", 404],
      ["/api/v1/documents/2024/224001/secrets.csv", 404],
      ["/api/v1/regions/130433/2030/datapackage.json", 404],
      ["/api/v1/regions/xyz/2024/bundle.zip", 404],
      ["/api/v1/nothing", 404],
    ];
    for (const [url, status] of cases) {
      const response = await get(url);
      expect(response.status, url).toBe(status);
      const text = response.body.toString("utf8");
      expect(JSON.parse(text).error.message, url).toMatch(/[\u4e00-\u9fff]/);
      expect(text, url).not.toContain("<script");
    }
  });
});
