import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/app-error";
import type { DbReader } from "@/lib/budgets/db-client";
import { hashPassword, verifyPassword } from "./password-hash";
import { passwordProblems } from "./password-policy";

/** How many of a user's latest passwords may not be chosen again (等保: password rotation). */
export const PASSWORD_HISTORY_DEPTH = 5;

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
  // The password's age starts now, and its hash joins the history the next change is checked against.
  await db.user.update({ where: { id: userId }, data: { passwordChangedAt: new Date() }, select: { id: true } });
  await db.passwordHistory.create({ data: { userId, passwordHash: hash }, select: { id: true } });
  const stale = await db.passwordHistory.findMany({
    where: { userId },
    orderBy: { id: "desc" },
    skip: PASSWORD_HISTORY_DEPTH,
    select: { id: true },
  });
  if (stale.length > 0) await db.passwordHistory.deleteMany({ where: { id: { in: stale.map(({ id }) => id) } } });
}

/**
 * Whether the password is the current one or one of the last PASSWORD_HISTORY_DEPTH (argon2id
 * hashes compared one by one; accounts from before the history have their current hash only).
 */
export async function isRecentPassword(db: DbReader, userId: string, password: string): Promise<boolean> {
  const [history, credential] = await Promise.all([
    db.passwordHistory.findMany({ where: { userId }, orderBy: { id: "desc" }, take: PASSWORD_HISTORY_DEPTH, select: { passwordHash: true } }),
    db.account.findFirst({ where: { userId, providerId: CREDENTIAL_PROVIDER }, select: { password: true } }),
  ]);
  const hashes = new Set([...history.map(({ passwordHash }) => passwordHash), ...(credential?.password ? [credential.password] : [])]);
  for (const hash of hashes) {
    if (await verifyPassword(hash, password)) return true;
  }
  return false;
}
