import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import { budgetYears } from "@/lib/budget-years/budget-year-admin";
import { openBudgetYear } from "@/lib/budget-years/open-budget-year";
import { createEmptyDraft } from "@/lib/budgets/create-empty-draft";
import { discardDraft } from "@/lib/budgets/discard-draft";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { createViewer } from "@/lib/budgets/test-support";
import { disconnectPrisma } from "@/lib/db";
import { createUnit, createUnitInDepartment, type CreatedUnit } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { codeBooks } from "./code-book-admin";
import { importCodeBook } from "./import-code-book";
import { previewCodeBookImport } from "./preview-code-book-import";
import { codeBookCsv, codeBookTables } from "./test-support";

/**
 * Who may take each new action: every role of the issue against every action, refused ones
 * writing nothing but a DENIED audit row (or, for the screens, getting no data).
 */
const ROLES = ["administrator", "finance reviewer of the region", "finance reviewer of another region", "department reviewer", "accountant", "anonymous"] as const;
type RoleName = (typeof ROLES)[number];

interface Fixture {
  unit: CreatedUnit;
  viewers: Record<RoleName, Viewer | null>;
  revisionId: number;
}

let f: Fixture;

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
  await saveCodeBook(prisma, { ...guantao2024CodeBook, year: 2025 });
  const unit = await createUnit(prisma);
  const other = await createUnit(prisma);
  const revision = await prisma.codeBookRevision.findFirstOrThrow({ where: { year: 2025 }, select: { id: true } });
  f = {
    unit,
    revisionId: revision.id,
    viewers: {
      administrator: await createViewer(prisma, [{ role: "ADMIN" }]),
      "finance reviewer of the region": await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: unit.regionId }]),
      "finance reviewer of another region": await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: other.regionId }]),
      "department reviewer": await createViewer(prisma, [{ role: "DEPARTMENT_REVIEWER", departmentId: unit.departmentId }]),
      accountant: await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: unit.unitId }]),
      anonymous: null,
    },
  };
});
afterAll(disconnectPrisma);

const open = (viewer: Viewer | null) =>
  openBudgetYear(prisma, viewer, { regionId: f.unit.regionId, year: 2025, codeBookRevisionId: f.revisionId, submissionDeadline: "2024-12-31" });
const openAsFinance = () => open(f.viewers["finance reviewer of the region"]);

interface Case {
  action: string;
  prepare?: () => Promise<unknown>;
  run: (viewer: Viewer | null) => Promise<unknown>;
  allowed: readonly RoleName[];
}

const CASES: Record<string, Case> = {
  "preview a code book": {
    action: "code_book.preview",
    run: (viewer) => previewCodeBookImport(prisma, viewer, { year: 2026, fileName: "2026.csv", bytes: codeBookCsv(guantao2024CodeBook) }),
    allowed: ["administrator"],
  },
  "load a code book": {
    action: "code_book.import",
    run: (viewer) => importCodeBook(prisma, viewer, { ...guantao2024CodeBook, year: 2026, fileName: "2026.csv", effectiveOn: "2026-01-01", note: "", expectedRevision: 1 }),
    allowed: ["administrator"],
  },
  "open a budget year": { action: "budget_year.open", run: open, allowed: ["finance reviewer of the region"] },
  "start an empty budget": {
    action: "budget.create",
    prepare: openAsFinance,
    run: (viewer) => createEmptyDraft(prisma, viewer, { unitCode: f.unit.unit.code, year: 2025 }),
    allowed: ["accountant"],
  },
  "discard a draft": {
    action: "budget.discard",
    prepare: async () => {
      await openAsFinance();
      await createEmptyDraft(prisma, f.viewers.accountant, { unitCode: f.unit.unit.code, year: 2025 });
    },
    run: (viewer) => discardDraft(prisma, viewer, { unitCode: f.unit.unit.code, year: 2025, version: 1 }),
    allowed: ["accountant"],
  },
};

describe.each(Object.entries(CASES))("%s", (_name, testCase) => {
  it.each(ROLES)("as %s", async (role) => {
    await testCase.prepare?.();
    const viewer = f.viewers[role];
    const before = await codeBookTables(prisma);
    const auditBefore = await prisma.auditEvent.count();
    if (testCase.allowed.includes(role)) {
      await expect(testCase.run(viewer)).resolves.toBeDefined();
      // a preview writes nothing (but its audit row); every other allowed action changes the tables
      if (testCase.action === "code_book.preview") expect(await codeBookTables(prisma)).toEqual(before);
      else expect(await codeBookTables(prisma)).not.toEqual(before);
      return;
    }
    await expect(testCase.run(viewer)).rejects.toMatchObject({ code: viewer === null ? "UNAUTHENTICATED" : expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) });
    expect(await codeBookTables(prisma)).toEqual(before);
    const audit = await prisma.auditEvent.findMany({ orderBy: { id: "asc" }, skip: auditBefore });
    expect(audit).toEqual([expect.objectContaining({ action: testCase.action, result: "DENIED", userId: viewer?.userId ?? null })]);
  });
});

describe("the screens' data", () => {
  it.each(ROLES)("/admin/codebooks lists revisions only to administrators (as %s)", async (role) => {
    const revisions = await codeBooks.revisions({ viewer: f.viewers[role], clientAddress: null });
    expect(revisions === null).toBe(role !== "administrator");
  });

  it.each(ROLES)("/review/years shows only the viewer's own regions to finance reviewers (as %s)", async (role) => {
    const page = await budgetYears.page({ viewer: f.viewers[role], clientAddress: null });
    if (!role.startsWith("finance reviewer")) {
      expect(page).toBeNull();
      return;
    }
    const expectedRegion = role === "finance reviewer of the region" ? f.unit.regionId : undefined;
    expect(page?.regions).toHaveLength(1);
    if (expectedRegion !== undefined) expect(page?.regions[0]?.regionId).toBe(expectedRegion);
    else expect(page?.regions[0]?.regionId).not.toBe(f.unit.regionId);
  });

  it("a unit of another department in the region starts too, but only by its own accountant", async () => {
    await openAsFinance();
    const sibling = await createUnitInDepartment(prisma, f.unit);
    const siblingAccountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: sibling.unitId }]);
    await expect(createEmptyDraft(prisma, siblingAccountant, { unitCode: f.unit.unit.code, year: 2025 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createEmptyDraft(prisma, siblingAccountant, { unitCode: sibling.unit.code, year: 2025 })).resolves.toBeDefined();
  });
});
