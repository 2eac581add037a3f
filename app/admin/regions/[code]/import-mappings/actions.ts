"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type MessageActionState } from "@/lib/action";
import { getRequestActor } from "@/lib/auth/request-actor";
import { regionHeaderMappings } from "@/lib/header-mappings/admin";

export type MappingState = MessageActionState;

/** The use cases parse their own input (with Chinese messages); the actions pass the form through. */
const formSchema = z.record(z.string(), z.string());

const add = action(
  formSchema,
  async (input) => {
    const saved = await regionHeaderMappings.add(await getRequestActor(), input);
    revalidatePath(`/admin/regions/${input.regionCode ?? ""}/import-mappings`);
    return { message: `已保存表头“${saved.header}”的对应关系，本地区以后导入的工作簿按此识别。` };
  },
  { echo: ["sheetKind", "header", "field"] },
);

export async function addMappingAction(previous: MappingState, formData: FormData): Promise<MappingState> {
  return add(previous, formData);
}

const remove = action(formSchema, async (input) => {
  const deleted = await regionHeaderMappings.delete(await getRequestActor(), input);
  revalidatePath(`/admin/regions/${input.regionCode ?? ""}/import-mappings`);
  return { message: `已删除表头“${deleted.header}”的对应关系。` };
});

export async function deleteMappingAction(previous: MappingState, formData: FormData): Promise<MappingState> {
  return remove(previous, formData);
}
