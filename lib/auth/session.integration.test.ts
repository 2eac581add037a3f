import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { disconnectPrisma } from "@/lib/db";
import { createUnit } from "@/lib/demo/factories";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { getAuth, SESSION_IDLE_TIMEOUT_SECONDS } from "./auth";
import { getSignedInUserFromHeaders, getViewerFromHeaders } from "./session";
import { signOut } from "./sign-out";
import { auditRows, CLIENT_ADDRESS, createSignInUser, requestHeaders, signInForCookie } from "./test-support";

const IDLE_MS = SESSION_IDLE_TIMEOUT_SECONDS * 1000;
const MINUTE = 60_000;

beforeEach(resetDatabase);
afterEach(() => vi.useRealTimers());
afterAll(disconnectPrisma);

/** An accountant: the role that keeps the 30-minute idle timeout. */
async function createAccountant() {
  const unit = await createUnit(prisma);
  return createSignInUser([{ role: "ACCOUNTANT", unitId: unit.unitId }]);
}

function sessionOver(cookie: string, refresh: boolean) {
  return getViewerFromHeaders(requestHeaders(cookie), { refresh });
}

async function getSessionOverHttp(cookie: string): Promise<unknown> {
  const response = await getAuth().handler(
    new Request("http://localhost:3000/api/auth/get-session", { headers: { cookie, "x-forwarded-for": CLIENT_ADDRESS } }),
  );
  return response.json();
}

describe("getViewerFromHeaders", () => {
  it("gives the signed-in user with every role assignment", async () => {
    const unit = await createUnit(prisma);
    const elsewhere = await createUnit(prisma);
    // Entering in one region and reviewing in another (the same region is refused: ADR 0022).
    const user = await createSignInUser([
      { role: "ACCOUNTANT", unitId: unit.unitId },
      { role: "FINANCE_REVIEWER", regionId: elsewhere.regionId },
    ]);
    const cookie = await signInForCookie(user.email);

    expect(await sessionOver(cookie, false)).toEqual({
      userId: user.id,
      roles: [
        { role: "ACCOUNTANT", unitId: unit.unitId },
        { role: "FINANCE_REVIEWER", regionId: elsewhere.regionId },
      ],
    });
    expect(await getViewerFromHeaders(requestHeaders())).toBeNull();
    expect(await getViewerFromHeaders(requestHeaders("better-auth.session_token=forged.value"))).toBeNull();
  });
});

describe("getSignedInUserFromHeaders", () => {
  it("names the signed-in person for the site header, and nobody without a valid session", async () => {
    const user = await createSignInUser();
    const cookie = await signInForCookie(user.email);

    expect(await getSignedInUserFromHeaders(requestHeaders(cookie))).toEqual({ name: user.name });
    expect(await getSignedInUserFromHeaders(requestHeaders())).toBeNull();
    expect(await getSignedInUserFromHeaders(requestHeaders("better-auth.session_token=forged.value"))).toBeNull();
    await signOut(requestHeaders(cookie));
    expect(await getSignedInUserFromHeaders(requestHeaders(cookie))).toBeNull();
  });
});

describe("the idle timeout of an accountant", () => {
  it("keeps a session that is used within 30 minutes, sliding its expiry", async () => {
    const user = await createAccountant();
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const cookie = await signInForCookie(user.email);

    vi.setSystemTime(start + 29 * MINUTE);
    expect(await sessionOver(cookie, true)).not.toBeNull();
    const { expiresAt } = await prisma.session.findFirstOrThrow({ where: { userId: user.id }, select: { expiresAt: true } });
    expect(expiresAt.getTime()).toBeGreaterThanOrEqual(start + 29 * MINUTE + IDLE_MS - 1000);

    // 58 minutes after sign-in, but only 29 after the last request.
    vi.setSystemTime(start + 58 * MINUTE);
    expect(await sessionOver(cookie, true)).not.toBeNull();
  });

  it("rejects a session left idle for more than 30 minutes and records its expiry", async () => {
    const user = await createAccountant();
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const cookie = await signInForCookie(user.email);

    vi.setSystemTime(start + IDLE_MS + 1000);
    expect(await sessionOver(cookie, true)).toBeNull();
    expect(await getSessionOverHttp(cookie)).toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await auditRows("auth.session_expire")).toEqual([
      expect.objectContaining({ result: "SUCCESS", userId: user.id, objectType: "session" }),
    ]);
  });

  it("does not slide when a page reads the session without refreshing it", async () => {
    const user = await createAccountant();
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const cookie = await signInForCookie(user.email);

    vi.setSystemTime(start + 20 * MINUTE);
    expect(await sessionOver(cookie, false)).not.toBeNull();
    vi.setSystemTime(start + IDLE_MS + 1000);
    expect(await sessionOver(cookie, false)).toBeNull();
  });
});

