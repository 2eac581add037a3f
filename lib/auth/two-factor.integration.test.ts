import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { disconnectPrisma } from "@/lib/db";
import { createUnit, createUser } from "@/lib/demo/factories";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { createAuth, getAuth } from "./auth";
import { resolveAuthSettings } from "./auth-settings";
import { changeOwnPassword, type PasswordChanger } from "./change-own-password";
import { confirmEnrolment, readPendingEnrolment, startEnrolment } from "./enrol-second-factor";
import { readPendingStep } from "./password-change-gate";
import { resetSecondFactor } from "./reset-second-factor";
import { getViewerFromHeaders } from "./session";
import { verifySecondFactor } from "./sign-in";
import {
  auditRows,
  CLIENT_ADDRESS,
  cookieHeaderFrom,
  createSignInUser,
  requestHeaders,
  signInForCookie,
  signInWithPassword,
  TEST_PASSWORD,
} from "./test-support";
import { TEST_TOTP_SECRET, totpCode } from "./totp-code";

beforeEach(resetDatabase);
afterAll(disconnectPrisma);

/** A code the app does not accept now: the current one shifted by half the code space (outside the ±30 s window). */
async function wrongCode(secret: string = TEST_TOTP_SECRET): Promise<string> {
  return String((Number(await totpCode(secret)) + 500_000) % 1_000_000).padStart(6, "0");
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

function lockStateOf(userId: string) {
  return prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { failedLoginCount: true, lockedUntil: true } });
}

describe("enrolment", () => {
  it("an account without a second factor gets no viewer until a first code confirms its new secret; then it signs in with codes and backup codes", async () => {
    const user = await createUser(prisma, { password: TEST_PASSWORD, totpSecret: null });
    const { cookie } = await signInWithPassword(user.email);
    expect(cookie).toContain("session_token=");
    expect(await getViewerFromHeaders(requestHeaders(cookie))).toBeNull();
    expect(await readPendingStep(prisma, user.id)).toBe("two_factor");

    const enroller = { userId: user.id, email: user.email, step: "two_factor" as const };
    expect(await readPendingEnrolment(prisma, enroller)).toBeNull();
    await startEnrolment(prisma, enroller);
    const pending = await readPendingEnrolment(prisma, enroller);
    expect(pending?.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(pending?.totpUri).toMatch(/^otpauth:\/\/totp\/.+\?secret=[A-Z2-7]+&issuer=/);
    expect(pending?.backupCodes).toHaveLength(10);
    for (const code of pending?.backupCodes ?? []) expect(code).toMatch(/^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/);
    const secret = pending?.secret ?? "";
    // Stored encrypted: neither the secret nor a backup code is in the row.
    const row = await prisma.twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.verified).toBe(false);
    expect(row.secret).not.toContain(secret.slice(0, 16));
    expect(row.backupCodes).not.toContain(pending?.backupCodes[0] ?? "-");

    const wrong = await refusal(confirmEnrolment(prisma, enroller, { code: await wrongCode(secret) }, requestHeaders(cookie), CLIENT_ADDRESS));
    expect(wrong.code).toBe("INVALID_INPUT");
    expect(wrong.fieldErrors.code?.[0]).toMatch(/^动态口令不正确/);
    expect((await refusal(confirmEnrolment(prisma, enroller, { code: "12ab" }, requestHeaders(cookie), CLIENT_ADDRESS))).fieldErrors.code).toEqual([
      "动态口令是 6 位数字，请查看身份验证器应用中本平台的口令。",
    ]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).twoFactorEnabled).toBe(false);

    await confirmEnrolment(prisma, enroller, { code: await totpCode(secret) }, requestHeaders(cookie), CLIENT_ADDRESS);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).twoFactorEnabled).toBe(true);
    expect(await readPendingStep(prisma, user.id)).toBeNull();
    expect((await auditRows("auth.two_factor_enrol")).map((r) => [r.result, r.userId, r.clientAddress])).toEqual([
      ["FAILURE", user.id, CLIENT_ADDRESS],
      ["SUCCESS", user.id, CLIENT_ADDRESS],
    ]);

    // From now on: password, then the code of the enrolled secret.
    const session = await signInForCookie(user.email, TEST_PASSWORD, secret);
    expect(await getViewerFromHeaders(requestHeaders(session))).toMatchObject({ userId: user.id });

    // A backup code works once.
    const backupCode = pending?.backupCodes[0] ?? "";
    const first = await signInWithPassword(user.email);
    expect(await verifySecondFactor("backup_code", backupCode, requestHeaders(first.cookie))).toEqual({ userId: user.id });
    const again = await signInWithPassword(user.email);
    const reused = await refusal(verifySecondFactor("backup_code", backupCode, requestHeaders(again.cookie)));
    expect([reused.code, reused.message]).toEqual(["UNAUTHENTICATED", "备用码不正确或已使用过。再输错 4 次，账户将被锁定 30 分钟。"]);
    expect(await verifySecondFactor("backup_code", pending?.backupCodes[1] ?? "", requestHeaders(again.cookie))).toEqual({ userId: user.id });
    expect((await auditRows("auth.sign_in")).filter((r) => r.result === "SUCCESS").map((r) => (r.details as { secondFactor?: string }).secondFactor)).toEqual([
      "not_enrolled",
      "totp",
      "backup_code",
      "backup_code",
    ]);
  });
});

