import type { DbReader } from "@/lib/budgets/db-client";

/** The one back-office page an account that must change its password can use (修改初始密码). */
export const PASSWORD_CHANGE_PATH = "/account/password";

/**
 * Where a signed-in request goes while its account must change its password: the password page
 * itself is served, every other back-office path is sent there (null: serve it). Pure, for
 * proxy.ts; the real enforcement is that getViewer (lib/auth/session.ts) has no viewer until then.
 */
export function passwordChangeRedirect(pathname: string, mustChangePassword: boolean): string | null {
  if (!mustChangePassword) return null;
  return pathname === PASSWORD_CHANGE_PATH ? null : PASSWORD_CHANGE_PATH;
}

export async function isPasswordChangePending(db: DbReader, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { mustChangePassword: true } });
  return user?.mustChangePassword === true;
}