describe("the shorter idle timeout and the absolute lifetime", () => {
  async function ageSession(userId: string, { createdMinutesAgo, activeMinutesAgo }: { createdMinutesAgo: number; activeMinutesAgo: number }) {
    await prisma.$executeRaw`UPDATE sessions SET created_at = now() - make_interval(mins => ${createdMinutesAgo}),
      updated_at = now() - make_interval(mins => ${activeMinutesAgo}) WHERE user_id = ${userId}`;
  }

  it("ends a reviewer's or an administrator's session after 15 idle minutes, not an accountant's", async () => {
    const unit = await createUnit(prisma);
    const reviewer = await createSignInUser([{ role: "FINANCE_REVIEWER", regionId: unit.regionId }]);
    const admin = await createSignInUser([{ role: "ADMIN" }]);
    const accountant = await createSignInUser([{ role: "ACCOUNTANT", unitId: unit.unitId }]);
    const cookies = await Promise.all([reviewer, admin, accountant].map((user) => signInForCookie(user.email)));

    for (const user of [reviewer, admin, accountant]) await ageSession(user.id, { createdMinutesAgo: 14, activeMinutesAgo: 14 });
    for (const cookie of cookies) expect(await sessionOver(cookie, false)).not.toBeNull();

    for (const user of [reviewer, admin, accountant]) await ageSession(user.id, { createdMinutesAgo: 16, activeMinutesAgo: 16 });
    expect(await sessionOver(cookies[0] ?? "", false)).toBeNull();
    expect(await getSessionOverHttp(cookies[1] ?? "")).toBeNull();
    expect(await sessionOver(cookies[2] ?? "", false)).toMatchObject({ userId: accountant.id });
    expect((await auditRows("auth.session_expire")).map((row) => [row.userId, row.details])).toEqual([
      [reviewer.id, { reason: "idle", limitMinutes: 15, userAgent: "vitest" }],
      [admin.id, expect.objectContaining({ reason: "idle", limitMinutes: 15 })],
    ]);
    expect(await prisma.session.count({ where: { userId: { in: [reviewer.id, admin.id] } } })).toBe(0);
  });

  it("ends any session 12 hours after sign-in, however active", async () => {
    const accountant = await createAccountant();
    const cookie = await signInForCookie(accountant.email);
    await ageSession(accountant.id, { createdMinutesAgo: 12 * 60 - 1, activeMinutesAgo: 0 });
    expect(await sessionOver(cookie, true)).not.toBeNull();
    await ageSession(accountant.id, { createdMinutesAgo: 12 * 60 + 1, activeMinutesAgo: 0 });
    expect(await sessionOver(cookie, true)).toBeNull();
    expect(await prisma.session.count({ where: { userId: accountant.id } })).toBe(0);
    expect(await auditRows("auth.session_expire")).toEqual([
      expect.objectContaining({ userId: accountant.id, clientAddress: CLIENT_ADDRESS, details: { reason: "absolute", limitMinutes: 720, userAgent: "vitest" } }),
    ]);
  });
});

describe("signOut", () => {
  it("ends the session on the server, so the old cookie no longer works, and records it", async () => {
    const user = await createSignInUser();
    const cookie = await signInForCookie(user.email);
    expect(await getSessionOverHttp(cookie)).toMatchObject({ user: { id: user.id } });

    await signOut(requestHeaders(cookie));

    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await sessionOver(cookie, true)).toBeNull();
    expect(await getSessionOverHttp(cookie)).toBeNull();
    expect(await auditRows("auth.sign_out")).toEqual([
      expect.objectContaining({ result: "SUCCESS", userId: user.id, clientAddress: CLIENT_ADDRESS, objectType: "session" }),
    ]);
  });

  it("ends only the session it was called with", async () => {
    const user = await createSignInUser();
    const office = await signInForCookie(user.email);
    const laptop = await signInForCookie(user.email);

    await signOut(requestHeaders(office));

    expect(await sessionOver(office, false)).toBeNull();
    expect(await sessionOver(laptop, false)).toMatchObject({ userId: user.id });
  });
});
