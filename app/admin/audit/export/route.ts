import { AppError } from "@/lib/app-error";
import { exportAuditLog } from "@/lib/audit/audit-log";
import { getClientAddress } from "@/lib/auth/client-address";
import { getViewerFromHeaders } from "@/lib/auth/session";
import { attachmentDisposition } from "@/lib/serving/http-negotiation";

export const dynamic = "force-dynamic";

/** By error code; keyed by string so a code added later (e.g. RATE_LIMITED) needs no change here to compile. */
const STATUS: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  LOCKED: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** GET /admin/audit/export?from=&to=&email=&action=&objectType=&objectId=&result=&clientAddress= — CSV (UTF-8 with BOM); authorization and audit inside exportAuditEvents. */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  try {
    const viewer = await getViewerFromHeaders(request.headers);
    const file = await exportAuditLog(viewer, Object.fromEntries(url.searchParams), await getClientAddress());
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachmentDisposition("audit-log.csv", file.fileName),
        "Cache-Control": "private, no-store",
        "X-Gongkai-Rows": String(file.rows),
        ...(file.truncated ? { "X-Gongkai-Truncated": "true" } : {}),
      },
    });
  } catch (error) {
    if (error instanceof AppError) {
      const message = error.code === "INVALID_INPUT" ? `${error.message}${Object.values(error.fieldErrors).flat().join(" ")}` : error.message;
      return new Response(message, { status: STATUS[error.code] ?? 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
    }
    throw error;
  }
}
