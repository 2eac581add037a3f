import { createHash } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { disconnectPrisma } from "@/lib/db";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { loadReviewScreen } from "@/lib/review/queries";
import { loadSignOffSheetFile } from "@/lib/review/sign-off-sheet";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { approveBudget } from "./approve-budget";
import { recordPaperSignOff } from "./record-paper-sign-off";
import { recordSecrecyReview } from "./record-secrecy-review";
import { returnBudget } from "./return-budget";
import { SIGN_OFF_SHEET_MAX_BYTES } from "./sign-off-sheet-file";
import { signOffBudget } from "./sign-off-budget";
import { auditRows, setUpWorkflow, workflowState, type WorkflowFixture } from "./test-support";

/**
 * 保密审查 and 负责人审签 as issue 15 asks: the head signs with their own account, or the
 * accountant uploads the head's signed paper sheet; the secrecy review is someone else's than the
 * submitter's when the unit has another account. Every refusal is audited and writes nothing.
 */

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
});
afterAll(disconnectPrisma);

const approvedAt = new Date("2024-01-20T02:00:00.000Z");
const now = new Date("2024-02-01T08:00:00.000Z");
const CLIENT = "198.51.100.7";
const STATEMENT = "已核对九张表、项目名称和情况说明，不含涉密信息。";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "latin1");

/** The approved budget, submitted by the fixture's accountant (the unit also has a head). */
async function approvedBySubmitter(): Promise<WorkflowFixture> {
  const f = await setUpWorkflow(prisma, { status: "APPROVED", at: approvedAt });
  await prisma.budgetEvent.updateMany({ where: { budgetId: f.budgetId, action: "SUBMIT" }, data: { actorId: f.accountant.userId } });
  return f;
}

async function secrecyReviewed(f: WorkflowFixture): Promise<void> {
  await prisma.budget.update({ where: { id: f.budgetId }, data: { secrecyReviewedAt: approvedAt, secrecyReviewedById: f.head.userId, secrecyStatement: STATEMENT } });
}

/** Runs a refused attempt: it must fail with `code`, leave every workflow table unchanged and add one DENIED/FAILURE audit row. */
async function expectRefused(attempt: () => Promise<unknown>, code: string, result: "DENIED" | "FAILURE", message?: string): Promise<void> {
  const before = await workflowState(prisma);
  const audits = (await auditRows(prisma)).length;
  await expect(attempt()).rejects.toMatchObject({ code, ...(message === undefined ? {} : { message }) });
  expect(await workflowState(prisma)).toEqual(before);
  const added = (await auditRows(prisma)).slice(audits);
  expect(added).toHaveLength(1);
  expect(added[0]).toMatchObject({ result });
}

describe("保密审查", () => {
  it("is recorded with who reviewed and the statement, but not by the accountant who submitted when the unit has a head", async () => {
    const f = await approvedBySubmitter();
    await expectRefused(
      () => recordSecrecyReview(prisma, f.accountant, { budgetId: f.budgetId, statement: STATEMENT, clientAddress: CLIENT }, now),
      "FORBIDDEN",
      "DENIED",
      "保密审查须由报送人以外的人员（本单位的另一位填报人或负责人）记录。",
    );
    await expectRefused(() => recordSecrecyReview(prisma, f.head, { budgetId: f.budgetId, statement: "  " }, now), "INVALID_INPUT", "FAILURE", "请填写保密审查说明。");

    await recordSecrecyReview(prisma, f.head, { budgetId: f.budgetId, statement: ` ${STATEMENT} `, clientAddress: CLIENT }, now);
    expect(await prisma.budget.findUniqueOrThrow({ where: { id: f.budgetId } })).toMatchObject({
      status: "APPROVED",
      secrecyReviewedAt: now,
      secrecyReviewedById: f.head.userId,
      secrecyStatement: STATEMENT,
    });
    expect((await auditRows(prisma)).at(-1)).toMatchObject({
      action: "budget.secrecy_review",
      result: "SUCCESS",
      userId: f.head.userId,
      clientAddress: CLIENT,
      details: expect.objectContaining({ statement: STATEMENT }),
    });
  });

  it("lets the accountant review their own submission when they are the unit's only account", async () => {
    const f = await approvedBySubmitter();
    await prisma.roleAssignment.deleteMany({ where: { userId: f.head.userId } });
    await expect(recordSecrecyReview(prisma, f.accountant, { budgetId: f.budgetId, statement: STATEMENT }, now)).resolves.toMatchObject({ statement: STATEMENT });
  });
});

