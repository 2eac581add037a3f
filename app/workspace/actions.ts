"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/action";
import { getRequestActor } from "@/lib/auth/request-actor";
import { createEmptyWorkspaceDraft, createNextYearDraft, discardWorkspaceDraft } from "@/lib/budgets/workspace";
import { workspaceBudgetPath } from "@/lib/budgets/workspace-paths";
import type { LineToRecode } from "@/lib/codebooks/lines-to-recode";

export type CreateDraftState = ActionResult<{ unitCode: string; year: number; linesToRecode: LineToRecode[] }> | null;

const createDraftSchema = z.object({
  unitCode: z.string().trim().min(1, "缺少单位编码。"),
  year: z.coerce.number().int().min(2000).max(2100),
  start: z.enum(["prior", "empty"], { error: "请选择如何开始。" }),
});

const createDraft = action(createDraftSchema, async ({ start, ...input }) => {
  const { viewer, clientAddress } = await getRequestActor();
  if (start === "empty") {
    await createEmptyWorkspaceDraft(viewer, { ...input, clientAddress });
    return { unitCode: input.unitCode, year: input.year, linesToRecode: [] };
  }
  const created = await createNextYearDraft(viewer, { ...input, clientAddress });
  return { unitCode: input.unitCode, year: input.year, linesToRecode: created.linesToRecode };
});

/** Opens the new draft, unless lines carried from last year need new codes: then the list comes first. */
export async function createDraftAction(previous: CreateDraftState, formData: FormData): Promise<CreateDraftState> {
  const result = await createDraft(previous, formData);
  if (result.ok && result.data.linesToRecode.length === 0) redirect(workspaceBudgetPath(result.data.unitCode, result.data.year));
  return result;
}

export type DiscardDraftState = ActionResult<{ message: string }> | null;

const discardSchema = z.object({
  unitCode: z.string().trim().min(1, "缺少单位编码。"),
  year: z.coerce.number().int().min(2000).max(2100),
  version: z.coerce.number().int().min(1),
  confirm: z.literal("yes", { error: "请勾选确认后再放弃草稿。" }),
});

const discard = action(discardSchema, async ({ confirm: _confirm, ...input }) => {
  const { viewer, clientAddress } = await getRequestActor();
  const { discardedVersion } = await discardWorkspaceDraft(viewer, { ...input, clientAddress });
  revalidatePath("/workspace");
  return { message: `已放弃${input.year}年预算第${discardedVersion}版草稿。` };
});

export async function discardDraftAction(previous: DiscardDraftState, formData: FormData): Promise<DiscardDraftState> {
  return discard(previous, formData);
}
