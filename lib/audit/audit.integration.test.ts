import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import { createViewer } from "@/lib/budgets/test-support";
import { disconnectPrisma } from "@/lib/db";
import { createApprovedBudget, createBudget, createUnit, createUser } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { auditDetailLines } from "./audit-labels";
import { loadBudgetHistory } from "./budget-history";
import { AUDIT_PAGE_SIZE, searchAuditEvents } from "./search-audit-events";
import { exportAuditEvents } from "./export-audit-events";
import { verifyAuditChains } from "./verify-audit-chains";
import { writeAuditEvent } from "./write-audit-event";

const china = (local: string): Date => new Date(`${local}+08:00`);

let admin: Viewer;

/** An audit row at a given time (the application writes `now`; tests need the past). */
async function event(at: Date, fields: Partial<{ action: string; userId: string | null; objectType: string; objectId: string; result: "SUCCESS" | "DENIED" | "FAILURE"; clientAddress: string; details: Record<string, string | number> }> = {}) {
  await prisma.auditEvent.create({ data: { action: "auth.sign_in", result: "SUCCESS", ...fields, at }, select: { id: true } });
}

beforeEach(async () => {
  await resetDatabase();
  admin = await createViewer(prisma, [{ role: "AUDIT_ADMIN" }]);
});
afterAll(disconnectPrisma);

describe("searchAuditEvents", () => {
  it("finds by China date range, e-mail (also failed sign-ins of unknown addresses), action, result, object and address; newest first", async () => {
    const user = await createUser(prisma, { email: "li.si@example.test" });
    await event(china("2024-03-01T00:10:00"), { userId: user.id, clientAddress: "203.0.113.9", details: { email: "li.si@example.test" } });
    await event(china("2024-02-29T23:50:00"), { userId: user.id, action: "auth.sign_out" });
    await event(china("2024-03-02T08:00:00"), { action: "auth.sign_in", result: "FAILURE", details: { email: "nobody@example.test", reason: "unknown_account" } });
    await event(china("2024-03-02T09:00:00"), { userId: user.id, action: "budget.submit", objectType: "budget", objectId: "7" });

    const ids = async (filters: Record<string, string>) =>
      (await searchAuditEvents(prisma, admin, filters)).events.filter((e) => e.action !== "audit.search").map((e) => `${e.action}@${e.at.toISOString()}`);

    expect(await ids({ from: "2024-03-01", to: "2024-03-01" })).toEqual(["auth.sign_in@2024-02-29T16:10:00.000Z"]);
    expect(await ids({ email: "LI.SI@example.test" })).toEqual([
      "budget.submit@2024-03-02T01:00:00.000Z",
      "auth.sign_out@2024-02-29T15:50:00.000Z",
      "auth.sign_in@2024-02-29T16:10:00.000Z",
    ]);
    expect(await ids({ email: "nobody@example.test" })).toEqual(["auth.sign_in@2024-03-02T00:00:00.000Z"]);
    expect(await ids({ action: "auth.", result: "FAILURE" })).toEqual(["auth.sign_in@2024-03-02T00:00:00.000Z"]);
    expect(await ids({ objectType: "budget", objectId: "7" })).toEqual(["budget.submit@2024-03-02T01:00:00.000Z"]);
    expect(await ids({ clientAddress: "203.0.113.9" })).toEqual(["auth.sign_in@2024-02-29T16:10:00.000Z"]);

    const [found] = (await searchAuditEvents(prisma, admin, { clientAddress: "203.0.113.9" })).events;
    expect(found?.user).toEqual({ id: user.id, email: "li.si@example.test", name: expect.any(String) });
    expect(auditDetailLines({ email: "a@b.c", reason: "wrong_password" })).toEqual([
      { label: "邮箱", value: "a@b.c" },
      { label: "原因", value: "密码错误" },
    ]);
  });

  it("pages by id, newest first, without gaps or repeats", async () => {
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i += 1) await writeAuditEvent(prisma, { action: "auth.sign_out", result: "SUCCESS", objectId: String(i) });

    const first = await searchAuditEvents(prisma, admin, { action: "auth.sign_out" });
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.events[0]?.objectId).toBe(String(AUDIT_PAGE_SIZE + 4));
    expect(first.nextBefore).not.toBeNull();
    // a new event between the pages does not shift the second page
    await writeAuditEvent(prisma, { action: "auth.sign_out", result: "SUCCESS", objectId: "new" });
    const second = await searchAuditEvents(prisma, admin, { action: "auth.sign_out", before: first.nextBefore ?? "" });
    expect(second.events.map((e) => e.objectId)).toEqual(["4", "3", "2", "1", "0"]);
    expect(second.nextBefore).toBeNull();
  });

  it("audits every search with its filters", async () => {
    await searchAuditEvents(prisma, admin, { email: "x@example.test", result: "DENIED" });
    const rows = await prisma.auditEvent.findMany({ where: { action: "audit.search" }, select: { userId: true, result: true, details: true } });
    expect(rows).toEqual([{ userId: admin.userId, result: "SUCCESS", details: { filters: JSON.stringify({ email: "x@example.test", result: "DENIED" }), results: 0 } }]);
  });

  it("refuses everyone but the audit administrator (三员分立), and audits the refusal", async () => {
    const unit = await createUnit(prisma);
    const refused: Viewer[] = [
      await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: unit.unitId }]),
      await createViewer(prisma, [{ role: "DEPARTMENT_REVIEWER", departmentId: unit.departmentId }]),
      await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: unit.regionId }]),
      await createViewer(prisma, [{ role: "ADMIN", regionId: unit.regionId }]),
      await createViewer(prisma, [{ role: "ADMIN" }]),
      await createViewer(prisma, [{ role: "SECURITY_ADMIN" }]),
    ];
    for (const viewer of refused) {
      await expect(searchAuditEvents(prisma, viewer, {}, { clientAddress: "198.51.100.4" })).rejects.toMatchObject({ code: "FORBIDDEN", message: "只有审计管理员可以查询、导出和校验审计日志。" });
    }
    await expect(searchAuditEvents(prisma, null, {}, { clientAddress: "198.51.100.4" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await prisma.auditEvent.count({ where: { action: "audit.search", result: "DENIED", clientAddress: "198.51.100.4" } })).toBe(refused.length + 1);
  });

  it("refuses malformed filters with Chinese messages", async () => {
    await expect(searchAuditEvents(prisma, admin, { from: "2024-3-1", to: "2024-02-01", result: "MAYBE", before: "abc" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: {
        from: ["开始日期请按“年-月-日”填写，例如 2024-03-01。"],
        result: ["结果只能是成功、拒绝或失败。"],
        before: ["翻页参数无效。"],
      },
    });
    await expect(searchAuditEvents(prisma, admin, { from: "2024-03-02", to: "2024-03-01" })).rejects.toMatchObject({
      fieldErrors: { to: ["开始日期不能晚于结束日期。"] },
    });
  });
});

