import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { disconnectPrisma } from "@/lib/db";
import { buildBudgetFor, createBudget, createUnit, createUser } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { form } from "@/tests/review/edge-support";

/** The 公开部门预算 server action: who may publish, and the audit row naming the client address as sign-in resolves it. */

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));
// An IPv4-mapped address behind no trusted proxy: recorded as the plain IPv4 address, as at sign-in.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "::ffff:198.51.100.4" }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/app/document-renderers", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/app/document-renderers")>();
  const { PdfUnavailableError } = await import("@/lib/export/pdf");
  return { documentRenderers: { ...original.documentRenderers, pdf: () => Promise.reject(new PdfUnavailableError("FONT_MISSING", "测试中不生成 PDF。")) } };
});

const { publishDepartmentAction } = await import("@/app/review/departments/[departmentId]/actions");

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
});
afterAll(disconnectPrisma);

async function department() {
  const unit = await createUnit(prisma);
  await createBudget(prisma, { budget: buildBudgetFor(unit), status: "APPROVED", at: new Date("2024-01-20T02:00:00.000Z") });
  const roles: Viewer["roles"] = [{ role: "DEPARTMENT_REVIEWER", departmentId: unit.departmentId }];
  const user = await createUser(prisma, { roles });
  return { unit, reviewer: { userId: user.id, roles } };
}

const audits = () =>
  prisma.auditEvent.findMany({ where: { action: "department.publish" }, select: { result: true, userId: true, clientAddress: true } });

describe("publishDepartmentAction", () => {
  it("publishes for the department's reviewer, then shows the page with the new version; the audit row has the client address", async () => {
    const { unit, reviewer } = await department();
    session.viewer = reviewer;
    const answer = publishDepartmentAction(null, form({ departmentId: unit.departmentId, year: 2024 }));
    await expect(answer).rejects.toMatchObject({ digest: expect.stringContaining(`/review/departments/${unit.departmentId}?year=2024&published=1`) });
    expect(await prisma.departmentSnapshot.count()).toBe(1);
    expect(await audits()).toEqual([{ result: "SUCCESS", userId: reviewer.userId, clientAddress: "198.51.100.4" }]);
  });

  it("refuses an accountant and a missing department with a Chinese message, publishing nothing", async () => {
    const { unit } = await department();
    session.viewer = { userId: (await createUser(prisma, { roles: [{ role: "ACCOUNTANT", unitId: unit.unitId }] })).id, roles: [{ role: "ACCOUNTANT", unitId: unit.unitId }] };
    const refused = await publishDepartmentAction(null, form({ departmentId: unit.departmentId, year: 2024 }));
    expect(refused).toMatchObject({ ok: false });
    expect(await audits()).toEqual([{ result: "DENIED", userId: session.viewer.userId, clientAddress: "198.51.100.4" }]);

    const missing = await publishDepartmentAction(null, form({ year: 2024 }));
    expect(missing).toMatchObject({ ok: false, fieldErrors: { departmentId: ["缺少部门。"] } });
    expect(await prisma.departmentSnapshot.count()).toBe(0);
  });
});
