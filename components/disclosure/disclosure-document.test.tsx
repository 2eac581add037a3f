import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { printRows } from "@/lib/disclosure/print";
import { TABLE_IDS } from "@/lib/disclosure/table-model";
import type { Budget } from "@/lib/disclosure/types";
import { buildSnapshotContent, type SnapshotContent } from "@/lib/publication/snapshot-content";
import { DisclosureDocument } from "./disclosure-document";
import { cellTexts, decodeText, elementById, elements, rowCells } from "./html-test-helpers";

const publication = { version: 1, publishedAt: "2024-02-01T08:00:00.000Z", approvedAt: "2024-01-20", correctionNote: null };
const content = buildSnapshotContent(guantao2024Budget, guantao2024CodeBook, publication);
const html = renderToStaticMarkup(<DisclosureDocument content={content} />);

function render(change: (budget: Budget) => void, pub: Partial<SnapshotContent["publication"]> = {}): string {
  const budget = structuredClone(guantao2024Budget);
  change(budget);
  return renderToStaticMarkup(<DisclosureDocument content={buildSnapshotContent(budget, guantao2024CodeBook, { ...publication, ...pub })} />);
}

describe("the nine tables of the document", () => {
  for (const id of TABLE_IDS) {
    const table = content.tables[id];
    it(`表${table.number} ${table.title}: every printed value sits in its own row and column`, () => {
      const section = elementById(html, "section", id);
      expect(section).toContain(`<caption class="visually-hidden">表${table.number} ${table.title}</caption>`);
      const printed = printRows(table, "WAN_YUAN");
      table.rows.forEach((row, r) => {
        const cells = rowCells(section, row.key);
        table.columns.forEach((column, c) => expect(cells[column.key], `${row.key}/${column.key}`).toBe(printed[r]?.[c]));
      });
      expect(elements(section, "tr", "data-row-key=")).toHaveLength(table.rows.length);
    });
  }

  it("carries the reference's figures where the reference prints them", () => {
    expect(rowCells(elementById(html, "section", "T1"), "grand-total")).toMatchObject({ income: "116.76", expenditure: "116.76", incomeItem: "收入总计" });
    expect(rowCells(elementById(html, "section", "T2"), "total")).toMatchObject({ total: "116.76", subtotal: "116.76", fiscal: "116.76", carryover: "" });
    expect(rowCells(elementById(html, "section", "T3"), "2013701")).toEqual({
      seq: "4", code: "2013701", name: "行政运行", total: "101.43", basic: "57.99", project: "43.44", operating: "", remitToSuperior: "", subsidyToSubordinate: "",
    });
    expect(rowCells(elementById(html, "section", "T4"), "row8")).toMatchObject({ expenditureItem: "八、社会保障和就业支出", total: "6.45", generalBudget: "6.45" });
    expect(rowCells(elementById(html, "section", "T5"), "total")).toMatchObject({ total: "116.76", basic: "73.32", project: "43.44" });
    expect(rowCells(elementById(html, "section", "T6"), "total")).toMatchObject({ total: "73.32", personnel: "64.37", public: "8.95" });
    expect(rowCells(elementById(html, "section", "T6"), "30113")).toMatchObject({ code: "30113", name: "住房公积金", personnel: "5.63", public: "" });
  });

  it("prints the multi-row header and the 栏次 row of the template", () => {
    const head = elementById(html, "section", "T2").split("<tbody>")[0] ?? "";
    const rows = elements(head, "tr");
    expect(rows).toHaveLength(3);
    expect(cellTexts(rows[0] ?? "")).toEqual(["序号", "功能分类科目", "合计", "本年收入", "上年结转"]);
    expect(head).toContain('<th scope="colgroup" colSpan="8">本年收入</th>');
    expect(cellTexts(rows[2] ?? "")).toEqual(["栏次", ...Array.from({ length: 12 }, (_, i) => String(i + 1))]);
  });

  it("marks totals and 类/款/项 levels for styling, and names each row in a row header", () => {
    const t3 = elementById(html, "section", "T3");
    expect(t3).toMatch(/<tr data-row-key="total" class="row-total row-level-0">/);
    expect(t3).toMatch(/<tr data-row-key="201" class="row-class row-level-1">/);
    expect(t3).toMatch(/<tr data-row-key="20137" class="row-section row-level-2">/);
    expect(t3).toMatch(/<tr data-row-key="2013701" class="row-item row-level-3">/);
    expect(t3).toContain('<th scope="row" data-column="name" class="cell-name">行政运行</th>');
  });

  it("lists empty tables with their note and an accessible scroll box", () => {
    for (const id of ["T7", "T8", "T9"] as const) {
      const section = elementById(html, "section", id);
      expect(elements(section, "tr", "data-row-key=")).toHaveLength(0);
      expect(section).toContain(`<p class="doc-table__note">${content.tables[id].emptyNote}</p>`);
    }
    expect(html).toContain('<div class="doc-scroll" role="region" aria-label="表2 单位预算收入总表（可横向滚动）" tabindex="0">');
  });
});

