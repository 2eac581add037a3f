import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { disconnectPrisma } from "@/lib/db";
import { buildBudgetFor, createBudget, createUnit, type FactoryStatus } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { publishBudget } from "@/lib/publication/publish-budget";
import { loadUnitWorkflowPanel } from "@/lib/review/screens";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { EVERYONE, form, viewersOf } from "./edge-support";
import { renderersWithoutPdf } from "@/tests/integration/renderers";

/**
 * The unit's workflow edges on its budget page (撤回, 保密审查, 负责人审签, 公开, 更正) and the
 * panel's loader, run as every kind of viewer: only the unit's accountant succeeds (on paper for the
 * head's sign-off), and a refusal
 * changes nothing.
 */

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.4" }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// Publishing from the action renders everything but the PDF (no Chromium needed in this test).
vi.mock("@/app/document-renderers", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/app/document-renderers")>();
  const { PdfUnavailableError } = await import("@/lib/export/pdf");
  return { documentRenderers: { ...original.documentRenderers, pdf: () => Promise.reject(new PdfUnavailableError("FONT_MISSING", "测试中不生成 PDF。")) } };
});

const actions = await import("@/app/workspace/budgets/[year]/workflow-actions");

/** The form with a scanned 审签单 (a 1×1 PNG) attached, as the browser posts the upload. */
function withSheet(data: FormData): FormData {
  data.set("sheet", new File([new Uint8Array(PNG)], "审签单.png", { type: "image/png" }));
  return data;
}
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

type Stage = FactoryStatus | "SECRECY_REVIEWED" | "PUBLISHED";

async function world(stage: Stage) {
  const unit = await createUnit(prisma);
  const other = await createUnit(prisma);
  const status: FactoryStatus = stage === "SECRECY_REVIEWED" ? "APPROVED" : stage === "PUBLISHED" ? "SIGNED_OFF" : stage;
  const budget = await createBudget(prisma, { budget: buildBudgetFor(unit), status });
  if (stage === "SECRECY_REVIEWED") await prisma.budget.update({ where: { id: budget.id }, data: { secrecyReviewedAt: new Date() } });
  if (stage === "PUBLISHED") {
    await prisma.budget.update({ where: { id: budget.id }, data: { headSignerName: "王主任" } });
    await publishBudget(prisma, { unitCode: unit.unit.code, year: 2024, regionCode: unit.region.code }, renderersWithoutPdf);
  }
  const viewers = await viewersOf(unit, other);
  return { unit, budgetId: budget.id, viewers };
}

async function snapshot(unitId: number) {
  const budgets = await prisma.budget.findMany({
    where: { unitId },
    orderBy: { version: "asc" },
    select: { version: true, status: true, lockVersion: true, secrecyReviewedAt: true, headSignedAt: true, headSignerName: true, correctionNote: true },
  });
  return { budgets, snapshots: await prisma.publishedSnapshot.count({ where: { unitId } }) };
}

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
});
afterAll(disconnectPrisma);

interface ActionCase {
  name: string;
  stage: Stage;
  run: (budgetId: number) => Promise<{ ok: boolean } | null>;
  succeeded: (after: Awaited<ReturnType<typeof snapshot>>) => void;
}

