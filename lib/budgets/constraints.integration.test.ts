import { createHash } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { createBudget, createUnit, createUser } from "@/lib/demo/factories";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { saveCodeBook } from "./save-code-book";

/**
 * The database itself guards what must never be stored, whichever code writes: unique keys,
 * the CHECK constraints and append-only triggers of the integrity migration.
 */

beforeEach(resetDatabase);
afterAll(disconnectPrisma);

const uniqueViolation = { code: "P2002" };

describe("unique constraints", () => {
  it("allow one version number per unit and year", async () => {
    const saved = await createBudget(prisma);
    const { unitId, year } = await prisma.budget.findUniqueOrThrow({ where: { id: saved.id } });

    await expect(
      prisma.budget.create({ data: { unitId, year, version: 1, assetsAsOf: new Date("2023-12-31") } }),
    ).rejects.toMatchObject(uniqueViolation);
  });

  it("allow one row per table cell", async () => {
    const { id: budgetId } = await createBudget(prisma);
    const line = { budgetId, sortOrder: 99, functionalCode: "2013701", kind: "BASIC", source: "GENERAL_BUDGET" } as const;

    await expect(prisma.expenditureLine.create({ data: { ...line, amountFen: 1n } })).rejects.toMatchObject(uniqueViolation);
    await expect(
      prisma.incomeLine.create({ data: { budgetId, sortOrder: 99, source: "GENERAL_BUDGET", amountFen: 1n } }),
    ).rejects.toMatchObject(uniqueViolation);
  });

  it("allow a unit code once per region, and a code once per code book revision and scheme", async () => {
    const unit = await createUnit(prisma);
    await saveCodeBook(prisma, guantao2024CodeBook);

    await expect(
      prisma.unit.create({
        data: { regionId: unit.regionId, departmentId: unit.departmentId, code: unit.unit.code, name: "重复" },
      }),
    ).rejects.toMatchObject(uniqueViolation);
    const revision = await prisma.codeBookRevision.findFirstOrThrow({ where: { year: 2024 }, select: { id: true } });
    await expect(
      prisma.classificationCode.create({ data: { year: 2024, revisionId: revision.id, scheme: "FUNCTIONAL", code: "201", name: "重复", level: 1 } }),
    ).rejects.toMatchObject(uniqueViolation);
  });

  it("keep a unit in its department's region", async () => {
    const a = await createUnit(prisma);
    const b = await createUnit(prisma);

    await expect(
      prisma.unit.create({ data: { regionId: a.regionId, departmentId: b.departmentId, code: "X001", name: "错配" } }),
    ).rejects.toThrow();
  });
});

describe("check constraints", () => {
  it("refuse negative money, a version below 1 and a spending plan beyond 100%", async () => {
    const { id } = await createBudget(prisma);

    await expect(prisma.$executeRaw`UPDATE income_lines SET amount_fen = -1 WHERE budget_id = ${id}`).rejects.toThrow(
      /income_lines_amount_fen_check/,
    );
    const { unitId, year, assetsAsOf } = await prisma.budget.findUniqueOrThrow({ where: { id } });
    await expect(
      prisma.budget.create({ data: { unitId, year, version: 0, previousVersionId: id, assetsAsOf } }),
    ).rejects.toThrow(/budgets_version_check/);
    await expect(prisma.budget.create({ data: { unitId, year, version: 2, assetsAsOf } })).rejects.toThrow(
      /budgets_previous_version_check/,
    );
    await expect(prisma.$executeRaw`UPDATE projects SET spend_june_pct = 100.01 WHERE budget_id = ${id}`).rejects.toThrow(
      /projects_spending_plan_check/,
    );
    await expect(
      prisma.$executeRaw`UPDATE performance_indicators SET comparator = '~' WHERE sort_order = 0`,
    ).rejects.toThrow(/performance_indicators_comparator_check/);
  });

  it("refuse a role outside its scope", async () => {
    const unit = await createUnit(prisma);
    const user = await createUser(prisma);

    await expect(
      prisma.roleAssignment.create({ data: { userId: user.id, role: "ACCOUNTANT", regionId: unit.regionId } }),
    ).rejects.toThrow(/role_assignments_scope_check/);
    await expect(
      prisma.roleAssignment.create({ data: { userId: user.id, role: "FINANCE_REVIEWER", regionId: unit.regionId } }),
    ).resolves.toMatchObject({ role: "FINANCE_REVIEWER" });
    await expect(prisma.roleAssignment.create({ data: { userId: user.id, role: "ADMIN" } })).resolves.toMatchObject({
      role: "ADMIN",
    });
  });
});