describe("exportAuditEvents and verifyAuditChains (the audit administrator's other two reads)", () => {
  it("exports the filtered rows as CSV with BOM, actions in Chinese, and audits the export with the client address", async () => {
    const user = await createUser(prisma, { email: "li.si@example.test", name: "李四" });
    await event(china("2024-03-01T09:00:00"), { userId: user.id, action: "budget.comment_resolve", objectType: "budget", objectId: "7", clientAddress: "203.0.113.9" });
    await event(china("2024-03-02T09:00:00"), { action: "auth.sign_in", result: "FAILURE", details: { email: "x@example.test", reason: "wrong_password" } });

    const file = await exportAuditEvents(prisma, admin, { action: "budget.comment_resolve" }, { clientAddress: "198.51.100.7" });

    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.body.subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("操作");
    expect(lines[1]).toContain("标记审核意见已解决");
    expect(lines[1]).toContain("李四");
    expect(lines[1]).toContain("203.0.113.9");
    expect(await prisma.auditEvent.findMany({ where: { action: "audit.export" }, select: { result: true, clientAddress: true, userId: true } })).toEqual([
      { result: "SUCCESS", clientAddress: "198.51.100.7", userId: admin.userId },
    ]);
  });

  it("checks the hash chains for the audit administrator only, and audits every attempt", async () => {
    await event(china("2024-03-01T09:00:00"));
    const report = await verifyAuditChains(prisma, admin, { clientAddress: "198.51.100.7" });
    expect(report.audit.firstBreak).toBeNull();
    expect(report.audit.checked).toBeGreaterThanOrEqual(1);
    const system = await createViewer(prisma, [{ role: "ADMIN" }]);
    await expect(verifyAuditChains(prisma, system, { clientAddress: "198.51.100.8" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportAuditEvents(prisma, system, {}, { clientAddress: "198.51.100.8" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const rows = await prisma.auditEvent.findMany({ where: { action: { in: ["audit.verify", "audit.export"] } }, orderBy: { id: "asc" }, select: { action: true, result: true, clientAddress: true } });
    expect(rows).toEqual([
      { action: "audit.verify", result: "SUCCESS", clientAddress: "198.51.100.7" },
      { action: "audit.verify", result: "DENIED", clientAddress: "198.51.100.8" },
      { action: "audit.export", result: "DENIED", clientAddress: "198.51.100.8" },
    ]);
  });
});

describe("loadBudgetHistory", () => {
  it("lists the budget's workflow events and its own audit events, oldest first, with names and results", async () => {
    await saveCodeBook(prisma, guantao2024CodeBook);
    const { unit, budgetId } = await createApprovedBudget(prisma, { approvedAt: china("2024-03-01T09:00:00") });
    const other = await createBudget(prisma, { status: "DRAFT" });
    const accountant = await createUser(prisma, { name: "王会计", email: "wang@example.test", roles: [{ role: "ACCOUNTANT", unitId: unit.unitId }] });
    await event(china("2024-03-05T10:00:00"), { action: "budget.publish", result: "DENIED", userId: accountant.id, objectType: "budget", objectId: String(budgetId) });
    await event(china("2024-03-05T10:00:00"), { action: "budget.save", objectType: "budget", objectId: String(other.id) });
    const reviewer = await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: unit.regionId }]);

    const history = await loadBudgetHistory(reviewer, budgetId, prisma);

    expect(history.map((h) => [h.what, h.who, h.result])).toEqual([
      ["创建", "系统", "成功"],
      ["报送", "系统", "成功"],
      ["提交财政审核", "系统", "成功"],
      ["批复", "系统", "成功"],
      ["公开", "王会计（wang@example.test）", "拒绝（无权限）"],
    ]);
    expect(history[3]?.note).toBe("财政审核中 → 已批复");
  });

  it("shows one entry per editing session instead of one per autosave, and every action in Chinese", async () => {
    await saveCodeBook(prisma, guantao2024CodeBook);
    const { unit, budgetId } = await createApprovedBudget(prisma, { approvedAt: china("2024-03-01T09:00:00") });
    const accountant = await createUser(prisma, { name: "王会计", email: "wang@example.test", roles: [{ role: "ACCOUNTANT", unitId: unit.unitId }] });
    const onBudget = { userId: accountant.id, objectType: "budget", objectId: String(budgetId) };
    // 40 autosaves 1.5 s apart in one sitting, then one more the next morning.
    for (let i = 0; i < 40; i += 1) {
      await event(new Date(china("2024-02-20T09:00:00").getTime() + i * 1500), { ...onBudget, action: "budget.save", details: { changedFields: 2 } });
    }
    await event(china("2024-02-21T08:30:00"), { ...onBudget, action: "budget.save", details: { changedFields: 5 } });
    await event(china("2024-03-01T09:00:00"), { ...onBudget, action: "budget.approve" });
    await event(china("2024-03-02T09:00:00"), { ...onBudget, action: "budget.comment_resolve" });

    const history = await loadBudgetHistory({ userId: accountant.id, roles: [{ role: "ACCOUNTANT", unitId: unit.unitId }] }, budgetId, prisma);
    const edits = history.filter((h) => h.kind === "edit");
    expect(edits.map((h) => [h.what, h.who, h.note])).toEqual([
      ["编辑草稿", "王会计（wang@example.test）", "修改 80 项（自动保存 40 次，至 09:00）"],
      ["编辑草稿", "王会计（wang@example.test）", "修改 5 项（自动保存 1 次）"],
    ]);
    // The approval is its workflow step only, not a second 操作记录 row.
    expect(history.filter((h) => h.what === "批复")).toHaveLength(1);
    expect(history.map((h) => h.what)).toContain("标记审核意见已解决");
    for (const entry of history) expect(`${entry.what}${entry.note ?? ""}`).not.toMatch(/[a-z]+\.[a-z_]+|snapshotId|files/);
  });

  it("is hidden from whoever may not read the budget", async () => {
    await saveCodeBook(prisma, guantao2024CodeBook);
    const { budgetId } = await createApprovedBudget(prisma, { approvedAt: china("2024-03-01T09:00:00") });
    const stranger = await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: (await createUnit(prisma)).regionId }]);
    await expect(loadBudgetHistory(stranger, budgetId, prisma)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(loadBudgetHistory(null, budgetId, prisma)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
