import { mkdtempSync, openSync, closeSync, ftruncateSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli";
import type { BudgetSource } from "./run-cli";

const PDF = path.resolve(__dirname, "../../tests/fixtures/disclosures/pdf");
const noDatabase: BudgetSource = {
  findUnit: () => Promise.reject(new Error("import must not touch the database")),
  budgetYears: () => Promise.reject(new Error("import must not touch the database")),
  loadBudget: () => Promise.reject(new Error("import must not touch the database")),
};

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(["import", ...args], noDatabase, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const scratch = mkdtempSync(path.join(tmpdir(), "gongkai-import-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("npm run gongkai -- import FILE… [--json]", () => {
  it("reads a document published as narrative + tables and prints its summary as JSON in 分 (exit 0)", async () => {
    const { code, out, err } = await run(
      path.join(PDF, "js-jiangsu-zhengxie-bangongting-2019-dept-budget-1-narrative.pdf"),
      path.join(PDF, "js-jiangsu-zhengxie-bangongting-2019-dept-budget-2-tables.pdf"),
      "--json",
    );
    expect(err).toBe("");
    expect(code).toBe(0);
    const summary = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual([
      "kind",
      "scope",
      "unitName",
      "year",
      "template",
      "amountUnit",
      "incomeTotal",
      "expenditureTotal",
      "basic",
      "project",
      "reserve",
      "personnel",
      "publicOperating",
      "threePublic",
      "procurement",
      "classes",
      "findings",
    ]);
    expect(summary).toMatchObject({ kind: "budget", scope: "department", unitName: "江苏省政协办公厅", year: 2019, incomeTotal: 13_377_110_000, reserve: 1_886_020_000 });
  }, 60_000);

  it("exits 1 when the document has errors, and names them in Chinese", async () => {
    const { code, out } = await run(path.join(PDF, "sh-putuo-shehuifuliyuan-2024-unit-budget.pdf"));
    expect(code).toBe(1);
    expect(out).toContain("单位：上海市普陀区社会福利院");
    expect(out).toContain("收入总计：12,121,164.00元");
    expect(out).toContain("[错误] D7");
  }, 60_000);

  it("recognises a 决算 and refuses it for import (exit 1)", async () => {
    const { code, out } = await run(path.join(PDF, "juesuan-sh-putuo-guihua-ziranziyuan-2024-dept-final.pdf"));
    expect(code).toBe(1);
    expect(out).toContain("决算（不能作为预算导入）");
  }, 60_000);

  it("refuses a 200 MB file by its size without reading it (exit 2)", async () => {
    const big = path.join(scratch, "big.pdf");
    const fd = openSync(big, "w");
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    const { code, err, out } = await run(big);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("过大");
  });

  it("exits 2 with a message for a missing file, no file, or an unknown option", async () => {
    expect((await run(path.join(scratch, "missing.pdf"))).err).toContain("找不到文件");
    expect((await run()).code).toBe(2);
    const unknown = await run("--yaml", "x.pdf");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("不认识的选项 --yaml");
  });
});
