import { hash, verify, type Algorithm } from "@node-rs/argon2";

// Argon2id with OWASP's baseline parameters (19 MiB, 2 passes, 1 lane): about 30 ms here, which
// makes guessing expensive without letting a burst of sign-ins exhaust the server.
// A literal, because the package's enum is an ambient const enum that isolatedModules cannot read.
const ARGON2ID: Algorithm = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A PHC string such as `$argon2id$v=19$m=19456,t=2,p=1$…`; salt and parameters travel inside it. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for a stored value that is not an argon2 hash at all. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  if (!storedHash.startsWith("$argon2")) return false;
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