describe("signing in with a second factor", () => {
  it("the password alone opens no session; wrong codes count towards the lockout, and the lock ends the account's sessions", async () => {
    const user = await createSignInUser();
    const earlier = await signInForCookie(user.email);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);

    const challenge = await signInWithPassword(user.email);
    expect(challenge.response).toMatchObject({ twoFactorRedirect: true });
    expect(challenge.cookie).toContain("two_factor=");
    expect(challenge.cookie).not.toContain("session_token=");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);

    for (const left of [4, 3, 2, 1]) {
      const wrong = await refusal(verifySecondFactor("totp", await wrongCode(), requestHeaders(challenge.cookie)));
      expect([wrong.code, wrong.message]).toEqual(["UNAUTHENTICATED", `动态口令不正确。再输错 ${left} 次，账户将被锁定 30 分钟。`]);
    }
    expect((await lockStateOf(user.id)).failedLoginCount).toBe(4);
    const locked = await refusal(verifySecondFactor("totp", await wrongCode(), requestHeaders(challenge.cookie)));
    expect(locked.code).toBe("LOCKED");
    expect((await lockStateOf(user.id)).lockedUntil).not.toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await getViewerFromHeaders(requestHeaders(earlier))).toBeNull();

    // Locked: even the right password and code are refused.
    const afterLock = await signInWithPassword(user.email).catch((error: unknown) => error);
    expect(afterLock).toMatchObject({ body: { code: "ACCOUNT_LOCKED" } });
    expect((await auditRows()).filter((r) => r.userId === user.id).map((r) => [r.action, r.result, (r.details as { reason?: string }).reason])).toEqual([
      ["auth.sign_in_password", "SUCCESS", undefined],
      ["auth.sign_in", "SUCCESS", undefined],
      ["auth.sign_in_password", "SUCCESS", undefined],
      ...Array.from({ length: 5 }, () => ["auth.sign_in", "FAILURE", "wrong_code"]),
      ["auth.lock", "SUCCESS", "wrong_code"],
      ["auth.sign_in", "DENIED", "locked"],
    ]);
  });

  it("over HTTP: no session token in any JSON body, and 'trust this device' is refused", async () => {
    const user = await createSignInUser();
    const post = (path: string, body: unknown, cookie = "") =>
      getAuth().handler(
        new Request(`http://localhost:3000/api/auth${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": CLIENT_ADDRESS, cookie },
          body: JSON.stringify(body),
        }),
      );

    const signIn = await post("/sign-in/email", { email: user.email, password: TEST_PASSWORD });
    expect(await signIn.json()).toEqual({ twoFactorRedirect: true, twoFactorMethods: ["totp"] });
    const challenge = cookieHeaderFrom(signIn.headers);

    const trusted = await post("/two-factor/verify-totp", { code: await totpCode(TEST_TOTP_SECRET), trustDevice: true }, challenge);
    expect(trusted.status).toBe(400);
    expect(await trusted.json()).toMatchObject({ code: "TRUST_DEVICE_REFUSED" });
    expect(cookieHeaderFrom(trusted.headers)).not.toContain("session_token=");

    const verified = await post("/two-factor/verify-totp", { code: await totpCode(TEST_TOTP_SECRET) }, challenge);
    expect(verified.status).toBe(200);
    const cookie = cookieHeaderFrom(verified.headers);
    const token = /session_token=([^.;]+)/.exec(cookie)?.[1] ?? "";
    expect(token.length).toBeGreaterThan(20);
    const verifiedBody = await verified.text();
    expect(verifiedBody).not.toContain(token);
    expect(JSON.parse(verifiedBody)).not.toHaveProperty("token");

    const session = await getAuth().handler(new Request("http://localhost:3000/api/auth/get-session", { headers: { cookie } }));
    const sessionBody = await session.text();
    expect(JSON.parse(sessionBody)).toMatchObject({ user: { id: user.id }, session: { userId: user.id } });
    expect(sessionBody).not.toContain(token);
    expect(sessionBody).not.toContain('"token"');
  });
});

describe("cookies over TLS", () => {
  it("are __Host- prefixed and Secure when the public address is https", async () => {
    const settings = resolveAuthSettings({ ...process.env, GONGKAI_PUBLIC_URL: "https://yusuan.example.gov.cn" });
    expect(settings.useSecureCookies).toBe(true);
    const auth = createAuth(settings);
    const newcomer = await createUser(prisma, { password: TEST_PASSWORD, totpSecret: null });
    const enrolled = await createSignInUser();
    const setCookies = async (email: string) =>
      (await auth.api.signInEmail({ body: { email, password: TEST_PASSWORD }, headers: requestHeaders(), returnHeaders: true })).headers.getSetCookie();

    for (const [email, name] of [
      [newcomer.email, "__Host-gongkai.session_token="],
      [enrolled.email, "__Host-gongkai.two_factor="],
    ] as const) {
      const cookie = (await setCookies(email)).find((line) => line.startsWith(name));
      expect(cookie, name).toBeDefined();
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; Path=\//i);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).not.toMatch(/Domain=/i);
    }
  });
});

describe("password expiry and history", () => {
  it("a password older than 90 days must be changed after signing in, and none of the last five may be chosen again", async () => {
    const user = await createSignInUser();
    await prisma.user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(Date.now() - 91 * 24 * 60 * 60 * 1000) } });
    const cookie = await signInForCookie(user.email);
    expect(await getViewerFromHeaders(requestHeaders(cookie))).toBeNull();
    expect(await readPendingStep(prisma, user.id)).toBe("password");

    const session = await prisma.session.findFirstOrThrow({ where: { userId: user.id }, select: { id: true } });
    const changer: PasswordChanger = { userId: user.id, sessionId: session.id, email: user.email, name: user.name, mustChangePassword: true };
    const change = (currentPassword: string, newPassword: string) =>
      changeOwnPassword(prisma, changer, { currentPassword, newPassword, confirmPassword: newPassword }, { clientAddress: CLIENT_ADDRESS });
    const passwords = ["Erste#Losung2025", "Zweite#Losung2025", "Dritte#Losung2025"];
    await change(TEST_PASSWORD, passwords[0] ?? "");
    expect(await readPendingStep(prisma, user.id)).toBeNull();
    expect(await getViewerFromHeaders(requestHeaders(cookie))).toMatchObject({ userId: user.id });
    await change(passwords[0] ?? "", passwords[1] ?? "");
    await change(passwords[1] ?? "", passwords[2] ?? "");

    for (const earlier of [TEST_PASSWORD, passwords[0] ?? ""]) {
      const reused = await refusal(change(passwords[2] ?? "", earlier));
      expect(reused.fieldErrors.newPassword).toEqual(["新密码不能与最近 5 次使用过的密码相同。"]);
    }
    expect(await prisma.passwordHistory.count({ where: { userId: user.id } })).toBe(4);
  });
});

describe("resetSecondFactor", () => {
  it("a security administrator of the account's region (or a global one) resets it: sessions end, the account enrols again; others are refused and audited", async () => {
    const unit = await createUnit(prisma);
    const other = await createUnit(prisma);
    const target = await createSignInUser([{ role: "ACCOUNTANT", unitId: unit.unitId }]);
    const regional = await createUser(prisma, { roles: [{ role: "SECURITY_ADMIN", regionId: unit.regionId }] });
    const elsewhere = await createUser(prisma, { roles: [{ role: "SECURITY_ADMIN", regionId: other.regionId }] });
    const admin = await createUser(prisma, { roles: [{ role: "ADMIN" }] });
    const cookie = await signInForCookie(target.email);
    const viewerOf = (user: { id: string }, roles: { role: "SECURITY_ADMIN" | "ADMIN"; regionId?: number }[]) => ({ userId: user.id, roles });

    const byAdmin = await refusal(resetSecondFactor(prisma, viewerOf(admin, [{ role: "ADMIN" }]), { userId: target.id }, { clientAddress: CLIENT_ADDRESS }));
    expect([byAdmin.code, byAdmin.message]).toEqual(["FORBIDDEN", "只有安全管理员可以重置双因素认证。"]);
    const byOtherRegion = await refusal(
      resetSecondFactor(prisma, viewerOf(elsewhere, [{ role: "SECURITY_ADMIN", regionId: other.regionId }]), { userId: target.id }, { clientAddress: CLIENT_ADDRESS }),
    );
    expect(byOtherRegion.code).toBe("FORBIDDEN");
    expect(await getViewerFromHeaders(requestHeaders(cookie))).toMatchObject({ userId: target.id });

    expect(
      await resetSecondFactor(prisma, viewerOf(regional, [{ role: "SECURITY_ADMIN", regionId: unit.regionId }]), { userId: target.id }, { clientAddress: CLIENT_ADDRESS }),
    ).toEqual({ userId: target.id, sessionsEnded: 1 });
    expect(await getViewerFromHeaders(requestHeaders(cookie))).toBeNull();
    expect(await prisma.twoFactor.count({ where: { userId: target.id } })).toBe(0);
    // The next sign-in is the password only, into the enrolment page.
    const next = await signInWithPassword(target.email);
    expect(next.cookie).toContain("session_token=");
    expect(await readPendingStep(prisma, target.id)).toBe("two_factor");
    expect(await getViewerFromHeaders(requestHeaders(next.cookie))).toBeNull();

    expect((await auditRows("user.reset_second_factor")).map((r) => [r.result, r.userId, r.clientAddress])).toEqual([
      ["DENIED", admin.id, CLIENT_ADDRESS],
      ["DENIED", elsewhere.id, CLIENT_ADDRESS],
      ["SUCCESS", regional.id, CLIENT_ADDRESS],
    ]);
  });
});
