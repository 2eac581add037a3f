import { progressFailure, progressHead, progressLine, progressSummary } from "@/components/review/batch-publish-stream";
import { documentRenderers } from "@/app/document-renderers";
import { AppError } from "@/lib/app-error";
import { getClientAddress } from "@/lib/auth/client-address";
import { getViewerFromHeaders } from "@/lib/auth/session";
import { runBatchPublication } from "@/lib/workflow/batch-publish-page";

export const dynamic = "force-dynamic";

const encoder = new TextEncoder();
const MAX_BODY_BYTES = 1024 * 1024;

function page(status: number, text: string): Response {
  return new Response(progressHead("批量公开", 0) + progressFailure(text), {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}

/**
 * POST /review/publish/run (the form of /review/publish): publishes the listed signed-off budgets
 * one by one and streams a line per budget, so the reviewer sees the progress without JavaScript.
 * Authorization is inside publishSignedOffBudgets; a cross-site form post is refused here, as
 * Next refuses it for server actions.
 */
export async function POST(request: Request): Promise<Response> {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin !== null && host !== null && new URL(origin).host !== host) return page(403, "请求来源不符，未公开任何预算。");
  // A list of budget ids is a few kilobytes: a larger body is not this form's.
  if (Number(request.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) return page(413, "请求内容过大，未公开任何预算。");
  const form = await request.formData().catch(() => null);
  const regionCode = String(form?.get("region") ?? "");
  const year = Number(form?.get("year"));
  const budgetIds = (form?.getAll("budgetId") ?? []).map(Number).filter(Number.isSafeInteger);
  if (!/^[0-9A-Za-z]{1,32}$/.test(regionCode) || !Number.isInteger(year) || budgetIds.length === 0) {
    return page(400, "请求不完整（缺少地区、年度或要公开的预算），未公开任何预算。请返回批量公开页面重试。");
  }
  const viewer = await getViewerFromHeaders(request.headers);
  const clientAddress = await getClientAddress();
  const started = performance.now();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => controller.enqueue(encoder.encode(text));
      write(progressHead(`批量公开 ${regionCode} ${year} 年预算`, budgetIds.length));
      try {
        const result = await runBatchPublication(viewer, { regionCode, year, budgetIds, clientAddress }, documentRenderers, {
          onProgress: (item, done, total) => write(progressLine(item, done, total)),
        });
        write(progressSummary(result, (performance.now() - started) / 1000));
      } catch (error) {
        write(progressFailure(error instanceof AppError ? `${error.message}未公开任何预算。` : "批量公开时出错，请查看已完成的各行并稍后重试。"));
        if (!(error instanceof AppError)) console.error("[batch-publish]", error);
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      // no-transform: a compressing proxy (or Next's own compression) would hold the lines back.
      "Cache-Control": "private, no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
