import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { twoFactor } from "better-auth/plugins";
import { prisma } from "@/lib/db";
import { AUTH_BASE_PATH, authPolicyPlugin } from "./auth-policy-plugin";
import { resolveAuthSettings, type AuthSettings } from "./auth-settings";
import { hashPassword, verifyPassword } from "./password-hash";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";
import { SESSION_IDLE_TIMEOUT_SECONDS } from "./session-lifetime";
import type { SecretKey } from "./totp-secret";

export { SESSION_IDLE_TIMEOUT_SECONDS } from "./session-lifetime";

/** The name authenticator apps show beside the code. */
export const TOTP_ISSUER = "预算公开平台";

/** A better-auth instance with Gongkai's settings (the app uses the one of getAuth(); tests build others, e.g. over TLS). */
export function createAuth(settings: AuthSettings) {
  return betterAuth({
    appName: "预算公开平台",
    secret: settings.secret,
    baseURL: settings.baseURL,
    basePath: AUTH_BASE_PATH,
    database: prismaAdapter(prisma, { provider: "postgresql", transaction: true }),
    emailAndPassword: {
      enabled: true,
      // Accounts are created by administrators (and the demo seed), never by visitors.
      disableSignUp: true,
      // The real rule (lib/auth/password-policy.ts, configurable) is applied by the policy plugin.
      minPasswordLength: Math.min(8, PASSWORD_MIN_LENGTH),
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      password: {
        hash: hashPassword,
        verify: ({ hash, password }) => verifyPassword(hash, password),
      },
    },
    session: {
      // Sliding idle timeout: every authenticated request moves the expiry 30 minutes ahead
      // (updateAge 0), in the database and in the cookie (proxy.ts refreshes the cookie, since
      // server components cannot set one).
      expiresIn: SESSION_IDLE_TIMEOUT_SECONDS,
      updateAge: 0,
      // Every request reads the session row, so sign-out and expiry take effect at once.
      cookieCache: { enabled: false },
    },
    // The HTTP front (lib/serving/trusted-proxies.ts) has already replaced X-Forwarded-For by the
    // one client address it resolved from the socket and GONGKAI_TRUSTED_PROXIES; passing the
    // proxies here again would turn a client inside a trusted range into "no address".
    advanced: settings.useSecureCookies
      ? {
          // Over TLS the cookies are `__Host-` (Secure, Path=/, no Domain: no sub-domain can set or
          // read them). better-auth's own secure mode would prefix `__Secure-`; the prefix and the
          // Secure attribute are set here instead (ADR 0021).
          useSecureCookies: false,
          cookiePrefix: SECURE_COOKIE_PREFIX,
          defaultCookieAttributes: { secure: true, path: "/" },
          ipAddress: { trustedProxies: [] },
        }
      : {
          useSecureCookies: false,
          ipAddress: { trustedProxies: [] },
        },
    // Air-gapped networks: nothing may phone home.
    telemetry: { enabled: false },
    // Failed sign-ins are recorded in audit_events; a warning per wrong password would only bury real errors.
    logger: { level: "error" },
    plugins: [
      // Before the policy plugin: its sign-in hook takes the password-only session back first,
      // so the policy plugin sees the challenge (ADR 0021).
      twoFactor({
        issuer: TOTP_ISSUER,
        // Enrolment runs on /account/two-factor right after a password sign-in (and, for a new
        // account, a password change); its endpoints are not reachable over HTTP.
        allowPasswordless: true,
        totpOptions: { digits: 6, period: 30 },
        backupCodeOptions: { amount: 10, length: 10, storeBackupCodes: "encrypted" },
        // Wrong codes count towards Gongkai's own lockout (lib/auth/second-factor-hooks.ts).
        accountLockout: { enabled: false },
        // Five minutes to type the code after the password.
        twoFactorCookieMaxAge: 300,
      }),
      authPolicyPlugin({ db: prisma }),
      // nextCookies must stay last: it copies the cookies the other plugins set into Next.js.
      nextCookies(),
    ],
  });
}

/** The cookie names' prefix over TLS: `__Host-gongkai.session_token`. */
export const SECURE_COOKIE_PREFIX = "__Host-gongkai";

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as typeof globalThis & { gongkaiAuth?: Auth };

/**
 * The better-auth instance, created on first use (not on import) so that `next build` and
 * modules that merely import it need neither a database nor a secret.
 */
export function getAuth(): Auth {
  globalForAuth.gongkaiAuth ??= createAuth(resolveAuthSettings());
  return globalForAuth.gongkaiAuth;
}

/** The key better-auth encrypts TOTP secrets and backup codes with (derived from BETTER_AUTH_SECRET). */
export async function authSecretKey(): Promise<SecretKey> {
  return (await getAuth().$context).secretConfig;
}
