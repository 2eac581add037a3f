import { describe, expect, it } from "vitest";
import type { NarrativeParagraph } from "../narrative";
import { byRule, check, demoBudget, findingWith, narrativeOf, PRINTED_WAN, wan } from "./test-helpers";

/** The demo checked as an imported document whose narrative says `paragraphs`. */
function imported(...paragraphs: (string | NarrativeParagraph)[]) {
  const narrativeText = paragraphs.map((p) => (typeof p === "string" ? { text: p } : p));
  return check(demoBudget(), { precision: PRINTED_WAN, narrativeText });
}

// Real sentences, as the PDFs print them (line breaks and column spaces included).
const ZHENGXIE_2019 =
  "    江苏省政协办公厅           2019 年度收入、支出预算总计             13,377.11\n万元，与上年相比收、支预算总计各增加                       3,226.63  万元，增长\n31.79%。主要原因是政策性增资、住房公积金和提租补贴调整、\n项目经费增加、预留机动经费增加等。";
const JIANCHAYUAN_2019_TOTAL = "24,169.74 万元，与上年相比收、支预算总计各增加 2214.39\n万元，增长 10.06 %。其中：";
const JIANCHAYUAN_2019_PROJECT = "    项目支出预算数为4335.3万元。与上年相比减少了1237.7\n万元，减少 13.22 %。主要原因一是贯彻厉行节约规定";
const FULIYUAN_2024_ITEM =
  "2023年当年预算执行数为54.60万元，2024年预算安排53.84万元，比2023年预算执行数减少1.39%。主要原因是：有退休\n人员去世。";
const WANLI_2023_ITEM_16 = "。2022年当年预算执行数为132.59万元，2023年预算安排441.25万元，比2022年预算执行数增加60.54%。主要原因是：调整缴费基数。";
const FULIYUAN_2024_VEHICLE = "（二）公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是。其中：公务用车购置费0.00万元，与2023年预算持平，主要原因是无此项支出；";

describe("N4 a stated rate of change agrees with its own figures", () => {
  it("is quiet on the real documents' correct sentences (rounded and cut-off rates alike)", () => {
    expect(imported(ZHENGXIE_2019, FULIYUAN_2024_ITEM, "财政拨款支出增加 2228.78 万元，总计24,169.74万元，与上年相比增加2228.78万元，增长10.15 %。")).toEqual([]);
  });

  it("fires on the real 10.06% that should be 10.09% (江苏省人民检察院 2019)", () => {
    const finding = findingWith(imported({ text: JIANCHAYUAN_2019_TOTAL, page: 3, section: "income" }), "N4", "10.06");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe(
      "情况说明（第3页）“24,169.74万元，与上年相比收、支预算总计各增加2214.39万元，增长10.06%”：按本年24169.74万元、增加2214.39万元计算，上年为21955.35万元，变化率应为10.09%，不是10.06%。",
    );
    expect(finding.location).toEqual({ section: "income", paragraph: 0, page: 3 });
  });

  it("fires on the real 项目支出 rate copied from the sentence before (13.22% for 22.21%), across the full stop", () => {
    const finding = findingWith(imported(JIANCHAYUAN_2019_PROJECT), "N4", "13.22");
    expect(finding.message).toBe(
      "情况说明“…4335.3万元。与上年相比减少了1237.7万元，减少13.22%”：按本年4335.3万元、减少1237.7万元计算，上年为5573.0万元，变化率应为22.21%，不是13.22%。",
    );
  });

  it("fires on a rate that contradicts last year's and this year's figures (万里街道 2023, item 16)", () => {
    const finding = findingWith(imported(WANLI_2023_ITEM_16), "N4", "60.54");
    expect(finding.message).toContain("由132.59万元变为441.25万元，变化率应为232.79%，不是增加60.54%。");
  });

  it("fires when the direction is wrong although the size is right", () => {
    const finding = findingWith(imported("2023年当年预算执行数为54.60万元，2024年预算安排53.84万元，比2023年预算执行数增加1.39%。"), "N4", "1.39");
    expect(finding.message).toContain("变化率应为-1.39%，不是增加1.39%。");
  });
});

describe("N4 an increase larger than what it arrived at", () => {
  it("fires on the real “政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元” (万里街道 2023), not on the true sentence beside it", () => {
    const findings = imported(
      "一般公共预算拨款支出预算16497.86万元，比2022年预算增加1421.25万元；政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元；",
    );
    expect(byRule(findings, "N4")).toHaveLength(1);
    expect(findingWith(findings, "N4", "0万元").message).toBe(
      "情况说明“…0万元，比2022年预算增加1421.25万元”：本年只有0万元，不可能比上年增加1421.25万元（上年将为负数）。",
    );
  });
});

