"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/action";
import { getViewer } from "@/lib/auth/session";
import { signOut } from "@/lib/auth/sign-out";
import { createNextYearDraft } from "@/lib/budgets/workspace";
import { workspaceBudgetPath } from "@/lib/budgets/workspace-paths";

export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect("/login?signedOut=1");
}

export type CreateDraftState = ActionResult<{ unitCode: string; year: number }> | null;

const createDraftSchema = z.object({
  unitCode: z.string().trim().min(1, "缺少单位编码。"),
  year: z.coerce.number().int().min(2000).max(2100),
});

const createDraft = action(createDraftSchema, async (input) => {
  await createNextYearDraft(await getViewer(), input);
  return { unitCode: input.unitCode, year: input.year };
});

export async function createDraftAction(previous: CreateDraftState, formData: FormData): Promise<CreateDraftState> {
  const result = await createDraft(previous, formData);
  if (result.ok) redirect(workspaceBudgetPath(result.data.unitCode, result.data.year));
  return result;
}
