/**
 * The signed paper 审签单 as uploaded: its type decided by its first bytes (never by its name or
 * the browser's claim), and its size bounded. Pure, so the rules are unit-tested directly.
 */

export const SIGN_OFF_SHEET_MAX_BYTES = 10 * 1024 * 1024;
export const SIGN_OFF_SHEET_MAX_LABEL = "10 MB";
const FILE_NAME_LIMIT = 100;

export type SheetContentType = "application/pdf" | "image/jpeg" | "image/png";

const SIGNATURES: readonly { type: SheetContentType; bytes: readonly number[]; extension: string }[] = [
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], extension: "pdf" },
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extension: "png" },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff], extension: "jpg" },
];

export type SheetCheck =
  | { ok: true; contentType: SheetContentType; fileName: string }
  | { ok: false; message: string };

/** Whether the bytes are a PDF, JPEG or PNG within the size limit, with a safe file name to show. */
export function checkSignOffSheet(bytes: Uint8Array, fileName: string): SheetCheck {
  if (bytes.length === 0) return { ok: false, message: "请选择签字后的审签单文件（PDF、JPEG 或 PNG）。" };
  if (bytes.length > SIGN_OFF_SHEET_MAX_BYTES) {
    return { ok: false, message: `审签单文件过大：最大${SIGN_OFF_SHEET_MAX_LABEL}，请压缩或降低扫描分辨率后重新上传。` };
  }
  const signature = SIGNATURES.find((candidate) => candidate.bytes.every((byte, index) => bytes[index] === byte));
  if (signature === undefined) {
    return { ok: false, message: "审签单只能是 PDF、JPEG 或 PNG 文件；所选文件的内容不是这几种格式。" };
  }
  return { ok: true, contentType: signature.type, fileName: safeFileName(fileName, signature.extension) };
}

/** The name as shown and offered for download: no path, no control characters, bounded length. */
function safeFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).at(-1) ?? "")
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
    .trim()
    .slice(0, FILE_NAME_LIMIT);
  return base === "" ? `审签单.${extension}` : base;
}
