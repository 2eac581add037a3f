import { AppError } from "@/lib/app-error";
import { getViewerFromHeaders } from "@/lib/auth/session";
import { loadSignOffSheet } from "@/lib/review/screens";

export const dynamic = "force-dynamic";

const STATUS: Record<AppError["code"], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  LOCKED: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** GET /workspace/sign-off-sheets/{budgetId}: the signed 审签单, for the unit and its reviewers (authorization in the loader). */
export async function GET(request: Request, { params }: { params: Promise<{ budgetId: string }> }): Promise<Response> {
  const { budgetId } = await params;
  try {
    if (!/^[1-9]\d{0,9}$/.test(budgetId)) throw new AppError("NOT_FOUND", "未找到该审签单。");
    const sheet = await loadSignOffSheet(await getViewerFromHeaders(request.headers), Number(budgetId));
    const encoded = encodeURIComponent(sheet.fileName);
    return new Response(new Uint8Array(sheet.bytes), {
      headers: {
        "Content-Type": sheet.contentType,
        "Content-Disposition": `inline; filename="sign-off-${budgetId}"; filename*=UTF-8''${encoded}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        // An uploaded file is shown, never run: no scripts, no forms, no other resources.
        "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        Digest: `sha-256=${Buffer.from(sheet.sha256, "hex").toString("base64")}`,
      },
    });
  } catch (error) {
    if (error instanceof AppError) {
      return new Response(error.message, { status: STATUS[error.code], headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
