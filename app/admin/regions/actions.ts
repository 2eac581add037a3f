"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type MessageActionState } from "@/lib/action";
import { getRequestActor } from "@/lib/auth/request-actor";
import { organisation } from "@/lib/organisation/organisation";

export type OrganisationState = MessageActionState;

/** The use cases parse their own input (with the same Chinese messages); the actions pass the form through. */
const formSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const done = (message: string) => {
  revalidatePath("/admin", "layout");
  return { message };
};
const echo = { echo: ["code", "name", "level", "parentId", "regionId", "departmentId", "nature", "grade", "fundingForm", "duties", "organisation"] };

const createRegion = action(formSchema, async (input) => {
  await organisation.createRegion(await getRequestActor(), input);
  return done(`已新增地区 ${String(input.name)}。`);
}, echo);
const updateRegion = action(formSchema, async (input) => {
  const { isChanged } = await organisation.updateRegion(await getRequestActor(), input);
  return done(isChanged ? "已修改地区名称。" : "没有变化。");
}, echo);
const createDepartment = action(formSchema, async (input) => {
  await organisation.createDepartment(await getRequestActor(), input);
  return done(`已新增主管部门 ${String(input.code)} ${String(input.name)}。`);
}, echo);
const updateDepartment = action(formSchema, async (input) => {
  const { isChanged } = await organisation.updateDepartment(await getRequestActor(), input);
  return done(isChanged ? "已保存主管部门的修改。" : "没有变化。");
}, echo);
const createUnit = action(formSchema, async (input) => {
  await organisation.createUnit(await getRequestActor(), input);
  return done(`已新增预算单位 ${String(input.code)} ${String(input.name)}。`);
}, echo);
const updateUnit = action(formSchema, async (input) => {
  const { isChanged } = await organisation.updateUnit(await getRequestActor(), input);
  return done(isChanged ? "已保存单位的修改。" : "没有变化。");
}, echo);
const deactivateUnit = action(formSchema, async (input) => {
  await organisation.deactivateUnit(await getRequestActor(), input);
  return done("已停用该单位：不能再创建新预算，已公开的文件仍然公开。");
});
const reactivateUnit = action(formSchema, async (input) => {
  await organisation.reactivateUnit(await getRequestActor(), input);
  return done("已启用该单位。");
});

export async function createRegionAction(previous: OrganisationState, formData: FormData): Promise<OrganisationState> {
  return createRegion(previous, formData);
}
export async function updateRegionAction(previous: OrganisationState, formData: FormData): Promise<OrganisationState> {
  return updateRegion(previous, formData);
}
export async function createDepartmentAction(previous: OrganisationState, formData: FormData): Promise<OrganisationState> {
  return createDepartment(previous, formData);
}
export async function updateDepartmentAction(previous: OrganisationState, formData: FormData): Promise<OrganisationState> {
  return updateDepartment(previous, formData);
}
export async function createUnitAction(previous: OrganisationState, formData: FormData): Promise<OrganisationState> {
  return createUnit(previous, formData);
}
export async function updateUnitAction(previous: OrganisationState, formData: FormData): Promise<OrganisationState> {
  return updateUnit(previous, formData);
}
export async function deactivateUnitAction(previous: OrganisationState, formData: FormData): Promise<OrganisationState> {
  return deactivateUnit(previous, formData);
}
export async function reactivateUnitAction(previous: OrganisationState, formData: FormData): Promise<OrganisationState> {
  return reactivateUnit(previous, formData);
}
