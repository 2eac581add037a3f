"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/action";
import { getRequestActor } from "@/lib/auth/request-actor";
import { workspaceBudgetPath } from "@/lib/budgets/workspace-paths";
import { PRIOR_YEAR_SECTIONS, type PriorYearPreviewView } from "@/lib/prior-year-import/prior-year-preview";
import { MAX_PRIOR_YEAR_BYTES, MAX_PRIOR_YEAR_FILES } from "@/lib/prior-year-import/read-prior-year-document";
import { confirmWorkspacePriorYear, previewWorkspacePriorYear } from "@/lib/prior-year-import/workspace";

export type PriorYearPreviewState = ActionResult<PriorYearPreviewView> | null;
export type PriorYearConfirmState = ActionResult<{ changed: number }> | null;

const asList = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

const files = z.preprocess(
  asList,
  z
    .array(z.instanceof(File, { error: "请选择上年的预算公开文件（PDF 或 .docx）。" }))
    .transform((list) => list.filter((f) => f.size > 0 || f.name !== ""))
    .refine((list) => list.length > 0, { error: "请选择上年的预算公开文件（PDF 或 .docx）。" })
    .refine((list) => list.length <= MAX_PRIOR_YEAR_FILES, { error: `一次最多导入${MAX_PRIOR_YEAR_FILES}个文件。` })
    .refine((list) => list.reduce((s, f) => s + f.size, 0) <= MAX_PRIOR_YEAR_BYTES, { error: `文件合计超过 ${MAX_PRIOR_YEAR_BYTES / 1024 / 1024} MB 的上限。` }),
);

const previewSchema = z.object({
  unitCode: z.string().trim().min(1, "缺少单位编码。"),
  year: z.coerce.number().int().min(2000).max(2100),
  file: files,
});

async function request(input: z.infer<typeof previewSchema>) {
  const { viewer, clientAddress } = await getRequestActor();
  const uploads = await Promise.all(input.file.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  return { viewer, request: { unitCode: input.unitCode, year: input.year, files: uploads, clientAddress } };
}

const preview = action(previewSchema, async (input) => {
  const { viewer, request: req } = await request(input);
  return previewWorkspacePriorYear(viewer, req);
});

export async function previewPriorYearAction(previous: PriorYearPreviewState, formData: FormData): Promise<PriorYearPreviewState> {
  return preview(previous, formData);
}

const confirmSchema = previewSchema.extend({
  lockVersion: z.coerce.number().int().min(0),
  accept: z.preprocess(asList, z.array(z.enum(PRIOR_YEAR_SECTIONS))),
});

const confirm = action(confirmSchema, async (input) => {
  const { viewer, request: req } = await request(input);
  const result = await confirmWorkspacePriorYear(viewer, { ...req, baseLockVersion: input.lockVersion, accept: input.accept });
  return { changed: result.changedFields, unitCode: input.unitCode, year: input.year };
});

export async function confirmPriorYearAction(previous: PriorYearConfirmState, formData: FormData): Promise<PriorYearConfirmState> {
  const result = await confirm(null, formData);
  if (result.ok) redirect(`${workspaceBudgetPath(result.data.unitCode, result.data.year)}?priorImported=${result.data.changed}`);
  return result;
}
