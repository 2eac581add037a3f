import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { prisma } from "@/lib/db";
import { AUTH_BASE_PATH, authPolicyPlugin } from "./auth-policy-plugin";
import { resolveAuthSettings, type AuthSettings } from "./auth-settings";
import { hashPassword, verifyPassword } from "./password-hash";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";

/** A session ends after this long without a request (等保: automatic logout when idle). */
export const SESSION_IDLE_TIMEOUT_SECONDS = 30 * 60;

function createAuth(settings: AuthSettings) {
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
      minPasswordLength: PASSWORD_MIN_LENGTH,
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
    advanced: {
      useSecureCookies: settings.useSecureCookies,
      // The HTTP front (lib/serving/trusted-proxies.ts) has already replaced X-Forwarded-For by the
      // one client address it resolved from the socket and GONGKAI_TRUSTED_PROXIES; passing the
      // proxies here again would turn a client inside a trusted range into "no address".
      ipAddress: { trustedProxies: [] },
    },
    // Air-gapped networks: nothing may phone home.
    telemetry: { enabled: false },
    // Failed sign-ins are recorded in audit_events; a warning per wrong password would only bury real errors.
    logger: { level: "error" },
    // nextCookies must stay last: it copies the cookies the other plugins set into Next.js.
    plugins: [authPolicyPlugin({ db: prisma }), nextCookies()],
  });
}

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
