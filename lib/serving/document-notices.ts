import { latestPath, versionPath, type DocumentKey } from "@/lib/publication/document-paths";

/**
 * What the public server adds to a stored page where its renderer left NOTICE_MARKER, built once
 * when the page is loaded into memory (never per request) and rebuilt when the document changes:
 * the list of the document's versions, the notice on a superseded version, and on a department's
 * 部门预算 the units corrected since it was published. The stored, hashed bytes never change
 * (docs/decisions/0024-…): these are facts that arise after publication.
 */

export interface VersionFacts {
  version: number;
  publishedAt: Date;
  correctionNote: string | null;
}

/** A unit of a department document published again (corrected) after the department's version. */
export interface CorrectedUnit {
  unitCode: string;
  unitName: string;
  version: number;
  publishedAt: Date;
  path: string;
}

const CHINA_DAY = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" });

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** v1 … vn with their dates, the one shown marked; nothing for a document with a single version. */
export function versionListHtml(key: DocumentKey, versions: readonly VersionFacts[], current: number): string {
  if (versions.length < 2) return "";
  const newest = Math.max(...versions.map((v) => v.version));
  const items = versions
    .map((v) => {
      const label = `第${v.version}版（${CHINA_DAY.format(v.publishedAt)}公开${v.version === newest ? "，最新" : v.version === 1 ? "" : "，更正"}）`;
      return v.version === current
        ? `<li aria-current="page" style="margin:0.125em 0"><strong>${label}</strong>（正在查看）</li>`
        : `<li style="margin:0.125em 0"><a href="${versionPath(key, v.version)}" style="color:#1d4ed8">${label}</a></li>`;
    })
    .join("");
  return (
    `<nav class="gk-versions" aria-label="本文件的各版本" style="margin:0 0 1.5em;padding:0.75em 1em;border:1px solid #cbd5e1;background:#f8fafc;color:#0f172a">` +
    `<p style="margin:0 0 0.25em;font-weight:700">本文件共有${versions.length}个版本</p><ol style="margin:0;padding-left:1.5em">${items}</ol></nav>`
  );
}

/**
 * The superseded version's notice. It names the correction that superseded it and links to the
 * newest version through the alias URL.
 */
export function supersededNoticeHtml(key: DocumentKey, entry: VersionFacts, successor: VersionFacts): string {
  const note = successor.correctionNote?.trim() ?? "";
  return (
    `<aside role="note" aria-label="更正提示" style="margin:0 0 1.5em;padding:0.75em 1em;border:2px solid #b45309;background:#fffbeb;color:#1c1917">` +
    `<p style="margin:0 0 0.5em"><strong>本文件已被更正。</strong>您正在查看第${entry.version}版（${CHINA_DAY.format(entry.publishedAt)}公开），` +
    `该版本已被第${successor.version}版（${CHINA_DAY.format(successor.publishedAt)}公开）更正，请以最新版本为准。</p>` +
    (note === "" ? "" : `<p style="margin:0 0 0.5em">更正说明：${escapeHtml(note)}</p>`) +
    `<p style="margin:0"><a href="${latestPath(key)}" style="color:#1d4ed8">查看最新版本</a></p>` +
    `</aside>`
  );
}

/** On a department's newest version: which of its units published a correction since, until the department republishes. */
export function correctedUnitsNoticeHtml(units: readonly CorrectedUnit[]): string {
  if (units.length === 0) return "";
  const items = units
    .map(
      (unit) =>
        `<li style="margin:0.125em 0">${escapeHtml(unit.unitCode)} ${escapeHtml(unit.unitName)}：第${unit.version}版于${CHINA_DAY.format(unit.publishedAt)}更正公开，` +
        `<a href="${unit.path}" style="color:#1d4ed8">查看该单位的更正版本</a></li>`,
    )
    .join("");
  return (
    `<aside role="note" aria-label="所属单位已更正" style="margin:0 0 1.5em;padding:0.75em 1em;border:2px solid #b45309;background:#fffbeb;color:#1c1917">` +
    `<p style="margin:0 0 0.5em"><strong>本部门预算公开后，以下所属单位发布了更正版本</strong>，本页的汇总数尚未按更正重新公开：</p>` +
    `<ul style="margin:0;padding-left:1.5em">${items}</ul></aside>`
  );
}
