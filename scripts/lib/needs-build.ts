import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Top-level folders that never reach the Next.js bundle. Everything else counts, so a new source folder is
 * picked up without editing this list: a needless rebuild costs seconds, a stale build costs trust.
 */
const NOT_BUILD_INPUTS = new Set([
  "node_modules",
  "e2e",
  "tests",
  "scripts",
  "docs",
  "prisma", // reaches the app only through lib/generated, which is checked
  "coverage",
  "test-results",
  "playwright-report",
]);
const NOT_BUILD_INPUT_FILES = /(\.test\.tsx?|\.spec\.tsx?|\.md|^next-env\.d\.ts|\.tsbuildinfo)$/;

export type BuildDecision = { isNeeded: true; reason: string } | { isNeeded: false };

export function decideBuild(root: string): BuildDecision {
  let builtAt: number;
  try {
    builtAt = statSync(path.join(root, ".next", "BUILD_ID")).mtimeMs;
  } catch {
    return { isNeeded: true, reason: "no production build yet" };
  }
  const changed = findFileNewerThan(root, builtAt, true);
  return changed === undefined
    ? { isNeeded: false }
    : { isNeeded: true, reason: `${path.relative(root, changed)} changed since the last build` };
}

function findFileNewerThan(dir: string, time: number, isRoot: boolean): string | undefined {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const fullPath = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // Hidden folders (.git, .next, .data, .ci, editor settings) are not sources.
      if (entry.name.startsWith(".") || (isRoot && NOT_BUILD_INPUTS.has(entry.name))) continue;
      const found = findFileNewerThan(fullPath, time, false);
      if (found !== undefined) return found;
    } else if (entry.isFile() && !NOT_BUILD_INPUT_FILES.test(entry.name)) {
      if (statSync(fullPath).mtimeMs > time) return fullPath;
    }
  }
  return undefined;
}
