"use server";

import { resetSecondFactorSchema } from "@/lib/auth/reset-second-factor";
import { revalidatePath } from "next/cache";
import { action, type MessageActionState } from "@/lib/action";
import { accounts } from "@/lib/admin/accounts";
import { createUserSchema, grantRoleSchema, revokeRoleSchema, unlockUserSchema } from "@/lib/admin/admin-schemas";
import { getRequestActor } from "@/lib/auth/request-actor";

export type AdminState = MessageActionState;

const done = (message: string) => {
  revalidatePath("/admin/users");
  return { message };
};

const create = action(
  createUserSchema,
  async (input) => {
    const created = await accounts.create(await getRequestActor(), input);
    return done(`已创建账户 ${created.email}。`);
  },
  { echo: ["name", "email"] },
);
const grant = action(grantRoleSchema, async (input) => {
  await accounts.grant(await getRequestActor(), { ...input, scope: input.scope.kind === "global" ? "global" : `${input.scope.kind}:${input.scope.id}` });
  return done("已授予角色。");
});
const revoke = action(revokeRoleSchema, async (input) => {
  await accounts.revoke(await getRequestActor(), input);
  return done("已撤销角色。");
});
const unlock = action(unlockUserSchema, async (input) => {
  await accounts.unlock(await getRequestActor(), input);
  return done("已解锁账户。");
});

const resetSecondFactor = action(resetSecondFactorSchema, async (input) => {
  await accounts.resetSecondFactor(await getRequestActor(), input);
  return done("已重置双因素认证，该账户已退出登录，下次登录时须重新设置。");
});

export async function resetSecondFactorAction(previous: AdminState, formData: FormData): Promise<AdminState> {
  return resetSecondFactor(previous, formData);
}

export async function createUserAction(previous: AdminState, formData: FormData): Promise<AdminState> {
  return create(previous, formData);
}
export async function grantRoleAction(previous: AdminState, formData: FormData): Promise<AdminState> {
  return grant(previous, formData);
}
export async function revokeRoleAction(previous: AdminState, formData: FormData): Promise<AdminState> {
  return revoke(previous, formData);
}
export async function unlockUserAction(previous: AdminState, formData: FormData): Promise<AdminState> {
  return unlock(previous, formData);
}