describe("N5 a reason that points the other way", () => {
  it("fires on the real “减少2.98%。主要原因是：…经费增加” (万里街道 2024, item 4) and not on a reason that agrees", () => {
    const findings = imported(
      "2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。主要原因是：宣传事务一般行政管理事\n务经费增加。",
      "2023年当年预算执行数为45.41万元，2024年预算安排42.60万元，比2023年预算执行数减少6.19%。主要原因是：群众团体事务一般行政管理事务经费减少。",
    );
    expect(byRule(findings, "N5")).toHaveLength(1);
    const finding = findingWith(findings, "N5", "2.98%");
    expect(finding.severity).toBe("warning");
    expect(finding.message).toBe(
      "情况说明“…为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%”说的是减少，但所述原因“宣传事务一般行政管理事务经费增加”说的是增加。",
    );
    expect(byRule(findings, "N4")).toEqual([]);
  });

  it("leaves a reason that names both directions alone", () => {
    expect(imported("项目支出预算数为4335.3万元。与上年相比减少了1237.7万元，减少22.21%。主要原因是部分项目减少，同时新增信息化项目。")).toEqual([]);
  });
});

describe("N2 a passage printed twice", () => {
  const block = [
    "1.“一般公共服务支出（类）财政事务（款）行政运行（项）”1,852.07万元，主要用于机关人员工资。",
    "2.“一般公共服务支出（类）财政事务（款）一般行政管理事务（项）”566.65万元，主要用于日常运行。",
    "3.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）”201.85万元。",
  ];

  it("fires when a block of paragraphs recurs (上海市普陀区财政局 2025 printed its 编制说明 twice)", () => {
    const findings = imported("一、部门主要职能", ...block, "二、部门预算编制说明", ...block.map((text) => ({ text, page: 8 })));
    const finding = findingWith(findings, "N2", "重复印刷");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe(
      "情况说明自第8页第6段起连续3段与第2段起的文字完全相同，像是重复印刷（“1.“一般公共服务支出（类）财政事务（款）行政运行（项）”1…”）。",
    );
    expect(finding.location).toEqual({ section: "change", paragraph: 5, page: 8 });
  });

  it("accepts a sentence or two said again in another section (江苏省人民检察院 2019 restates 人员经费)", () => {
    expect(byRule(imported(...block, "（二）一般公共预算基本支出", block[0]!, block[1]!), "N2")).toEqual([]);
  });
});

describe("N1 a reason in the narrative that says nothing", () => {
  it("fires on the real “主要原因是。” and not on the reasons around it", () => {
    const findings = imported(FULIYUAN_2024_VEHICLE);
    expect(byRule(findings, "N1")).toHaveLength(1);
    const finding = findingWith(findings, "N1", "主要原因是。");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe("情况说明“…行费6.40万元，与2023年预算持平，主要原因是。”没有说明原因。");
  });

  it.each(["主要原因：。", "原因是比上年增加2.00万元。", "主要原因是：无。"])("fires on “%s”", (sentence) => {
    expect(byRule(imported(`公务接待费2.00万元，比上年增加2.00万元，${sentence}`), "N1")).toHaveLength(1);
  });

  it("leaves a heading that names reasons alone (“四、“三公”经费预算情况及增减变化原因”)", () => {
    expect(imported("四、“三公”经费预算情况及增减变化原因", { text: "主要原因一是贯彻厉行节约规定。" })).toEqual([]);
  });

  it("reads nothing when no narrative text is given (entered budgets: their reasons are C14's)", () => {
    expect(check(demoBudget())).toEqual([]);
  });
});

