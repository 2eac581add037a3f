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

/** Appends one row to the append-only audit_events table (in the caller's transaction, if any). */
export async function writeAuditEvent(db: DbReader, event: AuditEventInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      action: event.action,
      result: event.result,
      userId: event.userId ?? null,
      objectType: event.objectType ?? null,
      objectId: event.objectId ?? null,
      clientAddress: event.clientAddress ?? null,
      details: event.details ?? {},
    },
    select: { id: true },
  });
}
