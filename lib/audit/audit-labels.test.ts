import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, auditActionLabel } from "./audit-labels";

/** Every source file (not tests) under the folders that write audit rows. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.includes("test-support") ? [path] : [];
  });
}

/** Action keys as the code writes them: `action: "x.y"`, and the keys a use case picks between (`? "x.y" : "x.z"`). */
function writtenActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of ["lib", "app", "scripts"].flatMap((dir) => sourceFiles(dir))) {
    const text = readFileSync(file, "utf8");
    if (!/writeAuditEvent|auditingRefusals|auditingAdminRefusals|requireAuditReader|action:/.test(text)) continue;
    for (const match of text.matchAll(/action:\s*"([a-z_]+(?:\.[a-z_]+)+)"/g)) found.set(match[1] ?? "", file);
    for (const match of text.matchAll(/const action = [^;]*?"([a-z_]+\.[a-z_]+)"\s*:\s*"([a-z_]+\.[a-z_]+)"/g)) {
      found.set(match[1] ?? "", file);
      found.set(match[2] ?? "", file);
    }
  }
  found.delete("");
  return found;
}

describe("audit action labels", () => {
  it("finds the audit actions the code writes (the scan itself works)", () => {
    const actions = writtenActions();
    for (const known of ["auth.sign_in", "budget.approve", "role.grant", "audit.search", "unit.deactivate", "unit.reactivate"]) expect(actions.has(known)).toBe(true);
    expect(actions.size).toBeGreaterThan(40);
  });

  it("labels every action key written to audit_events in Chinese (no key on screen)", () => {
    const unlabelled = [...writtenActions()].filter(([action]) => !(action in AUDIT_ACTION_LABELS)).map(([action, file]) => `${action} (${file})`);
    expect(unlabelled).toEqual([]);
    for (const label of Object.values(AUDIT_ACTION_LABELS)) expect(label).toMatch(/^[\u4e00-\u9fff][^.]*$/);
  });

  it("names an unknown (older) action as such", () => {
    expect(auditActionLabel("budget.comment_resolve")).toBe("审核意见已处理");
    expect(auditActionLabel("legacy.thing")).toBe("其他操作（legacy.thing）");
  });
});
