import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { documentRenderers } from "@/app/document-renderers";
import { disconnectPrisma } from "@/lib/db";
import { guantao2024Budget } from "@/lib/demo/guantao-2024";
import { seedDemo } from "@/lib/demo/seed-demo";
import { prisma, resetDatabase } from "@/tests/integration/db";

const UNIT_NAME = "中共馆陶县委网络安全和信息化委员会办公室本级";
const dir = mkdtempSync(path.join(tmpdir(), "gongkai-pdf-"));
/** poppler-utils, found before PATH is emptied for the publication */
const tool = (name: string) => execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
const pdftotext = tool("pdftotext");
const pdfinfo = tool("pdfinfo");

async function publishDemo(): Promise<{ pdf: Buffer; html: string }> {
  await resetDatabase();
  // No browser anywhere: an empty PATH and no GONGKAI_CHROMIUM_PATH, as on a machine with only Node and npm.
  vi.stubEnv("PATH", dir);
  vi.stubEnv("GONGKAI_CHROMIUM_PATH", undefined);
  try {
    const report = await seedDemo(prisma, documentRenderers);
    expect(report.pdfError).toBeNull();
  } finally {
    vi.unstubAllEnvs();
  }
  const files = await prisma.publishedArtifact.findMany({ where: { kind: { in: ["PDF", "HTML"] } }, select: { kind: true, bytes: true } });
  const bytes = (kind: string) => Buffer.from(files.find((f) => f.kind === kind)?.bytes ?? new Uint8Array());
  return { pdf: bytes("PDF"), html: bytes("HTML").toString("utf8") };
}

let first: { pdf: Buffer; html: string };
let pages: string[];
let file: string;

beforeAll(async () => {
  first = await publishDemo();
  file = path.join(dir, "demo.pdf");
  writeFileSync(file, first.pdf);
  pages = execFileSync(pdftotext, ["-layout", file, "-"], { encoding: "utf8" }).split("\f").filter((page) => page.trim() !== "");
}, 120_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await disconnectPrisma();
});

const squeeze = (text: string) => text.replace(/\s+/g, "");

describe("the demo published on a machine without Chromium", () => {
  it("has its PDF, with the unit, its figures and more pages than tables, as selectable text", () => {
    expect(first.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pages.join("\n");
    expect(text).toContain(UNIT_NAME);
    expect(text).toContain("116.76");
    expect(text).toContain("1.385");
    expect(pages.length).toBeGreaterThan(9);
  });

  it("prints every page on A4, upright or (for the wide tables) landscape", () => {
    const info = execFileSync(pdfinfo, ["-f", "1", "-l", "999", file], { encoding: "utf8" });
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map(([, w, h]) => [Number(w), Number(h)].sort((a, b) => a - b));
    expect(sizes).toHaveLength(pages.length);
    for (const [short, long] of sizes) {
      expect(short).toBeCloseTo(595.28, 1);
      expect(long).toBeCloseTo(841.89, 1);
    }
    expect(info).toMatch(/Title:\s+中共馆陶县委网络安全和信息化委员会办公室本级2024年单位预算/);
  });

  it("holds every table caption of the published page", () => {
    const captions = [...first.html.matchAll(/<caption[^>]*>([^<]*)<\/caption>/g)].map(([, caption]) => caption ?? "");
    expect(captions.length).toBeGreaterThan(9 + 2 * guantao2024Budget.projects.length);
    const text = squeeze(pages.join(""));
    expect(captions.filter((caption) => !text.includes(squeeze(caption)))).toEqual([]);
  });

  it("starts each of the nine tables and each 绩效目标表 on a page of its own", () => {
    const startPage = (title: string) => pages.findIndex((page) => page.includes(title));
    const tables = [...first.html.matchAll(/<caption[^>]*>(表\d [^<]*)<\/caption>/g)].map(([, caption]) => caption ?? "");
    expect(tables).toHaveLength(9);
    const forms = guantao2024Budget.projects.map((p, i) => `${i + 1}、${p.name}绩效目标表`);
    const starts = [...tables, ...forms].map(startPage);
    expect(starts.every((page) => page > 0)).toBe(true);
    expect(new Set(starts).size).toBe(starts.length);
  });

  it("numbers its pages and leaves out the site's navigation", () => {
    expect(pages[0]).toContain(`1 / ${pages.length}`);
    expect(pages.at(-1)).toContain(`${pages.length} / ${pages.length}`);
    const text = pages.join("\n");
    expect(text).not.toMatch(/^\s*目录\s*$/m);
    expect(text).not.toContain("下载");
    expect(text).not.toContain("跳到正文");
  });

  it("is the same file, byte for byte, when the same content is published again", async () => {
    const again = await publishDemo();
    expect(again.pdf.equals(first.pdf)).toBe(true);
  }, 120_000);
});
