import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { APP_ROLE_PASSWORD_FILE, appRolePasswordFor } from "./app-role";

describe("the password of the server's application role (the server never runs as the database owner)", () => {
  it("is kept in the data folder for the embedded database", () => {
    const dataRoot = mkdtempSync(path.join(tmpdir(), "gongkai-app-role-"));
    const password = appRolePasswordFor({}, dataRoot);
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(readFileSync(path.join(dataRoot, APP_ROLE_PASSWORD_FILE), "utf8").trim()).toBe(password);
  });

  it("comes from GONGKAI_APP_ROLE_PASSWORD with your own DATABASE_URL, and is absent without it", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://gongkai:x@db:5432/gongkai", GONGKAI_APP_ROLE_PASSWORD: "a".repeat(48) });
    expect(appRolePasswordFor(env, "/nonexistent")).toBe("a".repeat(48));
    expect(appRolePasswordFor(parseEnv({ DATABASE_URL: "postgresql://gongkai:x@db:5432/gongkai" }), "/nonexistent")).toBeNull();
    expect(() => parseEnv({ GONGKAI_APP_ROLE_PASSWORD: "short" })).toThrow(/GONGKAI_APP_ROLE_PASSWORD: must be at least 16 characters/);
    expect(() => parseEnv({ GONGKAI_APP_ROLE_PASSWORD: "not url safe/@#:".repeat(2) })).toThrow(/must be URL-safe/);
  });

  it("is required by docker-compose.yml, whose app service migrates as the owner and serves as gongkai_app", () => {
    const compose = readFileSync("docker-compose.yml", "utf8");
    const app = compose.slice(compose.indexOf("\n  app:"));
    expect(app).toMatch(/GONGKAI_APP_ROLE_PASSWORD: \$\{GONGKAI_APP_ROLE_PASSWORD:\?/);
    expect(app).toMatch(/DATABASE_URL: postgresql:\/\/gongkai:/);
  });
});
