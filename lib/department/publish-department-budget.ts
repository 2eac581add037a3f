import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { canPublishDepartmentBudget, type Viewer } from "@/lib/auth/policies";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import { versionPath, type DepartmentDocumentKey } from "@/lib/publication/document-paths";
import type { DocumentRenderers, PublishedFile } from "@/lib/publication/publish-budget";
import { artifactRows, renderDocuments, type RenderedDocuments } from "@/lib/publication/render-documents";
import { canonicalJson, contentHash, type SnapshotContent } from "@/lib/publication/snapshot-content";
import { buildDepartmentContent, chinaDate, departmentNotReadyReason } from "./department-content";
import { loadBudgetsById, loadDepartmentState, type DepartmentState } from "./queries";
import { indexDepartmentSnapshot } from "@/lib/search/index-snapshot";

export interface PublishDepartmentInput {
  departmentId: number;
  year: number;
  /** 更正说明: required when the department budget of the year was published before */
  correctionNote?: string | null;
  clientAddress?: string | null;
}

export interface PublishedDepartment {
  snapshotId: number;
  version: number;
  contentHash: string;
  /** the versioned URL path, e.g. /budgets/2024/departments/224/v1 */
  path: string;
  files: PublishedFile[];
  /** why the PDF is missing (Chromium unavailable); null when it was rendered */
  pdfError: string | null;
}

export const CORRECTION_NOTE_MAX = 2000;
const AUDIT_ACTION = "department.publish";
const statusLabel = (status: string) => BUDGET_STATUS_LABELS[status as BudgetStatus] ?? status;

/**
 * 公开部门预算: the department reviewer (主管部门) publishes the department's budget for a year,
 * the sum of the newest approved version of every unit's budget. Refused until every unit of the
 * department is approved (a partial sum is not the department's budget), and when nothing
 * changed since the last publication. A republication after a unit's correction is version n+1
 * with a 更正说明; version n stays readable. Rendering happens outside the transaction; the
 * snapshot, the list of summed budget versions, the files, the supersession and the audit row
 * are written in one. Refusals and failures are audited too.
 */
export function publishDepartmentBudget(
  db: DbClient,
  viewer: Viewer | null,
  input: PublishDepartmentInput,
  renderers: DocumentRenderers,
  now: Date = new Date(),
): Promise<PublishedDepartment> {
  return run(db, viewer, input, renderers, now);
}

/**
 * The same publication by the system (actor null, no viewer to authorize), for the demo seed,
 * as `publishBudget` is for units. Every other rule holds.
 */
export function publishDepartmentBudgetAsSystem(
  db: DbClient,
  input: PublishDepartmentInput,
  renderers: DocumentRenderers,
  now: Date = new Date(),
): Promise<PublishedDepartment> {
  return run(db, SYSTEM, input, renderers, now);
}

const SYSTEM = Symbol("system");

async function run(
  db: DbClient,
  viewer: Viewer | null | typeof SYSTEM,
  input: PublishDepartmentInput,
  renderers: DocumentRenderers,
  now: Date,
): Promise<PublishedDepartment> {
  const actor = viewer === SYSTEM ? null : viewer;
  try {
    const prepared = await db.$transaction((tx) => prepare(tx, viewer, input, now), { timeout: 15_000 });
    const rendered = await render(prepared, renderers);
    return await store(db, actor, input, prepared, rendered, now);
  } catch (error) {
    await recordRefusal(db, actor, input, error);
    throw error;
  }
}

interface Prepared {
  state: DepartmentState;
  key: DepartmentDocumentKey;
  version: number;
  budgetIds: number[];
  correctionNote: string | null;
  content: SnapshotContent;
  contentHash: string;
}

