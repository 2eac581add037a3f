import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/app-error";
import type { DbReader } from "@/lib/budgets/db-client";
import { hashPassword } from "./password-hash";
import { passwordProblems } from "./password-policy";

/** better-auth's provider id for e-mail and password accounts. */
export const CREDENTIAL_PROVIDER = "credential";

/**
 * Gives a user a password (or replaces it): checked against the password rule, then stored as an
 * argon2id hash in the account row better-auth's sign-in reads. Every path outside better-auth
 * that sets a password (the demo seed, test factories, later the administrators' screens after
 * their own authorization check) goes through here, so none can skip the rule.
 */
export async function storePassword(db: DbReader, userId: string, password: string): Promise<void> {
  const problems = passwordProblems(password);
  if (problems.length > 0) throw new AppError("INVALID_INPUT", problems.join(""), { password: problems });
  const hash = await hashPassword(password);
  const existing = await db.account.findFirst({
    where: { userId, providerId: CREDENTIAL_PROVIDER },
    select: { id: true },
  });
  if (existing === null) {
    await db.account.create({
      data: { id: randomUUID(), userId, accountId: userId, providerId: CREDENTIAL_PROVIDER, password: hash },
      select: { id: true },
    });
  } else {
    await db.account.update({ where: { id: existing.id }, data: { password: hash }, select: { id: true } });
  }
}
