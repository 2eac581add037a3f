import type { DbReader } from "@/lib/budgets/db-client";
import { parseEnv } from "@/lib/env";

/** The one back-office page an account that must change its password can use (修改初始密码, or an expired password). */
export const PASSWORD_CHANGE_PATH = "/account/password";
/** The one back-office page an account without a second factor can use (设置双因素认证). */
export const TWO_FACTOR_ENROL_PATH = "/account/two-factor";

/**
 * What a signed-in account must do before it gets a viewer: set its own password (someone else
 * set it, or it is older than the maximum age), then enrol its second factor. Null: nothing.
 */
export type PendingStep = "password" | "two_factor" | null;

export interface AccountState {
  mustChangePassword: boolean;
  passwordChangedAt: Date;
  twoFactorEnabled: boolean;
}

export const ACCOUNT_STATE_SELECT = { mustChangePassword: true, passwordChangedAt: true, twoFactorEnabled: true } as const;

let maxAgeFromEnv: number | undefined;

/** GONGKAI_PASSWORD_MAX_AGE_DAYS (validated in lib/env.ts; 0: passwords never expire), read once. */
export function configuredPasswordMaxAgeDays(): number {
  maxAgeFromEnv ??= parseEnv().GONGKAI_PASSWORD_MAX_AGE_DAYS;
  return maxAgeFromEnv;
}

export function isPasswordExpired(passwordChangedAt: Date, now: Date, maxAgeDays: number = configuredPasswordMaxAgeDays()): boolean {
  return maxAgeDays > 0 && now.getTime() - passwordChangedAt.getTime() >= maxAgeDays * 24 * 60 * 60 * 1000;
}

/** Pure: the step the account must take first. The password comes first, so the factor is enrolled by its owner. */
export function pendingStepOf(state: AccountState, now: Date, maxAgeDays: number = configuredPasswordMaxAgeDays()): PendingStep {
  if (state.mustChangePassword || isPasswordExpired(state.passwordChangedAt, now, maxAgeDays)) return "password";
  if (!state.twoFactorEnabled) return "two_factor";
  return null;
}

/** The page of a pending step. */
export function pendingStepPath(step: Exclude<PendingStep, null>): string {
  return step === "password" ? PASSWORD_CHANGE_PATH : TWO_FACTOR_ENROL_PATH;
}

/**
 * Where a signed-in request goes while its account has a step pending: that step's page is
 * served, every other back-office path is sent there (null: serve it). Pure, for proxy.ts; the
 * real enforcement is that getViewer (lib/auth/session.ts) has no viewer until then.
 */
export function accountGateRedirect(pathname: string, step: PendingStep): string | null {
  if (step === null) return null;
  const target = pendingStepPath(step);
  return pathname === target ? null : target;
}

/** The older, password-only form of accountGateRedirect. */
export function passwordChangeRedirect(pathname: string, mustChangePassword: boolean): string | null {
  return accountGateRedirect(pathname, mustChangePassword ? "password" : null);
}

export async function readPendingStep(db: DbReader, userId: string, now: Date = new Date()): Promise<PendingStep> {
  const user = await db.user.findUnique({ where: { id: userId }, select: ACCOUNT_STATE_SELECT });
  return user === null ? "password" : pendingStepOf(user, now);
}

export async function isPasswordChangePending(db: DbReader, userId: string): Promise<boolean> {
  return (await readPendingStep(db, userId)) === "password";
}
