import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { documentRenderers } from "@/app/document-renderers";
import { disconnectPrisma } from "@/lib/db";
import { seedDemo } from "@/lib/demo/seed-demo";
import { buildSnapshotContent, type SnapshotContent } from "@/lib/publication/snapshot-content";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { withMemoizedPdf } from "@/tests/integration/memoized-pdf";
import { seedDemoDepartment } from "./seed-department";

beforeEach(resetDatabase);
afterAll(disconnectPrisma);

const renderers = withMemoizedPdf(documentRenderers);

describe("seedDemoDepartment", () => {
  it("publishes department 224's 2024 budget after the demo seed, with the amounts of its one unit, once", async () => {
    await seedDemo(prisma, renderers);
    expect(await seedDemoDepartment(prisma, renderers)).toBe(true);

    const snapshot = await prisma.departmentSnapshot.findFirstOrThrow({
      select: { id: true, version: true, content: true, contentHash: true, artifacts: { select: { kind: true }, orderBy: { kind: "asc" } } },
    });
    expect(snapshot.version).toBe(1);
    expect(snapshot.artifacts.map((a) => a.kind)).toEqual(["HTML", "PDF", "XLSX", "CSV", "JSON", "DOCX"]);
    const content = snapshot.content as unknown as SnapshotContent;
    const unit = buildSnapshotContent(guantao2024Budget, guantao2024CodeBook, content.publication);
    for (const id of ["T1", "T3", "T6", "T9"] as const) expect(content.tables[id].rows, id).toEqual(unit.tables[id].rows);
    expect(content.department?.units.map((u) => [u.code, u.budgetVersion])).toEqual([["224001", 1]]);
    expect(await prisma.auditEvent.count({ where: { action: "department.publish", result: "SUCCESS", userId: null } })).toBe(1);

    // Again: nothing changes.
    expect(await seedDemoDepartment(prisma, renderers)).toBe(false);
    expect(await prisma.departmentSnapshot.findMany({ select: { id: true, contentHash: true } })).toEqual([
      { id: snapshot.id, contentHash: snapshot.contentHash },
    ]);
  });

  it("does nothing before the demo data exists", async () => {
    expect(await seedDemoDepartment(prisma, renderers)).toBe(false);
    expect(await prisma.departmentSnapshot.count()).toBe(0);
  });
});
