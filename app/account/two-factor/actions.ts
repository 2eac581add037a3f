"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { MessageActionState } from "@/lib/action";
import { AppError } from "@/lib/app-error";
import { confirmEnrolmentOfRequest, startEnrolmentOfRequest } from "@/lib/auth/own-second-factor";

export type EnrolState = MessageActionState;

const UNEXPECTED_MESSAGE = "系统暂时无法完成操作，请稍后再试。如果问题持续，请联系管理员。";

function refusal(error: unknown): EnrolState {
  if (error instanceof AppError) return { ok: false, fieldErrors: error.fieldErrors, message: error.message, values: {} };
  console.error("Unexpected error while enrolling a second factor:", error);
  return { ok: false, fieldErrors: {}, message: UNEXPECTED_MESSAGE, values: {} };
}

/** 开始设置: a new secret and backup codes, shown on the page that reloads. */
export async function startEnrolmentAction(_previous: EnrolState, _formData: FormData): Promise<EnrolState> {
  try {
    await startEnrolmentOfRequest();
  } catch (error) {
    return refusal(error);
  }
  redirect("/account/two-factor");
}

/** 完成设置: the first code confirms; then on to the workspace. */
export async function confirmEnrolmentAction(_previous: EnrolState, formData: FormData): Promise<EnrolState> {
  try {
    await confirmEnrolmentOfRequest({ code: formData.get("code") ?? "" }, await headers());
  } catch (error) {
    return refusal(error);
  }
  redirect("/workspace?twoFactorEnrolled=1");
}
