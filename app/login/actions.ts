"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { action, type ActionResult } from "@/lib/action";
import { signIn } from "@/lib/auth/sign-in";
import { signInSchema } from "@/lib/auth/sign-in-schema";

export type SignInState = ActionResult<{ next: string }> | null;

const submitSignIn = action(
  signInSchema,
  async (input) => {
    await signIn(input, await headers());
    return { next: input.next };
  },
  { echo: ["email"] },
);

export async function signInAction(previous: SignInState, formData: FormData): Promise<SignInState> {
  const result = await submitSignIn(previous, formData);
  if (result.ok) redirect(result.data.next);
  return result;
}
