import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { isFinanceReviewerOf, type Viewer } from "@/lib/auth/policies";
import { auditingRefusals } from "@/lib/budgets/budget-access";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { PublicationError } from "@/lib/publication/publication-error";
import { publishBudget, type DocumentRenderers } from "@/lib/publication/publish-budget";

/** A signed-off (已审签) budget waiting to be published. */
export interface SignedOffBudget {
  budgetId: number;
  unitCode: string;
  unitName: string;
  version: number;
}

export interface BatchPublishRequest {
  regionCode: string;
  year: number;
  /** only these budgets (the ones the reviewer saw listed); all signed-off budgets of the region and year when absent */
  budgetIds?: readonly number[];
  clientAddress?: string | null;
}

export type BatchPublishItem = SignedOffBudget &
  ({ ok: true; path: string; pdfError: string | null; milliseconds: number } | { ok: false; message: string; milliseconds: number });

export interface BatchPublishResult {
  regionCode: string;
  year: number;
  items: BatchPublishItem[];
  published: number;
  failed: number;
}

const NOT_ALLOWED = "只有本地区的财政部门审核人可以批量公开预算。";

async function requireFinanceReviewer(tx: DbReader, viewer: Viewer | null, regionCode: string): Promise<{ id: number; name: string }> {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  const region = await tx.region.findUnique({ where: { code: regionCode }, select: { id: true, name: true } });
  if (region === null || !isFinanceReviewerOf(viewer, region.id)) throw new AppError("FORBIDDEN", NOT_ALLOWED);
  return region;
}

/** The region's signed-off budgets of a year, by unit code: what a batch publication would publish. */
export async function listSignedOffBudgets(
  db: DbClient,
  viewer: Viewer | null,
  request: { regionCode: string; year: number },
): Promise<{ regionName: string; budgets: SignedOffBudget[] }> {
  return db.$transaction(async (tx) => {
    const region = await requireFinanceReviewer(tx, viewer, request.regionCode);
    const rows = await tx.budget.findMany({
      where: { year: request.year, status: "SIGNED_OFF", unit: { regionId: region.id } },
      select: { id: true, version: true, unit: { select: { code: true, name: true } } },
      orderBy: [{ unit: { code: "asc" } }],
    });
    return {
      regionName: region.name,
      budgets: rows.map((row) => ({ budgetId: row.id, unitCode: row.unit.code, unitName: row.unit.name, version: row.version })),
    };
  });
}

/**
 * 统一公开: the region's finance reviewer publishes many signed-off budgets in one action, as a
 * finance bureau that organises its units' publication does. Each budget is published by
 * publishBudget exactly as its accountant would (its own transaction, snapshot, files and
 * "budget.publish" audit row, in the reviewer's name); one that fails (changed meanwhile, a
 * correction without its 更正说明 …) is reported and the others go on. The batch itself is one
 * more audit row ("budget.batch_publish") with the counts. Rendering shares the process's fonts,
 * so a budget takes a fraction of a second (docs/benchmarks.md).
 */
export async function publishSignedOffBudgets(
  db: DbClient,
  viewer: Viewer | null,
  request: BatchPublishRequest,
  renderers: DocumentRenderers,
  options: {
    now?: () => Date;
    onProgress?: (item: BatchPublishItem, done: number, total: number) => void;
    /** budgets published at once (default 1): more only when the renderers run in worker threads */
    concurrency?: number;
  } = {},
): Promise<BatchPublishResult> {
  const details = { regionCode: request.regionCode, year: request.year };
  const { budgets } = await auditingRefusals(
    db,
    viewer,
    { action: "budget.batch_publish", objectType: "region", objectId: request.regionCode, details, clientAddress: request.clientAddress },
    () => listSignedOffBudgets(db, viewer, request),
  );
  const wanted = request.budgetIds === undefined ? null : new Set(request.budgetIds);
  const chosen = wanted === null ? budgets : budgets.filter((b) => wanted.has(b.budgetId));
  const items: BatchPublishItem[] = [];
  const publishOne = async (budget: SignedOffBudget): Promise<BatchPublishItem> => {
    const started = performance.now();
    try {
      const published = await publishBudget(
        db,
        {
          unitCode: budget.unitCode,
          year: request.year,
          regionCode: request.regionCode,
          budgetId: budget.budgetId,
          actorId: viewer?.userId ?? null,
          clientAddress: request.clientAddress ?? null,
          now: options.now?.() ?? new Date(),
        },
        renderers,
      );
      return { ...budget, ok: true, path: published.path, pdfError: published.pdfError, milliseconds: performance.now() - started };
    } catch (error) {
      // publishBudget has audited the failure; anything but a refusal is a fault worth logging.
      if (!(error instanceof PublicationError)) console.error(`[batch-publish] ${budget.unitCode} ${request.year}:`, error);
      const message = error instanceof PublicationError ? error.message : "公开时出错，未公开。";
      return { ...budget, ok: false, message, milliseconds: performance.now() - started };
    }
  };
  // With renderers in worker threads (lib/publication/render-pool.ts) a few budgets are in flight at
  // once: one being stored while others render. Each is still its own publishBudget.
  const queue = [...chosen];
  const lanes = Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, queue.length)) }, async () => {
    for (let budget = queue.shift(); budget !== undefined; budget = queue.shift()) {
      const item = await publishOne(budget);
      items.push(item);
      options.onProgress?.(item, items.length, chosen.length);
    }
  });
  await Promise.all(lanes);
  const order = new Map(chosen.map((budget, i) => [budget.budgetId, i]));
  items.sort((a, b) => (order.get(a.budgetId) ?? 0) - (order.get(b.budgetId) ?? 0));
  const published = items.filter((item) => item.ok).length;
  await db.$transaction((tx) =>
    writeAuditEvent(tx, {
      action: "budget.batch_publish",
      result: published === items.length ? "SUCCESS" : "FAILURE",
      userId: viewer?.userId ?? null,
      objectType: "region",
      objectId: request.regionCode,
      clientAddress: request.clientAddress ?? null,
      details: { ...details, requested: chosen.length, published, failed: items.length - published },
    }),
  );
  return { regionCode: request.regionCode, year: request.year, items, published, failed: items.length - published };
}
