"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/action";
import { AppError } from "@/lib/app-error";
import { getRequestActor } from "@/lib/auth/request-actor";
import { codeBooks } from "@/lib/codebooks/code-book-admin";
import type { CodeBookImportPlan } from "@/lib/codebooks/prepare-code-book-import";
import type { SpreadsheetProblem } from "@/lib/spreadsheet/read-spreadsheet";
import { rejectUnsafeText } from "@/lib/validation/safe-text";

export type PreviewState = ActionResult<{ plan: CodeBookImportPlan } | { problems: SpreadsheetProblem[] }> | null;
export type ImportState = ActionResult<{ message: string }> | null;

const yearField = z.coerce.number({ error: "请填写预算年度。" }).int("请填写有效的预算年度。").min(1990, "请填写有效的预算年度。").max(2999, "请填写有效的预算年度。");

const previewSchema = z.object({
  year: yearField,
  file: z.instanceof(File, { error: "请选择科目表文件（.xlsx 或 .csv）。" }).refine((file) => file.size > 0, "请选择科目表文件（.xlsx 或 .csv）。"),
});

const preview = action(
  previewSchema,
  async ({ year, file }) => {
    const result = await codeBooks.preview(await getRequestActor(), { year, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    return result.ok ? { plan: result.plan } : { problems: result.problems };
  },
  { echo: ["year"] },
);

export async function previewCodeBookAction(previous: PreviewState, formData: FormData): Promise<PreviewState> {
  return preview(previous, formData);
}

const codeSchema = z.object({
  scheme: z.enum(["FUNCTIONAL", "ECONOMIC"]),
  code: z.string().regex(/^\d{3,7}$/),
  name: z.string().min(1).max(200),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  parentCode: z.string().regex(/^\d{3,5}$/).nullable(),
});
const planSchema = z.object({
  year: z.number().int().min(1990).max(2999),
  fileName: z.string().max(300),
  functional: z.array(codeSchema).max(20_000),
  economic: z.array(codeSchema).max(20_000),
  nextRevision: z.number().int().min(1),
}).superRefine(rejectUnsafeText);

const importSchema = z.object({
  plan: z.string().min(2, "请先预览科目表。"),
  effectiveOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "请填写生效日期。"),
  note: z.string().trim().max(500, "说明不超过 500 字。").default(""),
});

const importBook = action(importSchema, async (input) => {
  const parsedPlan = planSchema.safeParse(parseJson(input.plan));
  if (!parsedPlan.success) throw new AppError("INVALID_INPUT", "预览数据不完整，请重新选择文件并预览。");
  const plan = parsedPlan.data;
  const loaded = await codeBooks.import(await getRequestActor(), {
    year: plan.year,
    fileName: plan.fileName,
    functional: plan.functional,
    economic: plan.economic,
    effectiveOn: input.effectiveOn,
    note: input.note,
    expectedRevision: plan.nextRevision,
  });
  revalidatePath("/admin/codebooks");
  return { message: `已导入${loaded.year}年第 ${loaded.revision} 版科目表：支出功能分类 ${loaded.functionalCount} 个，支出经济分类 ${loaded.economicCount} 个。` };
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function importCodeBookAction(previous: ImportState, formData: FormData): Promise<ImportState> {
  return importBook(previous, formData);
}
