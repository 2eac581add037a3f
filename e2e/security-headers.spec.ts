import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { submitSignIn } from "./support/two-factor";

/**
 * Issue 13 item 4 in a real browser: the back office runs under the nonce CSP (Next.js's scripts
 * carry the nonce and hydrate, nothing is blocked), signed-in answers are not cached, a page the
 * roles do not open answers 403, and a post from another site is refused with 403.
 */

const accountant = DEMO_USERS.find((user) => user.role === "ACCOUNTANT");
if (accountant === undefined) throw new Error("no demo accountant");

function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("the back office works under the nonce CSP, is not cached, and refuses other roles' pages with 403", async ({ page }) => {
  const violations = collectCspViolations(page);
  const login = await page.goto("/login?next=%2Fworkspace");
  const policy = login?.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeDefined();
  expect(policy).toContain("frame-ancestors 'none'");
  expect(login?.headers()["x-content-type-options"]).toBe("nosniff");
  expect(login?.headers()["permissions-policy"]).toContain("camera=()");
  // Next.js's scripts carry this response's nonce (the browser hides it from getAttribute: read the property).
  const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));

  await submitSignIn(page, accountant.email, accountant.password);
  await expect(page).toHaveURL(/\/workspace/, { timeout: 20_000 });
  // Hydrated: the client router exists, so the server action above ran through React, not a plain post.
  expect(await page.evaluate(() => "next" in window)).toBe(true);

  const workspace = await page.request.get("/workspace");
  expect(workspace.status()).toBe(200);
  expect(workspace.headers()["cache-control"]).toContain("no-store");
  const other = /'nonce-([^']+)'/.exec(workspace.headers()["content-security-policy"] ?? "")?.[1];
  expect(other).toBeDefined();
  expect(other).not.toBe(nonce);

  const refused = await page.goto("/admin/users");
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问此页面" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a post from another site is refused with 403 before any server action runs", async ({ request }) => {
  const response = await request.post("/login", {
    headers: { Origin: "https://evil.example", "Next-Action": "0".repeat(40), "Content-Type": "text/plain;charset=UTF-8" },
    data: "[]",
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("请求来自其他网站");
});

test("a malformed URL answers 400, an unknown one the Chinese 404 page", async ({ request }) => {
  expect((await request.get("/units/%E0%A4%A")).status()).toBe(400);
  const missing = await request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain("未找到您要访问的页面");
});
