import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { DbClient } from "@/lib/budgets/db-client";
import { loadBudget } from "@/lib/budgets/queries";
import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArtifactKind, BudgetStatus } from "@/lib/generated/prisma/enums";
import { diffTables } from "@/lib/disclosure/table-diff";
import type { DerivedTables } from "@/lib/disclosure/table-model";
import { indexPublishedSnapshot } from "@/lib/search/index-snapshot";
import { statusesAllowing } from "@/lib/workflow/state-machine";
import { versionPath, type DownloadPaths } from "./document-paths";
import { PublicationError } from "./publication-error";
import { artifactRows, renderDocuments, type RenderedDocuments } from "./render-documents";
import { buildSnapshotContent, canonicalJson, contentHash, type SnapshotContent } from "./snapshot-content";

/** What the document page needs besides the content: printed on it and linked from it. */
export interface DocumentInfo {
  contentHash: string;
  /** the versioned URL path, e.g. /budgets/2024/224001/v1 */
  canonicalPath: string;
  /** the download URLs; null for the copy that becomes the PDF */
  downloads: DownloadPaths | null;
  /** the unit document's Fiscal Data Package (lib/open-data), linked from the page; absent for a department's */
  dataPackage?: string | null;
}

/**
 * The renderers publication needs. They live in components/ and lib/export/ and are composed
 * outside lib/ (app/document-renderers.ts), so this use case depends on no UI code.
 */
export interface DocumentRenderers {
  /** a complete static page containing NOTICE_MARKER where a later correction's notice goes */
  html(content: SnapshotContent, info: DocumentInfo): string;
  /** the A4 printout, from the same content (lib/export/pdf.ts); PdfUnavailableError when the fonts are missing */
  pdf(content: SnapshotContent, info: { contentHash: string }): Promise<Buffer>;
  /** the Word file, from the same content (lib/export/docx.ts) */
  docx(content: SnapshotContent, info: { contentHash: string }): Promise<Buffer>;
  xlsx(content: SnapshotContent): Promise<Buffer>;
  /** UTF-8 with BOM */
  csv(content: SnapshotContent): Buffer;
  json(content: SnapshotContent): Buffer;
}

export interface PublishInput {
  unitCode: string;
  year: number;
  /** needed only when the unit code exists in several regions */
  regionCode?: string;
  /** the version the caller authorized (publishUnitBudget): refused if the newest version is another one */
  budgetId?: number;
  /** who publishes (null: the system, e.g. the demo seed) */
  actorId?: string | null;
  clientAddress?: string | null;
  now?: Date;
}

export interface PublishedFile {
  kind: ArtifactKind;
  size: number;
  sha256: string;
}

export interface PublishResult {
  snapshotId: number;
  budgetId: number;
  version: number;
  contentHash: string;
  publishedAt: Date;
  /** the versioned URL path */
  path: string;
  files: PublishedFile[];
  /** why the PDF is missing (fonts unavailable, …); null when it was rendered */
  pdfError: string | null;
}

/** The state machine's answer: only a signed-off version (批复, 保密审查 and 负责人审签 done). */
const PUBLISHABLE: readonly BudgetStatus[] = statusesAllowing("PUBLISH");

/** 批复 is a date in China, whatever the server's time zone. */
const CHINA_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * Publishes the newest version of a unit's budget for a year: freezes it as a snapshot, renders
 * the page and the downloads from that snapshot, and stores them with the status change, the
 * supersession of the previous version (for a correction), a workflow event and an audit event
 * in one transaction. Rendering happens first, outside the transaction (a PDF takes seconds).
 * A PDF that this machine cannot render (its fonts missing) does not stop publication: the page is
 * what the law requires, and the PDF can be added later. Refusals and failures are audited too.
 *
 * This checks the state (only SIGNED_OFF, as lib/workflow/state-machine.ts says), not who
 * publishes: people publish through publishUnitBudget (lib/workflow), which authorizes first.
 */
