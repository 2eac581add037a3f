import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { writeAuditEvent } from "./write-audit-event";

/**
 * A back-office page refused to a signed-in viewer (the page then answers 403): the refused read is
 * itself an audit row (`page.read`, DENIED, with the path and the client address), as refused
 * writes are. Paths are the app's own route with its parameters, at most 200 characters.
 */
export async function recordRefusedPage(db: DbClient, viewer: Viewer | null, request: { path: string; clientAddress: string | null }): Promise<void> {
  await db.$transaction((tx) =>
    writeAuditEvent(tx, {
      action: "page.read",
      result: "DENIED",
      userId: viewer?.userId ?? null,
      clientAddress: request.clientAddress,
      objectType: "page",
      objectId: request.path.slice(0, 200),
      details: { reason: viewer === null ? "UNAUTHENTICATED" : "FORBIDDEN" },
    }),
  );
}
