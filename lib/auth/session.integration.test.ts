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

describe("the idle timeout", () => {
  it("keeps a session that is used within 30 minutes, sliding its expiry", async () => {
    const user = await createSignInUser();
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
    const user = await createSignInUser();
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
    const user = await createSignInUser();
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const cookie = await signInForCookie(user.email);

    vi.setSystemTime(start + 20 * MINUTE);
    expect(await sessionOver(cookie, false)).not.toBeNull();
    vi.setSystemTime(start + IDLE_MS + 1000);
    expect(await sessionOver(cookie, false)).toBeNull();
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
