import { describe, expect, it } from "vitest";
import { changePathLabel } from "./change-log";

describe("changePathLabel", () => {
  it("names a changed leaf in Chinese, rows counted from 1", () => {
    expect(changePathLabel("expenditure.0.amount")).toBe("支出 第1行 金额");
    expect(changePathLabel("narrative.basicChangeReason")).toBe("情况说明 基本支出变化原因");
    expect(changePathLabel("projects.2.indicators.0.name")).toBe("项目 第3行 绩效指标 第1行 名称");
  });
});
