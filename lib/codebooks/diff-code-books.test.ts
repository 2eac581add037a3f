import { describe, expect, it } from "vitest";
import type { ClassificationCode } from "@/lib/disclosure/types";
import { diffCodeBooks } from "./diff-code-books";

const f = (code: string, name: string): ClassificationCode => ({
  scheme: "FUNCTIONAL",
  code,
  name,
  level: code.length === 3 ? 1 : code.length === 5 ? 2 : 3,
  parentCode: code.length === 3 ? null : code.slice(0, code.length - 2),
});
const e = (code: string, name: string): ClassificationCode => ({ ...f(code, name), scheme: "ECONOMIC" });

describe("diffCodeBooks", () => {
  it("lists added, removed and renamed codes of both schemes, ordered, and counts the unchanged", () => {
    const before = { functional: [f("201", "一般公共服务支出"), f("20137", "网信事务"), f("2013701", "行政运行"), f("2013702", "一般行政管理事务")], economic: [e("301", "工资福利支出"), e("30114", "医疗费")] };
    const after = { functional: [f("201", "一般公共服务支出"), f("20137", "网信事务"), f("2013701", "行政运行（新）"), f("2013799", "其他网信事务支出")], economic: [e("301", "工资福利支出"), e("30113", "住房公积金")] };
    const diff = diffCodeBooks(before, after);
    expect(diff.added.map((c) => c.code)).toEqual(["2013799", "30113"]);
    expect(diff.removed.map((c) => c.code)).toEqual(["2013702", "30114"]);
    expect(diff.renamed).toEqual([{ scheme: "FUNCTIONAL", code: "2013701", level: 3, oldName: "行政运行", newName: "行政运行（新）" }]);
    expect(diff.unchangedCount).toBe(3);
  });

  it("treats a code with the same number in the other scheme as a different code", () => {
    const diff = diffCodeBooks({ functional: [], economic: [e("301", "工资福利支出")] }, { functional: [], economic: [] });
    expect(diff.removed).toHaveLength(1);
  });

  it("without an earlier book, everything is added", () => {
    const diff = diffCodeBooks(null, { functional: [f("201", "一般公共服务支出")], economic: [e("301", "工资福利支出")] });
    expect(diff.added).toHaveLength(2);
    expect(diff.removed).toEqual([]);
    expect(diff.unchangedCount).toBe(0);
  });
});