async function prepare(tx: DbReader, viewer: Viewer | null | typeof SYSTEM, input: PublishDepartmentInput, now: Date): Promise<Prepared> {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  const state = await loadDepartmentState(tx, { departmentId: input.departmentId, year: input.year });
  if (state === null || (viewer !== SYSTEM && !canPublishDepartmentBudget(viewer, state))) {
    // NOT_FOUND for an unknown department; FORBIDDEN for anyone but its own department reviewer.
    throw new AppError(
      state === null ? "NOT_FOUND" : "FORBIDDEN",
      state === null ? "未找到该部门。" : "只有本部门（主管部门）的审核人可以公开部门预算。",
    );
  }
  const notReady = departmentNotReadyReason(state, statusLabel);
  if (notReady !== null) throw new AppError("CONFLICT", notReady);
  const budgetIds = state.units.map((unit) => unit.approved?.budgetId ?? 0).sort((a, b) => a - b);
  const previous = state.published;
  let correctionNote: string | null = null;
  if (previous !== null) {
    if (sameIds(previous.budgetIds, budgetIds)) {
      throw new AppError(
        "CONFLICT",
        `${state.name}${state.year}年部门预算第${previous.version}版已公开，所属单位的已批复预算此后没有变化，无需重新公开。`,
      );
    }
    correctionNote = input.correctionNote?.trim() ?? "";
    if (correctionNote === "") {
      throw new AppError("INVALID_INPUT", "重新公开部门预算时必须填写更正说明。", {
        correctionNote: ["请填写更正说明：说明哪些单位的预算作了更正、更正了什么。"],
      });
    }
    if (correctionNote.length > CORRECTION_NOTE_MAX) {
      throw new AppError("INVALID_INPUT", "更正说明过长。", { correctionNote: [`更正说明最多${CORRECTION_NOTE_MAX}个字。`] });
    }
  }
  const version = (previous?.version ?? 0) + 1;
  const { budgets, codeBook } = await loadBudgetsById(tx, budgetIds, state.year);
  const approvedDates = state.units.flatMap((unit) => (unit.approved?.approvedAt ? [unit.approved.approvedAt] : []));
  const lastApproval = approvedDates.length === 0 ? null : new Date(Math.max(...approvedDates.map((d) => d.getTime())));
  const content = buildDepartmentContent(state, budgets, codeBook, {
    version,
    publishedAt: now.toISOString(),
    approvedAt: chinaDate(lastApproval),
    correctionNote,
  });
  return {
    state,
    key: { year: state.year, departmentCode: state.code },
    version,
    budgetIds,
    correctionNote,
    content,
    contentHash: contentHash(content),
  };
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function render(prepared: Prepared, renderers: DocumentRenderers): Promise<RenderedDocuments> {
  return renderDocuments(prepared.content, renderers, { key: prepared.key, version: prepared.version, contentHash: prepared.contentHash });
}

async function store(
  db: DbClient,
  viewer: Viewer | null,
  input: PublishDepartmentInput,
  prepared: Prepared,
  rendered: RenderedDocuments,
  now: Date,
): Promise<PublishedDepartment> {
  const { version } = prepared;
  const conflict = () => new AppError("CONFLICT", "公开过程中部门或所属单位的预算已有变化，请刷新后重试。");
  const snapshotId = await storeInTransaction(db, viewer, input, prepared, rendered, now, conflict).catch((error: unknown) => {
    // Two publications at once: the second one's version number is taken (unique index).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict();
    throw error;
  });
  return {
    snapshotId,
    version,
    contentHash: prepared.contentHash,
    path: versionPath(prepared.key, version),
    files: rendered.files.map(({ kind, bytes, sha256 }) => ({ kind, size: bytes.length, sha256 })),
    pdfError: rendered.pdfError,
  };
}

function storeInTransaction(
  db: DbClient,
  viewer: Viewer | null,
  input: PublishDepartmentInput,
  prepared: Prepared,
  rendered: RenderedDocuments,
  now: Date,
  conflict: () => AppError,
): Promise<number> {
  const { state, version } = prepared;
  return db.$transaction(
    async (tx) => {
      // What was summed must still be what is approved and published now.
      const current = await loadDepartmentState(tx, { departmentId: state.departmentId, year: state.year });
      const currentIds = current?.units.map((unit) => unit.approved?.budgetId ?? 0).sort((a, b) => a - b) ?? [];
      if (current === null || !sameIds(currentIds, prepared.budgetIds) || current.published?.snapshotId !== state.published?.snapshotId) {
        throw conflict();
      }
      const content: Prisma.InputJsonObject = JSON.parse(canonicalJson(prepared.content));
      const snapshot = await tx.departmentSnapshot.create({
        data: {
          departmentId: state.departmentId,
          year: state.year,
          version,
          publishedAt: now,
          publishedById: viewer?.userId ?? null,
          contentHash: prepared.contentHash,
          content,
          correctionNote: prepared.correctionNote,
        },
        select: { id: true },
      });
      await tx.departmentSnapshotBudget.createMany({
        data: prepared.budgetIds.map((budgetId) => ({ snapshotId: snapshot.id, budgetId })),
      });
      await tx.departmentArtifact.createMany({
        data: artifactRows(snapshot.id, rendered.files, { owner: state.name, year: state.year, version, documentKind: "部门预算" }),
      });
      if (state.published !== null) {
        const superseded = await tx.departmentSnapshot.updateMany({
          where: { id: state.published.snapshotId, supersededById: null },
          data: { supersededById: snapshot.id },
        });
        if (superseded.count !== 1) throw conflict();
      }
      // Hook: the citizen search index (lib/search/), in the same transaction as the snapshot it describes.
      await indexDepartmentSnapshot(tx, snapshot.id);
      await writeAuditEvent(tx, {
        action: AUDIT_ACTION,
        result: "SUCCESS",
        userId: viewer?.userId ?? null,
        objectType: "department",
        objectId: String(state.departmentId),
        clientAddress: input.clientAddress ?? null,
        details: {
          departmentCode: state.code,
          year: state.year,
          version,
          snapshotId: snapshot.id,
          contentHash: prepared.contentHash,
          budgetIds: prepared.budgetIds.join(","),
          files: rendered.files.map((file) => file.kind).join(","),
          pdfError: rendered.pdfError,
        },
      });
      return snapshot.id;
    },
    // maxWait: a concurrent publication renders its files on this thread meanwhile (a second or more under load).
    { timeout: 30_000, maxWait: 15_000 },
  );
}

/** Refusals (DENIED for who, FAILURE for state and input) and failures leave an audit row of their own. */
async function recordRefusal(db: DbClient, viewer: Viewer | null, input: PublishDepartmentInput, error: unknown): Promise<void> {
  const isRefusal = error instanceof AppError;
  const denied = isRefusal && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND" || error.code === "UNAUTHENTICATED");
  try {
    await db.$transaction((tx) =>
      writeAuditEvent(tx, {
        action: AUDIT_ACTION,
        result: denied ? "DENIED" : "FAILURE",
        userId: viewer?.userId ?? null,
        objectType: "department",
        objectId: String(input.departmentId),
        clientAddress: input.clientAddress ?? null,
        details: {
          year: input.year,
          reason: isRefusal ? error.code : "ERROR",
          message: error instanceof Error ? error.message.slice(0, 500) : String(error),
        },
      }),
    );
  } catch (auditError) {
    console.error(
      `[department.publish] could not record the refused publication of department ${input.departmentId} ${input.year}:`,
      auditError instanceof Error ? auditError.message : auditError,
    );
  }
}
