import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createUserAccount } from "@/lib/admin/create-user";
import { AppError } from "@/lib/app-error";
import { disconnectPrisma } from "@/lib/db";
import { createUnit } from "@/lib/demo/factories";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { getAuth } from "./auth";
import { changeOwnPassword, type PasswordChanger } from "./change-own-password";
import { verifyPassword } from "./password-hash";
import { isPasswordChangePending } from "./password-change-gate";
import { getViewerFromHeaders } from "./session";
import { auditRows, CLIENT_ADDRESS, createSignInUser, requestHeaders, signInForCookie, TEST_PASSWORD } from "./test-support";

beforeEach(resetDatabase);
afterAll(disconnectPrisma);

const NEW_PASSWORD = "Eigenes#Passwort9";

/** A signed-in account whose password an administrator set (mustChangePassword), with a role. */
async function forcedAccount() {
  const unit = await createUnit(prisma);
  const user = await createSignInUser([{ role: "FINANCE_REVIEWER", regionId: unit.regionId }]);
  await prisma.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
  const cookie = await signInForCookie(user.email);
  const session = await getAuth().api.getSession({ headers: requestHeaders(cookie) });
  if (session === null) throw new Error("no session");
  const changer: PasswordChanger = { userId: user.id, sessionId: session.session.id, email: user.email, name: user.name, mustChangePassword: true };
  return { user, unit, cookie, changer };
}

const input = (overrides: Partial<Record<"currentPassword" | "newPassword" | "confirmPassword", string>> = {}) => ({
  currentPassword: TEST_PASSWORD,
  newPassword: NEW_PASSWORD,
  confirmPassword: NEW_PASSWORD,
  ...overrides,
});

const storedHash = async (userId: string) => (await prisma.account.findFirstOrThrow({ where: { userId }, select: { password: true } })).password ?? "";

describe("an account that must change its password", () => {
  it("has no viewer (so no page, action or route can act for it) until it changes the password; then it has its roles", async () => {
    const { user, unit, cookie, changer } = await forcedAccount();

    expect(await getViewerFromHeaders(requestHeaders(cookie))).toBeNull();
    expect(await isPasswordChangePending(prisma, user.id)).toBe(true);
    // What a server action would do with that viewer: refused, nothing written.
    const viewer = await getViewerFromHeaders(requestHeaders(cookie));
    await expect(createUserAccount(prisma, viewer, { name: "某某", email: "x@example.gov.cn", password: NEW_PASSWORD })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await prisma.user.count()).toBe(1);

    expect(await changeOwnPassword(prisma, changer, input(), { clientAddress: CLIENT_ADDRESS })).toEqual({ wasForced: true });

    expect(await getViewerFromHeaders(requestHeaders(cookie))).toEqual({ userId: user.id, roles: [{ role: "FINANCE_REVIEWER", regionId: unit.regionId }] });
    expect(await isPasswordChangePending(prisma, user.id)).toBe(false);
    expect(await verifyPassword(await storedHash(user.id), NEW_PASSWORD)).toBe(true);
    await expect(signInForCookie(user.email, TEST_PASSWORD)).rejects.toThrow();
    expect(await signInForCookie(user.email, NEW_PASSWORD)).toContain("session_token=");
    expect(await auditRows("auth.password_change")).toEqual([
      { action: "auth.password_change", result: "SUCCESS", userId: user.id, clientAddress: CLIENT_ADDRESS, objectType: "user", details: { wasForced: true, otherSessionsEnded: 0 } },
    ]);
  });

  it.each([
    { change: { newPassword: TEST_PASSWORD, confirmPassword: TEST_PASSWORD }, field: "newPassword", message: "新密码不能与当前密码相同。" },
    { change: { newPassword: "kurz", confirmPassword: "kurz" }, field: "newPassword", message: "密码至少需要 12 个字符（当前 4 个）。" },
    { change: { confirmPassword: "Anderes#Passwort9" }, field: "confirmPassword", message: "两次输入的新密码不一致。" },
    { change: { currentPassword: "" }, field: "currentPassword", message: "请输入当前密码。" },
    { change: { currentPassword: "Falsch#2024" }, field: "currentPassword", message: "当前密码不正确。再输错 4 次，账户将被锁定 30 分钟。" },
  ])("refuses ($message) and changes nothing", async ({ change, field, message }) => {
    const { user, cookie, changer } = await forcedAccount();
    const hash = await storedHash(user.id);

    const refusal = await changeOwnPassword(prisma, changer, input(change), { clientAddress: CLIENT_ADDRESS }).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).fieldErrors[field]).toContain(message);
    expect(await storedHash(user.id)).toBe(hash);
    expect(await isPasswordChangePending(prisma, user.id)).toBe(true);
    expect(await getViewerFromHeaders(requestHeaders(cookie))).toBeNull();
    expect((await auditRows("auth.password_change")).map((row) => [row.result, row.details])).toEqual([["FAILURE", { reason: "INVALID_INPUT" }]]);
  });

  it("counts wrong current passwords towards the lockout: the fifth locks the account and ends its sessions", async () => {
    const { user, cookie, changer } = await forcedAccount();

    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await expect(changeOwnPassword(prisma, changer, input({ currentPassword: "Falsch#2024" }))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    await expect(changeOwnPassword(prisma, changer, input({ currentPassword: "Falsch#2024" }))).rejects.toMatchObject({ code: "LOCKED" });
    // Locked: even the right current password is refused now.
    await expect(changeOwnPassword(prisma, changer, input())).rejects.toMatchObject({ code: "LOCKED" });

    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await getAuth().api.getSession({ headers: requestHeaders(cookie) })).toBeNull();
    expect((await auditRows("auth.lock")).map((row) => row.details)).toEqual([expect.objectContaining({ reason: "wrong_current_password" })]);
    expect(await isPasswordChangePending(prisma, user.id)).toBe(true);
  });
});

describe("changing one's own password", () => {
  it("ends the account's other sessions and keeps this one", async () => {
    const user = await createSignInUser();
    const here = await signInForCookie(user.email);
    const elsewhere = await signInForCookie(user.email);
    const session = await getAuth().api.getSession({ headers: requestHeaders(here) });
    const changer: PasswordChanger = { userId: user.id, sessionId: session?.session.id ?? "", email: user.email, name: user.name, mustChangePassword: false };

    expect(await changeOwnPassword(prisma, changer, input())).toEqual({ wasForced: false });

    expect(await getViewerFromHeaders(requestHeaders(here))).toMatchObject({ userId: user.id });
    expect(await getViewerFromHeaders(requestHeaders(elsewhere))).toBeNull();
    expect((await auditRows("auth.password_change"))[0]?.details).toEqual({ wasForced: false, otherSessionsEnded: 1 });
  });

  it("is refused without a signed-in account", async () => {
    await expect(changeOwnPassword(prisma, null, input())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await auditRows("auth.password_change")).map((row) => row.result)).toEqual(["DENIED"]);
  });
});
