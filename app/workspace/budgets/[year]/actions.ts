"use server";

import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/action";
import { AppError } from "@/lib/app-error";
import { getRequestActor } from "@/lib/auth/request-actor";
import type { BudgetChangeEntry } from "@/lib/budgets/editor-data";
import { recentBudgetChanges, saveWorkspaceDraft, submitWorkspaceBudget } from "@/lib/budgets/workspace";
import { workspaceBudgetPath } from "@/lib/budgets/workspace-paths";
import { rejectUnsafeText } from "@/lib/validation/safe-text";

export type SubmitState = ActionResult<{ unitCode: string; year: number }> | null;

/** A repeated form field: absent, one value or several all become a list. */
const textList = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string()));

const submitSchema = z.object({
  unitCode: z.string().trim().min(1, "缺少单位编码。"),
  year: z.coerce.number().int().min(2000).max(2100),
  lockVersion: z.coerce.number().int().min(0),
  explanationKey: textList,
  explanation: textList,
});

const submit = action(submitSchema, async (input) => {
  const explanations: Record<string, string> = {};
  input.explanationKey.forEach((key, index) => {
    explanations[key] = input.explanation[index] ?? "";
  });
  const { viewer, clientAddress } = await getRequestActor();
  await submitWorkspaceBudget(viewer, {
    clientAddress,
    unitCode: input.unitCode,
    year: input.year,
    lockVersion: input.lockVersion,
    explanations,
  });
  return { unitCode: input.unitCode, year: input.year };
});

export async function submitBudgetAction(previous: SubmitState, formData: FormData): Promise<SubmitState> {
  const result = await submit(previous, formData);
  if (result.ok) redirect(`${workspaceBudgetPath(result.data.unitCode, result.data.year)}?submitted=1`);
  // Give the written explanations back, keyed like the findings, so nothing typed is lost.
  const keys = formData.getAll("explanationKey");
  const texts = formData.getAll("explanation");
  const values: Record<string, string> = { ...result.values };
  keys.forEach((key, index) => {
    const text = texts[index];
    if (typeof key === "string" && typeof text === "string") values[key] = text;
  });
  return { ...result, values };
}

/** What the editor's autosave gets back. */
export type SaveDraftResult =
  | { ok: true; lockVersion: number; changedFields: number; savedAt: string; changes: BudgetChangeEntry[] }
  | {
      ok: false;
      /** invalid: field errors say where; conflict: someone saved or submitted first; refused: not allowed; error: anything else */
      kind: "invalid" | "conflict" | "refused" | "error";
      message: string;
      fieldErrors: Record<string, string[]>;
    };

const saveRequestSchema = z
  .object({
    unitCode: z.string().trim().min(1, "缺少单位编码。").max(50),
    year: z.number().int().min(2000).max(2100),
    baseLockVersion: z.number().int().min(0),
    draft: z.unknown(),
  })
  .superRefine(rejectUnsafeText);

/** Autosave of the entry form: the whole draft, from the lockVersion it was loaded with. */
export async function saveDraftAction(request: unknown): Promise<SaveDraftResult> {
  const parsed = saveRequestSchema.safeParse(request);
  if (!parsed.success) {
    // Text that cannot be stored is named where it is (draft.<field>…); anything else is a broken request.
    const unsafe = parsed.error.issues.filter((issue) => issue.code === "custom" && issue.path[0] === "draft");
    if (unsafe.length > 0) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of unsafe) (fieldErrors[issue.path.slice(1).join(".")] ??= []).push(issue.message);
      return { ok: false, kind: "invalid", message: "有内容含无法保存的字符，请按提示修改。", fieldErrors };
    }
    return { ok: false, kind: "invalid", message: "保存请求格式不正确，请刷新页面后重试。", fieldErrors: {} };
  }
  const { unitCode, year, baseLockVersion, draft } = parsed.data;
  const { viewer, clientAddress } = await getRequestActor();
  try {
    const result = await saveWorkspaceDraft(viewer, { unitCode, year, baseLockVersion, input: draft, clientAddress });
    if (!result.ok) return { ok: false, kind: "invalid", message: result.message, fieldErrors: result.fieldErrors };
    const changes = await recentBudgetChanges(viewer, { unitCode, year });
    return { ok: true, lockVersion: result.data.lockVersion, changedFields: result.data.changedFields, savedAt: new Date().toISOString(), changes };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) {
      const kind = error.code === "CONFLICT" ? "conflict" : error.code === "INVALID_INPUT" ? "invalid" : "refused";
      return { ok: false, kind, message: error.message, fieldErrors: error.fieldErrors };
    }
    console.error("Unexpected error while saving a draft:", error);
    return { ok: false, kind: "error", message: "系统暂时无法保存，请稍后再试。您的修改仍保留在本页。", fieldErrors: {} };
  }
}
