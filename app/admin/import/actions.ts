"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/action";
import { getRequestActor } from "@/lib/auth/request-actor";
import type { AppliedAccountImport } from "@/lib/organisation/import/apply-account-import";
import type { AppliedUnitImport } from "@/lib/organisation/import/apply-unit-import";
import type { ImportFile } from "@/lib/organisation/import/import-file";
import type { AccountImportPlan } from "@/lib/organisation/import/plan-account-import";
import type { UnitImportPlan } from "@/lib/organisation/import/plan-unit-import";
import { organisation } from "@/lib/organisation/organisation";

const importSchema = z.object({
  regionId: z.string({ error: "请选择地区。" }).min(1, "请选择地区。"),
  file: z.instanceof(File, { error: "请选择要导入的文件（.xlsx 或 .csv）。" }),
  fingerprint: z.string().max(64).optional(),
});

async function fileOf(file: File): Promise<ImportFile> {
  return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export type UnitPreview = Omit<UnitImportPlan, "writes">;
export type AccountPreview = Omit<AccountImportPlan, "writes">;

const previewUnits = action(importSchema, async (input) => organisation.previewUnitImport(await getRequestActor(), input, await fileOf(input.file)));
const applyUnits = action(importSchema, async (input) => {
  const applied = await organisation.applyUnitImport(await getRequestActor(), input, await fileOf(input.file), input.fingerprint);
  revalidatePath("/admin", "layout");
  return applied;
});
const previewAccounts = action(importSchema, async (input) => organisation.previewAccountImport(await getRequestActor(), input, await fileOf(input.file)));
const applyAccounts = action(importSchema, async (input) => {
  const applied = await organisation.applyAccountImport(await getRequestActor(), input, await fileOf(input.file), input.fingerprint);
  revalidatePath("/admin", "layout");
  return applied;
});

export async function previewUnitImportAction(formData: FormData): Promise<ActionResult<UnitPreview>> {
  return previewUnits(null, formData);
}
export async function applyUnitImportAction(formData: FormData): Promise<ActionResult<AppliedUnitImport>> {
  return applyUnits(null, formData);
}
export async function previewAccountImportAction(formData: FormData): Promise<ActionResult<AccountPreview>> {
  return previewAccounts(null, formData);
}
export async function applyAccountImportAction(formData: FormData): Promise<ActionResult<AppliedAccountImport>> {
  return applyAccounts(null, formData);
}