describe("N2/N3 lists the narrative states", () => {
  it("N2 fires on a project listed twice in 支出说明", () => {
    const budget = demoBudget();
    const narrative = narrativeOf(budget);
    expect(byRule(check(budget, { narrative }), "N2")).toEqual([]);
    narrative.projects.push({ ...narrative.projects[1]! });
    const finding = findingWith(check(budget, { narrative }), "N2", "列了两次");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe(`情况说明“支出说明”在项目支出中把“${narrative.projects[1]!.name}”列了两次（第2项和第7项，20.00万元）。`);
  });

  it("N3 fires when a stated list does not add up to its total, and N2 when it names an item twice", () => {
    const budget = demoBudget();
    const narrative = narrativeOf(budget);
    const items = [
      { name: "行政运行", amount: wan("101.43") },
      { name: "机关事业单位基本养老保险缴费支出", amount: wan("6.45") },
      { name: "行政单位医疗", amount: wan("3.25") },
      { name: "住房公积金", amount: wan("5.63") },
    ];
    narrative.lists = [{ section: "expenditure", label: "财政拨款支出", total: wan("116.76"), items }];
    expect(check(budget, { narrative })).toEqual([]);

    narrative.lists = [{ section: "expenditure", label: "财政拨款支出", total: wan("116.76"), items: [...items, { name: "住房 公积金", amount: wan("5.63") }] }];
    const findings = check(budget, { narrative });
    expect(findingWith(findings, "N2", "住房 公积金").message).toBe("情况说明“支出说明”在财政拨款支出中把“住房 公积金”列了两次（第4项和第5项，5.63万元）。");
    const sum = findingWith(findings, "N3", "合计");
    expect(sum.severity).toBe("error");
    expect(sum.message).toBe("情况说明“支出说明”列出的5项财政拨款支出合计为122.39万元，但所述财政拨款支出为116.76万元，相差5.63万元。");
  });

  it("C13 holds each coded item against its row and misses no 项 of a list by 项 (社会福利院 2024: 738.66 for 696.48, 2080599 left out)", () => {
    const budget = demoBudget();
    const narrative = narrativeOf(budget);
    const items = [
      { name: "行政运行", amount: wan("101.43"), code: "2013701" },
      { name: "机关事业单位基本养老保险缴费支出", amount: wan("6.45"), code: "2080505" },
      { name: "行政单位医疗", amount: wan("3.25"), code: "2101101" },
      { name: "住房公积金", amount: wan("5.63"), code: "2210201" },
    ];
    const list = { section: "expenditure" as const, label: "一般公共预算财政拨款支出", total: wan("116.76"), items, restates: { table: "T5" as const, column: "total" } };
    narrative.lists = [list];
    expect(check(budget, { narrative })).toEqual([]);

    narrative.lists = [{ ...list, total: null, items: [{ ...items[0]!, amount: wan("138.66") }, ...items.slice(1, 3)] }];
    const findings = byRule(check(budget, { narrative }), "C13");
    expect(findings.map((f) => f.message)).toEqual([
      "情况说明“支出说明”中一般公共预算财政拨款支出“行政运行”为138.66万元，但表5 单位预算一般公共预算财政拨款支出表 “2013701 行政运行”行“合计”列为101.43万元，相差37.23万元。",
      "情况说明“支出说明”逐项列出了一般公共预算财政拨款支出，但没有列出表5 单位预算一般公共预算财政拨款支出表 “2210201 住房公积金”行“合计”列的5.63万元。",
    ]);
    expect(findings.every((f) => f.severity === "error")).toBe(true);
  });

  it("N3 reports a printed list off by one last digit per item as 尾差", () => {
    const budget = demoBudget();
    const narrative = narrativeOf(budget);
    narrative.lists = [
      { section: "expenditure", label: "财政拨款支出", total: wan("116.76"), items: [{ name: "甲", amount: wan("58.38") }, { name: "乙", amount: wan("58.39") }] },
    ];
    expect(findingWith(check(budget, { narrative }), "N3", "合计").severity).toBe("error");
    const r1 = findingWith(check(budget, { narrative, precision: PRINTED_WAN }), "R1", "合计");
    expect(r1).toMatchObject({ identity: "N3", severity: "warning", tolerance: wan("0.02") });
  });
});

describe("N6 another level's finance in the text", () => {
  it("fires on a district's glossary that speaks of 市级财政 (万里街道 2024), quiet on the county demo", () => {
    const budget = demoBudget();
    expect(byRule(check(budget), "N6")).toEqual([]);
    budget.region = { code: "310107", name: "上海市普陀区" };
    budget.glossary = [{ term: "“三公”经费", definition: "是与市级财政有经费领拨关系的部门及其下属预算单位使用市级财政拨款安排的因公出国（境）费…" }];
    const finding = findingWith(check(budget), "N6", "市级财政");
    expect(finding.severity).toBe("warning");
    expect(finding.message).toBe("名词解释““三公”经费”说的是“市级财政”，但这是上海市普陀区的文件；请核对是否沿用了其他级次的文字。");
  });

  it("reads an imported narrative too, and accepts the region's own level", () => {
    const budget = demoBudget();
    budget.region = { code: "320000", name: "江苏省" };
    expect(byRule(check(budget, { narrativeText: [{ text: "省级财政拨款安排的支出。" }] }), "N6")).toEqual([]);
    const finding = findingWith(check(budget, { narrativeText: [{ text: "市级财政拨款安排的支出。", page: 2 }] }), "N6", "市级财政");
    expect(finding.location).toEqual({ section: "change", paragraph: 0, page: 2 });
  });
});
