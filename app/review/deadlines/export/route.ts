import { AppError } from "@/lib/app-error";
import { getAuth } from "@/lib/auth/auth";
import { clientAddressFromHeaders } from "@/lib/auth/client-address";
import { getViewerFromHeaders } from "@/lib/auth/session";
import { parseDeadlineFilters } from "@/lib/deadlines/deadline-filters";
import { downloadDeadlines } from "@/lib/deadlines/dashboard";
import { attachmentDisposition } from "@/lib/serving/http-negotiation";

export const dynamic = "force-dynamic";

const STATUS: Record<AppError["code"], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  LOCKED: 403,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
};

/** GET /review/deadlines/export?format=csv|xlsx&region=&year=&department=&status= — authorization inside exportDeadlines. */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  try {
    const viewer = await getViewerFromHeaders(request.headers);
    const file = await downloadDeadlines(viewer, parseDeadlineFilters(url.searchParams), format, clientAddressFromHeaders(request.headers, getAuth().options));
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": attachmentDisposition(`deadlines.${format}`, file.fileName),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) {
      return new Response(error.message, { status: STATUS[error.code], headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
