import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, auditActionLabel, auditDetailLines } from "./audit-labels";

/** Every non-test TypeScript file under the folders that write audit events. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.includes("test-support") ? [full] : [];
  });
}

describe("audit labels", () => {
  it("has a Chinese label for every audit action the application writes", () => {
    const actions = new Set<string>();
    for (const file of ["lib", "app"].flatMap((dir) => sourceFiles(path.join(process.cwd(), dir)))) {
      for (const match of readFileSync(file, "utf8").matchAll(/action: "([a-z_]+(?:\.[a-z_]+)+)"/g)) actions.add(match[1]!);
    }
    expect(actions.size).toBeGreaterThan(30);
    expect([...actions].filter((action) => !(action in AUDIT_ACTION_LABELS)).sort()).toEqual([]);
    for (const label of Object.values(AUDIT_ACTION_LABELS)) expect(label).toMatch(/[\u4e00-\u9fff]/);
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
