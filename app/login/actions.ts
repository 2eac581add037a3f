"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { action, type ActionResult } from "@/lib/action";
import { mustChangePasswordFirst } from "@/lib/auth/own-password";
import { PASSWORD_CHANGE_PATH } from "@/lib/auth/password-change-gate";
import { signIn } from "@/lib/auth/sign-in";
import { signInSchema } from "@/lib/auth/sign-in-schema";

export type SignInState = ActionResult<{ next: string }> | null;

const submitSignIn = action(
  signInSchema,
  async (input) => {
    const { userId } = await signIn(input, await headers());
    // A password someone else set is replaced before anything else (ADR 0012).
    return { next: (await mustChangePasswordFirst(userId)) ? PASSWORD_CHANGE_PATH : input.next };
  },
  { echo: ["email"] },
);

export async function signInAction(previous: SignInState, formData: FormData): Promise<SignInState> {
  const result = await submitSignIn(previous, formData);
  if (result.ok) redirect(result.data.next);
  return result;
}
