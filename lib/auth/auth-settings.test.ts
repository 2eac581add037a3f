import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EnvError } from "@/lib/env";
import { AUTH_SECRET_FILE, resolveAuthSettings } from "./auth-settings";

let dataRoot: string;
const embeddedPassword = "pw/with%odd@chars";
const embeddedUrl = `postgresql://postgres:${encodeURIComponent(embeddedPassword)}@127.0.0.1:54329/gongkai`;

beforeEach(() => {
  dataRoot = mkdtempSync(path.join(tmpdir(), "gongkai-auth-settings-"));
  writeFileSync(path.join(dataRoot, "postgres-password"), `${embeddedPassword}\n`, { mode: 0o600 });
});
afterEach(() => rmSync(dataRoot, { recursive: true, force: true }));

const env = (extra: Record<string, string>) => ({ GONGKAI_DATA_DIR: dataRoot, NODE_ENV: "production", ...extra });

describe("resolveAuthSettings", () => {
  it("uses BETTER_AUTH_SECRET when set", () => {
    const secret = "s".repeat(32);
    expect(resolveAuthSettings(env({ BETTER_AUTH_SECRET: secret, DATABASE_URL: embeddedUrl })).secret).toBe(secret);
  });

  it("generates a secret once for the embedded database, private to its owner", () => {
    const first = resolveAuthSettings(env({ DATABASE_URL: embeddedUrl }));
    const file = path.join(dataRoot, AUTH_SECRET_FILE);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, "utf8").trim()).toBe(first.secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveAuthSettings(env({ DATABASE_URL: embeddedUrl })).secret).toBe(first.secret);
  });

  it("refuses to run without a secret on a database of one's own", () => {
    const ownServer = "postgresql://gongkai:other@db.internal:5432/gongkai";
    expect(() => resolveAuthSettings(env({ DATABASE_URL: ownServer }))).toThrow(EnvError);
    expect(() => resolveAuthSettings(env({ DATABASE_URL: ownServer }))).toThrow(/BETTER_AUTH_SECRET/);
  });

  it("does not mistake another server on 127.0.0.1 for the embedded one", () => {
    const local = "postgresql://postgres:different@127.0.0.1:54329/gongkai";
    expect(() => resolveAuthSettings(env({ DATABASE_URL: local }))).toThrow(EnvError);
  });

  it("recognises the embedded database when the server connects as the application role (npm start)", () => {
    writeFileSync(path.join(dataRoot, "app-role-password"), "app-role-secret\n", { mode: 0o600 });
    const appUrl = "postgresql://gongkai_app:app-role-secret@127.0.0.1:54329/gongkai";
    expect(resolveAuthSettings(env({ DATABASE_URL: appUrl })).secret).toBe(resolveAuthSettings(env({ DATABASE_URL: embeddedUrl })).secret);
    expect(() => resolveAuthSettings(env({ DATABASE_URL: "postgresql://gongkai_app:guess@127.0.0.1:54329/gongkai" }))).toThrow(EnvError);
  });

  it("refuses a short secret", () => {
    expect(() => resolveAuthSettings(env({ BETTER_AUTH_SECRET: "short", DATABASE_URL: embeddedUrl }))).toThrow(
      /BETTER_AUTH_SECRET: must be at least 32 characters/,
    );
  });

  it("makes cookies Secure for https and for production servers, not for the embedded demo", () => {
    const secret = "s".repeat(32);
    const own = "postgresql://gongkai:x@db:5432/gongkai";
    expect(resolveAuthSettings(env({ DATABASE_URL: embeddedUrl })).useSecureCookies).toBe(false);
    expect(resolveAuthSettings(env({ DATABASE_URL: own, BETTER_AUTH_SECRET: secret })).useSecureCookies).toBe(true);
    expect(
      resolveAuthSettings(env({ DATABASE_URL: embeddedUrl, BETTER_AUTH_URL: "https://yusuan.example.gov.cn" })).useSecureCookies,
    ).toBe(true);
    expect(
      resolveAuthSettings(env({ DATABASE_URL: own, BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: "http://10.0.0.8:3000" }))
        .useSecureCookies,
    ).toBe(false);
  });

  it("lists trusted proxies", () => {
    const settings = resolveAuthSettings(env({ DATABASE_URL: embeddedUrl, GONGKAI_TRUSTED_PROXIES: "10.0.0.1, 192.168.0.0/16 ," }));
    expect(settings.trustedProxies).toEqual(["10.0.0.1", "192.168.0.0/16"]);
  });
});