export async function publishBudget(db: DbClient, input: PublishInput, renderers: DocumentRenderers): Promise<PublishResult> {
  const now = input.now ?? new Date();
  const actor: Actor = { actorId: input.actorId ?? null, clientAddress: input.clientAddress ?? null };
  let budgetId: number | null = null;
  try {
    const prepared = await prepare(db, input, now);
    budgetId = prepared.budgetId;
    const rendered = await render(prepared, renderers);
    return await store(db, prepared, rendered, actor);
  } catch (error) {
    await recordFailure(db, actor, budgetId, input, error);
    throw error;
  }
}

interface Prepared {
  budgetId: number;
  unitId: number;
  lockVersion: number;
  status: BudgetStatus;
  version: number;
  unitCode: string;
  unitName: string;
  year: number;
  content: SnapshotContent;
  contentHash: string;
  correctionNote: string | null;
  /** the snapshot this version corrects */
  previousSnapshotId: number | null;
  now: Date;
}

async function prepare(db: DbClient, input: PublishInput, now: Date): Promise<Prepared> {
  const label = `单位 ${input.unitCode} ${input.year} 年预算`;
  return db.$transaction(async (tx) => {
    const loaded = await loadBudget(tx, { unitCode: input.unitCode, year: input.year, regionCode: input.regionCode });
    if (loaded === null) throw new PublicationError("NOT_FOUND", `未找到${label}。`);
    const { budget, codeBook, meta } = loaded;
    const versionLabel = `${label}（第${meta.version}版）`;
    if (input.budgetId !== undefined && meta.id !== input.budgetId) {
      throw new PublicationError("CONFLICT", `${versionLabel}已不是要公开的版本，请刷新后重试。`);
    }
    if (meta.status === "PUBLISHED") {
      throw new PublicationError("ALREADY_PUBLISHED", `${versionLabel}已公开，不能再次公开；如需更正，请创建更正版本。`);
    }
    if (!PUBLISHABLE.includes(meta.status)) {
      throw new PublicationError(
        "NOT_PUBLISHABLE",
        `${versionLabel}当前状态为“${BUDGET_STATUS_LABELS[meta.status]}”，只有${PUBLISHABLE.map((s) => `${BUDGET_STATUS_LABELS[s]}`).join("或")}的预算可以公开。`,
      );
    }
    const correctionNote = meta.version > 1 ? (meta.correctionNote?.trim() ?? "") : null;
    let previousSnapshotId: number | null = null;
    let previousTables: DerivedTables | null = null;
    if (meta.version > 1) {
      if (correctionNote === "") {
        throw new PublicationError("INVALID_CORRECTION", `${versionLabel}是更正版本，公开前必须填写更正说明。`);
      }
      const previous =
        meta.previousVersionId === null
          ? null
          : await tx.publishedSnapshot.findUnique({
              where: { budgetId: meta.previousVersionId },
              select: { id: true, supersededById: true, content: true },
            });
      if (previous === null || previous.supersededById !== null) {
        throw new PublicationError("INVALID_CORRECTION", `${versionLabel}更正的第${meta.version - 1}版尚未公开，或已被更正。`);
      }
      previousSnapshotId = previous.id;
      previousTables = (previous.content as unknown as SnapshotContent).tables;
    }
    const content = buildSnapshotContent(budget, codeBook, {
      version: meta.version,
      publishedAt: now.toISOString(),
      approvedAt: meta.approvedAt === null ? null : CHINA_DATE.format(meta.approvedAt),
      correctionNote,
    });
    if (previousTables !== null) content.publication.changedFigures = diffTables(previousTables, content.tables);
    return {
      budgetId: meta.id,
      unitId: meta.unitId,
      lockVersion: meta.lockVersion,
      status: meta.status,
      version: meta.version,
      unitCode: budget.unit.code,
      unitName: budget.unit.name,
      year: budget.year,
      content,
      contentHash: contentHash(content),
      correctionNote,
      previousSnapshotId,
      now,
    };
  });
}

type Rendered = RenderedDocuments;

function render(prepared: Prepared, renderers: DocumentRenderers): Promise<Rendered> {
  const key = { year: prepared.year, unitCode: prepared.unitCode };
  return renderDocuments(prepared.content, renderers, { key, version: prepared.version, contentHash: prepared.contentHash });
}

interface Actor {
  actorId: string | null;
  clientAddress: string | null;
}

