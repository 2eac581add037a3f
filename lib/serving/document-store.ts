import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants as zlibConstants, gzip } from "node:zlib";
import type { DbReader } from "@/lib/budgets/db-client";
import type { ArtifactKind } from "@/lib/generated/prisma/enums";
import { listPublishedDepartmentVersions, listUnitsCorrectedSince, loadPublishedDepartmentFile } from "@/lib/department/published-queries";
import { isDepartmentKey, latestPath, NOTICE_MARKER, versionPath, type DocumentKey } from "@/lib/publication/document-paths";
import { correctedUnitsNoticeHtml, supersededNoticeHtml, versionListHtml, type CorrectedUnit } from "./document-notices";
import { listPublishedVersions, loadPublishedFile, type PublishedVersion as UnitVersion } from "@/lib/publication/queries";

/** A published version of a unit's or a department's document: what serving needs of either. */
type PublishedVersion = Omit<UnitVersion, "unitId">;

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** The bytes of a file in one encoding, with their strong validator. */
export interface Variant {
  body: Buffer;
  /** quoted, e.g. "<sha256>-gzip": different bytes, different strong ETag */
  etag: string;
}

/** The header lines of a 200 and of a 304, as a flat [name, value, …] list (lib/serving/document-handler.ts). */
export interface HeaderBlocks {
  ok: string[];
  notModified: string[];
}

/** One file ready to send: the bytes in each encoding, computed once when loaded. */
export interface Representation {
  contentType: string;
  fileName: string;
  identity: Variant;
  gzip: Variant | null;
  br: Variant | null;
  /** built on first use per request kind and encoding, then reused for every answer */
  headerBlocks: Map<string, HeaderBlocks>;
}

export type FileLookup =
  | { status: "ok"; representation: Representation; version: number; isSuperseded: boolean }
  | { status: "not-found" }
  /** the file was never stored (a PDF Chromium could not render) */
  | { status: "unavailable" }
  /** the stored bytes do not match their recorded hash: never served */
  | { status: "corrupt" };

interface DocumentVersions {
  key: DocumentKey;
  byVersion: Map<number, PublishedVersion>;
  bySnapshotId: Map<number, PublishedVersion>;
  latest: PublishedVersion | null;
  /** a department's newest version: its units corrected since (empty for a unit's document) */
  correctedUnits: CorrectedUnit[];
}

type LoadedFile = { status: "ok"; representation: Representation } | { status: "corrupt" } | { status: "unavailable" };

/** A load in flight or done; `value` is set once it is done, so hits need no promise. */
interface Slot<T> {
  promise: Promise<T>;
  value: T | undefined;
}

interface FileSlot extends Slot<LoadedFile> {
  documentKey: string;
  bytes: number;
}

export interface DocumentStoreOptions {
  /** bound on the bytes kept for files (all encodings); least recently used files go first */
  maxFileBytes?: number;
  /** bound on the number of documents whose version lists are kept */
  maxDocuments?: number;
  log?: (message: string) => void;
}

/** Text compresses; PDF and XLSX are compressed already. */
const COMPRESSIBLE: ReadonlySet<ArtifactKind> = new Set(["HTML", "CSV", "JSON"]);

/**
 * The published files, kept in memory as ready-to-send bytes: read from the database once,
 * checked against their recorded sha256, compressed once (gzip and brotli), then served from
 * memory. Only published snapshots are read, so a draft can never be served. Entries are
 * dropped when the database announces a change (`invalidate`) and when memory runs short.
 */
