import { prisma } from "@/lib/db";
import { changeOwnPassword } from "./change-own-password";
import { getClientAddress } from "./client-address";
import { pendingStepPath, readPendingStep, TWO_FACTOR_ENROL_PATH } from "./password-change-gate";
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

/**
 * After a forced or expired password was replaced: the enrolment page when the account has no
 * second factor yet (a new account), otherwise the workspace with its notice. Sent directly, not
 * through proxy.ts: a server action's redirect is a client-side navigation, which would show the
 * enrolment page under the workspace's address.
 */
export async function pathAfterPasswordChange(): Promise<string> {
  const changer = await getPasswordChanger();
  const step = changer === null ? null : await readPendingStep(prisma, changer.userId);
  return step === "two_factor" ? TWO_FACTOR_ENROL_PATH : "/workspace?passwordChanged=1";
}
