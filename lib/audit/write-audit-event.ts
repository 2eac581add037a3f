import type { DbReader } from "@/lib/budgets/db-client";
import type { AuditResult } from "@/lib/generated/prisma/enums";

/** Keys and values of `details`: plain JSON, small, never a password, token or hash. */
export type AuditDetails = Record<string, string | number | boolean | null>;

export interface AuditEventInput {
  /** dotted verb, e.g. "auth.sign_in" */
  action: string;
  result: AuditResult;
  /** null when no account is known (a sign-in with an unknown address) */
  userId?: string | null;
  objectType?: string;
  objectId?: string;
  clientAddress?: string | null;
  details?: AuditDetails;
}

/**
 * Refused input is audited as typed, and may be megabytes long (an identifier field filled with a
 * huge string): each text is cut to a length that still identifies it, so nobody can bloat the
 * append-only log (or its hash chain) through a form.
 */
const MAX_TEXT = 200;
const MAX_DETAIL_TEXT = 1_000;

/** The first `length` characters, never ending in half a surrogate pair. */
function cut(text: string | null | undefined, length: number): string | null {
  return text === null || text === undefined ? null : text.length <= length ? text : text.slice(0, length).toWellFormed();
}

function boundedDetails(details: AuditDetails): AuditDetails {
  const bounded: AuditDetails = {};
  for (const [key, value] of Object.entries(details)) bounded[cut(key, MAX_TEXT) ?? ""] = typeof value === "string" ? cut(value, MAX_DETAIL_TEXT) : value;
  return bounded;
}

/** Appends one row to the append-only audit_events table (in the caller's transaction, if any). */
export async function writeAuditEvent(db: DbReader, event: AuditEventInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      action: event.action,
      result: event.result,
      userId: event.userId ?? null,
      objectType: cut(event.objectType, MAX_TEXT),
      objectId: cut(event.objectId, MAX_TEXT),
      clientAddress: cut(event.clientAddress, 100),
      details: boundedDetails(event.details ?? {}),
    },
    select: { id: true },
  });
}