export class DocumentStore {
  /**
   * Changes whenever a kept file is dropped or forgotten (a publication, a reset, memory running
   * short): answers prepared from earlier lookups (document-handler.ts) are valid only while it
   * stays the same.
   */
  generation = 0;
  private readonly documents = new Map<string, Slot<DocumentVersions>>();
  private readonly files = new Map<string, FileSlot>();
  private fileBytes = 0;
  private readonly maxFileBytes: number;
  private readonly maxDocuments: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly db: DbReader,
    options: DocumentStoreOptions = {},
  ) {
    this.maxFileBytes = options.maxFileBytes ?? 256 * 1024 * 1024;
    this.maxDocuments = options.maxDocuments ?? 10_000;
    this.log = options.log ?? ((message) => console.error(`[serve] ${message}`));
  }

  /**
   * The answer from memory, without a promise, when everything it needs is loaded; undefined
   * otherwise (then `lookup`). Most requests end here.
   */
  peek(key: DocumentKey, version: number | null, kind: ArtifactKind): FileLookup | undefined {
    const document = this.touch(this.documents, keyOf(key))?.value;
    if (document === undefined) return undefined;
    const entry = pick(document, version);
    if (entry === undefined) return { status: "not-found" };
    if (!entry.files.some((file) => file.kind === kind)) return { status: "unavailable" };
    const loaded = this.touch(this.files, fileKeyOf(document, entry, kind))?.value;
    return loaded === undefined ? undefined : withVersion(loaded, entry);
  }

  /** The page of the newest version (`version` null), of a version, or one of its downloads. */
  async lookup(key: DocumentKey, version: number | null, kind: ArtifactKind): Promise<FileLookup> {
    const document = await this.versions(key);
    const entry = pick(document, version);
    if (entry === undefined) return { status: "not-found" };
    if (!entry.files.some((file) => file.kind === kind)) return { status: "unavailable" };
    return withVersion(await this.file(document, entry, kind), entry);
  }

  /** Forgets what is cached about one document (a new version, supersession or file was stored). */
  invalidate(key: DocumentKey): void {
    const documentKey = keyOf(key);
    this.generation += 1;
    // A unit's correction may make the year's department documents out of date: they say so once reloaded.
    const departmentsOfYear = isDepartmentKey(key) ? null : latestPath({ year: key.year, departmentCode: "" });
    const isAffected = (candidate: string) => candidate === documentKey || (departmentsOfYear !== null && candidate.startsWith(departmentsOfYear));
    for (const cached of [...this.documents.keys()]) if (isAffected(cached)) this.documents.delete(cached);
    for (const [fileKey, file] of this.files) {
      if (isAffected(file.documentKey)) this.dropFile(fileKey);
    }
  }

  /** Forgets everything (the change notifications were interrupted). */
  clear(): void {
    this.generation += 1;
    this.documents.clear();
    this.files.clear();
    this.fileBytes = 0;
  }

  /** A cached slot, moved to the most recently used end. */
  private touch<T>(map: Map<string, T>, key: string): T | undefined {
    const slot = map.get(key);
    if (slot !== undefined) {
      map.delete(key);
      map.set(key, slot);
    }
    return slot;
  }

  private versions(key: DocumentKey): Promise<DocumentVersions> {
    const documentKey = keyOf(key);
    const cached = this.touch(this.documents, documentKey);
    if (cached !== undefined) return cached.promise;
    const slot: Slot<DocumentVersions> = { promise: this.loadVersions(key), value: undefined };
    this.documents.set(documentKey, slot);
    slot.promise.then(
      (value) => {
        slot.value = value;
      },
      () => {
        if (this.documents.get(documentKey) === slot) this.documents.delete(documentKey);
      },
    );
    if (this.documents.size > this.maxDocuments) {
      const oldest = this.documents.keys().next().value;
      if (oldest !== undefined) this.documents.delete(oldest);
    }
    return slot.promise;
  }

  private async loadVersions(key: DocumentKey): Promise<DocumentVersions> {
    const rows = isDepartmentKey(key)
      ? (await listPublishedDepartmentVersions(this.db, key)).map(({ departmentId, ...row }) => ({ ...row, ownerId: departmentId }))
      : (await listPublishedVersions(this.db, key)).map(({ unitId, ...row }) => ({ ...row, ownerId: unitId }));
    const ownerIds = new Set(rows.map((row) => row.ownerId));
    // The URL has no region: if two regions' units (or departments) share a code, serving either could show the wrong budget.
    const usable = ownerIds.size > 1 ? [] : rows;
    if (ownerIds.size > 1) this.log(`${latestPath(key)}: code ${isDepartmentKey(key) ? key.departmentCode : key.unitCode} is published in several regions; answering 404.`);
    const latest = usable.at(-1) ?? null;
    const correctedUnits =
      isDepartmentKey(key) && latest !== null
        ? (await listUnitsCorrectedSince(this.db, latest.snapshotId)).map((unit) => ({
            ...unit,
            path: versionPath({ year: unit.year, unitCode: unit.unitCode }, unit.version),
          }))
        : [];
    return {
      key,
      byVersion: new Map(usable.map((row) => [row.version, row])),
      bySnapshotId: new Map(usable.map((row) => [row.snapshotId, row])),
      latest,
      correctedUnits,
    };
  }

  private file(document: DocumentVersions, entry: PublishedVersion, kind: ArtifactKind): Promise<LoadedFile> {
    const fileKey = fileKeyOf(document, entry, kind);
    const cached = this.touch(this.files, fileKey);
    if (cached !== undefined) return cached.promise;
    const slot: FileSlot = { promise: this.loadFile(document, entry, kind), value: undefined, documentKey: keyOf(document.key), bytes: 0 };
    this.files.set(fileKey, slot);
    slot.promise.then(
      (loaded) => {
        if (this.files.get(fileKey) !== slot) return;
        // A corrupt file is looked at again on the next request, so a repaired row is served without a restart.
        if (loaded.status === "corrupt") {
          this.dropFile(fileKey);
          return;
        }
        slot.value = loaded;
        if (loaded.status !== "ok") return;
        const { identity, gzip: gz, br } = loaded.representation;
        slot.bytes = identity.body.length + (gz?.body.length ?? 0) + (br?.body.length ?? 0);
        this.fileBytes += slot.bytes;
        this.evict(fileKey);
      },
      () => {
        if (this.files.get(fileKey) === slot) this.dropFile(fileKey);
      },
    );
    return slot.promise;
  }

  private async loadFile(document: DocumentVersions, entry: PublishedVersion, kind: ArtifactKind): Promise<LoadedFile> {
    const info = entry.files.find((file) => file.kind === kind);
    const load = isDepartmentKey(document.key) ? loadPublishedDepartmentFile : loadPublishedFile;
    const stored = info === undefined ? null : await load(this.db, entry.snapshotId, kind);
    if (info === undefined || stored === null) return { status: "unavailable" };
    const actual = sha256Hex(stored.bytes);
    if (actual !== stored.sha256) {
      this.log(
        `${latestPath(document.key)} v${entry.version} ${kind}: stored bytes hash to ${actual}, ` +
          `but ${stored.sha256} was recorded at publication; refusing to serve them.`,
      );
      return { status: "corrupt" };
    }
    const identity = kind === "HTML" ? withNotices(stored.bytes, document, entry) : stored.bytes;
    const sha256 = identity === stored.bytes ? stored.sha256 : sha256Hex(identity);
    const [gz, br] = COMPRESSIBLE.has(kind)
      ? await Promise.all([gzipAsync(identity, { level: 9 }), brotliAsync(identity, BROTLI_OPTIONS)])
      : [null, null];
    const variant = (body: Buffer | null, suffix: string): Variant | null =>
      body === null || body.length >= identity.length ? null : { body, etag: `"${sha256}-${suffix}"` };
    return {
      status: "ok",
      representation: {
        contentType: info.contentType,
        fileName: info.fileName,
        identity: { body: identity, etag: `"${sha256}"` },
        gzip: variant(gz, "gzip"),
        br: variant(br, "br"),
        headerBlocks: new Map(),
      },
    };
  }

  private dropFile(fileKey: string): void {
    const slot = this.files.get(fileKey);
    if (slot === undefined) return;
    this.generation += 1;
    this.files.delete(fileKey);
    this.fileBytes -= slot.bytes;
  }

  private evict(keep: string): void {
    for (const fileKey of this.files.keys()) {
      if (this.fileBytes <= this.maxFileBytes) return;
      if (fileKey !== keep) this.dropFile(fileKey);
    }
  }
}

