import { forbidden } from "next/navigation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { prisma } from "@/lib/db";
import { getClientAddress } from "./client-address";
import type { Viewer } from "./session";

/**
 * A page the viewer's roles do not open: the refused read is audited (who, which page, from which
 * address) and the answer is 403 with the nearest forbidden.tsx, never 200 with a message.
 */
export async function refusePage(viewer: Viewer | null, page: string): Promise<never> {
  await writeAuditEvent(prisma, {
    action: "page.read",
    result: "DENIED",
    userId: viewer?.userId ?? null,
    objectType: "page",
    objectId: page.slice(0, 200),
    clientAddress: await getClientAddress(),
  });
  forbidden();
}
