import type { DbReader } from "@/lib/budgets/db-client";
import { listPublishedDepartmentVersions } from "@/lib/department/published-queries";
import {
  ARTIFACT_KIND_OF,
  DOWNLOAD_FORMATS,
  downloadPath,
  latestPath,
  parseDocumentPath,
  versionPath,
  type DocumentKey,
} from "@/lib/publication/document-paths";
import { listPublishedVersions } from "@/lib/publication/queries";
import { DocumentStore, type Representation, type Variant } from "@/lib/serving/document-store";
import { representationHeaders } from "@/lib/serving/response-headers";

/** One answer of the mirror in one encoding: which bytes, under which strong validator. */
export interface MirrorBody {
  body: Buffer;
  etag: string;
}

/**
 * One public URL of the mirror, answered exactly as the app answers it: the same bytes in each
 * encoding the app offers, the same ETags and the same headers (lib/serving/response-headers.ts).
 */
export interface MirrorRoute {
  path: string;
  contentType: string;
  /** e.g. "html": the twins are written as <name>.<extension>, .gz and .br */
  extension: string;
  identity: MirrorBody;
  gzip: MirrorBody | null;
  br: MirrorBody | null;
  /** every other header of a 200 and a 304 (Cache-Control, Vary, policies, Content-Disposition …) */
  headers: Record<string, string>;
}

/**
 * The public listings of the citizen side (home, region pages, search …) as files: each source
 * renders its pages' bytes, and the mirror writes and serves them like the documents. This is the
 * seam for the listings of the citizens' issue; lib/mirror/app-pages.ts fetches today's pages.
 */
export type ListingSource = (db: DbReader) => Promise<MirrorRoute[]>;

const EXTENSION_OF = { HTML: "html", PDF: "pdf", DOCX: "docx", XLSX: "xlsx", CSV: "csv", JSON: "json" } as const;

function body(variant: Variant | null): MirrorBody | null {
  return variant === null ? null : { body: variant.body, etag: variant.etag };
}

async function documentKeys(db: DbReader): Promise<DocumentKey[]> {
  const [units, departments] = await Promise.all([
    db.publishedSnapshot.findMany({ distinct: ["year", "unitId"], select: { year: true, unit: { select: { code: true } } }, orderBy: [{ year: "asc" }, { unitId: "asc" }] }),
    db.departmentSnapshot.findMany({ distinct: ["year", "departmentId"], select: { year: true, department: { select: { code: true } } }, orderBy: [{ year: "asc" }, { departmentId: "asc" }] }),
  ]);
  const keys: DocumentKey[] = [
    ...units.map((row) => ({ year: row.year, unitCode: row.unit.code })),
    ...departments.map((row) => ({ year: row.year, departmentCode: row.department.code })),
  ];
  // Two regions' units may share a code (the URL has no region): the app answers 404 there, and so does the mirror.
  const seen = new Set<string>();
  return keys.filter((key) => {
    const path = latestPath(key);
    if (seen.has(path)) return false;
    seen.add(path);
    return true;
  });
}

/**
 * Every public URL of every published document (the newest-version alias, each version's page
 * and each of its downloads), answered through the app's own DocumentStore, so superseded pages
 * carry their correction notice and every file is checked against its recorded sha256.
 */
export async function documentRoutes(db: DbReader, onDocument?: (path: string) => void): Promise<MirrorRoute[]> {
  const store = new DocumentStore(db, { maxFileBytes: 64 * 1024 * 1024, log: (message) => process.stderr.write(`[export-site] ${message}\n`) });
  const routes: MirrorRoute[] = [];
  for (const key of await documentKeys(db)) {
    onDocument?.(latestPath(key));
    const versions = "unitCode" in key ? await listPublishedVersions(db, key) : await listPublishedDepartmentVersions(db, key);
    const paths = [latestPath(key)];
    for (const version of versions) {
      paths.push(versionPath(key, version.version));
      for (const format of DOWNLOAD_FORMATS) {
        if (version.files.some((file) => file.kind === ARTIFACT_KIND_OF[format])) paths.push(downloadPath(key, version.version, format));
      }
    }
    for (const path of paths) {
      const request = parseDocumentPath(path);
      if (request === null || request === "not-found") continue;
      const kind = request.kind === "download" ? ARTIFACT_KIND_OF[request.format] : "HTML";
      const found = await store.lookup(request.key, request.kind === "latest" ? null : request.version, kind);
      if (found.status !== "ok") continue;
      const representation: Representation = found.representation;
      // The 200's headers without the validator: each encoding has its own ETag.
      const { ETag: _etag, ...headers } = representationHeaders(request, { isSuperseded: found.isSuperseded, fileName: representation.fileName }, "");
      routes.push({
        path,
        contentType: representation.contentType,
        extension: EXTENSION_OF[kind],
        identity: { body: representation.identity.body, etag: representation.identity.etag },
        gzip: body(representation.gzip),
        br: body(representation.br),
        headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)])),
      });
    }
    store.invalidate(key);
  }
  return routes;
}
