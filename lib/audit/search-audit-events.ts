import { AppError } from "@/lib/app-error";
import { canSearchAuditLog, type Viewer } from "@/lib/auth/policies";
import { normalizeEmail } from "@/lib/auth/lockout-store";
import type { DbClient } from "@/lib/budgets/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditResult } from "@/lib/generated/prisma/enums";
import { fieldErrorsOf } from "@/lib/action";
import { auditSearchSchema, type AuditSearchInput } from "./audit-search-schema";
import { writeAuditEvent } from "./write-audit-event";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEventView {
  id: string;
  at: Date;
  action: string;
  result: AuditResult;
  user: { id: string; email: string | null; name: string | null } | null;
  objectType: string | null;
  objectId: string | null;
  clientAddress: string | null;
  details: unknown;
}

export interface AuditSearchResult {
  filters: AuditSearchInput;
  events: AuditEventView[];
  /** the `before` parameter of the next (older) page; null on the last page */
  nextBefore: string | null;
}

const DENIED_MESSAGE = "只有全局系统管理员可以查询审计日志。";

function whereOf(input: AuditSearchInput, userId: string | null | undefined): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (input.from !== undefined) and.push({ at: { gte: new Date(`${input.from}T00:00:00+08:00`) } });
  if (input.to !== undefined) {
    const end = new Date(`${input.to}T00:00:00+08:00`);
    end.setUTCDate(end.getUTCDate() + 1);
    and.push({ at: { lt: end } });
  }
  if (input.email !== undefined) {
    const email = normalizeEmail(input.email);
    // The account's events, and sign-in attempts that named the address (also when no account has it).
    and.push({ OR: [...(userId ? [{ userId }] : []), { details: { path: ["email"], equals: email } }] });
  }
  if (input.action !== undefined) and.push({ action: input.action.endsWith(".") ? { startsWith: input.action } : input.action });
  if (input.objectType !== undefined) and.push({ objectType: input.objectType });
  if (input.objectId !== undefined) and.push({ objectId: input.objectId });
  if (input.result !== undefined) and.push({ result: input.result });
  if (input.clientAddress !== undefined) and.push({ clientAddress: input.clientAddress });
  if (input.before !== undefined) and.push({ id: { lt: BigInt(input.before) } });
  return { AND: and };
}

function filterSummary(input: AuditSearchInput): string {
  return JSON.stringify(Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)));
}

/**
 * 审计日志查询: newest first, keyset-paginated on id, by time range (China dates), user e-mail,
 * action (exact, or a prefix ending in "."), object, result and client address. Global
 * administrators only (ADR 0010). Every search, and every refused one, is itself audited
 * (`audit.search`), in the transaction that reads.
 */
export async function searchAuditEvents(db: DbClient, viewer: Viewer | null, raw: unknown): Promise<AuditSearchResult> {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  if (!canSearchAuditLog(viewer)) {
    await db.$transaction((tx) =>
      writeAuditEvent(tx, { action: "audit.search", result: "DENIED", userId: viewer.userId, objectType: "audit_events", details: { reason: "FORBIDDEN" } }),
    );
    throw new AppError("FORBIDDEN", DENIED_MESSAGE);
  }
  const parsed = auditSearchSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "请检查标出的查询条件。", fieldErrorsOf(parsed.error));
  const input = parsed.data;

  return db.$transaction(async (tx) => {
    const account =
      input.email === undefined
        ? undefined
        : await tx.user.findUnique({ where: { email: normalizeEmail(input.email) }, select: { id: true } });
    const rows = await tx.auditEvent.findMany({
      where: whereOf(input, account?.id),
      orderBy: { id: "desc" },
      take: AUDIT_PAGE_SIZE + 1,
      select: { id: true, at: true, action: true, result: true, userId: true, objectType: true, objectId: true, clientAddress: true, details: true },
    });
    const page = rows.slice(0, AUDIT_PAGE_SIZE);
    const userIds = [...new Set(page.flatMap((row) => (row.userId === null ? [] : [row.userId])))];
    const users = userIds.length === 0 ? [] : await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, name: true } });
    const byId = new Map(users.map((user) => [user.id, user]));
    await writeAuditEvent(tx, {
      action: "audit.search",
      result: "SUCCESS",
      userId: viewer.userId,
      objectType: "audit_events",
      details: { filters: filterSummary(input), results: page.length },
    });
    return {
      filters: input,
      events: page.map((row) => ({
        id: row.id.toString(),
        at: row.at,
        action: row.action,
        result: row.result,
        user: row.userId === null ? null : { id: row.userId, email: byId.get(row.userId)?.email ?? null, name: byId.get(row.userId)?.name ?? null },
        objectType: row.objectType,
        objectId: row.objectId,
        clientAddress: row.clientAddress,
        details: row.details,
      })),
      nextBefore: rows.length > AUDIT_PAGE_SIZE ? (page.at(-1)?.id.toString() ?? null) : null,
    };
  });
}
