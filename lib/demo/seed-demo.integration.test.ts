import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { documentRenderers } from "@/app/document-renderers";
import { disconnectPrisma } from "@/lib/db";
import { loadBudget } from "@/lib/budgets/queries";
import { buildSnapshotContent, contentHash } from "@/lib/publication/snapshot-content";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { guantao2024Budget, guantao2024CodeBook } from "./guantao-2024";
import { hasChanges, seedDemo } from "./seed-demo";

beforeEach(resetDatabase);
afterAll(disconnectPrisma);

describe("seedDemo", () => {
  it("loads the region chain, the 2024 code books and the demo budget, approved and then published", async () => {
    const report = await seedDemo(prisma, documentRenderers);

    expect(report).toEqual({
      regionsCreated: 3,
      codesCreated: 93,
      codesUpdated: 0,
      isBudgetCreated: true,
      isBudgetPublished: true,
      pdfError: null,
    });
    const loaded = await loadBudget(prisma, { unitCode: "224001", year: 2024 });
    expect(loaded?.budget).toEqual(guantao2024Budget);
    expect(loaded?.codeBook).toEqual(guantao2024CodeBook);
    expect(loaded?.meta).toMatchObject({ status: "PUBLISHED", version: 1 });
    expect(loaded?.meta.approvedAt).toBeInstanceOf(Date);
    expect(loaded?.meta.publishedAt).toBeInstanceOf(Date);
    const snapshot = await prisma.publishedSnapshot.findFirstOrThrow({
      select: { budgetId: true, version: true, contentHash: true, publishedAt: true, supersededById: true, artifacts: { select: { kind: true }, orderBy: { kind: "asc" } } },
    });
    expect(snapshot).toMatchObject({ budgetId: loaded?.meta.id, version: 1, publishedAt: loaded?.meta.publishedAt, supersededById: null });
    expect(snapshot.artifacts.map((a) => a.kind)).toEqual(["HTML", "PDF", "XLSX", "CSV", "JSON"]);
    const published = buildSnapshotContent(guantao2024Budget, guantao2024CodeBook, {
      version: 1,
      publishedAt: snapshot.publishedAt.toISOString(),
      approvedAt: loaded?.meta.approvedAt?.toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" }) ?? null,
      correctionNote: null,
    });
    expect(snapshot.contentHash).toBe(contentHash(published));
    const regions = await prisma.region.findMany({
      select: { code: true, name: true, level: true, parent: { select: { code: true } } },
      orderBy: { code: "asc" },
    });
    expect(regions).toEqual([
      { code: "130000", name: "河北省", level: "PROVINCE", parent: null },
      { code: "130400", name: "邯郸市", level: "CITY", parent: { code: "130000" } },
      { code: "130433", name: "馆陶县", level: "COUNTY", parent: { code: "130400" } },
    ]);
    const events = await prisma.budgetEvent.findMany({ select: { action: true, fromStatus: true, toStatus: true }, orderBy: { id: "asc" } });
    expect(events).toEqual([
      { action: "CREATE", fromStatus: null, toStatus: "DRAFT" },
      { action: "SUBMIT", fromStatus: "DRAFT", toStatus: "SUBMITTED" },
      { action: "START_FINANCE_REVIEW", fromStatus: "SUBMITTED", toStatus: "FINANCE_REVIEW" },
      { action: "APPROVE", fromStatus: "FINANCE_REVIEW", toStatus: "APPROVED" },
      { action: "PUBLISH", fromStatus: "APPROVED", toStatus: "PUBLISHED" },
    ]);
    expect(await prisma.auditEvent.findMany({ select: { action: true, objectType: true, objectId: true, result: true, userId: true } })).toEqual([
      { action: "budget.publish", objectType: "budget", objectId: String(loaded?.meta.id), result: "SUCCESS", userId: null },
    ]);
  });

  it("changes nothing when run again", async () => {
    await seedDemo(prisma, documentRenderers);
    const state = async () => ({
      budget: await prisma.budget.findFirstOrThrow({ select: { id: true, status: true, updatedAt: true, lockVersion: true } }),
      snapshots: await prisma.publishedSnapshot.findMany({ select: { id: true, contentHash: true, publishedAt: true } }),
      files: await prisma.publishedArtifact.findMany({ select: { id: true, sha256: true }, orderBy: { id: "asc" } }),
    });
    const before = await state();

    const report = await seedDemo(prisma, documentRenderers);

    expect(hasChanges(report)).toBe(false);
    expect(report).toMatchObject({ isBudgetCreated: false, isBudgetPublished: false });
    expect(await state()).toEqual(before);
    expect(before.budget.status).toBe("PUBLISHED");
    expect(await prisma.budget.count()).toBe(1);
    expect(await prisma.region.count()).toBe(3);
    expect(await prisma.budgetEvent.count()).toBe(5);
    expect(await prisma.auditEvent.count()).toBe(1);
  });
});