describe("the 情况说明", () => {
  it("follows the template's numbering 一 to 九 after the nine tables", () => {
    const titles = ["一、单位职责及机构设置情况", "二、单位预算安排的总体情况", "三、机关运行经费安排情况", "四、财政拨款“三公”经费预算情况及增减变化原因", "五、单位项目预算安排情况及绩效目标", "六、政府采购预算情况", "七、国有资产信息", "八、名词解释", "九、其他需要说明的事项"];
    const narrative = html.indexOf('id="narrative"');
    expect(narrative).toBeGreaterThan(html.indexOf('id="T9"'));
    const positions = titles.map((t) => html.indexOf(`>${t}</h3>`, narrative));
    expect(positions.every((p) => p > narrative)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("states every duty, the organisation table and the generated figures", () => {
    const duties = elementById(html, "section", "narrative-duties");
    for (const duty of guantao2024Budget.unit.duties) expect(duties).toContain(duty);
    expect(cellTexts(elements(duties, "tr")[1] ?? "")).toEqual(["中共馆陶县委网络安全和信息化委员会办公室本级", "行政", "正科级", "财政拨款"]);
    const overview = decodeText(elementById(html, "section", "narrative-overview"));
    expect(overview).toContain("1、收入说明反映本单位当年全部收入。2024年预算收入116.76万元");
    expect(overview).toContain("2、支出说明");
    expect(overview).toContain("3、比上年增减情况2024年预算收支安排116.76万元，较2023年预算减少249.73万元");
    expect(decodeText(elementById(html, "section", "narrative-operating-funds"))).toContain("机关运行经费共计安排8.95万元");
    expect(decodeText(elementById(html, "section", "narrative-three-public"))).toContain("“三公”经费预算安排0.00万元");
  });

  it("has one 绩效目标表 per project with its budget, spending plan and seven indicators", () => {
    const forms = guantao2024Budget.projects.map((_, i) => elementById(html, "section", `project-${i + 1}`));
    expect(forms).toHaveLength(6);
    forms.forEach((form, i) => {
      const project = guantao2024Budget.projects[i]!;
      expect(form).toContain(`>${i + 1}、${project.name}绩效目标表</h4>`);
      expect(form).toContain(`>${project.code}</td>`);
      const plan = ["march", "june", "october", "december"].map((k) => decodeText(new RegExp(`data-field="plan-${k}"[^>]*>([^<]*)<`).exec(form)?.[1] ?? ""));
      expect(plan).toEqual(["25%", "50%", "75%", "100%"]);
      expect(elements(form, "tr", "data-indicator=")).toHaveLength(7);
      // 一级 merged over its 二级 rows as on the official form: 产出 4, 效益 2, 满意度 1
      expect([...form.matchAll(/<th scope="rowgroup" rowSpan="(\d+)" class="cell-level1">([^<]*)</g)].map((m) => `${m[2]}×${m[1]}`)).toEqual(["产出指标×4", "效益指标×2", "满意度指标×1"]);
    });
    const first = forms[0]!;
    expect(first).toMatch(/data-field="amount">8\.00</);
    expect(first).toMatch(/data-field="fiscalAmount">8\.00</);
    expect(first).toMatch(/data-field="otherAmount"><\/td>/);
    expect([...first.matchAll(/data-field="value">([^<]*)</g)].map((m) => decodeText(m[1] ?? ""))).toEqual(["≤5件", "≤95%", "1年", "≤8万元", "≥99%", "≥99%", "≥95%"]);
    expect(decodeText(elements(forms[1]!, "tr", 'data-indicator="1"')[0] ?? "")).toContain("365天");
  });

  it("merges 二级 cells too when consecutive indicators share them", () => {
    const merged = render((budget) => {
      const indicators = budget.projects[0]!.indicators;
      indicators[1] = { ...indicators[1]!, level2: "数量指标" };
    });
    const form = elementById(merged, "section", "project-1");
    expect(form).toMatch(/<th scope="rowgroup" rowSpan="2" class="cell-level2">数量指标</);
    expect(form).not.toContain(">质量指标<");
  });

  it("shows the empty procurement table with its note", () => {
    const procurement = elementById(html, "section", "narrative-procurement");
    expect(procurement).toContain("注：无政府采购预算，空表列示。");
    expect(procurement).toContain("2024年预留中小微企业份额");
  });

  it("prints procurement rows with the project's 预算资金 when there are some", () => {
    const withRows = render((budget) => {
      budget.procurement = [
        {
          projectName: "互联网信息管理经费", itemName: "台式计算机", catalogueCode: "A02010104", unitOfMeasure: "台", quantity: 2, unitPrice: 600_000,
          generalBudget: 1_200_000, governmentFund: 0, stateCapital: 0, specialAccount: 0, unitFunds: 0, carryover: 0, total: 1_200_000, smeReserved: 1_200_000,
        },
      ];
    });
    const cells = rowCells(elementById(withRows, "section", "narrative-procurement"), "procurement-1");
    expect(cells).toMatchObject({ projectName: "互联网信息管理经费", projectAmount: "20.00", quantity: "2", unitPrice: "0.60", total: "1.20", generalBudget: "1.20", smeReserved: "1.20" });
    expect(withRows).not.toContain("注：无政府采购预算");
  });

  it("states the assets with their exact value, 资产总额 derived from the categories", () => {
    const assets = elementById(html, "section", "narrative-assets");
    expect(decodeText(assets)).toContain("上年末固定资产金额为1.385万元（详见下表）");
    expect(assets).toContain("截止时间：2023-12-31");
    expect(rowCells(assets, "OTHER_FIXED_ASSETS")).toEqual({ item: "4、其他固定资产", quantity: "3", value: "1.385" });
    expect(rowCells(assets, "asset-total")).toEqual({ item: "资产总额", quantity: "", value: "1.385" });
    expect(rowCells(assets, "OFFICE_BUILDINGS")).toEqual({ item: "其中：办公用房（平方米）", quantity: "", value: "" });
    expect(rowCells(assets, "EQUIPMENT_OVER_200K").item).toBe("3、单价在20万元以上的设备");
  });

  it("numbers the glossary's ten terms and ends with 其他需要说明的事项", () => {
    const items = elements(elementById(html, "section", "narrative-glossary"), "li").map(decodeText);
    expect(items).toHaveLength(10);
    expect(items[0]).toBe("1、财政拨款收入：指本级财政当年拨付的资金，包括一般公共预算拨款、政府性基金预算拨款、国有资本经营预算拨款。");
    expect(items[9]).toMatch(/^10、机关运行经费：是指各部门（单位）的公用经费/);
    expect(decodeText(elementById(html, "section", "narrative-other"))).toBe("九、其他需要说明的事项我单位无其他需要说明的事项。");
  });
});

describe("the cover, correction note and table of contents", () => {
  it("names the unit, its code, the year and the amount unit", () => {
    expect(decodeText(elements(html, "h1")[0] ?? "")).toBe("中共馆陶县委网络安全和信息化委员会办公室本级2024年单位预算");
    const cover = decodeText(elements(html, "header", 'class="doc-cover"')[0] ?? "");
    for (const fact of ["单位编码224001", "预算年度2024", "金额单位万元", "收支总计116.76万元"]) expect(cover).toContain(fact);
  });

  it("links every table and every part from the table of contents", () => {
    const toc = html.slice(html.indexOf('<nav class="doc-toc"'), html.indexOf("</nav>"));
    for (const id of [...TABLE_IDS, "narrative", "narrative-duties", "narrative-other", "project-1", "project-6"]) {
      expect(toc).toContain(`href="#${id}"`);
      expect(html).toContain(`id="${id}"`);
    }
  });

  it("shows a 更正说明 box before the tables only for a corrected version", () => {
    expect(html).not.toContain("更正说明");
    const corrected = render(() => undefined, { version: 2, correctionNote: "更正表6中“办公费”金额。\n其余内容不变。" });
    const box = elements(corrected, "aside", 'class="doc-correction"')[0] ?? "";
    expect(decodeText(box)).toBe("更正说明（第2版）更正表6中“办公费”金额。其余内容不变。");
    expect(corrected.indexOf("doc-correction")).toBeLessThan(corrected.indexOf('id="T1"'));
  });

  it("lists a correction's changed figures old → new in the document's unit, derived from the two versions", () => {
    const changedFigures = [
      { table: 3, tableTitle: "支出总表", rowKey: "2013701", rowLabel: "2013701 行政运行", rowKind: "item" as const, columnLabel: "合计", oldFen: 579_900_00, newFen: 580_900_00 },
      { table: 3, tableTitle: "支出总表", rowKey: "2013701", rowLabel: "2013701 行政运行", rowKind: "item" as const, columnLabel: "基本支出", oldFen: 579_900_00, newFen: 580_900_00 },
      { table: 2, tableTitle: "收入总表", rowKey: "2013799", rowLabel: "2013799 其他", rowKind: "item" as const, columnLabel: "合计", oldFen: 1_000_00, newFen: null },
      { table: 2, tableTitle: "收入总表", rowKey: "total", rowLabel: "合计", rowKind: "total" as const, columnLabel: "合计", oldFen: 2_000_00, newFen: 1_000_00 },
    ];
    const corrected = render(() => undefined, { version: 2, correctionNote: "更正行政运行。", changedFigures });
    const box = elements(corrected, "aside", 'class="doc-correction"')[0] ?? "";
    const rows = elements(box, "tr").slice(1).map(decodeText);
    expect(decodeText(elements(box, "caption")[0] ?? "")).toBe("与第1版相比更正的数字（单位：万元）");
    expect(rows).toEqual(["表32013701 行政运行合计、基本支出57.9958.09", "表22013799 其他合计0.10（无此行）"]);
    expect(decodeText(box)).toContain("相关的合计、类、款随之变动（1 行），见各表。");
    const unchanged = render(() => undefined, { version: 2, correctionNote: "更正说明文字。", changedFigures: [] });
    expect(decodeText(elements(unchanged, "aside", 'class="doc-correction"')[0] ?? "")).toContain("与第1版相比，九张表的金额没有变化。");
  });
});
