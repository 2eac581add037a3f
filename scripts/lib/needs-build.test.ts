import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decideBuild } from "./needs-build";

let root: string;
const builtAt = new Date("2026-01-01T00:00:00Z");

function writeFile(relativePath: string, modifiedAt: Date): void {
  const file = path.join(root, relativePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, "");
  utimesSync(file, modifiedAt, modifiedAt);
}
const before = new Date(builtAt.getTime() - 60_000);
const after = new Date(builtAt.getTime() + 60_000);

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "gongkai-build-test-"));
  writeFile("app/page.tsx", before);
  writeFile("package.json", before);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("decideBuild", () => {
  it("builds when there is no build yet", () => {
    expect(decideBuild(root)).toEqual({ isNeeded: true, reason: "no production build yet" });
  });

  it("keeps a build newer than every source", () => {
    writeFile(".next/BUILD_ID", builtAt);
    expect(decideBuild(root)).toEqual({ isNeeded: false });
  });

  it.each(["app/docs/page.tsx", "lib/generated/prisma/client.ts", "package-lock.json", ".env.production"])(
    "rebuilds when %s changed after the build",
    (file) => {
      writeFile(".next/BUILD_ID", builtAt);
      writeFile(file, after);
      expect(decideBuild(root)).toEqual({ isNeeded: true, reason: `${file} changed since the last build` });
    },
  );

  it.each(["e2e/home.spec.ts", "tests/integration/db.ts", "lib/money.test.ts", "scripts/start.ts", "prisma/seed.ts", ".data/postgres/PG_VERSION", "README.md"])(
    "ignores %s, which is not part of the app bundle",
    (file) => {
      writeFile(".next/BUILD_ID", builtAt);
      writeFile(file, after);
      expect(decideBuild(root)).toEqual({ isNeeded: false });
    },
  );
});
