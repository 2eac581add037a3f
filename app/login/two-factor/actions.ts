"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { action, type ActionResult } from "@/lib/action";
import { pathAfterSignIn } from "@/lib/auth/own-password";
import { verifySecondFactor } from "@/lib/auth/sign-in";
import { backupCodeSignInSchema, totpSignInSchema } from "@/lib/auth/sign-in-schema";

export type SecondFactorState = ActionResult<{ next: string }> | null;

const submitTotp = action(totpSignInSchema, async (input) => {
  const { userId } = await verifySecondFactor("totp", input.code, await headers());
  // An expired password is changed right after the sign-in (ADR 0021).
  return { next: await pathAfterSignIn(userId, input.next) };
});

const submitBackupCode = action(backupCodeSignInSchema, async (input) => {
  const { userId } = await verifySecondFactor("backup_code", input.backupCode, await headers());
  return { next: await pathAfterSignIn(userId, input.next) };
});

export async function totpSignInAction(previous: SecondFactorState, formData: FormData): Promise<SecondFactorState> {
  const result = await submitTotp(previous, formData);
  if (result.ok) redirect(result.data.next);
  return result;
}

export async function backupCodeSignInAction(previous: SecondFactorState, formData: FormData): Promise<SecondFactorState> {
  const result = await submitBackupCode(previous, formData);
  if (result.ok) redirect(result.data.next);
  return result;
}
