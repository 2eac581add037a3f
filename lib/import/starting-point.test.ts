import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError } from "./import-error";
import { importDocument } from "./import-document";
import { startingPointFrom } from "./starting-point";

const PDF = path.resolve(__dirname, "../../tests/fixtures/disclosures/pdf");
const load = (name: string) => importDocument([{ name, bytes: new Uint8Array(readFileSync(path.join(PDF, name))) }]);

describe("starting a year from last year's published budget", () => {
  it("gives the prior-year figures and offers 职责, 机构设置 and 名词解释 as the starting texts", async () => {
    const start = startingPointFrom(await load("sh-putuo-shehuifuliyuan-2024-unit-budget.pdf"));
    expect(start.priorYear).toEqual({ year: 2024, total: 1_212_116_400, basic: 950_116_400, project: 262_000_000, threePublic: 6_400_000 });
    expect(start.duties).toEqual([
      "上海市普陀区社会福利院是收养社会孤老、退休孤老、寄养有家老人的事业单位。",
      "主要职能包括：",
      "1.负责区社会福利院的日常管理、运营维护等工作,为在院入住老人提供生活照料、医疗康复、老年教育、文化娱乐等综合服务工作。",
      "2.组织志愿者和专业社工团队为在院入住老人开展为老志愿服务。",
    ]);
    expect(start.organisation).toBe("上海市普陀区社会福利院设5个内设机构，包括：院长室、办公室、财务室、后勤部、护理部。");
    expect(start.glossary.map((g) => g.term)).toEqual(["基本支出预算", "项目支出预算", "“三公”经费", "机关运行经费"]);
    expect(start.glossary[3]?.definition).toBe("指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。");
  }, 60_000);

  it("reads the Jiangsu department's 职责 list", async () => {
    const start = startingPointFrom(await load("js-jiangsu-jianchayuan-2019-dept-budget.pdf"));
    expect(start.priorYear.total).toBe(24_169_740_000);
    expect(start.duties[0]).toMatch(/^人民检察院是国家的法律监督机关。/);
    expect(start.duties.at(-1)).toBe("（十七）其他应当由江苏省人民检察院承办的事项。");
  }, 60_000);

  it("refuses a 决算 as last year's budget", async () => {
    const final = await load("juesuan-sh-putuo-guihua-ziranziyuan-2024-dept-final.pdf");
    expect(() => startingPointFrom(final)).toThrow(ImportError);
    expect(() => startingPointFrom(final)).toThrow(/决算/);
  }, 60_000);
});
