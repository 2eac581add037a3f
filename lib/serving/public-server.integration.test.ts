import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { documentRenderers } from "@/app/document-renderers";
import { saveBudget } from "@/lib/budgets/save-budget";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { disconnectPrisma } from "@/lib/db";
import { buildBudget, buildBudgetFor, createBudget, createUnit } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import type { ArtifactKind } from "@/lib/generated/prisma/enums";
import { PdfUnavailableError } from "@/lib/export/pdf";
import { NOTICE_MARKER } from "@/lib/publication/document-paths";
import { publishBudget, type DocumentRenderers } from "@/lib/publication/publish-budget";
import { loadPublishedFile } from "@/lib/publication/queries";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { withMemoizedPdf } from "@/tests/integration/memoized-pdf";
import { DocumentStore } from "./document-store";
import { eventually, get, sha256, usePublicServers } from "./test-support";

/**
 * The public server against the test database, over real HTTP: what citizens get, byte for byte,
 * and what they must never get (drafts, tampered files).
 */

const key = { unitCode: "224001", year: 2024 };
const LATEST = "/budgets/2024/224001";
const V1 = "/budgets/2024/224001/v1";
const approvedAt = new Date("2024-01-20T02:00:00.000Z");
const now = new Date("2024-02-01T08:00:00.000Z");
const renderers = withMemoizedPdf(documentRenderers);
const { start: startServer, logs } = usePublicServers();

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
});
afterAll(disconnectPrisma);

async function publishDemo(using: DocumentRenderers = renderers) {
  await createBudget(prisma, { status: "SIGNED_OFF", at: approvedAt });
  return publishBudget(prisma, { ...key, now }, using);
}

async function storedFile(version: number, kind: ArtifactKind): Promise<Buffer> {
  const snapshot = await prisma.publishedSnapshot.findFirstOrThrow({ where: { version }, select: { id: true } });
  const file = await loadPublishedFile(prisma, snapshot.id, kind);
  if (file === null) throw new Error(`version ${version} has no ${kind}`);
  return file.bytes;
}

