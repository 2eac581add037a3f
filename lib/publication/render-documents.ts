import { createHash } from "node:crypto";
import { PdfUnavailableError } from "@/lib/export/pdf";
import type { ArtifactKind } from "@/lib/generated/prisma/enums";
import { CONTENT_TYPES, dataPackagePath, displayFileName, downloadPaths, NOTICE_MARKER, versionPath, type DocumentKey } from "./document-paths";
import { PublicationError } from "./publication-error";
import type { DocumentRenderers } from "./publish-budget";
import type { SnapshotContent } from "./snapshot-content";

/** One file of a published version, as stored and served. */
export interface RenderedFile {
  kind: ArtifactKind;
  bytes: Buffer;
  /** sha256 (hex) of bytes */
  sha256: string;
}

export interface RenderedDocuments {
  files: RenderedFile[];
  /** why the PDF is missing (fonts unavailable, …); null when it was rendered */
  pdfError: string | null;
}

/**
 * Renders a version's files (the page, its PDF printout and the downloads) once, before the
 * transaction that stores them, for a unit's budget and a department's alike. A machine that
 * cannot render the PDF (fonts missing) publishes without it; the reason comes back in pdfError.
 */
export async function renderDocuments(
  content: SnapshotContent,
  renderers: DocumentRenderers,
  place: { key: DocumentKey; version: number; contentHash: string },
): Promise<RenderedDocuments> {
  const canonicalPath = versionPath(place.key, place.version);
  const info = { contentHash: place.contentHash, canonicalPath };
  const html = renderers.html(content, { ...info, downloads: downloadPaths(place.key, place.version), dataPackage: dataPackagePath(place.key, content) });
  if (!html.includes(NOTICE_MARKER)) {
    throw new PublicationError("RENDER_FAILED", `公开页面缺少更正提示位置（${NOTICE_MARKER}），未公开。`);
  }
  const [pdf, docx, xlsx] = await Promise.all([
    renderers.pdf(content, { contentHash: place.contentHash }).then(
      (bytes) => ({ bytes, error: null }),
      (error: unknown) => {
        if (!(error instanceof PdfUnavailableError)) throw error;
        return { bytes: null, error: error.message };
      },
    ),
    renderers.docx(content, { contentHash: place.contentHash }),
    renderers.xlsx(content),
  ]);
  if (pdf.error !== null) {
    console.warn(`[publish] ${canonicalPath}: the PDF could not be rendered and is published without it (${pdf.error}).`);
  }
  const files: { kind: ArtifactKind; bytes: Buffer }[] = [
    { kind: "HTML", bytes: Buffer.from(html, "utf8") },
    ...(pdf.bytes === null ? [] : [{ kind: "PDF" as const, bytes: pdf.bytes }]),
    { kind: "DOCX", bytes: docx },
    { kind: "XLSX", bytes: xlsx },
    { kind: "CSV", bytes: renderers.csv(content) },
    { kind: "JSON", bytes: renderers.json(content) },
  ];
  return {
    files: files.map((file) => ({ ...file, sha256: createHash("sha256").update(file.bytes).digest("hex") })),
    pdfError: pdf.error,
  };
}

/** The artifact rows of a snapshot's files (published_artifacts or department_artifacts). */
export function artifactRows(
  snapshotId: number,
  files: readonly RenderedFile[],
  name: { owner: string; year: number; version: number; documentKind?: "单位预算" | "部门预算" },
) {
  return files.map((file) => ({
    snapshotId,
    kind: file.kind,
    contentType: CONTENT_TYPES[file.kind],
    fileName: displayFileName(name.owner, name.year, name.version, file.kind, name.documentKind),
    bytes: new Uint8Array(file.bytes),
    sha256: file.sha256,
    size: file.bytes.length,
  }));
}
