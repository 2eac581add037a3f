import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, requireDatabaseUrl } from "./env";

describe("parseEnv", () => {
  it("applies defaults when nothing is set", () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: "development",
      DATABASE_URL: undefined,
      DATABASE_URL_TEST: undefined,
      PORT: 3000,
      GONGKAI_DATA_DIR: undefined,
      GONGKAI_DB_PORT: 54329,
      GONGKAI_DEMO: "true",
      GONGKAI_PASSWORD_MIN_LENGTH: 12,
      GONGKAI_PASSWORD_MAX_AGE_DAYS: 90,
    });
  });

  it("treats empty variables as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "", GONGKAI_DATA_DIR: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.GONGKAI_DATA_DIR).toBeUndefined();
  });

  it("accepts both postgres URL schemes and coerces ports", () => {
    const env = parseEnv({
      DATABASE_URL: "postgres://u:p@db:5432/gongkai",
      DATABASE_URL_TEST: "postgresql://u:p@db:5432/gongkai_test",
      PORT: "3100",
      GONGKAI_DB_PORT: "54339",
    });
    expect(env.PORT).toBe(3100);
    expect(env.GONGKAI_DB_PORT).toBe(54339);
    expect(env.DATABASE_URL).toBe("postgres://u:p@db:5432/gongkai");
  });

  it("reports every invalid variable in one error", () => {
    const parse = () =>
      parseEnv({ DATABASE_URL: "mysql://db/gongkai", PORT: "70000", GONGKAI_DB_PORT: "abc" });
    expect(parse).toThrow(EnvError);
    expect(parse).toThrow(/DATABASE_URL[\s\S]*PORT[\s\S]*GONGKAI_DB_PORT/);
  });
});

describe("GONGKAI_DEMO", () => {
  it("is on by default (npm start shows the demo) and off when set to false", () => {
    expect(parseEnv({}).GONGKAI_DEMO).toBe("true");
    expect(parseEnv({ GONGKAI_DEMO: "" }).GONGKAI_DEMO).toBe("true");
    expect(parseEnv({ GONGKAI_DEMO: "false" }).GONGKAI_DEMO).toBe("false");
  });

  it("refuses anything but true or false", () => {
    expect(() => parseEnv({ GONGKAI_DEMO: "no" })).toThrow(/GONGKAI_DEMO: must be "true" or "false"/);
  });

  it("refuses the replaced GONGKAI_DEMO_USERS instead of silently loading the demo", () => {
    expect(() => parseEnv({ GONGKAI_DEMO_USERS: "false" })).toThrow(/GONGKAI_DEMO_USERS: is no longer read: set GONGKAI_DEMO=false/);
  });
});

describe("requireDatabaseUrl", () => {
  it("returns the configured URL", () => {
    expect(requireDatabaseUrl({ DATABASE_URL: "postgresql://u:p@db/gongkai" })).toBe(
      "postgresql://u:p@db/gongkai",
    );
  });

  it("explains how to get a database when none is configured", () => {
    expect(() => requireDatabaseUrl({})).toThrow(/npm start/);
  });
});

describe("GONGKAI_TRUSTED_PROXIES", () => {
  it("accepts IPs and CIDRs, and names each entry that is neither", () => {
    expect(parseEnv({ GONGKAI_TRUSTED_PROXIES: "10.0.0.1, 192.168.0.0/16, fd00::/8" }).GONGKAI_TRUSTED_PROXIES).toBe("10.0.0.1, 192.168.0.0/16, fd00::/8");
    expect(() => parseEnv({ GONGKAI_TRUSTED_PROXIES: "10.0.0.1, proxy.local, 10.0.0.0/40" })).toThrow(/GONGKAI_TRUSTED_PROXIES: .*not valid: proxy\.local, 10\.0\.0\.0\/40/);
  });
});
