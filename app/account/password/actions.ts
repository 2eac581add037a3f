"use server";

import { redirect } from "next/navigation";
import type { MessageActionState } from "@/lib/action";
import { AppError } from "@/lib/app-error";
import { changePasswordOfRequest, pathAfterPasswordChange } from "@/lib/auth/own-password";

export type ChangePasswordState = MessageActionState;

const UNEXPECTED_MESSAGE = "系统暂时无法完成操作，请稍后再试。如果问题持续，请联系管理员。";

/** 修改密码 (also the forced 修改初始密码): after a forced change, on to the second factor or the workspace. */
export async function changePasswordAction(_previous: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const raw = {
    currentPassword: formData.get("currentPassword") ?? "",
    newPassword: formData.get("newPassword") ?? "",
    confirmPassword: formData.get("confirmPassword") ?? "",
  };
  let wasForced: boolean;
  try {
    ({ wasForced } = await changePasswordOfRequest(raw));
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, fieldErrors: error.fieldErrors, message: error.message, values: {} };
    }
    console.error("Unexpected error while changing a password:", error);
    return { ok: false, fieldErrors: {}, message: UNEXPECTED_MESSAGE, values: {} };
  }
  // A new account goes on to enrol its second factor (ADR 0021).
  if (wasForced) redirect(await pathAfterPasswordChange());
  return { ok: true, data: { message: "密码已修改。下次登录请使用新密码；您在其他设备上的登录已退出。" } };
}
