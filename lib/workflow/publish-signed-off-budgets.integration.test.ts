import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { documentRenderers } from "@/app/document-renderers";
import { disconnectPrisma } from "@/lib/db";
import { buildBudgetFor, createBudget, createUnit, createUnitInDepartment, type CreatedUnit } from "@/lib/demo/factories";
import type { DocumentRenderers } from "@/lib/publication/publish-budget";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { EVERYONE, viewersOf } from "@/tests/review/edge-support";
import { publishSignedOffBudgets } from "./publish-signed-off-budgets";

let a: CreatedUnit;
let b: CreatedUnit;
let approvedOnly: CreatedUnit;
let elsewhere: CreatedUnit;

beforeEach(async () => {
  await resetDatabase();
  a = await createUnit(prisma);
  b = await createUnitInDepartment(prisma, a);
  approvedOnly = await createUnitInDepartment(prisma, a);
  elsewhere = await createUnit(prisma);
  for (const unit of [a, b, elsewhere]) await createBudget(prisma, { budget: buildBudgetFor(unit), status: "SIGNED_OFF" });
  await createBudget(prisma, { budget: buildBudgetFor(approvedOnly), status: "APPROVED" });
});

afterAll(disconnectPrisma);

const statuses = async () =>
  Object.fromEntries((await prisma.budget.findMany({ select: { status: true, unit: { select: { code: true } } } })).map((row) => [row.unit.code, row.status]));

describe("publishSignedOffBudgets (统一公开 by the finance bureau)", () => {
  it("publishes every signed-off budget of the region, each with its files and its own audit row, reporting progress", async () => {
    const viewers = await viewersOf(a, elsewhere);
    const progress: string[] = [];

    const result = await publishSignedOffBudgets(prisma, viewers.financeReviewer, { regionCode: a.region.code, year: 2024, clientAddress: "203.0.113.9" }, documentRenderers, {
      onProgress: (item, done, total) => progress.push(`${done}/${total} ${item.unitCode} ${item.ok ? "ok" : "failed"}`),
    });

    const codes = [a.unit.code, b.unit.code].sort();
    expect(progress).toEqual(codes.map((code, i) => `${i + 1}/2 ${code} ok`));
    expect(result).toMatchObject({ published: 2, failed: 0 });
    expect(await statuses()).toEqual({ [a.unit.code]: "PUBLISHED", [b.unit.code]: "PUBLISHED", [approvedOnly.unit.code]: "APPROVED", [elsewhere.unit.code]: "SIGNED_OFF" });
    const files = await prisma.publishedArtifact.findMany({ select: { kind: true, snapshot: { select: { unit: { select: { code: true } } } } } });
    for (const code of codes) {
      expect(files.filter((f) => f.snapshot.unit.code === code).map((f) => f.kind).sort()).toEqual(["CSV", "DOCX", "HTML", "JSON", "PDF", "XLSX"]);
    }
    const audit = await prisma.auditEvent.findMany({ where: { action: { in: ["budget.publish", "budget.batch_publish"] } }, select: { action: true, result: true, userId: true, clientAddress: true, details: true }, orderBy: { id: "asc" } });
    expect(audit.map((row) => [row.action, row.result, row.userId, row.clientAddress])).toEqual([
      ["budget.publish", "SUCCESS", viewers.financeReviewer?.userId, "203.0.113.9"],
      ["budget.publish", "SUCCESS", viewers.financeReviewer?.userId, "203.0.113.9"],
      ["budget.batch_publish", "SUCCESS", viewers.financeReviewer?.userId, "203.0.113.9"],
    ]);
    expect(audit.at(-1)?.details).toMatchObject({ requested: 2, published: 2, failed: 0 });
  }, 60_000);

  it("goes on past a budget that fails, reports it (in the listed order) and audits the batch as a failure, two budgets in flight at once", async () => {
    const viewers = await viewersOf(a, elsewhere);
    const failing: DocumentRenderers = {
      ...documentRenderers,
      xlsx: (content) => (content.budget.unit.code === a.unit.code ? Promise.reject(new Error("injected: xlsx crashed")) : documentRenderers.xlsx(content)),
    };

    const result = await publishSignedOffBudgets(prisma, viewers.financeReviewer, { regionCode: a.region.code, year: 2024 }, failing, { concurrency: 2 });

    expect(result.items.map((item) => [item.unitCode, item.ok])).toEqual([a.unit.code, b.unit.code].sort().map((code) => [code, code !== a.unit.code]));
    expect(result.items.find((item) => !item.ok)).toMatchObject({ message: "公开时出错，未公开。" });
    expect((await statuses())[a.unit.code]).toBe("SIGNED_OFF");
    expect((await statuses())[b.unit.code]).toBe("PUBLISHED");
    const batch = await prisma.auditEvent.findFirstOrThrow({ where: { action: "budget.batch_publish" }, select: { result: true, details: true } });
    expect(batch).toMatchObject({ result: "FAILURE", details: { requested: 2, published: 1, failed: 1 } });
  }, 60_000);

  it("lets no one else do it: refused, audited, nothing published", async () => {
    const viewers = await viewersOf(a, elsewhere);
    for (const who of EVERYONE.filter((w) => w !== "financeReviewer")) {
      await expect(publishSignedOffBudgets(prisma, viewers[who], { regionCode: a.region.code, year: 2024 }, documentRenderers)).rejects.toMatchObject({
        code: who === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN",
      });
    }
    expect(await prisma.publishedSnapshot.count()).toBe(0);
    const refusals = await prisma.auditEvent.findMany({ where: { action: "budget.batch_publish" }, select: { result: true } });
    expect(refusals).toHaveLength(EVERYONE.length - 1);
    expect(refusals.every((row) => row.result === "DENIED")).toBe(true);
  });
});
