import { prisma } from "@/lib/db";
import { changeOwnPassword } from "./change-own-password";
import { getClientAddress } from "./client-address";
import { isPasswordChangePending } from "./password-change-gate";
import { getPasswordChanger } from "./session";

/** The password page's use case bound to the request's account, its address and the application's database (app/ does not touch Prisma). */
export async function changePasswordOfRequest(raw: unknown): Promise<{ wasForced: boolean }> {
  return changeOwnPassword(prisma, await getPasswordChanger(), raw, { clientAddress: await getClientAddress() });
}

/** After sign-in: whether the account goes to /account/password first (its password was set by someone else). */
export function mustChangePasswordFirst(userId: string): Promise<boolean> {
  return isPasswordChangePending(prisma, userId);
}
