import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buildDepartmentContent } from "@/lib/department/department-content";
import type { DepartmentState } from "@/lib/department/queries";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import type { Budget } from "@/lib/disclosure/types";
import { DisclosureDocument } from "./disclosure-document";
import { decodeText, elementById, rowCells } from "./html-test-helpers";
import { renderDocumentHtml } from "./render-document-html";

const second: Budget = {
  ...structuredClone(guantao2024Budget),
  unit: { ...guantao2024Budget.unit, code: "224002", name: "馆陶县网络安全服务中心", nature: "事业", grade: "股级" },
};
const state: DepartmentState = {
  departmentId: 1,
  code: "224",
  name: "中共馆陶县委网络安全和信息化委员会办公室",
  regionId: 1,
  region: { code: "130433", name: "馆陶县" },
  year: 2024,
  units: [
    { unitId: 1, code: "224001", name: guantao2024Budget.unit.name, newest: null, approved: { budgetId: 11, version: 1, status: "PUBLISHED", approvedAt: new Date("2024-01-20T02:00:00Z") } },
    { unitId: 2, code: "224002", name: second.unit.name, newest: null, approved: { budgetId: 12, version: 2, status: "APPROVED", approvedAt: null } },
  ],
  published: null,
};
const content = buildDepartmentContent(
  state,
  new Map([
    [11, structuredClone(guantao2024Budget)],
    [12, second],
  ]),
  guantao2024CodeBook,
  { version: 1, publishedAt: "2024-02-10T08:00:00.000Z", approvedAt: "2024-01-20", correctionNote: null },
);
const html = renderToStaticMarkup(<DisclosureDocument content={content} />);

describe("the department document (部门预算)", () => {
  it("is titled as the department's budget, and its tables as 部门预算 tables", () => {
    expect(decodeText(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? "")).toBe("中共馆陶县委网络安全和信息化委员会办公室2024年部门预算");
    expect(html).toContain('<caption class="visually-hidden">表1 部门预算收支总表</caption>');
    expect(html).toContain("中共馆陶县委网络安全和信息化委员会办公室2024年部门预算信息公开情况说明");
    expect(html).toContain("一、部门职责及机构设置情况");
    expect(html).not.toContain("一、单位职责");
    expect(rowCells(elementById(html, "section", "T1"), "grand-total")).toMatchObject({ income: "233.52", expenditure: "233.52" });
  });

  it("lists the units it sums with the version, 批复 date and total of each", () => {
    const coverage = elementById(html, "section", "coverage");
    expect(decodeText(coverage)).toContain("本部门预算由所属2个预算单位经财政部门批复的2024年单位预算汇总编制");
    const rows = [...coverage.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...(m[1] ?? "").matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => decodeText(c[1] ?? "")));
    expect(rows.slice(1)).toEqual([
      ["224001", guantao2024Budget.unit.name, "第1版", "2024-01-20", "116.76"],
      ["224002", "馆陶县网络安全服务中心", "第2版", "", "116.76"],
    ]);
    // The organisation table of part 一 has a row per unit.
    expect(html).toContain("部门所属单位构成情况");
    expect(html).toContain("<th scope=\"row\">馆陶县网络安全服务中心</th><td class=\"cell-center\">事业</td><td class=\"cell-center\">股级</td>");
  });

  it("as a published page, names the department in the title and breadcrumbs", () => {
    const page = renderDocumentHtml(content, { contentHash: "0".repeat(64), canonicalPath: "/budgets/2024/departments/224/v1", downloads: null });
    expect(page).toContain("<title>中共馆陶县委网络安全和信息化委员会办公室2024年部门预算 · 预算公开平台</title>");
    expect(page).toContain('<li aria-current="page">中共馆陶县委网络安全和信息化委员会办公室（部门预算）</li>');
  });
});
