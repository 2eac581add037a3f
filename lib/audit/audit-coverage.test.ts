import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Audit coverage, read from the source (issue 13: "every action audited with its client address,
 * refused reads included"). The behaviour of each administration use case is tested in
 * tests/security/admin-authorization-matrix.integration.test.ts; this scan makes sure no other
 * writer of audit rows, and no server action, forgets the client address.
 */

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "generated" || name === "node_modules" || name.startsWith(".")) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !/test-support|test-files/.test(name) ? [path] : [];
  });
}

/** The argument text of every call of `fn(` in `text` (balanced parentheses), with its line. */
function callsOf(text: string, fn: string): { line: number; args: string }[] {
  const calls: { line: number; args: string }[] = [];
  for (const match of text.matchAll(new RegExp(`(?<![\\w.])${fn}\\(`, "g"))) {
    const start = (match.index ?? 0) + match[0].length;
    if (/function\s+$/.test(text.slice(Math.max(0, (match.index ?? 0) - 20), match.index))) continue;
    let depth = 1;
    let end = start;
    while (depth > 0 && end < text.length) {
      if (text[end] === "(") depth += 1;
      else if (text[end] === ")") depth -= 1;
      end += 1;
    }
    calls.push({ line: text.slice(0, start).split("\n").length, args: text.slice(start, end - 1) });
  }
  return calls;
}

const SOURCES = ["lib", "app", "scripts"].flatMap((dir) => sourceFiles(dir)).map((path) => ({ path, text: readFileSync(path, "utf8") }));

/**
 * Writers whose rows have no client by nature: the command line writes "cli" through a constant
 * spread in (`...audit`), better-auth's hooks pass a whole event built with the address.
 */
const passesAddress = (args: string) => /clientAddress|\.\.\.\w+|^\s*\w+,\s*\w+\s*$/.test(args);

describe("audit coverage (static)", () => {
  it("finds the audit writers (the scan itself works)", () => {
    const writers = SOURCES.flatMap(({ path, text }) => callsOf(text, "writeAuditEvent").map((call) => `${path}:${call.line}`));
    expect(writers.length).toBeGreaterThan(40);
    expect(SOURCES.flatMap(({ text }) => callsOf(text, "auditingRefusals")).length).toBeGreaterThan(10);
    expect(passesAddress('tx, { action: "x", result: "SUCCESS" }')).toBe(false);
  });

  it("every audit row written names the client address (writeAuditEvent)", () => {
    const missing = SOURCES.flatMap(({ path, text }) => callsOf(text, "writeAuditEvent").filter((call) => !passesAddress(call.args)).map((call) => `${path}:${call.line}`));
    expect(missing).toEqual([]);
  });

  it("every refusal written by the shared helpers names the client address too", () => {
    const missing = SOURCES.flatMap(({ path, text }) =>
      ["auditingRefusals", "auditingAdminRefusals", "requireAuditReader"].flatMap((fn) =>
        callsOf(text, fn)
          .filter((call) => !/clientAddress|request\)?$|event,\s*run$/.test(call.args.trim()))
          .map((call) => `${path}:${call.line} ${fn}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it("every server action that calls a use case hands it the request's client address", () => {
    const actions = SOURCES.filter(({ path }) => /^app\/.*actions\.ts$/.test(path.replaceAll("\\", "/")));
    expect(actions.length).toBeGreaterThan(8);
    // Sign-in, its second step, the password change and the enrolment of the second factor hand the
    // request headers on (better-auth's hooks and enrol-second-factor.ts read the address there).
    const throughBetterAuth = new Set(["app/login/actions.ts", "app/login/two-factor/actions.ts", "app/account/password/actions.ts", "app/account/two-factor/actions.ts"]);
    const missing = actions
      .filter(({ path }) => !throughBetterAuth.has(path.replaceAll("\\", "/")))
      .filter(({ text }) => !/getRequestActor\(\)|getClientAddress\(\)/.test(text) || /\bgetViewer\(\)/.test(text))
      .map(({ path }) => path);
    expect(missing).toEqual([]);
  });
});
