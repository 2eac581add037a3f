import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/app-error";
import { disconnectPrisma } from "@/lib/db";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { getAuth, SESSION_IDLE_TIMEOUT_SECONDS } from "./auth";
import { storePassword } from "./credential-store";
import { LOCK_DURATION_MS } from "./lockout";
import { verifyPassword } from "./password-hash";
import { signIn, type SignInOutcome } from "./sign-in";
import { auditRows, CLIENT_ADDRESS, createSignInUser, requestHeaders, signInForCookie, TEST_PASSWORD } from "./test-support";

const WRONG = "Falsch#2024";

beforeEach(resetDatabase);
afterEach(() => vi.useRealTimers());
afterAll(disconnectPrisma);

const CODE_ASKED: SignInOutcome = { kind: "second_factor" };

async function attempt(email: string, password: string): Promise<AppError | SignInOutcome> {
  try {
    return await signIn({ email, password }, requestHeaders());
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

function lockStateOf(userId: string) {
  return prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { failedLoginCount: true, lockedUntil: true } });
}

describe("passwords", () => {
  it("are stored as argon2id hashes, by the seed path and by better-auth alike", async () => {
    const user = await createSignInUser();
    const account = await prisma.account.findFirstOrThrow({ where: { userId: user.id }, select: { password: true, providerId: true } });
    expect(account.providerId).toBe("credential");
    expect(account.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(account.password ?? "", TEST_PASSWORD)).toBe(true);
    expect(await verifyPassword(account.password ?? "", WRONG)).toBe(false);

    const context = await getAuth().$context;
    expect(await context.password.hash(TEST_PASSWORD)).toMatch(/^\$argon2id\$/);
  });

  it("must satisfy the password rule wherever one is set", async () => {
    const user = await createSignInUser();
    const refusal = storePassword(prisma, user.id, "password");
    await expect(refusal).rejects.toBeInstanceOf(AppError);
    await expect(refusal).rejects.toThrow(/至少 3 类/);

    const { headers } = await getAuth().api.signInEmail({
      body: { email: user.email, password: TEST_PASSWORD },
      headers: requestHeaders(),
      returnHeaders: true,
    });
    const cookie = (headers?.getSetCookie() ?? []).map((line) => line.split(";")[0]).join("; ");
    await expect(
      getAuth().api.changePassword({
        body: { currentPassword: TEST_PASSWORD, newPassword: "alllowercase" },
        headers: requestHeaders(cookie),
      }),
    ).rejects.toMatchObject({ body: { code: "PASSWORD_TOO_WEAK", message: expect.stringContaining("至少 3 类") } });
  });
});

