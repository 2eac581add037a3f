import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { documentRenderers } from "@/app/document-renderers";
import { disconnectPrisma } from "@/lib/db";
import { loadBudget } from "@/lib/budgets/queries";
import { buildSnapshotContent, contentHash } from "@/lib/publication/snapshot-content";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { guantao2024Budget, guantao2024CodeBook } from "./guantao-2024";
import { DEMO_STORY, hasChanges, seedDemo } from "./seed-demo";

beforeEach(resetDatabase);
afterAll(disconnectPrisma);

describe("seedDemo", () => {
  it("loads the region chain, the 2024 code books and the demo budget, taken through the workflow by the demo accounts and published", async () => {
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
    expect(snapshot.artifacts.map((a) => a.kind)).toEqual(["HTML", "PDF", "XLSX", "CSV", "JSON", "DOCX"]);
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
    // The demo accounts took it through the real workflow, on the dates of the story.
    const users = Object.fromEntries((await prisma.user.findMany({ select: { id: true, email: true } })).map((u) => [u.id, u.email]));
    const events = await prisma.budgetEvent.findMany({ select: { action: true, fromStatus: true, toStatus: true, actorId: true, at: true }, orderBy: { id: "asc" } });
    const accountant = "tianbao.224001@demo.gongkai.test";
    const reviewer = "caizheng.130433@demo.gongkai.test";
    // The accountant submitted, so the head reviews for secrets, then signs with their own account.
    const head = "fuzeren.224001@demo.gongkai.test";
    expect(events.map((e) => ({ ...e, actorId: e.actorId === null ? null : users[e.actorId] }))).toEqual([
      { action: "CREATE", fromStatus: null, toStatus: "DRAFT", actorId: null, at: expect.any(Date) },
      { action: "SUBMIT", fromStatus: "DRAFT", toStatus: "SUBMITTED", actorId: accountant, at: DEMO_STORY.SUBMIT },
      { action: "START_FINANCE_REVIEW", fromStatus: "SUBMITTED", toStatus: "FINANCE_REVIEW", actorId: reviewer, at: DEMO_STORY.START_FINANCE_REVIEW },
      { action: "APPROVE", fromStatus: "FINANCE_REVIEW", toStatus: "APPROVED", actorId: reviewer, at: DEMO_STORY.APPROVE },
      { action: "RECORD_SECRECY_REVIEW", fromStatus: "APPROVED", toStatus: "APPROVED", actorId: head, at: DEMO_STORY.RECORD_SECRECY_REVIEW },
      { action: "SIGN_OFF", fromStatus: "APPROVED", toStatus: "SIGNED_OFF", actorId: head, at: DEMO_STORY.SIGN_OFF },
      { action: "PUBLISH", fromStatus: "SIGNED_OFF", toStatus: "PUBLISHED", actorId: accountant, at: DEMO_STORY.PUBLISH },
    ]);
    expect(loaded?.meta).toMatchObject({ approvedAt: DEMO_STORY.APPROVE, publishedAt: DEMO_STORY.PUBLISH });
    const audits = await prisma.auditEvent.findMany({ select: { action: true, objectId: true, result: true, userId: true }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.result, a.userId === null ? null : users[a.userId], a.objectId])).toEqual([
      ["budget.submit", "SUCCESS", accountant, String(loaded?.meta.id)],
      ["budget.start_review", "SUCCESS", reviewer, String(loaded?.meta.id)],
      ["budget.approve", "SUCCESS", reviewer, String(loaded?.meta.id)],
      ["budget.secrecy_review", "SUCCESS", head, String(loaded?.meta.id)],
      ["budget.sign_off", "SUCCESS", head, String(loaded?.meta.id)],
      ["budget.publish", "SUCCESS", accountant, String(loaded?.meta.id)],
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
    expect(await prisma.budgetEvent.count()).toBe(7);
    expect(await prisma.auditEvent.count()).toBe(6);
  });
});
