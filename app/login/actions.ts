"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { action, type ActionResult } from "@/lib/action";
import { pathAfterSignIn } from "@/lib/auth/own-password";
import { signIn } from "@/lib/auth/sign-in";
import { signInSchema } from "@/lib/auth/sign-in-schema";

export type SignInState = ActionResult<{ next: string }> | null;

/** The second step's page, keeping where the person was going. */
function secondFactorPath(next: string): string {
  return `/login/two-factor?next=${encodeURIComponent(next)}`;
}

const submitSignIn = action(
  signInSchema,
  async (input) => {
    const outcome = await signIn(input, await headers());
    if (outcome.kind === "second_factor") return { next: secondFactorPath(input.next) };
    // No second factor yet: a password someone else set is replaced first, then the factor is enrolled (ADR 0021).
    return { next: await pathAfterSignIn(outcome.userId, input.next) };
  },
  { echo: ["email"] },
);

export async function signInAction(previous: SignInState, formData: FormData): Promise<SignInState> {
  const result = await submitSignIn(previous, formData);
  if (result.ok) redirect(result.data.next);
  return result;
}
