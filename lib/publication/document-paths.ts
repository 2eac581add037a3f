import type { ArtifactKind } from "@/lib/generated/prisma/enums";

/** Where the page leaves room for a notice: the server puts one there when a correction supersedes it. */
export const NOTICE_MARKER = "<!--gongkai-notice-->";

/**
 * The public URLs of a published budget. They are printed in documents, linked from other sites
 * and bookmarked, so they must stay valid forever: the publisher builds them and the public
 * server parses them here, in one place.
 *
 *   /budgets/{year}/{unit}                               the newest published version
 *   /budgets/{year}/{unit}/v{n}                          version n
 *   /budgets/{year}/{unit}/v{n}/{unit}-{year}-v{n}.pdf   a download of version n (.pdf .docx .xlsx .csv .json)
 *
 * A department's 部门预算 (docs/decisions/0011-department-budgets.md) lives beside its units:
 *
 *   /budgets/{year}/departments/{department}
 *   /budgets/{year}/departments/{department}/v{n}
 *   /budgets/{year}/departments/{department}/v{n}/department-{department}-{year}-v{n}.pdf
 */

export const DOWNLOAD_FORMATS = ["pdf", "docx", "xlsx", "csv", "json"] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];
export type DownloadPaths = Record<DownloadFormat, string>;

export const ARTIFACT_KIND_OF: Record<DownloadFormat, Exclude<ArtifactKind, "HTML">> = {
  pdf: "PDF",
  docx: "DOCX",
  xlsx: "XLSX",
  csv: "CSV",
  json: "JSON",
};

export const CONTENT_TYPES: Record<ArtifactKind, string> = {
  HTML: "text/html; charset=utf-8",
  PDF: "application/pdf",
  XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  CSV: "text/csv; charset=utf-8; header=present",
  JSON: "application/json",
  DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

const EXTENSIONS: Record<ArtifactKind, string> = { HTML: "html", PDF: "pdf", XLSX: "xlsx", CSV: "csv", JSON: "json", DOCX: "docx" };

/** A unit's document. */
export interface UnitDocumentKey {
  year: number;
  unitCode: string;
}

/** A department's 部门预算. */
export interface DepartmentDocumentKey {
  year: number;
  departmentCode: string;
}

export type DocumentKey = UnitDocumentKey | DepartmentDocumentKey;

export function isDepartmentKey(key: DocumentKey): key is DepartmentDocumentKey {
  return "departmentCode" in key;
}

export function latestPath(key: DocumentKey): string {
  return isDepartmentKey(key) ? `/budgets/${key.year}/departments/${key.departmentCode}` : `/budgets/${key.year}/${key.unitCode}`;
}

export function versionPath(key: DocumentKey, version: number): string {
  return `${latestPath(key)}/v${version}`;
}

/** The last segment of a download URL, without the extension, e.g. 224001-2024-v1. */
function downloadStem(key: DocumentKey, version: number): string {
  return isDepartmentKey(key) ? `department-${key.departmentCode}-${key.year}-v${version}` : `${key.unitCode}-${key.year}-v${version}`;
}

export function downloadPath(key: DocumentKey, version: number, format: DownloadFormat): string {
  return `${versionPath(key, version)}/${downloadStem(key, version)}.${format}`;
}

export function downloadPaths(key: DocumentKey, version: number): DownloadPaths {
  return {
    pdf: downloadPath(key, version, "pdf"),
    docx: downloadPath(key, version, "docx"),
    xlsx: downloadPath(key, version, "xlsx"),
    csv: downloadPath(key, version, "csv"),
    json: downloadPath(key, version, "json"),
  };
}

/**
 * The Fiscal Data Package of a unit document (`/api/v1/documents/{year}/{unit}/datapackage.json`,
 * with its region, since unit codes repeat across regions), written into the page at publication
 * so that serving it costs nothing; null for a department's 部门预算, which has none.
 */
export function dataPackagePath(key: DocumentKey, content: { budget: { region: { code: string } } }): string | null {
  if (isDepartmentKey(key)) return null;
  return `/api/v1/documents/${key.year}/${encodeURIComponent(key.unitCode)}/datapackage.json?region=${encodeURIComponent(content.budget.region.code)}`;
}

/** Characters Windows, macOS or Linux refuse in a file name, and control characters. */
const UNSAFE_FILE_NAME_CHARACTERS = /[\u0000-\u001f\u007f/\\:*?"<>|]/g;

/** The name a citizen's browser saves a file as, e.g. "…办公室本级2024年单位预算（第1版）.pdf". */
export function displayFileName(
  unitName: string,
  year: number,
  version: number,
  kind: ArtifactKind,
  documentKind: "单位预算" | "部门预算" = "单位预算",
): string {
  const name = unitName.replace(UNSAFE_FILE_NAME_CHARACTERS, "_").trim() || (documentKind === "部门预算" ? "部门" : "单位");
  return `${name}${year}年${documentKind}（第${version}版）.${EXTENSIONS[kind]}`;
}

export type DocumentRequest =
  | { kind: "latest"; key: DocumentKey }
  | { kind: "version"; key: DocumentKey; version: number }
  /** fileName: the URL's last segment, e.g. 224001-2024-v1.pdf */
  | { kind: "download"; key: DocumentKey; version: number; format: DownloadFormat; fileName: string };

const YEAR = /^\d{4}$/;
const UNIT_CODE = /^[0-9A-Za-z]{1,32}$/;
const VERSION = /^v([1-9]\d{0,5})$/;

/**
 * Reads a request path (without query string). `null`: not a document URL at all (left to the
 * app, e.g. `/budgets`); "not-found": under a document URL but naming nothing that can exist.
 */
export function parseDocumentPath(pathname: string): DocumentRequest | "not-found" | null {
  if (!pathname.startsWith("/budgets/")) return null;
  const segments = pathname.slice("/budgets/".length).split("/");
  if (segments.length < 2) return null;
  const isDepartment = segments[1] === "departments";
  if (isDepartment) segments.splice(1, 1);
  const [year, code, versionSegment, file, ...rest] = segments;
  if (year === undefined || code === undefined || !YEAR.test(year) || !UNIT_CODE.test(code)) return "not-found";
  const key: DocumentKey = isDepartment ? { year: Number(year), departmentCode: code } : { year: Number(year), unitCode: code };
  if (versionSegment === undefined) return { kind: "latest", key };
  const version = VERSION.exec(versionSegment)?.[1];
  if (version === undefined || rest.length > 0) return "not-found";
  if (file === undefined) return { kind: "version", key, version: Number(version) };
  const format = DOWNLOAD_FORMATS.find((f) => file === `${downloadStem(key, Number(version))}.${f}`);
  return format === undefined ? "not-found" : { kind: "download", key, version: Number(version), format, fileName: file };
}
