import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DRAWING_PAGE, makeDocx, makePdf, textPage } from "@/tests/import/make-files";
import { ImportError, type ImportErrorCode } from "./import-error";
import { importDocument, MAX_IMPORT_BYTES } from "./import-document";

async function refusal(bytes: Uint8Array, name = "file.pdf"): Promise<ImportError> {
  try {
    await importDocument([{ name, bytes }]);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("the file was accepted");
}

function expectChinese(error: ImportError, code: ImportErrorCode): void {
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(error.message).not.toMatch(/Error|at \w+ \(/);
}

describe("files that cannot be imported get a clear Chinese message, never a crash", () => {
  it("an encrypted PDF", async () => {
    const error = await refusal(makePdf([textPage("secret")], { encrypted: true }));
    expectChinese(error, "ENCRYPTED");
    expect(error.message).toContain("加密");
  });

  it("a scanned PDF without a text layer", async () => {
    const error = await refusal(makePdf([DRAWING_PAGE, DRAWING_PAGE]));
    expectChinese(error, "NO_TEXT");
    expect(error.message).toContain("扫描件");
  });

  it("a PDF of something else (not a budget)", async () => {
    const error = await refusal(makePdf([textPage("Minutes of the annual meeting"), textPage("Agenda: 1. Welcome 2. Budget 3. Other business")]));
    expectChinese(error, "NOT_A_BUDGET");
  });

  it("a truncated PDF", async () => {
    const real = readFileSync(path.resolve(__dirname, "../../tests/fixtures/disclosures/pdf/sh-putuo-shehuifuliyuan-2024-unit-budget.pdf"));
    const error = await refusal(new Uint8Array(real.subarray(0, Math.floor(real.length / 2))));
    expectChinese(error, "UNREADABLE");
  });

  it("a file over the size limit is refused before it is parsed", async () => {
    const error = await refusal(new Uint8Array(MAX_IMPORT_BYTES + 1));
    expectChinese(error, "TOO_LARGE");
  });

  it("an empty file, and bytes that are neither PDF, Word nor text", async () => {
    expectChinese(await refusal(new Uint8Array(0)), "EMPTY");
    expectChinese(await refusal(new Uint8Array(4096).map((_, i) => (i * 37) % 7)), "UNSUPPORTED_FORMAT");
  });

  it("a .docx with tracked changes", async () => {
    const tracked = `<w:p><w:ins w:id="1" w:author="会计" w:date="2024-01-01T00:00:00Z"><w:r><w:t>新增1000万元</w:t></w:r></w:ins></w:p>`;
    const error = await refusal(await makeDocx(["2024年部门预算"], tracked), "budget.docx");
    expectChinese(error, "TRACKED_CHANGES");
    expect(error.message).toContain("修订");
  });

  it("a zip that is not a Word document", async () => {
    const { default: JSZip } = await import("jszip");
    const zip = new JSZip();
    zip.file("hello.txt", "hi");
    expectChinese(await refusal(await zip.generateAsync({ type: "uint8array" }), "x.docx"), "UNREADABLE");
  });
});

describe("a .docx budget reads like the PDF", () => {
  it("finds the tables by title and header, and the totals in them", async () => {
    const docx = await makeDocx([
      "某某县某某局2024年部门预算",
      "部门收支预算总表",
      "部门：某某县某某局 单位：万元",
      [
        ["项目", "预算数", "项目", "预算数"],
        ["一、一般公共预算拨款收入", "116.76", "一、一般公共服务支出", "100.00"],
        ["", "", "八、社会保障和就业支出", "16.76"],
        ["收入总计", "116.76", "支出总计", "116.76"],
      ],
      "部门支出预算总表",
      "部门：某某县某某局 单位：万元",
      [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["", "合计", "116.76", "73.32", "43.44"],
        ["201", "一般公共服务支出", "100.00", "56.56", "43.44"],
        ["20101", "人大事务", "100.00", "56.56", "43.44"],
        ["2010101", "行政运行", "100.00", "56.56", "43.44"],
        ["208", "社会保障和就业支出", "16.76", "16.76", ""],
        ["20805", "行政事业单位养老支出", "16.76", "16.76", ""],
        ["2080505", "机关事业单位基本养老保险缴费支出", "16.76", "16.76", ""],
      ],
    ]);
    const doc = await importDocument([{ name: "budget.docx", bytes: docx }]);
    expect(doc.formats).toEqual(["docx"]);
    expect(doc.scope).toBe("department");
    expect(doc.year).toBe(2024);
    expect(doc.figures.incomeTotal?.fen).toBe(116_760_000);
    expect(doc.figures.basic?.fen).toBe(73_320_000);
    expect(doc.figures.project?.fen).toBe(43_440_000);
    expect(doc.figures.classes["208"]?.fen).toBe(16_760_000);
    expect(doc.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});
