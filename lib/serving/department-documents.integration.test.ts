import { NOTICE_MARKER } from "@/lib/publication/document-paths";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { documentRenderers } from "@/app/document-renderers";
import type { Viewer } from "@/lib/auth/policies";
import { saveBudget } from "@/lib/budgets/save-budget";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { disconnectPrisma } from "@/lib/db";
import { publishDepartmentBudget } from "@/lib/department/publish-department-budget";
import { loadPublishedDepartmentFile } from "@/lib/department/published-queries";
import { buildBudgetFor, createBudget, createUnit, createUnitInDepartment, createUser, type CreatedUnit } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import type { ArtifactKind } from "@/lib/generated/prisma/enums";
import type { DocumentRenderers } from "@/lib/publication/publish-budget";
import { publishBudget } from "@/lib/publication/publish-budget";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { withMemoizedPdf } from "@/tests/integration/memoized-pdf";
import { renderersWithoutPdf } from "@/tests/integration/renderers";
import { eventually, get, sha256, usePublicServers } from "./test-support";

/** The public server answering a department's 部门预算 URLs, over real HTTP. */

const approvedAt = new Date("2024-01-20T02:00:00.000Z");
const now = new Date("2024-02-10T08:00:00.000Z");
const noPdf = renderersWithoutPdf;
const { start: startServer, logs } = usePublicServers();

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
});
afterAll(disconnectPrisma);

interface Published {
  a: CreatedUnit;
  b: CreatedUnit;
  reviewer: Viewer;
  latest: string;
}

/** A department of two approved units, published as version 1. */
async function publishDepartment(renderers: DocumentRenderers = noPdf): Promise<Published> {
  const a = await createUnit(prisma);
  const b = await createUnitInDepartment(prisma, a, { unitName: "网络安全服务中心" });
  const budgetB = buildBudgetFor(b);
  budgetB.projects = budgetB.projects.map((p) => ({ ...p, code: p.code.replace("P0000", "P9999") }));
  // Signed off (审签), so that the tests can also publish them as unit budgets.
  await createBudget(prisma, { budget: buildBudgetFor(a), status: "SIGNED_OFF", at: approvedAt });
  await createBudget(prisma, { budget: budgetB, status: "SIGNED_OFF", at: approvedAt });
  const roles: Viewer["roles"] = [{ role: "DEPARTMENT_REVIEWER", departmentId: a.departmentId }];
  const user = await createUser(prisma, { roles });
  const reviewer = { userId: user.id, roles };
  await publishDepartmentBudget(prisma, reviewer, { departmentId: a.departmentId, year: 2024 }, renderers, now);
  return { a, b, reviewer, latest: `/budgets/2024/departments/${a.department.code}` };
}

async function storedFile(version: number, kind: ArtifactKind): Promise<Buffer> {
  const snapshot = await prisma.departmentSnapshot.findFirstOrThrow({ where: { version }, select: { id: true } });
  const file = await loadPublishedDepartmentFile(prisma, snapshot.id, kind);
  if (file === null) throw new Error(`version ${version} has no ${kind}`);
  return file.bytes;
}