describe("负责人审签 with the head's own account", () => {
  it("is the head's step: the accountant and another unit's head are refused and nothing is written", async () => {
    const f = await approvedBySubmitter();
    await expectRefused(() => signOffBudget(prisma, f.head, { budgetId: f.budgetId }, now), "CONFLICT", "FAILURE", "请先完成并记录保密审查，再进行负责人审签。");
    await secrecyReviewed(f);
    await expectRefused(
      () => signOffBudget(prisma, f.accountant, { budgetId: f.budgetId, clientAddress: CLIENT }, now),
      "FORBIDDEN",
      "DENIED",
      "只有本单位的负责人可以负责人审签。",
    );
    await expectRefused(() => signOffBudget(prisma, f.viewers["head of another unit"], { budgetId: f.budgetId }, now), "NOT_FOUND", "DENIED");
    await expectRefused(() => signOffBudget(prisma, f.financeReviewer, { budgetId: f.budgetId }, now), "FORBIDDEN", "DENIED");

    const { name } = await prisma.user.findUniqueOrThrow({ where: { id: f.head.userId }, select: { name: true } });
    await expect(signOffBudget(prisma, f.head, { budgetId: f.budgetId, clientAddress: CLIENT }, now)).resolves.toEqual({
      budgetId: f.budgetId,
      headSignedAt: now,
      signerName: name,
    });
    expect(await prisma.budget.findUniqueOrThrow({ where: { id: f.budgetId } })).toMatchObject({
      status: "SIGNED_OFF",
      headSignedAt: now,
      headSignedById: f.head.userId,
      headSignerName: name,
    });
    expect(await prisma.signOffSheet.count()).toBe(0);
    expect((await auditRows(prisma)).at(-1)).toMatchObject({
      action: "budget.sign_off",
      result: "SUCCESS",
      userId: f.head.userId,
      clientAddress: CLIENT,
      details: expect.objectContaining({ method: "account", from: "APPROVED", to: "SIGNED_OFF" }),
    });
    // Signed once: a second click is a conflict, not a second signature.
    await expectRefused(() => signOffBudget(prisma, f.head, { budgetId: f.budgetId }, now), "CONFLICT", "FAILURE");
  });
});