async function store(db: DbClient, prepared: Prepared, rendered: Rendered, actor: Actor): Promise<PublishResult> {
  const { now } = prepared;
  const { files } = rendered;
  const conflict = () =>
    new PublicationError("CONFLICT", "公开过程中预算或其上一版本已被他人修改，请刷新后重试。");

  const snapshotId = await db.$transaction(
    async (tx) => {
      const { count } = await tx.budget.updateMany({
        where: { id: prepared.budgetId, lockVersion: prepared.lockVersion, status: prepared.status },
        data: { status: "PUBLISHED", publishedAt: now, lockVersion: { increment: 1 } },
      });
      if (count !== 1) throw conflict();
      // Canonical JSON parsed back: the stored content is plain JSON, exactly what was hashed.
      const content: Prisma.InputJsonObject = JSON.parse(canonicalJson(prepared.content));
      const snapshot = await tx.publishedSnapshot.create({
        data: {
          budgetId: prepared.budgetId,
          unitId: prepared.unitId,
          year: prepared.year,
          version: prepared.version,
          publishedAt: now,
          publishedById: actor.actorId,
          contentHash: prepared.contentHash,
          content,
          correctionNote: prepared.correctionNote,
        },
        select: { id: true },
      });
      await tx.publishedArtifact.createMany({
        data: artifactRows(snapshot.id, files, { owner: prepared.unitName, year: prepared.year, version: prepared.version }),
      });
      if (prepared.previousSnapshotId !== null) {
        const superseded = await tx.publishedSnapshot.updateMany({
          where: { id: prepared.previousSnapshotId, supersededById: null },
          data: { supersededById: snapshot.id },
        });
        if (superseded.count !== 1) throw conflict();
      }
      // Hook: the citizen search index (lib/search/), in the same transaction as the snapshot it describes.
      await indexPublishedSnapshot(tx, snapshot.id);
      await tx.budgetEvent.create({
        data: {
          budgetId: prepared.budgetId,
          action: "PUBLISH",
          fromStatus: prepared.status,
          toStatus: "PUBLISHED",
          actorId: actor.actorId,
          at: now,
          comment: prepared.correctionNote,
        },
      });
      await writeAuditEvent(tx, {
        action: "budget.publish",
        result: "SUCCESS",
        userId: actor.actorId,
        objectType: "budget",
        objectId: String(prepared.budgetId),
        clientAddress: actor.clientAddress,
        details: {
          unitCode: prepared.unitCode,
          year: prepared.year,
          version: prepared.version,
          snapshotId: snapshot.id,
          contentHash: prepared.contentHash,
          files: files.map((file) => file.kind).join(","),
          pdfError: rendered.pdfError,
        },
      });
      return snapshot.id;
    },
    // maxWait: a concurrent publication renders its files on this thread meanwhile (a second or more under load).
    { timeout: 30_000, maxWait: 15_000 },
  );

  return {
    snapshotId,
    budgetId: prepared.budgetId,
    version: prepared.version,
    contentHash: prepared.contentHash,
    publishedAt: now,
    path: versionPath({ year: prepared.year, unitCode: prepared.unitCode }, prepared.version),
    files: files.map(({ kind, bytes, sha256 }) => ({ kind, size: bytes.length, sha256 })),
    pdfError: rendered.pdfError,
  };
}

/** The attempt is audited even though nothing else was written; an audit failure must not hide the cause. */
async function recordFailure(
  db: DbClient,
  actor: Actor,
  budgetId: number | null,
  input: PublishInput,
  error: unknown,
): Promise<void> {
  const refused = error instanceof PublicationError;
  try {
    await db.$transaction((tx) =>
      writeAuditEvent(tx, {
        action: "budget.publish",
        result: "FAILURE",
        userId: actor.actorId,
        objectType: "budget",
        ...(budgetId === null ? {} : { objectId: String(budgetId) }),
        clientAddress: actor.clientAddress,
        details: {
          unitCode: input.unitCode,
          year: input.year,
          reason: refused ? error.code : "ERROR",
          message: error instanceof Error ? error.message : String(error),
        },
      }),
    );
  } catch (auditError) {
    console.error(
      `[publish] could not record the failed publication of ${input.unitCode} ${input.year}:`,
      auditError instanceof Error ? auditError.message : auditError,
    );
  }
}