const CASES: readonly ActionCase[] = [
  {
    name: "撤回",
    stage: "SUBMITTED",
    run: (budgetId) => actions.withdrawBudgetAction(null, form({ budgetId })),
    succeeded: (after) => expect(after.budgets[0]?.status).toBe("DRAFT"),
  },
  {
    name: "保密审查",
    stage: "APPROVED",
    run: (budgetId) => actions.recordSecrecyReviewAction(null, form({ budgetId, statement: "已核对，不含涉密信息。" })),
    succeeded: (after) => expect(after.budgets[0]?.secrecyReviewedAt).toBeInstanceOf(Date),
  },
  {
    // The head's own sign-off (signOffBudgetAction) is theirs alone: lib/workflow/sign-off.integration.test.ts.
    name: "负责人审签（上传纸质审签单）",
    stage: "SECRECY_REVIEWED",
    run: (budgetId) => actions.recordPaperSignOffAction(null, withSheet(form({ budgetId, signerName: "张主任" }))),
    succeeded: (after) => expect(after.budgets[0]).toMatchObject({ status: "SIGNED_OFF", headSignerName: "张主任" }),
  },
  {
    name: "公开",
    stage: "SIGNED_OFF",
    run: (budgetId) => actions.publishBudgetAction(null, form({ budgetId, confirm: "yes" })),
    succeeded: (after) => {
      expect(after.budgets[0]?.status).toBe("PUBLISHED");
      expect(after.snapshots).toBe(1);
    },
  },
  {
    name: "更正",
    stage: "PUBLISHED",
    run: (budgetId) => actions.openCorrectionAction(null, form({ budgetId, correctionNote: "更正表3的科目名称" })),
    succeeded: (after) => expect(after.budgets[1]).toMatchObject({ version: 2, status: "DRAFT", correctionNote: "更正表3的科目名称" }),
  },
];

describe.each(CASES)("server action: $name", (testCase) => {
  it.each(EVERYONE)("as %s", async (who) => {
    const { unit, budgetId, viewers } = await world(testCase.stage);
    session.viewer = viewers[who];
    const before = await snapshot(unit.unitId);

    const result = await testCase.run(budgetId);

    const after = await snapshot(unit.unitId);
    if (who === "accountant") {
      expect(result).toMatchObject({ ok: true });
      testCase.succeeded(after);
      const audit = await prisma.auditEvent.findFirst({ where: { userId: viewers.accountant?.userId, result: "SUCCESS" }, orderBy: { id: "desc" } });
      expect(audit).toMatchObject({ clientAddress: "198.51.100.4" });
    } else {
      expect(result).toMatchObject({ ok: false, message: expect.any(String) });
      expect(after).toEqual(before);
    }
  });
});

describe("server action input", () => {
  it("refuses to publish without the confirmation, and a sign-off, secrecy review or correction without its text or file, in Chinese", async () => {
    const { unit, budgetId, viewers } = await world("SIGNED_OFF");
    session.viewer = viewers.accountant;
    const before = await snapshot(unit.unitId);

    expect(await actions.publishBudgetAction(null, form({ budgetId }))).toMatchObject({ ok: false, fieldErrors: { confirm: ["请先勾选确认，再公开。"] } });
    expect(await actions.recordPaperSignOffAction(null, withSheet(form({ budgetId, signerName: " " })))).toMatchObject({
      ok: false,
      fieldErrors: { signerName: ["请填写签字负责人姓名。"] },
    });
    expect(await actions.recordPaperSignOffAction(null, form({ budgetId, signerName: "张主任" }))).toMatchObject({ ok: false, fieldErrors: { sheet: [expect.any(String)] } });
    expect(await actions.signOffBudgetAction(null, form({ budgetId }))).toMatchObject({ ok: false, fieldErrors: { confirm: ["请先勾选确认，再审签。"] } });
    expect(await actions.recordSecrecyReviewAction(null, form({ budgetId, statement: "" }))).toMatchObject({ ok: false, fieldErrors: { statement: ["请填写保密审查说明。"] } });
    expect(await actions.openCorrectionAction(null, form({ budgetId, correctionNote: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { correctionNote: ["请填写更正说明。"] },
    });
    expect(await snapshot(unit.unitId)).toEqual(before);
  });
});

describe("the unit's workflow panel", () => {
  it.each(EVERYONE)("loads as %s", async (who) => {
    const { budgetId, viewers } = await world("SECRECY_REVIEWED");
    const load = loadUnitWorkflowPanel(viewers[who], budgetId);
    if (who === "accountant") {
      const panel = await load;
      expect(panel).toMatchObject({ status: "APPROVED", steps: ["RECORD_PAPER_SIGN_OFF"], secrecyReview: { byName: null } });
    } else {
      await expect(load).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
