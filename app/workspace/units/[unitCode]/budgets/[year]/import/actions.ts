"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/action";
import { AppError } from "@/lib/app-error";
import { getRequestActor } from "@/lib/auth/request-actor";
import { confirmWorkspaceImport, previewWorkspaceImport, saveWorkspaceHeaderMapping, type ImportPreviewResult } from "@/lib/budget-import/workspace-import";
import { workspaceBudgetPath } from "@/lib/budgets/workspace-paths";
import { MAX_WORKBOOK_BYTES } from "@/lib/import/excel/import-excel-file";

export type PreviewState = ActionResult<ImportPreviewResult> | null;
export type ConfirmState = ActionResult<{ problems: string[] }> | null;
export type MappingState = ActionResult<{ header: string; field: string }> | null;

const workbookFile = z
  .instanceof(File, { error: "请选择要导入的 Excel 文件。" })
  .refine((file) => file.size > 0, { error: "文件是空的，请选择要导入的 .xlsx 文件。" })
  .refine((file) => file.size <= MAX_WORKBOOK_BYTES, { error: "文件超过 10 MB，请拆分后分别导入。" });

const workbookSchema = z.object({
  unitCode: z.string().trim().min(1, "缺少单位编码。"),
  year: z.coerce.number().int().min(2000).max(2100),
  file: workbookFile,
});

async function request(input: z.infer<typeof workbookSchema>) {
  const { viewer, clientAddress } = await getRequestActor();
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  return { viewer, request: { unitCode: input.unitCode, year: input.year, fileName: input.file.name, bytes, clientAddress } };
}

const preview = action(workbookSchema, async (input) => {
  const { viewer, request: req } = await request(input);
  return previewWorkspaceImport(viewer, req);
});

export async function previewImportAction(previous: PreviewState, formData: FormData): Promise<PreviewState> {
  return preview(previous, formData);
}

const confirmSchema = workbookSchema.extend({ lockVersion: z.coerce.number().int().min(0) });

const confirm = action(confirmSchema, async (input) => {
  const { viewer, request: req } = await request(input);
  const result = await confirmWorkspaceImport(viewer, { ...req, baseLockVersion: input.lockVersion });
  if (!result.ok) throw new AppError("INVALID_INPUT", `未保存：${result.problems.map((p) => p.message).join("；")}`);
  return { problems: [], unitCode: input.unitCode, year: input.year, changed: result.data.changedFields };
});

export async function confirmImportAction(previous: ConfirmState, formData: FormData): Promise<ConfirmState> {
  const result = await confirm(null, formData);
  if (result.ok) redirect(`${workspaceBudgetPath(result.data.unitCode, result.data.year)}?imported=${result.data.changed}`);
  return result.ok ? null : result;
}

const mappingSchema = z.object({
  unitCode: z.string(),
  sheetKind: z.string(),
  header: z.string(),
  field: z.string().min(1, "请选择该列对应的内容。"),
});

const mapping = action(mappingSchema, async (input) => {
  const { viewer, clientAddress } = await getRequestActor();
  return saveWorkspaceHeaderMapping(viewer, input, clientAddress);
});

export async function saveMappingAction(previous: MappingState, formData: FormData): Promise<MappingState> {
  return mapping(previous, formData);
}
