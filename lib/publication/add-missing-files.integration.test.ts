import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentRenderers } from "@/app/document-renderers";
import { runPublicationCli } from "@/lib/cli/publication-commands";
import { disconnectPrisma } from "@/lib/db";
import { seedDemoDepartment } from "@/lib/department/seed-department";
import { seedDeadlineDemo } from "@/lib/demo/seed-deadline-demo";
import { seedDemo } from "@/lib/demo/seed-demo";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { renderersWithoutPdf } from "@/tests/integration/renderers";

/** Every stored file as it is: kind, hash and bytes, per snapshot. */
async function storedFiles() {
  const [units, departments] = await Promise.all([
    prisma.publishedArtifact.findMany({ select: { snapshotId: true, kind: true, sha256: true, bytes: true, fileName: true }, orderBy: { id: "asc" } }),
    prisma.departmentArtifact.findMany({ select: { snapshotId: true, kind: true, sha256: true, bytes: true, fileName: true }, orderBy: { id: "asc" } }),
  ]);
  const describe = (scope: string) => (f: (typeof units)[number]) => ({ scope, snapshotId: f.snapshotId, kind: f.kind, sha256: f.sha256, bytes: Buffer.from(f.bytes).toString("base64"), fileName: f.fileName });
  return [...units.map(describe("unit")), ...departments.map(describe("department"))];
}

let before: Awaited<ReturnType<typeof storedFiles>>;

beforeAll(async () => {
  await resetDatabase();
  // The demo as a machine without a PDF renderer published it: three documents without their PDF.
  await seedDemo(prisma, renderersWithoutPdf);
  await seedDeadlineDemo(prisma, renderersWithoutPdf);
  await seedDemoDepartment(prisma, renderersWithoutPdf);
  before = await storedFiles();
}, 120_000);

afterAll(disconnectPrisma);

describe("npm run gongkai -- publication add-missing-pdf", () => {
  it("adds the PDF to the three demo documents published without it, and nothing else", async () => {
    expect(before.some((f) => f.kind === "PDF")).toBe(false);
    const out: string[] = [];
    const err: string[] = [];

    const code = await runPublicationCli(["add-missing-pdf"], { db: prisma, renderers: documentRenderers }, { out: (t) => out.push(t), err: (t) => err.push(t) });

    expect(err).toEqual([]);
    expect(code).toBe(0);
    const after = await storedFiles();
    // Every file that was there is there, byte for byte, with its hash.
    expect(after.filter((f) => f.kind !== "PDF")).toEqual(before);
    const pdfs = after.filter((f) => f.kind === "PDF");
    expect(pdfs.map((f) => [f.scope, f.fileName])).toEqual([
      ["unit", "中共馆陶县委网络安全和信息化委员会办公室本级2024年单位预算（第1版）.pdf"],
      ["unit", "馆陶县卫生健康局本级2024年单位预算（第1版）.pdf"],
      ["department", expect.stringMatching(/2024年部门预算（第1版）\.pdf$/)],
    ]);
    for (const pdf of pdfs) expect(Buffer.from(pdf.bytes, "base64").subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(out.at(-1)).toBe("共补充 3 份 PDF。");
    expect(out.filter((line) => line.startsWith("已补充 PDF："))).toHaveLength(3);
    expect(out).toContain("[1/3] /budgets/2024/224001/v1");
    expect(out).toContain("[3/3] /budgets/2024/departments/224/v1");

    const audit = await prisma.auditEvent.findMany({ where: { action: "publication.add_file" }, select: { result: true, objectType: true, details: true } });
    expect(audit).toHaveLength(3);
    expect(audit.map((a) => [a.result, a.objectType, (a.details as { path: string }).path])).toEqual([
      ["SUCCESS", "published_snapshot", "/budgets/2024/224001/v1"],
      ["SUCCESS", "published_snapshot", "/budgets/2024/302001/v1"],
      ["SUCCESS", "department_snapshot", "/budgets/2024/departments/224/v1"],
    ]);
  }, 60_000);

  it("adds nothing when run again", async () => {
    const files = await storedFiles();
    const out: string[] = [];
    const code = await runPublicationCli(["add-missing-pdf"], { db: prisma, renderers: documentRenderers }, { out: (t) => out.push(t), err: (t) => out.push(t) });
    expect(code).toBe(0);
    expect(out).toEqual(["所有已公开版本都有 PDF，无需补充。"]);
    expect(await storedFiles()).toEqual(files);
    expect(await prisma.auditEvent.count({ where: { action: "publication.add_file" } })).toBe(3);
  }, 60_000);

  it("refuses an unknown subcommand with its usage and exit code 2", async () => {
    const err: string[] = [];
    const code = await runPublicationCli(["add-missing-pdfs"], { db: prisma, renderers: documentRenderers }, { out: () => undefined, err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err.join("\n")).toContain("未知的 publication 子命令或参数：“add-missing-pdfs”");
  });
});