describe("the public server and department documents", () => {
  it("serves the department page at its alias and version URLs with gzip, a strong ETag and 304; downloads named in Chinese", async () => {
    const d = await publishDepartment(withMemoizedPdf(documentRenderers));
    const html = await storedFile(1, "HTML");
    const server = await startServer();

    const gzipped = await get(server, d.latest, { "accept-encoding": "gzip" });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers).toMatchObject({
      "content-type": "text/html; charset=utf-8",
      "content-encoding": "gzip",
      etag: `"${sha256(html)}-gzip"`,
      "cache-control": "public, max-age=60",
    });
    expect(gunzipSync(gzipped.body)).toEqual(html);
    expect(html.toString("utf8")).toContain(`${d.a.department.name}2024年部门预算`);

    const unchanged = await get(server, d.latest, { "accept-encoding": "gzip", "if-none-match": `"${sha256(html)}-gzip"` });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body.length).toBe(0);

    expect((await get(server, `${d.latest}/v1`)).body).toEqual(html);
    const name = `${d.a.department.name}2024年部门预算（第1版）`;
    for (const [format, kind] of [
      ["pdf", "PDF"],
      ["docx", "DOCX"],
      ["xlsx", "XLSX"],
      ["csv", "CSV"],
      ["json", "JSON"],
    ] as const) {
      const fileName = `department-${d.a.department.code}-2024-v1.${format}`;
      const download = await get(server, `${d.latest}/v1/${fileName}`);
      expect(download.status, format).toBe(200);
      expect(download.body).toEqual(await storedFile(1, kind));
      expect(download.headers).toMatchObject({
        "cache-control": "public, max-age=31536000, immutable",
        "content-disposition": `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`,
      });
    }
    // The units' own URLs are not the department's: unit B was never published.
    expect((await get(server, `/budgets/2024/${d.b.unit.code}`)).status).toBe(404);
    for (const path of [`${d.latest}/v2`, "/budgets/2024/departments/NOPE", "/budgets/2023/departments/" + d.a.department.code, "/budgets/2024/departments"]) {
      expect((await get(server, path)).status, path).toBe(404);
    }
  });

  it("answers 500 and never serves the bytes when the stored department page no longer matches its hash", async () => {
    const d = await publishDepartment();
    await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "department_artifacts" DISABLE TRIGGER "department_artifacts_append_only"`);
      await tx.$executeRawUnsafe(`ALTER TABLE "department_artifacts" DROP CONSTRAINT "department_artifacts_sha256_check"`);
      await tx.$executeRaw`UPDATE "department_artifacts" SET "bytes" = convert_to(replace(convert_from("bytes", 'UTF8'), '部门预算汇总范围', '部门预算汇总篡改'), 'UTF8') WHERE "kind" = 'HTML'`;
      await tx.$executeRawUnsafe(
        `ALTER TABLE "department_artifacts" ADD CONSTRAINT "department_artifacts_sha256_check" CHECK ("sha256" = encode(sha256("bytes"), 'hex')) NOT VALID`,
      );
      await tx.$executeRawUnsafe(`ALTER TABLE "department_artifacts" ENABLE TRIGGER "department_artifacts_append_only"`);
    });
    try {
      const server = await startServer();
      const answer = await get(server, d.latest);
      expect(answer.status).toBe(500);
      expect(answer.body.toString("utf8")).toContain("内容校验失败");
      expect(answer.body.toString("utf8")).not.toContain("篡改");
      expect(logs.join("\n")).toMatch(/departments\/.* v1 HTML: stored bytes hash to/);
      expect((await get(server, `${d.latest}/v1/department-${d.a.department.code}-2024-v1.csv`)).status).toBe(200);
    } finally {
      await resetDatabase();
      await prisma.$executeRawUnsafe(`ALTER TABLE "department_artifacts" VALIDATE CONSTRAINT "department_artifacts_sha256_check"`);
    }
  });

  it("keeps serving the published department bytes while a unit edits a new draft", async () => {
    const d = await publishDepartment();
    await publishBudget(prisma, { unitCode: d.a.unit.code, year: 2024 }, noPdf);
    const server = await startServer();
    const before = await get(server, d.latest);
    const draft = buildBudgetFor(d.a);
    draft.income = [{ source: "GENERAL_BUDGET", amount: 999_990_000 }];
    draft.unit.name = "改名后的单位";
    await saveBudget(prisma, { budget: draft, version: 2 });
    server.store.clear();
    const after = await get(server, d.latest);
    expect(after.body).toEqual(before.body);
    expect(after.headers.etag).toBe(before.headers.etag);
    expect(after.body.toString("utf8")).not.toContain("改名后的单位");
    // Nor can the department republish from a draft.
    await expect(
      publishDepartmentBudget(prisma, d.reviewer, { departmentId: d.a.departmentId, year: 2024, correctionNote: "试图公开草稿" }, noPdf, now),
    ).rejects.toThrow("无需重新公开");
  });

  it("moves the alias to a republication at once and marks version 1 as superseded", async () => {
    const d = await publishDepartment();
    const server = await startServer();
    const v1 = await storedFile(1, "HTML");
    expect((await get(server, d.latest)).body).toEqual(v1);

    await publishBudget(prisma, { unitCode: d.b.unit.code, year: 2024 }, noPdf);
    const corrected = buildBudgetFor(d.b);
    corrected.projects = corrected.projects.map((p) => ({ ...p, code: p.code.replace("P0000", "P9999") }));
    corrected.basicEconomic[0]!.amount += 1_000;
    corrected.basicEconomic[1]!.amount -= 1_000;
    await createBudget(prisma, { budget: corrected, version: 2, status: "APPROVED", at: approvedAt });
    await publishDepartmentBudget(
      prisma,
      d.reviewer,
      { departmentId: d.a.departmentId, year: 2024, correctionNote: "网络安全服务中心更正了<基本工资>。" },
      noPdf,
      new Date("2024-03-01T08:00:00.000Z"),
    );
    const v2 = await storedFile(2, "HTML");
    const withoutVersionList = (body: Buffer) => body.toString("utf8").replace(/<nav class="gk-versions"[\s\S]*?<\/nav>/, NOTICE_MARKER);
    await eventually(async () => withoutVersionList((await get(server, d.latest)).body) === v2.toString("utf8"));
    const old = await get(server, `${d.latest}/v1`);
    expect(old.status).toBe(200);
    expect(old.headers["cache-control"]).toBe("public, max-age=60");
    const page = old.body.toString("utf8");
    expect(page).toContain("本文件已被更正");
    expect(page).toContain(`<a href="${d.latest}/v2"`);
    expect(page).toContain("更正说明：网络安全服务中心更正了&#60;基本工资&#62;。");
    expect(page).toContain(`<a href="${d.latest}"`);
    expect(v2.toString("utf8")).toContain("更正说明（第2版）");
  });

  it("says on the department page which units were corrected since it was published, with links, until it is republished", async () => {
    const d = await publishDepartment();
    const server = await startServer();
    expect((await get(server, d.latest)).body.toString("utf8")).not.toContain("所属单位发布了更正版本");

    await publishBudget(prisma, { unitCode: d.b.unit.code, year: 2024 }, noPdf);
    const corrected = buildBudgetFor(d.b);
    corrected.projects = corrected.projects.map((p) => ({ ...p, code: p.code.replace("P0000", "P9999") }));
    corrected.basicEconomic[0]!.amount += 1_000;
    corrected.basicEconomic[1]!.amount -= 1_000;
    const v2 = await createBudget(prisma, { budget: corrected, version: 2, status: "SIGNED_OFF", at: approvedAt });
    await prisma.budget.update({ where: { id: v2.id }, data: { correctionNote: "更正基本工资。" } });
    await publishBudget(prisma, { unitCode: d.b.unit.code, year: 2024, now: new Date("2024-02-20T08:00:00.000Z") }, noPdf);

    // The unit's correction is announced on its own channel; the department page follows without a restart.
    await eventually(async () => (await get(server, d.latest)).body.toString("utf8").includes("所属单位发布了更正版本"));
    const page = (await get(server, d.latest)).body.toString("utf8");
    expect(page).toContain(`${d.b.unit.code} 网络安全服务中心：第2版于2024年2月20日更正公开`);
    expect(page).toContain(`<a href="/budgets/2024/${d.b.unit.code}/v2"`);
    expect((await storedFile(1, "HTML")).toString("utf8")).not.toContain("所属单位发布了更正版本");

    await publishDepartmentBudget(prisma, d.reviewer, { departmentId: d.a.departmentId, year: 2024, correctionNote: "按网络安全服务中心的更正重新汇总。" }, noPdf, new Date("2024-02-21T08:00:00.000Z"));
    await eventually(async () => (await get(server, d.latest)).body.toString("utf8").includes("第2版（2024年2月21日公开，最新）"));
    expect((await get(server, d.latest)).body.toString("utf8")).not.toContain("所属单位发布了更正版本");
  });
});
