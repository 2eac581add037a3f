import { AppError } from "@/lib/app-error";
import { canSearchAuditLog, type Viewer } from "@/lib/auth/policies";
import { normalizeEmail } from "@/lib/auth/lockout-store";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
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

/** Where a read of the audit log came from, for its own audit row. */
export interface AuditReadRequest {
  clientAddress?: string | null;
}

export const AUDIT_DENIED_MESSAGE = "只有审计管理员可以查询、导出和校验审计日志。";

/** The filters as one SQL condition (every value a bound parameter). */
function conditionOf(input: AuditSearchInput): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  if (input.from !== undefined) and.push(Prisma.sql`e.at >= ${new Date(`${input.from}T00:00:00+08:00`)}`);
  if (input.to !== undefined) {
    const end = new Date(`${input.to}T00:00:00+08:00`);
    end.setUTCDate(end.getUTCDate() + 1);
    and.push(Prisma.sql`e.at < ${end}`);
  }
  if (input.email !== undefined) {
    const email = normalizeEmail(input.email);
    // The account's events, and sign-in attempts that named the address (also when no account has it).
    and.push(Prisma.sql`(e.user_id IN (SELECT id FROM users WHERE email = ${email}) OR e.details->>'email' = ${email})`);
  }
  if (input.action !== undefined) {
    and.push(input.action.endsWith(".") ? Prisma.sql`starts_with(e.action, ${input.action})` : Prisma.sql`e.action = ${input.action}`);
  }
  if (input.objectType !== undefined) and.push(Prisma.sql`e.object_type = ${input.objectType}`);
  if (input.objectId !== undefined) and.push(Prisma.sql`e.object_id = ${input.objectId}`);
  if (input.result !== undefined) and.push(Prisma.sql`e.result::text = ${input.result}`);
  if (input.clientAddress !== undefined) and.push(Prisma.sql`e.client_address = ${input.clientAddress}`);
  if (input.before !== undefined) and.push(Prisma.sql`e.id < ${BigInt(input.before)}`);
  return and.length === 0 ? Prisma.sql`TRUE` : Prisma.join(and, " AND ");
}

interface EventRow {
  id: bigint;
  at: Date;
  action: string;
  result: AuditResult;
  user_id: string | null;
  object_type: string | null;
  object_id: string | null;
  client_address: string | null;
  details: unknown;
  email: string | null;
  name: string | null;
}

/** Newest first, at most `limit` rows with their users' names: one statement (keyset on id, no OFFSET, no COUNT). */
export async function queryAuditEvents(tx: DbReader, input: AuditSearchInput, limit: number): Promise<AuditEventView[]> {
  const rows = await tx.$queryRaw<EventRow[]>`
    SELECT e.id, e.at, e.action, e.result::text AS result, e.user_id, e.object_type, e.object_id, e.client_address, e.details, u.email, u.name
    FROM audit_events e LEFT JOIN users u ON u.id = e.user_id
    WHERE ${conditionOf(input)}
    ORDER BY e.id DESC
    LIMIT ${limit}`;
  return rows.map((row) => ({
    id: row.id.toString(),
    at: row.at,
    action: row.action,
    result: row.result,
    user: row.user_id === null ? null : { id: row.user_id, email: row.email, name: row.name },
    objectType: row.object_type,
    objectId: row.object_id,
    clientAddress: row.client_address,
    details: row.details,
  }));
}

export function filterSummary(input: AuditSearchInput): string {
  return JSON.stringify(Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)));
}

/**
 * Refuses whoever is not a (global) 审计管理员, writing the refusal to the log itself (DENIED,
 * with the client address), then parses the filters with Chinese field messages.
 */
export async function requireAuditReader(db: DbClient, viewer: Viewer | null, action: string, raw: unknown, request: AuditReadRequest): Promise<{ viewer: Viewer; input: AuditSearchInput }> {
  if (viewer === null || !canSearchAuditLog(viewer)) {
    await db.$transaction((tx) =>
      writeAuditEvent(tx, {
        action,
        result: "DENIED",
        userId: viewer?.userId ?? null,
        clientAddress: request.clientAddress ?? null,
        objectType: "audit_events",
        details: { reason: viewer === null ? "UNAUTHENTICATED" : "FORBIDDEN" },
      }),
    );
    if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
    throw new AppError("FORBIDDEN", AUDIT_DENIED_MESSAGE);
  }
  const parsed = auditSearchSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "请检查标出的查询条件。", fieldErrorsOf(parsed.error));
  return { viewer, input: parsed.data };
}

/**
 * 审计日志查询: newest first, keyset-paginated on id, by time range (China dates), user e-mail,
 * action (exact, or a prefix ending in "."), object, result and client address. The 审计管理员
 * only (三员分立, ADR 0022). Every search, and every refused one, is itself audited
 * (`audit.search`, with the client address), in the transaction that reads.
 */
export async function searchAuditEvents(db: DbClient, viewer: Viewer | null, raw: unknown, request: AuditReadRequest = {}): Promise<AuditSearchResult> {
  const { viewer: reader, input } = await requireAuditReader(db, viewer, "audit.search", raw, request);
  return db.$transaction(async (tx) => {
    const rows = await queryAuditEvents(tx, input, AUDIT_PAGE_SIZE + 1);
    const page = rows.slice(0, AUDIT_PAGE_SIZE);
    await writeAuditEvent(tx, {
      action: "audit.search",
      result: "SUCCESS",
      userId: reader.userId,
      clientAddress: request.clientAddress ?? null,
      objectType: "audit_events",
      details: { filters: filterSummary(input), results: page.length },
    });
    return { filters: input, events: page, nextBefore: rows.length > AUDIT_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null };
  });
}
