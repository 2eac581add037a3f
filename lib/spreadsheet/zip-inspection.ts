import { inflateRawSync } from "node:zlib";

/**
 * Looks inside a zip before any library unpacks it: lists its entries and proves, by inflating
 * each with a hard output limit, that it unpacks to no more than `maxUncompressedBytes` whatever
 * sizes its directory declares (a zip bomb lies there). Pure bytes in, verdict out.
 */
export type ZipInspection =
  | { ok: true; entryNames: string[]; uncompressedBytes: number }
  | { ok: false; reason: "not-zip" | "unsupported" | "too-large" | "corrupt" };

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

function findEndOfDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let offset = bytes.length - 22; offset >= earliest; offset -= 1) {
    if (bytes.readUInt32LE(offset) === END_OF_DIRECTORY) return offset;
  }
  return -1;
}

export function inspectZip(input: Uint8Array, maxUncompressedBytes: number): ZipInspection {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== LOCAL_HEADER) return { ok: false, reason: "not-zip" };
  const end = findEndOfDirectory(bytes);
  if (end < 0) return { ok: false, reason: "corrupt" };
  const entryCount = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) return { ok: false, reason: "unsupported" };

  const entryNames: string[] = [];
  let total = 0;
  let offset = directoryOffset;
  try {
    for (let index = 0; index < entryCount; index += 1) {
      if (bytes.readUInt32LE(offset) !== DIRECTORY_ENTRY) return { ok: false, reason: "corrupt" };
      const method = bytes.readUInt16LE(offset + 10);
      const compressedSize = bytes.readUInt32LE(offset + 20);
      const nameLength = bytes.readUInt16LE(offset + 28);
      const extraLength = bytes.readUInt16LE(offset + 30);
      const commentLength = bytes.readUInt16LE(offset + 32);
      const localOffset = bytes.readUInt32LE(offset + 42);
      const name = bytes.toString("utf8", offset + 46, offset + 46 + nameLength);
      offset += 46 + nameLength + extraLength + commentLength;
      entryNames.push(name);

      if (bytes.readUInt32LE(localOffset) !== LOCAL_HEADER) return { ok: false, reason: "corrupt" };
      const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
      const data = bytes.subarray(dataStart, dataStart + compressedSize);
      const budget = maxUncompressedBytes - total;
      if (method === 0) {
        total += data.length;
      } else if (method === 8) {
        // maxOutputLength makes zlib stop (RangeError) instead of unpacking past the budget.
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) }).length;
      } else {
        return { ok: false, reason: "unsupported" };
      }
      if (total > maxUncompressedBytes) return { ok: false, reason: "too-large" };
    }
  } catch (error) {
    if (error instanceof RangeError && "code" in error && error.code === "ERR_BUFFER_TOO_LARGE") {
      return { ok: false, reason: "too-large" };
    }
    return { ok: false, reason: "corrupt" };
  }
  return { ok: true, entryNames, uncompressedBytes: total };
}