describe("负责人审签 on paper: the accountant uploads the signed 审签单", () => {
  it("stores the sheet with its sha256, shows it to the unit and its reviewers, and to no one else", async () => {
    const f = await approvedBySubmitter();
    await secrecyReviewed(f);
    const sheet = { bytes: PDF, fileName: "C:\\扫描\\审签单.pdf" };
    await expectRefused(
      () => recordPaperSignOff(prisma, f.head, { budgetId: f.budgetId, signerName: "王主任", sheet }, now),
      "FORBIDDEN",
      "DENIED",
    );
    const result = await recordPaperSignOff(prisma, f.accountant, { budgetId: f.budgetId, signerName: " 王主任 ", sheet, clientAddress: CLIENT }, now);
    const sha256 = createHash("sha256").update(PDF).digest("hex");
    expect(result).toEqual({ budgetId: f.budgetId, headSignedAt: now, signerName: "王主任", sha256 });
    expect(await prisma.signOffSheet.findUniqueOrThrow({ where: { budgetId: f.budgetId } })).toMatchObject({
      fileName: "审签单.pdf",
      contentType: "application/pdf",
      byteSize: PDF.length,
      sha256,
      uploadedById: f.accountant.userId,
    });
    expect(await prisma.budget.findUniqueOrThrow({ where: { id: f.budgetId } })).toMatchObject({ status: "SIGNED_OFF", headSignerName: "王主任" });
    expect((await auditRows(prisma)).at(-1)).toMatchObject({
      action: "budget.sign_off",
      result: "SUCCESS",
      clientAddress: CLIENT,
      details: expect.objectContaining({ method: "paper", sheetSha256: sha256 }),
    });

    // The reviewers' screen links it.
    expect((await loadReviewScreen(prisma, f.financeReviewer, f.budgetId)).signOffSheet).toEqual({
      fileName: "审签单.pdf",
      byteSize: PDF.length,
      sha256,
      path: `/workspace/sign-off-sheets/${f.budgetId}`,
    });
    for (const who of ["accountant of the unit", "head of the unit", "department reviewer of the department", "finance reviewer of the region"] as const) {
      const file = await loadSignOffSheetFile(prisma, f.viewers[who], f.budgetId);
      expect(file.bytes.equals(PDF), who).toBe(true);
    }
    for (const who of ["anonymous", "accountant of another unit", "head of another unit", "administrator", "finance reviewer of another region"] as const) {
      await expect(loadSignOffSheetFile(prisma, f.viewers[who], f.budgetId), who).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("refuses a file that is not a PDF, JPEG or PNG by its content, and one over the size limit, writing nothing", async () => {
    const f = await approvedBySubmitter();
    await secrecyReviewed(f);
    const upload = (bytes: Uint8Array, fileName: string) => () =>
      recordPaperSignOff(prisma, f.accountant, { budgetId: f.budgetId, signerName: "王主任", sheet: { bytes, fileName } }, now);
    await expectRefused(upload(Buffer.from("<script>alert(1)</script>"), "审签单.pdf"), "INVALID_INPUT", "FAILURE", "审签单只能是 PDF、JPEG 或 PNG 文件；所选文件的内容不是这几种格式。");
    await expectRefused(upload(Buffer.from("PK\u0003\u0004 a zip"), "审签单.png"), "INVALID_INPUT", "FAILURE");
    const huge = Buffer.alloc(SIGN_OFF_SHEET_MAX_BYTES + 1, 0x20);
    PDF.copy(huge);
    await expectRefused(upload(huge, "审签单.pdf"), "INVALID_INPUT", "FAILURE", "审签单文件过大：最大10 MB，请压缩或降低扫描分辨率后重新上传。");
    await expectRefused(upload(new Uint8Array(0), "审签单.pdf"), "INVALID_INPUT", "FAILURE");
  });
});

describe("批复 and 退回", () => {
  it("refuses an approval confirmed for another day than today in China, writing nothing", async () => {
    const f = await setUpWorkflow(prisma, { status: "FINANCE_REVIEW", at: approvedAt });
    await expectRefused(() => approveBudget(prisma, f.financeReviewer, { budgetId: f.budgetId, confirmedOn: "2024-01-31" }, now), "CONFLICT", "FAILURE");
    await expect(approveBudget(prisma, f.financeReviewer, { budgetId: f.budgetId, confirmedOn: "2024-02-01" }, now)).resolves.toMatchObject({ approvedOn: "2024-02-01" });
  });

  it("turns the return message into a comment the unit reads, even beside open row comments", async () => {
    const f = await setUpWorkflow(prisma, { status: "FINANCE_REVIEW", at: approvedAt });
    await prisma.reviewComment.create({ data: { budgetId: f.budgetId, anchorTable: 3, anchorRow: "2210201", body: "住房公积金与表6不一致。", authorId: f.financeReviewer.userId, createdAt: now } });
    await returnBudget(prisma, f.financeReviewer, { budgetId: f.budgetId, message: "请一并核对三公经费。" }, now);
    const comments = await prisma.reviewComment.findMany({ where: { budgetId: f.budgetId }, orderBy: { id: "asc" }, select: { body: true, anchorTable: true } });
    expect(comments).toEqual([
      { body: "住房公积金与表6不一致。", anchorTable: 3 },
      { body: "请一并核对三公经费。", anchorTable: null },
    ]);
  });
});