describe("append-only tables", () => {
  it("audit_events accepts inserts and refuses UPDATE and DELETE", async () => {
    const event = await prisma.auditEvent.create({
      data: { action: "budget.approve", objectType: "budget", objectId: "1", result: "SUCCESS", details: { note: "批复" } },
    });

    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { result: "DENIED" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      result: "SUCCESS",
      details: { note: "批复" },
    });
  });

  it("published_snapshots may only be linked, once, to the snapshot that supersedes them", async () => {
    const v1 = await createBudget(prisma, { status: "SIGNED_OFF" });
    const budget = await prisma.budget.findUniqueOrThrow({ where: { id: v1.id } });
    const hash = "a".repeat(64);
    const snapshot = (budgetId: number, version: number) =>
      prisma.publishedSnapshot.create({
        data: { budgetId, unitId: budget.unitId, year: budget.year, version, contentHash: hash, content: { version } },
      });
    const first = await snapshot(v1.id, 1);
    const v2 = await prisma.budget.create({
      data: { unitId: budget.unitId, year: budget.year, version: 2, previousVersionId: v1.id, assetsAsOf: budget.assetsAsOf },
    });
    const second = await snapshot(v2.id, 2);

    await expect(prisma.publishedSnapshot.update({ where: { id: first.id }, data: { correctionNote: "改" } })).rejects.toThrow(
      /permanent/,
    );
    await prisma.publishedSnapshot.update({ where: { id: first.id }, data: { supersededById: second.id } });
    await expect(prisma.publishedSnapshot.update({ where: { id: first.id }, data: { supersededById: null } })).rejects.toThrow(
      /permanent/,
    );
    await expect(prisma.publishedSnapshot.delete({ where: { id: second.id } })).rejects.toThrow(/permanent/);
  });

  it("published_artifacts record the hash and size of their bytes, accept new files and refuse UPDATE and DELETE", async () => {
    const saved = await createBudget(prisma, { status: "SIGNED_OFF" });
    const budget = await prisma.budget.findUniqueOrThrow({ where: { id: saved.id } });
    const snapshot = await prisma.publishedSnapshot.create({
      data: { budgetId: budget.id, unitId: budget.unitId, year: budget.year, version: 1, contentHash: "b".repeat(64), content: {} },
    });
    const bytes = Buffer.from("<p>公开</p>");
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const artifact = (data: { kind: "HTML" | "CSV"; bytes: Buffer; sha256: string; size: number; fileName?: string }) =>
      prisma.publishedArtifact.create({
        data: {
          snapshotId: snapshot.id,
          contentType: "text/html; charset=utf-8",
          ...data,
          fileName: data.fileName ?? "预算.html",
          bytes: new Uint8Array(data.bytes),
        },
      });

    await expect(artifact({ kind: "HTML", bytes, sha256: "c".repeat(64), size: bytes.length })).rejects.toThrow(
      /published_artifacts_sha256_check/,
    );
    await expect(artifact({ kind: "HTML", bytes, sha256, size: 1 })).rejects.toThrow(/published_artifacts_size_check/);
    await expect(artifact({ kind: "HTML", bytes, sha256, size: bytes.length, fileName: "../预算.html" })).rejects.toThrow(
      /published_artifacts_file_name_check/,
    );
    const html = await artifact({ kind: "HTML", bytes, sha256, size: bytes.length });
    await expect(artifact({ kind: "CSV", bytes, sha256, size: bytes.length })).resolves.toMatchObject({ kind: "CSV" });

    await expect(prisma.publishedArtifact.update({ where: { id: html.id }, data: { fileName: "改.html" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.publishedArtifact.delete({ where: { id: html.id } })).rejects.toThrow(/append-only/);
    expect(Buffer.from((await prisma.publishedArtifact.findUniqueOrThrow({ where: { id: html.id } })).bytes)).toEqual(bytes);
  });
});
