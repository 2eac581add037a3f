import { createHash } from "node:crypto";
import { AppError } from "@/lib/app-error";
import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { checkSignOffSheet } from "./sign-off-sheet-file";
import {
  assertStep,
  loadWorkflowTarget,
  requireText,
  requireViewer,
  runWorkflowUseCase,
  writeTransition,
  type WorkflowRequest,
} from "./workflow-access";

export interface RecordPaperSignOffInput extends WorkflowRequest {
  /** the head of the unit (负责人) whose signature is on the sheet */
  signerName: string;
  /** the scanned or photographed signed 审签单 */
  sheet: { bytes: Uint8Array; fileName: string };
}

export const SIGNER_NAME_LIMIT = 50;

/**
 * 负责人审签 on paper: where the unit's head signs the printed 审签单, the unit's accountant
 * uploads the signed sheet (PDF, JPEG or PNG by content, size-limited). It is stored with its
 * sha256 beside the budget, shown to the unit and its reviewers and never published.
 */
export function recordPaperSignOff(
  db: DbClient,
  viewer: Viewer | null,
  request: RecordPaperSignOffInput,
  now: Date = new Date(),
): Promise<{ budgetId: number; headSignedAt: Date; signerName: string; sha256: string }> {
  return runWorkflowUseCase(db, viewer, request, { action: "budget.sign_off" }, async (tx) => {
    const actor = requireViewer(viewer);
    const target = await loadWorkflowTarget(tx, actor, request.budgetId);
    const to = assertStep(actor, target, "RECORD_PAPER_SIGN_OFF");
    const signerName = requireText(request.signerName, "signerName", "签字负责人姓名", SIGNER_NAME_LIMIT);
    const checked = checkSignOffSheet(request.sheet.bytes, request.sheet.fileName);
    if (!checked.ok) throw new AppError("INVALID_INPUT", checked.message, { sheet: [checked.message] });
    const bytes = Buffer.from(request.sheet.bytes);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await tx.signOffSheet.create({
      data: {
        budgetId: target.id,
        fileName: checked.fileName,
        contentType: checked.contentType,
        byteSize: bytes.length,
        sha256,
        bytes,
        uploadedById: actor.userId,
        uploadedAt: now,
      },
    });
    await writeTransition(tx, target, {
      action: "SIGN_OFF",
      to,
      viewer: actor,
      now,
      comment: signerName,
      data: { headSignedAt: now, headSignedById: actor.userId, headSignerName: signerName },
      audit: {
        action: "budget.sign_off",
        clientAddress: request.clientAddress,
        details: { signerName, method: "paper", sheetSha256: sha256, sheetBytes: bytes.length },
      },
    });
    return { budgetId: target.id, headSignedAt: now, signerName, sha256 };
  });
}
