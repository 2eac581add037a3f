import { createCipheriv, createDecipheriv, randomBytes, scrypt } from "node:crypto";
import type { Readable, Writable } from "node:stream";

/**
 * The backup file: `GKBACKUP1\n`, a 16-byte scrypt salt, a 12-byte AES-256-GCM nonce, the
 * encrypted gzip of a sequence of frames, and the 16-byte GCM tag. A frame is one type byte, a
 * 32-bit big-endian length and its payload. Nothing in the file is readable without the passphrase,
 * and any change to it fails the tag.
 */
export const MAGIC = Buffer.from("GKBACKUP1\n", "latin1");
export const SALT_BYTES = 16;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const HEADER_BYTES = MAGIC.length + SALT_BYTES + NONCE_BYTES;
export const MIN_PASSPHRASE_LENGTH = 12;

export const FRAME = {
  manifest: 0x4d, // "M": JSON of BackupManifest
  table: 0x54, // "T": JSON { name, columns }
  data: 0x44, // "D": a chunk of COPY text data of the current table
  tableEnd: 0x45, // "E": end of the current table
  sequences: 0x53, // "S": JSON of SequenceValue[]
  end: 0x5a, // "Z": the archive is complete
} as const;

export interface BackupManifest {
  format: 1;
  createdAt: string;
  serverVersion: string;
  /** applied migrations, in order: a restore needs the same schema */
  migrations: string[];
  /** the cookie-signing secret of the embedded set-up, when there is one */
  authSecret: string | null;
}

export interface SequenceValue {
  name: string;
  lastValue: string | null;
}

export async function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error === null ? resolve(key) : reject(error),
    );
  });
}

export function encodeFrame(type: number, payload: Buffer | string): Buffer {
  const body = typeof payload === "string" ? Buffer.from(payload, "utf8") : payload;
  const head = Buffer.alloc(5);
  head.writeUInt8(type, 0);
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body]);
}

export async function newEncryption(passphrase: string) {
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", await deriveKey(passphrase, salt), nonce);
  return { header: Buffer.concat([MAGIC, salt, nonce]), cipher };
}

export async function decryptionFor(passphrase: string, header: Buffer, tag: Buffer) {
  if (header.length !== HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BackupFormatError("该文件不是本系统的备份文件。");
  }
  const salt = header.subarray(MAGIC.length, MAGIC.length + SALT_BYTES);
  const nonce = header.subarray(MAGIC.length + SALT_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", await deriveKey(passphrase, salt), nonce);
  decipher.setAuthTag(tag);
  return decipher;
}

export class BackupFormatError extends Error {
  override name = "BackupFormatError";
}

/** Reads frames off a stream of plaintext bytes. */
export async function* readFrames(source: Readable): AsyncGenerator<{ type: number; payload: Buffer }> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    pending = pending.length === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer]);
    while (pending.length >= 5) {
      const length = pending.readUInt32BE(1);
      if (pending.length < 5 + length) break;
      yield { type: pending.readUInt8(0), payload: pending.subarray(5, 5 + length) };
      pending = pending.subarray(5 + length);
    }
  }
  if (pending.length > 0) throw new BackupFormatError("备份文件不完整：最后一段数据被截断。");
}

/** Writes and waits for the drain when the destination is full, so large tables stream. */
export async function writeAll(destination: Writable, bytes: Buffer): Promise<void> {
  if (!destination.write(bytes)) await new Promise<void>((resolve) => destination.once("drain", () => resolve()));
}
