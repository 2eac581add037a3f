import { createHash } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { documentRenderers } from "@/app/document-renderers";
import { loadBudget } from "@/lib/budgets/queries";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { disconnectPrisma } from "@/lib/db";
import { buildBudget, createBudget, createUser, type FactoryStatus } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { renderPdf } from "@/lib/export/pdf";
import { loadDocumentFonts } from "@/lib/export/pdf-fonts";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { failingAt } from "@/tests/integration/failing-client";
import { withMemoizedPdf } from "@/tests/integration/memoized-pdf";
import { PublicationError } from "./publication-error";
import { NOTICE_MARKER } from "./document-paths";
import { publishBudget, type DocumentRenderers } from "./publish-budget";
import { buildSnapshotContent, contentHash } from "./snapshot-content";

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
});
afterAll(disconnectPrisma);

const key = { unitCode: "224001", year: 2024 };
const approvedAt = new Date("2024-01-20T02:00:00.000Z");
const now = new Date("2024-02-01T08:00:00.000Z");
const renderers = withMemoizedPdf(documentRenderers);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function budgetState() {
  return prisma.budget.findMany({
    select: { version: true, status: true, publishedAt: true, lockVersion: true },
    orderBy: { version: "asc" },
  });
}

describe("publishBudget", () => {
  it("stores the snapshot, its five files, the status, a workflow event and an audit event", async () => {
    const saved = await createBudget(prisma, { status: "SIGNED_OFF", at: approvedAt });
    const publisher = await createUser(prisma);

    const result = await publishBudget(prisma, { ...key, actorId: publisher.id, clientAddress: "203.0.113.7", now }, renderers);

    expect(result).toMatchObject({ budgetId: saved.id, version: 1, path: "/budgets/2024/224001/v1", pdfError: null, publishedAt: now });
    const loaded = await loadBudget(prisma, key);
    expect(loaded?.meta).toMatchObject({ status: "PUBLISHED", publishedAt: now, version: 1 });
    const expectedContent = buildSnapshotContent(buildBudget(), guantao2024CodeBook, {
      version: 1,
      publishedAt: now.toISOString(),
      approvedAt: "2024-01-20",
      correctionNote: null,
    });
    const snapshot = await prisma.publishedSnapshot.findUniqueOrThrow({
      where: { id: result.snapshotId },
      include: { artifacts: { orderBy: { kind: "asc" } } },
    });
    expect(snapshot).toMatchObject({
      budgetId: saved.id,
      version: 1,
      year: 2024,
      publishedAt: now,
      publishedById: publisher.id,
      contentHash: contentHash(expectedContent),
      correctionNote: null,
      supersededById: null,
    });
    expect(result.contentHash).toBe(snapshot.contentHash);
    expect(snapshot.content).toEqual(JSON.parse(JSON.stringify(expectedContent)));

    const files = Object.fromEntries(snapshot.artifacts.map((a) => [a.kind, a]));
    expect(Object.keys(files)).toEqual(["HTML", "PDF", "XLSX", "CSV", "JSON", "DOCX"]);
    for (const artifact of snapshot.artifacts) {
      expect(artifact.sha256).toBe(sha256(artifact.bytes));
      expect(artifact.size).toBe(artifact.bytes.length);
      expect(artifact.fileName).toMatch(/^中共馆陶县委网络安全和信息化委员会办公室本级2024年单位预算（第1版）\.(html|pdf|docx|xlsx|csv|json)$/);
    }
    const html = Buffer.from(files.HTML!.bytes).toString("utf8");
    expect(html).toContain(NOTICE_MARKER);
    expect(html).toContain(snapshot.contentHash);
    expect(html).toContain('href="/budgets/2024/224001/v1/224001-2024-v1.pdf"');
    expect(html).not.toMatch(/<script/i);
    expect(files.HTML!.contentType).toBe("text/html; charset=utf-8");
    expect(Buffer.from(files.PDF!.bytes).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(Buffer.from(files.XLSX!.bytes).subarray(0, 2).toString("latin1")).toBe("PK");
    expect([...files.CSV!.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(JSON.parse(Buffer.from(files.JSON!.bytes).toString("utf8"))).toBeTypeOf("object");

    const events = await prisma.budgetEvent.findMany({ where: { budgetId: saved.id }, orderBy: { id: "asc" } });
    expect(events.at(-1)).toMatchObject({ action: "PUBLISH", fromStatus: "SIGNED_OFF", toStatus: "PUBLISHED", actorId: publisher.id, at: now });
    expect(await prisma.auditEvent.findMany()).toEqual([
      expect.objectContaining({
        action: "budget.publish",
        objectType: "budget",
        objectId: String(saved.id),
        result: "SUCCESS",
        userId: publisher.id,
        clientAddress: "203.0.113.7",
        details: expect.objectContaining({
          version: 1,
          snapshotId: result.snapshotId,
          contentHash: snapshot.contentHash,
          files: "HTML,PDF,DOCX,XLSX,CSV,JSON",
          pdfError: null,
        }),
      }),
    ]);
  });

  it.each<[FactoryStatus | "PUBLISHED", RegExp]>([
    ["DRAFT", /当前状态为“草稿”，只有已审签的预算可以公开/],
    ["SUBMITTED", /当前状态为“已报送”，只有已审签的预算可以公开/],
    // 批复 alone is not enough: the secrecy review and the head's sign-off come first.
    ["APPROVED", /当前状态为“已批复”，只有已审签的预算可以公开/],
    ["RETURNED", /当前状态为“已退回”/],
    ["PUBLISHED", /已公开，不能再次公开/],
  ])("refuses a budget that is %s, in Chinese, and writes nothing but the refusal's audit event", async (status, message) => {
    await createBudget(prisma, { status: status === "PUBLISHED" ? "SIGNED_OFF" : status, at: approvedAt });
    if (status === "PUBLISHED") await publishBudget(prisma, { ...key, now }, renderers);
    const before = { budgets: await budgetState(), snapshots: await prisma.publishedSnapshot.count(), files: await prisma.publishedArtifact.count() };
    const audits = await prisma.auditEvent.count();

    const attempt = publishBudget(prisma, { ...key, now, clientAddress: "198.51.100.1" }, renderers);

    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toBeInstanceOf(PublicationError);
    expect({ budgets: await budgetState(), snapshots: await prisma.publishedSnapshot.count(), files: await prisma.publishedArtifact.count() }).toEqual(before);
    const refusal = await prisma.auditEvent.findMany({ orderBy: { id: "asc" }, skip: audits });
    expect(refusal).toEqual([
      expect.objectContaining({ action: "budget.publish", result: "FAILURE", clientAddress: "198.51.100.1", details: expect.objectContaining({ reason: status === "PUBLISHED" ? "ALREADY_PUBLISHED" : "NOT_PUBLISHABLE" }) }),
    ]);
  });

  it("refuses an unknown budget", async () => {
    await expect(publishBudget(prisma, { unitCode: "999999", year: 2024 }, renderers)).rejects.toThrow(
      "未找到单位 999999 2024 年预算。",
    );
  });

  it("leaves no snapshot and the budget still SIGNED_OFF when a write fails in the middle of the transaction", async () => {
    await createBudget(prisma, { status: "SIGNED_OFF", at: approvedAt });
    const before = await budgetState();
    const events = await prisma.budgetEvent.count();

    await expect(publishBudget(failingAt("publishedArtifact", "createMany"), { ...key, now }, renderers)).rejects.toThrow(
      /injected failure/,
    );

    expect(await budgetState()).toEqual(before);
    expect(before[0]?.status).toBe("SIGNED_OFF");
    expect(await prisma.publishedSnapshot.count()).toBe(0);
    expect(await prisma.publishedArtifact.count()).toBe(0);
    expect(await prisma.budgetEvent.count()).toBe(events);
    expect(await prisma.auditEvent.findMany({ select: { result: true, details: true } })).toEqual([
      { result: "FAILURE", details: expect.objectContaining({ reason: "ERROR", message: expect.stringContaining("injected failure") }) },
    ]);
    // The failure left nothing behind that would stop a second attempt.
    await expect(publishBudget(prisma, { ...key, now }, renderers)).resolves.toMatchObject({ version: 1 });
  });

  it("publishes a correction as version 2, which supersedes version 1; version 1 stays as it was", async () => {
    const v1 = await createBudget(prisma, { status: "SIGNED_OFF", at: approvedAt });
    const first = await publishBudget(prisma, { ...key, now }, renderers);
    const v1Files = await prisma.publishedArtifact.findMany({ where: { snapshotId: first.snapshotId }, orderBy: { kind: "asc" } });
    const corrected = buildBudget();
    corrected.basicEconomic[0]!.amount += 1_000;
    corrected.basicEconomic[1]!.amount -= 1_000;
    const v2 = await createBudget(prisma, { budget: corrected, version: 2, status: "SIGNED_OFF", at: approvedAt });

    await expect(publishBudget(prisma, key, renderers)).rejects.toThrow("是更正版本，公开前必须填写更正说明");
    await prisma.budget.update({ where: { id: v2.id }, data: { correctionNote: "更正基本工资与津贴补贴的分列金额。" } });
    const second = await publishBudget(prisma, { ...key, now: new Date("2024-03-01T08:00:00.000Z") }, renderers);

    expect(second).toMatchObject({ version: 2, path: "/budgets/2024/224001/v2" });
    expect(second.contentHash).not.toBe(first.contentHash);
    const snapshots = await prisma.publishedSnapshot.findMany({ orderBy: { version: "asc" } });
    expect(snapshots.map((s) => ({ budgetId: s.budgetId, version: s.version, supersededById: s.supersededById, correctionNote: s.correctionNote }))).toEqual([
      { budgetId: v1.id, version: 1, supersededById: second.snapshotId, correctionNote: null },
      { budgetId: v2.id, version: 2, supersededById: null, correctionNote: "更正基本工资与津贴补贴的分列金额。" },
    ]);
    expect(snapshots[0]?.contentHash).toBe(first.contentHash);
    expect(await prisma.publishedArtifact.findMany({ where: { snapshotId: first.snapshotId }, orderBy: { kind: "asc" } })).toEqual(v1Files);
    expect(await budgetState()).toEqual([
      expect.objectContaining({ version: 1, status: "PUBLISHED", publishedAt: now }),
      expect.objectContaining({ version: 2, status: "PUBLISHED" }),
    ]);
    const content = snapshots[1]?.content as Prisma.JsonObject;
    expect(content.publication).toMatchObject({ version: 2, correctionNote: "更正基本工资与津贴补贴的分列金额。" });
  });

  it("publishes without the PDF when this machine has no fonts for it, and says why", async () => {
    await createBudget(prisma, { status: "SIGNED_OFF" });
    const withoutFonts: DocumentRenderers = {
      ...renderers,
      pdf: (content, info) => renderPdf(content, info, { fonts: () => loadDocumentFonts("/nonexistent") }),
    };

    const result = await publishBudget(prisma, { ...key, now }, withoutFonts);

    expect(result.pdfError).toMatch(/^无法生成 PDF：找不到中文字体文件（\/nonexistent\//);
    expect(result.files.map((f) => f.kind)).toEqual(["HTML", "DOCX", "XLSX", "CSV", "JSON"]);
    expect((await loadBudget(prisma, key))?.meta.status).toBe("PUBLISHED");
    expect((await prisma.auditEvent.findFirstOrThrow()).details).toMatchObject({ pdfError: result.pdfError });
  });

  it("does not publish when the PDF fails for another reason than missing fonts", async () => {
    await createBudget(prisma, { status: "SIGNED_OFF" });

    const attempt = publishBudget(prisma, key, { ...renderers, pdf: () => Promise.reject(new Error("page crashed")) });

    await expect(attempt).rejects.toThrow("page crashed");
    expect(await prisma.publishedSnapshot.count()).toBe(0);
    expect((await loadBudget(prisma, key))?.meta.status).toBe("SIGNED_OFF");
  });
});
