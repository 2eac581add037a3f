import { prisma } from "@/lib/db";
import { changeOwnPassword } from "./change-own-password";
import { getClientAddress } from "./client-address";
import { pendingStepPath, readPendingStep } from "./password-change-gate";
import { getPasswordChanger } from "./session";

/** The password page's use case bound to the request's account, its address and the application's database (app/ does not touch Prisma). */
export async function changePasswordOfRequest(raw: unknown): Promise<{ wasForced: boolean }> {
  return changeOwnPassword(prisma, await getPasswordChanger(), raw, { clientAddress: await getClientAddress() });
}

/**
 * After sign-in (or a password change): the page of the step the account must take first
 * (its own password, then its second factor), or where it was going.
 */
export async function pathAfterSignIn(userId: string, next: string): Promise<string> {
  const step = await readPendingStep(prisma, userId);
  return step === null ? next : pendingStepPath(step);
}
