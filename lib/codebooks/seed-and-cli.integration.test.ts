import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createDraftFromPriorYear } from "@/lib/budgets/create-draft-from-prior-year";
import { loadCodeBook } from "@/lib/budgets/queries";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { createViewer, unitScope } from "@/lib/budgets/test-support";
import { runCodeBookCommand } from "@/lib/cli/codebook-command";
import { disconnectPrisma } from "@/lib/db";
import { createBudget } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { seedDemoCodeBook } from "./seed-demo-code-book";
import { starterCodeBook } from "./starter-code-book";
import { codeBookCsv, codeBookTables } from "./test-support";

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
});
afterAll(disconnectPrisma);

describe("the demo's 2025 book", () => {
  it("loads the starter book as 2025 revision 1, opens 2025 for the county once, and lets the demo accountant start 2025 from 2024", async () => {
    await createBudget(prisma, { status: "APPROVED" });
    await prisma.$transaction((tx) => seedDemoCodeBook(tx, "130433"));
    const after = await codeBookTables(prisma);
    await prisma.$transaction((tx) => seedDemoCodeBook(tx, "130433"));
    expect(await codeBookTables(prisma)).toEqual(after);
    expect(await loadCodeBook(prisma, 2025)).toEqual(starterCodeBook(2025));

    const scope = await unitScope(prisma, "224001");
    const accountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: scope.unitId }]);
    const created = await createDraftFromPriorYear(prisma, accountant, { unitCode: "224001", year: 2025 });
    expect(created).toMatchObject({ unknownCodes: [], linesToRecode: [] });
  });
});

describe("npm run gongkai -- codebook load", () => {
  let dir: string;
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (text: string) => void out.push(text), err: (text: string) => void err.push(text) } };
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "codebook-cli-"));
    return () => rm(dir, { recursive: true, force: true });
  });

  it("--dry-run prints the diff and writes nothing; without it loads the revision", async () => {
    const file = path.join(dir, "2025.csv");
    await writeFile(file, codeBookCsv(starterCodeBook(2025)));
    const before = await codeBookTables(prisma);
    const dry = io();
    expect(await runCodeBookCommand(["load", "--year", "2025", file, "--dry-run"], prisma, dry.io)).toBe(0);
    expect(dry.out.join("\n")).toContain("与2024年第 1 版相比：新增");
    expect(dry.out.at(-1)).toBe("试运行（--dry-run）：没有写入任何数据。");
    expect(await codeBookTables(prisma)).toEqual(before);

    const run = io();
    expect(await runCodeBookCommand(["load", "--year", "2025", file], prisma, run.io)).toBe(0);
    expect(run.out.at(-1)).toMatch(/^已导入2025年第 1 版科目表（2025-01-01 起生效）：支出功能分类 \d+ 个，支出经济分类 \d+ 个。$/);
    expect(await prisma.auditEvent.findFirst({ where: { action: "code_book.import" } })).toMatchObject({ userId: null, details: expect.objectContaining({ via: "cli" }) });
  });

  it("a bad file or bad arguments: exit 2, Chinese messages, nothing written", async () => {
    const file = path.join(dir, "bad.csv");
    await writeFile(file, codeBookCsv(guantao2024CodeBook, ["2059901,没有款的项"]));
    const before = await codeBookTables(prisma);
    const bad = io();
    expect(await runCodeBookCommand(["load", "--year", "2025", file], prisma, bad.io)).toBe(2);
    expect(bad.err.join("\n")).toMatch(/项 2059901 没有款的项 的上级款 20599 不在支出功能分类科目中/);
    const usage = io();
    expect(await runCodeBookCommand(["load", file], prisma, usage.io)).toBe(2);
    expect(usage.err[0]).toContain("缺少或错误的参数 --year");
    const missing = io();
    expect(await runCodeBookCommand(["load", "--year", "2025", path.join(dir, "none.csv")], prisma, missing.io)).toBe(2);
    expect(missing.err[0]).toContain("找不到文件");
    expect(await codeBookTables(prisma)).toEqual(before);
  });
});