describe("signIn", () => {
  it("opens a 30-minute session after the password and the code, and records both steps with the client address", async () => {
    const user = await createSignInUser();
    const before = Date.now();

    expect(await attempt(user.email, TEST_PASSWORD)).toEqual(CODE_ASKED);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    await signInForCookie(user.email);

    const session = await prisma.session.findFirstOrThrow({ where: { userId: user.id }, select: { expiresAt: true, ipAddress: true } });
    expect(session.expiresAt.getTime() - before).toBeGreaterThanOrEqual(SESSION_IDLE_TIMEOUT_SECONDS * 1000 - 1000);
    expect(session.expiresAt.getTime() - before).toBeLessThanOrEqual(SESSION_IDLE_TIMEOUT_SECONDS * 1000 + 5000);
    expect(await auditRows()).toEqual([
      expect.objectContaining({ action: "auth.sign_in_password", result: "SUCCESS", clientAddress: CLIENT_ADDRESS }),
      expect.objectContaining({ action: "auth.sign_in_password", result: "SUCCESS", clientAddress: CLIENT_ADDRESS }),
      expect.objectContaining({
        action: "auth.sign_in",
        result: "SUCCESS",
        userId: user.id,
        clientAddress: CLIENT_ADDRESS,
        objectType: "session",
        details: { email: user.email, secondFactor: "totp", userAgent: "vitest" },
      }),
    ]);
  });

  it("locks the account for 30 minutes after 5 wrong passwords, even against the right one", async () => {
    const user = await createSignInUser();
    const started = Date.now();

    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await attempt(user.email, WRONG));
    expect(answers.slice(0, 4).map((answer) => answer instanceof AppError && [answer.code, answer.message])).toEqual(
      [4, 3, 2, 1].map((left) => ["UNAUTHENTICATED", `邮箱或密码不正确。再输错 ${left} 次，账户将被锁定 30 分钟。`]),
    );
    const lock = answers[4];
    expect(lock).toBeInstanceOf(AppError);
    expect(lock instanceof AppError && lock.code).toBe("LOCKED");
    expect(lock instanceof AppError && lock.message).toMatch(/^连续 5 次密码错误，账户已锁定 30 分钟，请于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）后再试。/);

    const { lockedUntil } = await lockStateOf(user.id);
    expect((lockedUntil?.getTime() ?? 0) - started).toBeGreaterThanOrEqual(LOCK_DURATION_MS - 1000);
    expect((lockedUntil?.getTime() ?? 0) - started).toBeLessThanOrEqual(LOCK_DURATION_MS + 5000);

    const withRightPassword = await attempt(user.email, TEST_PASSWORD);
    expect(withRightPassword instanceof AppError && withRightPassword.code).toBe("LOCKED");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);

    expect((await auditRows()).map((row) => [row.action, row.result, row.userId, (row.details as { reason?: string }).reason])).toEqual([
      ...Array.from({ length: 5 }, () => ["auth.sign_in", "FAILURE", user.id, "wrong_password"]),
      ["auth.lock", "SUCCESS", user.id, "wrong_password"],
      ["auth.sign_in", "DENIED", user.id, "locked"],
    ]);
  });

  it("lets the right password in again once the 30 minutes are over", async () => {
    const user = await createSignInUser();
    for (let i = 0; i < 5; i++) await attempt(user.email, WRONG);

    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + LOCK_DURATION_MS - 60_000 });
    const stillLocked = await attempt(user.email, TEST_PASSWORD);
    expect(stillLocked instanceof AppError && stillLocked.code).toBe("LOCKED");

    vi.setSystemTime(Date.now() + 61_000);
    expect(await attempt(user.email, TEST_PASSWORD)).toEqual(CODE_ASKED);
    await signInForCookie(user.email);
    expect(await lockStateOf(user.id)).toEqual({ failedLoginCount: 0, lockedUntil: null });
  });

  it("resets the count of failures once the sign-in is complete (password and code), not after the password alone", async () => {
    const user = await createSignInUser();
    for (let i = 0; i < 4; i++) await attempt(user.email, WRONG);
    expect((await lockStateOf(user.id)).failedLoginCount).toBe(4);

    expect(await attempt(user.email, TEST_PASSWORD)).toEqual(CODE_ASKED);
    expect((await lockStateOf(user.id)).failedLoginCount).toBe(4);
    await signInForCookie(user.email);
    expect(await lockStateOf(user.id)).toEqual({ failedLoginCount: 0, lockedUntil: null });

    const afterReset = await attempt(user.email, WRONG);
    expect(afterReset instanceof AppError && afterReset.message).toContain("再输错 4 次");
  });

  it("answers an unknown address exactly as an existing one, lock included", async () => {
    const known = await createSignInUser();
    const unknown = "nobody@example.test";
    const knownAnswers: string[] = [];
    const unknownAnswers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const a = await attempt(known.email, WRONG);
      const b = await attempt(unknown, WRONG);
      knownAnswers.push(a instanceof AppError ? `${a.code} ${a.message.replace(/\d{2}:\d{2}/, "hh:mm")}` : "signed in");
      unknownAnswers.push(b instanceof AppError ? `${b.code} ${b.message.replace(/\d{2}:\d{2}/, "hh:mm")}` : "signed in");
    }
    expect(unknownAnswers).toEqual(knownAnswers);
    expect(unknownAnswers.at(-1)).toMatch(/^LOCKED /);

    const unknownRows = (await auditRows()).filter((row) => (row.details as { email?: string }).email === unknown);
    expect(unknownRows.map((row) => [row.action, row.result, row.userId])).toEqual([
      ...Array.from({ length: 5 }, () => ["auth.sign_in", "FAILURE", null]),
      ["auth.lock", "SUCCESS", null],
      ["auth.sign_in", "DENIED", null],
    ]);
    expect(await prisma.user.count()).toBe(1);
  });

  it("counts parallel wrong guesses one by one", async () => {
    const user = await createSignInUser();
    const answers = await Promise.all(Array.from({ length: 8 }, () => attempt(user.email, WRONG)));
    const codes = answers.map((answer) => (answer instanceof AppError ? answer.code : "signed in"));
    expect(codes.filter((code) => code === "UNAUTHENTICATED")).toHaveLength(4);
    expect(codes.filter((code) => code === "LOCKED")).toHaveLength(4);
    expect((await lockStateOf(user.id)).lockedUntil).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "auth.lock" } })).toBe(1);
  });
});

describe("the HTTP endpoint /api/auth/sign-in/email", () => {
  it("applies the same lockout and messages as the sign-in form", async () => {
    const user = await createSignInUser();
    const post = (password: string) =>
      getAuth().handler(
        new Request("http://localhost:3000/api/auth/sign-in/email", {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": CLIENT_ADDRESS },
          body: JSON.stringify({ email: user.email, password }),
        }),
      );
    const first = await post(WRONG);
    expect(first.status).toBe(401);
    expect(await first.json()).toMatchObject({ code: "INVALID_EMAIL_OR_PASSWORD", message: "邮箱或密码不正确。再输错 4 次，账户将被锁定 30 分钟。" });
    for (let i = 0; i < 4; i++) await post(WRONG);
    const locked = await post(TEST_PASSWORD);
    expect(locked.status).toBe(423);
    expect(await locked.json()).toMatchObject({ code: "ACCOUNT_LOCKED", lockedUntil: expect.any(String) });
    expect(locked.headers.getSetCookie().some((line) => line.includes("session_token=") && !/session_token=;/.test(line))).toBe(false);
  });

  it("answers only sign-in, sign-out and session; sign-up, password reset and the rest are 404", async () => {
    const call = (path: string, method = "POST") =>
      getAuth().handler(
        new Request(`http://localhost:3000/api/auth${path}`, {
          method,
          headers: { "content-type": "application/json" },
          ...(method === "POST" ? { body: JSON.stringify({ email: "a@b.test", password: "Aa1!aaaa", name: "x" }) } : {}),
        }),
      );
    for (const path of [
      "/sign-up/email",
      "/request-password-reset",
      "/reset-password/abc",
      "/verify-password",
      "/change-password",
      "/update-user",
      "/callback/github",
      "/list-accounts",
      "/two-factor/enable",
      "/two-factor/disable",
      "/two-factor/get-totp-uri",
      "/two-factor/generate-backup-codes",
      "/two-factor/send-otp",
    ]) {
      expect((await call(path)).status, path).toBe(404);
    }
    expect((await call("/ok", "GET")).status).toBe(200);
    expect((await call("/get-session", "GET")).status).toBe(200);
    expect(await prisma.user.count()).toBe(0);
  });
});