function pick(document: DocumentVersions, version: number | null): PublishedVersion | undefined {
  return (version === null ? document.latest : document.byVersion.get(version)) ?? undefined;
}

function withVersion(loaded: LoadedFile, entry: PublishedVersion): FileLookup {
  return loaded.status === "ok" ? { ...loaded, version: entry.version, isSuperseded: entry.supersededById !== null } : loaded;
}

function fileKeyOf(document: DocumentVersions, entry: PublishedVersion, kind: ArtifactKind): string {
  return `${keyOf(document.key)}|${entry.snapshotId}|${kind}`;
}

const BROTLI_OPTIONS = {
  params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 10, [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT },
};

function keyOf(key: DocumentKey): string {
  return latestPath(key);
}

function sha256Hex(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The page with what arose after its publication where the renderer left the marker: the notice
 * of a superseded version, the units corrected since a department version, and the list of the
 * document's versions. Built once per load; the stored bytes and their hash are untouched.
 */
function withNotices(html: Buffer, document: DocumentVersions, entry: PublishedVersion): Buffer {
  const successor = entry.supersededById === null ? undefined : document.bySnapshotId.get(entry.supersededById);
  const versions = [...document.byVersion.values()].sort((a, b) => a.version - b.version);
  const fragment =
    (successor === undefined ? "" : supersededNoticeHtml(document.key, entry, successor)) +
    (entry === document.latest ? correctedUnitsNoticeHtml(document.correctedUnits) : "") +
    versionListHtml(document.key, versions, entry.version);
  if (fragment === "") return html;
  const text = html.toString("utf8");
  const at = text.indexOf(NOTICE_MARKER);
  if (at < 0) return html;
  return Buffer.from(text.slice(0, at) + fragment + text.slice(at + NOTICE_MARKER.length), "utf8");
}
