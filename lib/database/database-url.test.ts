import { describe, expect, it } from "vitest";
import { buildDatabaseUrl, redactDatabaseUrl, withDatabaseName } from "./database-url";

describe("buildDatabaseUrl", () => {
  it("percent-encodes credentials so any generated password survives the round trip", () => {
    const url = buildDatabaseUrl({
      host: "127.0.0.1",
      port: 54329,
      user: "postgres",
      password: "a/b@c:d#e%f",
      database: "gongkai",
    });
    const parsed = new URL(url);
    expect(parsed.protocol).toBe("postgresql:");
    expect(decodeURIComponent(parsed.password)).toBe("a/b@c:d#e%f");
    expect(parsed.host).toBe("127.0.0.1:54329");
    expect(parsed.pathname).toBe("/gongkai");
  });
});

describe("withDatabaseName", () => {
  it("keeps server, credentials and query parameters", () => {
    expect(withDatabaseName("postgresql://u:p@db:5432/gongkai?sslmode=require", "postgres")).toBe(
      "postgresql://u:p@db:5432/postgres?sslmode=require",
    );
  });
});

describe("redactDatabaseUrl", () => {
  it("hides the password", () => {
    expect(redactDatabaseUrl("postgresql://u:secret@db:5432/gongkai")).toBe(
      "postgresql://u:***@db:5432/gongkai",
    );
  });

  it("does not echo a malformed URL, which may contain a password", () => {
    expect(redactDatabaseUrl("not a url secret")).toBe("(unparseable database URL)");
  });
});