describe("the public server", () => {
  it("serves the newest version at the alias URL: gzip or brotli, a strong ETag, a short max-age, 304 when unchanged", async () => {
    await publishDemo();
    const html = await storedFile(1, "HTML");
    const server = await startServer();

    const gzipped = await get(server, LATEST, { "accept-encoding": "gzip" });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers).toMatchObject({
      "content-type": "text/html; charset=utf-8",
      "content-encoding": "gzip",
      "content-length": String(gzipped.body.length),
      etag: `"${sha256(html)}-gzip"`,
      "cache-control": "public, max-age=60",
      vary: "Accept-Encoding",
      "x-content-type-options": "nosniff",
    });
    expect(gunzipSync(gzipped.body)).toEqual(html);
    expect(gzipped.body.length).toBeLessThan(html.length / 3);

    const brotli = await get(server, LATEST, { "accept-encoding": "gzip, deflate, br" });
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(brotli.body)).toEqual(html);

    const plain = await get(server, LATEST);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.etag).toBe(`"${sha256(html)}"`);
    expect(plain.body).toEqual(html);

    const unchanged = await get(server, LATEST, { "accept-encoding": "gzip", "if-none-match": `"${sha256(html)}-gzip"` });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body.length).toBe(0);
    expect(unchanged.headers).toMatchObject({ etag: `"${sha256(html)}-gzip"`, "cache-control": "public, max-age=60" });

    const head = await get(server, LATEST, { "accept-encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(gzipped.headers["content-length"]);
    expect(head.body.length).toBe(0);
  });

  it("serves versioned URLs and downloads; downloads are immutable and named in Chinese", async () => {
    await publishDemo();
    const server = await startServer();

    const page = await get(server, V1, { "accept-encoding": "gzip" });
    expect(page.status).toBe(200);
    expect(gunzipSync(page.body)).toEqual(await storedFile(1, "HTML"));

    const name = "中共馆陶县委网络安全和信息化委员会办公室本级2024年单位预算（第1版）";
    for (const [format, kind, type] of [
      ["pdf", "PDF", "application/pdf"],
      ["docx", "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ["csv", "CSV", "text/csv; charset=utf-8; header=present"],
      ["json", "JSON", "application/json"],
    ] as const) {
      const download = await get(server, `${V1}/224001-2024-v1.${format}`);
      const stored = await storedFile(1, kind);
      expect(download.status, format).toBe(200);
      expect(download.headers).toMatchObject({
        "content-type": type,
        "cache-control": "public, max-age=31536000, immutable",
        etag: `"${sha256(stored)}"`,
        "content-disposition": `attachment; filename="224001-2024-v1.${format}"; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`,
      });
      expect(download.body).toEqual(stored);
    }
    const csv = await get(server, `${V1}/224001-2024-v1.csv`, { "accept-encoding": "gzip" });
    expect(csv.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(csv.body)).toEqual(await storedFile(1, "CSV"));
  });

  it("answers 404 in Chinese for unknown units, years and versions, and never serves a draft or an unpublished budget", async () => {
    await publishDemo();
    const draftUnit = await createUnit(prisma);
    await saveBudget(prisma, { budget: buildBudgetFor(draftUnit) });
    const approvedUnit = await createUnit(prisma);
    await createBudget(prisma, { budget: buildBudgetFor(approvedUnit), status: "APPROVED" });
    const server = await startServer();

    for (const path of [
      `/budgets/2024/${draftUnit.unit.code}`,
      `/budgets/2024/${draftUnit.unit.code}/v1`,
      `/budgets/2024/${approvedUnit.unit.code}`,
      `/budgets/2024/${approvedUnit.unit.code}/v1/${approvedUnit.unit.code}-2024-v1.json`,
      "/budgets/2023/224001",
      "/budgets/2024/999999",
      "/budgets/2024/224001/v2",
      "/budgets/2024/224001/v2/224001-2024-v2.pdf",
      "/budgets/abcd/224001",
      "/budgets/2024/224001/v1/secret.txt",
    ]) {
      const answer = await get(server, path);
      expect(answer.status, path).toBe(404);
      expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(answer.body.toString("utf8")).toContain("未找到该预算公开文件");
    }
    expect((await get(server, LATEST, {}, "POST")).status).toBe(405);
    for (const path of ["/", "/budgets", "/regions/130433?year=2024"]) {
      const answer = await get(server, path);
      expect(answer.status, path).toBe(418);
      expect(answer.body.toString()).toBe("the app");
    }
  });

  it("answers 500 and never serves the bytes when the stored page no longer matches its hash", async () => {
    await publishDemo();
    const original = await storedFile(1, "HTML");
    // Simulates corruption or an edit by someone who can bypass the table's own guards.
    await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "published_artifacts" DISABLE TRIGGER "published_artifacts_append_only"`);
      await tx.$executeRawUnsafe(`ALTER TABLE "published_artifacts" DROP CONSTRAINT "published_artifacts_sha256_check"`);
      await tx.$executeRaw`UPDATE "published_artifacts" SET "bytes" = convert_to(replace(convert_from("bytes", 'UTF8'), '116.76', '611.76'), 'UTF8') WHERE "kind" = 'HTML'`;
      await tx.$executeRawUnsafe(
        `ALTER TABLE "published_artifacts" ADD CONSTRAINT "published_artifacts_sha256_check" CHECK ("sha256" = encode(sha256("bytes"), 'hex')) NOT VALID`,
      );
      await tx.$executeRawUnsafe(`ALTER TABLE "published_artifacts" ENABLE TRIGGER "published_artifacts_append_only"`);
    });
    try {
      const tampered = await storedFile(1, "HTML");
      expect(tampered).not.toEqual(original);
      const server = await startServer();

      for (const path of [LATEST, V1]) {
        const answer = await get(server, path, { "accept-encoding": "gzip" });
        expect(answer.status).toBe(500);
        expect(answer.headers["cache-control"]).toBe("no-store");
        const text = answer.body.toString("utf8");
        expect(text).toContain("内容校验失败");
        expect(text).not.toContain("611.76");
        expect(text).not.toContain("116.76");
      }
      expect(logs.join("\n")).toMatch(/HTML: stored bytes hash to [0-9a-f]{64}, but [0-9a-f]{64} was recorded/);
      expect((await get(server, `${V1}/224001-2024-v1.csv`)).status).toBe(200);
    } finally {
      await resetDatabase();
      await prisma.$executeRawUnsafe(`ALTER TABLE "published_artifacts" VALIDATE CONSTRAINT "published_artifacts_sha256_check"`);
    }
  });

  it("refuses a page whose bytes and stored hash were both rewritten by the database owner (the ledger keeps the published hash)", async () => {
    await publishDemo();
    await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "published_artifacts" DISABLE TRIGGER "published_artifacts_append_only"`);
      await tx.$executeRaw`UPDATE "published_artifacts"
        SET "bytes" = convert_to(replace(convert_from("bytes", 'UTF8'), '116.76', '611.76'), 'UTF8'),
            "sha256" = encode(sha256(convert_to(replace(convert_from("bytes", 'UTF8'), '116.76', '611.76'), 'UTF8')), 'hex'),
            "size" = octet_length(convert_to(replace(convert_from("bytes", 'UTF8'), '116.76', '611.76'), 'UTF8'))
        WHERE "kind" = 'HTML'`;
      await tx.$executeRawUnsafe(`ALTER TABLE "published_artifacts" ENABLE TRIGGER "published_artifacts_append_only"`);
    });
    const server = await startServer();
    for (const path of [LATEST, V1]) {
      const answer = await get(server, path, { "accept-encoding": "gzip" });
      expect(answer.status).toBe(500);
      expect(answer.body.toString("utf8")).not.toContain("611.76");
    }
    expect((await get(server, `${V1}/224001-2024-v1.csv`)).status).toBe(200);
  });

  it("keeps serving the published bytes while a new draft version is edited", async () => {
    await publishDemo();
    const server = await startServer();
    const before = { latest: await get(server, LATEST), v1: await get(server, V1), json: await get(server, `${V1}/224001-2024-v1.json`) };

    const draft = buildBudget();
    draft.basicEconomic[0]!.amount += 500_000;
    const saved = await saveBudget(prisma, { budget: draft, version: 2 });
    draft.unit.name = "改名后的单位";
    await saveBudget(prisma, { budget: draft, version: 2, expectedLockVersion: saved.lockVersion });
    // Read again from the database, not from memory.
    server.store.clear();

    const after = { latest: await get(server, LATEST), v1: await get(server, V1), json: await get(server, `${V1}/224001-2024-v1.json`) };
    expect(after.latest.body).toEqual(before.latest.body);
    expect(after.latest.headers.etag).toBe(before.latest.headers.etag);
    expect(after.v1.body).toEqual(before.v1.body);
    expect(after.json.body).toEqual(before.json.body);
    expect(after.latest.body.toString("utf8")).not.toContain("改名后的单位");
    expect((await get(server, "/budgets/2024/224001/v2")).status).toBe(404);
  });

  it("moves the alias to a correction as soon as it is published, marks the superseded version, and lists the versions on each", async () => {
    await publishDemo();
    const server = await startServer();
    const v1Html = await storedFile(1, "HTML");
    expect((await get(server, LATEST)).body).toEqual(v1Html);

    const corrected = buildBudget();
    corrected.basicEconomic[0]!.amount += 1_000;
    corrected.basicEconomic[1]!.amount -= 1_000;
    const v2 = await createBudget(prisma, { budget: corrected, version: 2, status: "SIGNED_OFF", at: approvedAt });
    await prisma.budget.update({ where: { id: v2.id }, data: { correctionNote: "更正<基本工资>与津贴补贴的分列金额。" } });
    await publishBudget(prisma, { ...key, now: new Date("2024-03-01T08:00:00.000Z") }, renderers);
    const v2Html = await storedFile(2, "HTML");

    // No restart and no clear(): the database notifies the server.
    const withoutVersionList = (body: Buffer) => body.toString("utf8").replace(/<nav class="gk-versions"[\s\S]*?<\/nav>/, NOTICE_MARKER);
    await eventually(async () => withoutVersionList((await get(server, LATEST)).body) === v2Html.toString("utf8"));
    const latest = await get(server, LATEST);
    expect(latest.headers["cache-control"]).toBe("public, max-age=60");
    expect((await get(server, "/budgets/2024/224001/v2")).headers["cache-control"]).toBe("public, max-age=60");

    const old = await get(server, V1);
    expect(old.status).toBe(200);
    // Not immutable: the version list on v1 grows when v3 is published (ADR 0024).
    expect(old.headers["cache-control"]).toBe("public, max-age=60");
    const page = old.body.toString("utf8");
    const versionList = /<nav class="gk-versions"[\s\S]*?<\/nav>/;
    expect(page.match(versionList)?.[0]).toContain(`<a href="/budgets/2024/224001/v2"`);
    expect(page.match(versionList)?.[0]).toMatch(/<li aria-current="page"[^>]*><strong>第1版（2024年2月1日公开）<\/strong>（正在查看）/);
    const v2Page = latest.body.toString("utf8");
    expect(v2Page.match(versionList)?.[0]).toContain(`<a href="/budgets/2024/224001/v1"`);
    expect(v2Page.match(versionList)?.[0]).toContain("第2版（2024年3月1日公开，最新）</strong>（正在查看）");
    expect(v2Page.replace(versionList, NOTICE_MARKER)).toBe(v2Html.toString("utf8"));
    expect(page).not.toContain(NOTICE_MARKER);
    expect(page).toContain("本文件已被更正");
    expect(page).toContain("该版本已被第2版");
    expect(page).toContain("更正说明：更正&#60;基本工资&#62;与津贴补贴的分列金额。");
    expect(page).toContain(`<a href="${LATEST}"`);
    expect(old.headers.etag).toBe(`"${sha256(old.body)}"`);
    expect(page.replace(/<aside role="note"[\s\S]*?<\/aside><nav class="gk-versions"[\s\S]*?<\/nav>/, NOTICE_MARKER)).toBe(v1Html.toString("utf8"));
    expect(await storedFile(1, "HTML")).toEqual(v1Html);
  });

  it("keeps the files in memory within its bound, least recently used out first", async () => {
    await publishDemo();
    const store = new DocumentStore(prisma, { maxFileBytes: 200_000, log: (message) => logs.push(message) });

    expect(store.peek(key, null, "HTML")).toBeUndefined();
    expect(await store.lookup(key, null, "HTML")).toMatchObject({ status: "ok", version: 1 });
    expect(store.peek(key, 1, "HTML")).toMatchObject({ status: "ok" });
    expect(await store.lookup(key, 1, "JSON")).toMatchObject({ status: "ok" });
    // The page (143 KB + its compressed copies) and the JSON (128 KB + …) do not both fit in 200 KB.
    expect(store.peek(key, 1, "HTML")).toBeUndefined();
    expect(store.peek(key, 1, "JSON")).toMatchObject({ status: "ok" });
    expect(store.peek(key, 2, "HTML")).toEqual({ status: "not-found" });
  });

  it("answers 503 with an explanation for a PDF that could not be rendered at publication", async () => {
    await publishDemo({
      ...renderers,
      pdf: () => Promise.reject(new PdfUnavailableError("FONT_MISSING", "无法生成 PDF：找不到中文字体文件。")),
    });
    const server = await startServer();

    const answer = await get(server, `${V1}/224001-2024-v1.pdf`);
    expect(answer.status).toBe(503);
    expect(answer.body.toString("utf8")).toContain("PDF 版本暂不可用");
    expect((await get(server, `${V1}/224001-2024-v1.xlsx`)).status).toBe(200);
    expect((await get(server, LATEST)).status).toBe(200);
  });
});
