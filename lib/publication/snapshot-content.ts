import { createHash } from "node:crypto";
import { canonicalJson, type SnapshotContent } from "./snapshot-content-core";

// The pure part (no node: imports) lives in snapshot-content-core.ts, so the browser's preview can build it too.
export { buildSnapshotContent, canonicalJson, type SnapshotContent } from "./snapshot-content-core";

/** sha256 (hex) of the canonical JSON: the content hash printed on the public page. */
export function contentHash(content: SnapshotContent): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}
