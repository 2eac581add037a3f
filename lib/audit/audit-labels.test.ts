import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, auditActionLabel, auditDetailLines } from "./audit-labels";

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

  it("never shows an unknown action's key", () => {
    expect(auditActionLabel("budget.something_new")).toBe("其他操作");
  });

  it("shows the details of a publication and a sign-off without a key of the stored JSON", () => {
    const lines = auditDetailLines({
      unitCode: "224001",
      snapshotId: 12,
      files: "HTML,PDF,JSON",
      from: "APPROVED",
      to: "SIGNED_OFF",
      method: "paper",
      somethingNew: { nested: "值", other: ["a", "b"] },
    });
    const text = lines.map((line) => `${line.label}：${line.value}`).join("\n");
    expect(text).toContain("公开的文件：HTML,PDF,JSON");
    expect(text).toContain("公开版本编号：12");
    expect(text).toContain("原状态：已批复");
    expect(text).toContain("新状态：已审签");
    expect(text).toContain("审签方式：上传纸质审签单");
    expect(text).toContain("其他信息：值、a、b");
    expect(text).not.toMatch(/snapshotId|files|somethingNew|nested|APPROVED|SIGNED_OFF|paper/);
  });
});
