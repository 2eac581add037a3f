"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/action";
import { getViewer } from "@/lib/auth/session";
import { submitWorkspaceBudget } from "@/lib/budgets/workspace";

export type SubmitState = ActionResult<{ year: number }> | null;

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
  await submitWorkspaceBudget(await getViewer(), {
    unitCode: input.unitCode,
    year: input.year,
    lockVersion: input.lockVersion,
    explanations,
  });
  return { year: input.year };
});

export async function submitBudgetAction(previous: SubmitState, formData: FormData): Promise<SubmitState> {
  const result = await submit(previous, formData);
  if (result.ok) redirect(`/workspace/budgets/${result.data.year}?submitted=1`);
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
