import { createHash } from "node:crypto";
import { BASIC_CATEGORY_LABELS, EXPENDITURE_KIND_LABELS, FUND_SOURCE_LABELS } from "@/lib/disclosure/labels";
import { formatAmount } from "@/lib/disclosure/money";
import type { AmountUnit, ClassificationCode, Fen } from "@/lib/disclosure/types";
import { encodeCsv, type CsvCell } from "@/lib/export/csv";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";

/**
 * Fiscal Data Package (https://specs.frictionlessdata.io/fiscal-data-package/, the v0.3 descriptor
 * schema copied in tests/fixtures/fdp/): the budget as three CSV resources — expenditure by
 * functional classification (项 × 支出类型 × 资金来源), basic expenditure by economic
 * classification, and revenue by source — and a `datapackage.json` mapping them to measures
 * (`phase: proposed`, CNY, `factor` 10000 for amounts in 万元, 1 for 元) and dimensions
 * (functional and economic classifications, administrative unit, region, year). Pure: the same
 * snapshots give the same bytes.
 */

export interface PackagedDocument {
  content: SnapshotContent;
  version: number;
  contentHash: string;
}

export interface FiscalDataPackage {
  descriptor: Record<string, unknown>;
  /** file name → bytes (UTF-8 CSV with BOM) */
  files: Map<string, Buffer>;
}

const FACTOR: Record<AmountUnit, number> = { WAN_YUAN: 10_000, YUAN: 1 };
/** every digit of 分: a 万元 amount needs six decimals to be exact */
const EXACT_DECIMALS: Record<AmountUnit, number> = { WAN_YUAN: 6, YUAN: 2 };

const exact = (fen: Fen, unit: AmountUnit): CsvCell => Number(formatAmount(fen, unit, { decimals: EXACT_DECIMALS[unit] }));

function namer(codes: readonly ClassificationCode[]) {
  const names = new Map(codes.map((c) => [c.code, c.name]));
  return (code: string) => names.get(code) ?? "";
}

const ADMIN_FIELDS = ["year", "region_code", "region_name", "department_code", "department_name", "unit_code", "unit_name"];

function adminCells(content: SnapshotContent): CsvCell[] {
  const { budget } = content;
  return [budget.year, budget.region.code, budget.region.name, budget.department.code, budget.department.name, budget.unit.code, budget.unit.name];
}

const field = (name: string, type: "string" | "number" | "integer", title: string) => ({ name, type, title });

const ADMIN_SCHEMA = [
  field("year", "integer", "预算年度"),
  field("region_code", "string", "行政区划代码"),
  field("region_name", "string", "行政区划"),
  field("department_code", "string", "主管部门编码"),
  field("department_name", "string", "主管部门"),
  field("unit_code", "string", "单位编码"),
  field("unit_name", "string", "单位名称"),
];

/** The amount unit of the package: the documents' own when they agree, else 元. */
function packageUnit(documents: readonly PackagedDocument[]): AmountUnit {
  const units = new Set(documents.map((d) => d.content.budget.amountUnit));
  const [only] = units;
  return units.size === 1 && only !== undefined ? only : "YUAN";
}

export function buildFiscalDataPackage(
  documents: readonly PackagedDocument[],
  meta: { name: string; title: string; year: number; homepage?: string },
): FiscalDataPackage {
  const unit = packageUnit(documents);
  const expenditure: CsvCell[][] = [[
    ...ADMIN_FIELDS,
    "functional_class_code", "functional_class_name", "functional_section_code", "functional_section_name", "functional_code", "functional_name",
    "expenditure_kind", "fund_source", "amount",
  ]];
  const economic: CsvCell[][] = [[...ADMIN_FIELDS, "economic_class_code", "economic_class_name", "economic_code", "economic_name", "basic_category", "fund_source", "amount"]];
  const revenue: CsvCell[][] = [[...ADMIN_FIELDS, "fund_source", "amount"]];
  for (const document of documents) {
    const { budget, codeBook } = document.content;
    const functionalName = namer(codeBook.functional);
    const economicName = namer(codeBook.economic);
    const admin = adminCells(document.content);
    for (const line of budget.expenditure) {
      if (line.amount === 0) continue;
      const c = line.functionalCode;
      expenditure.push([
        ...admin,
        c.slice(0, 3), functionalName(c.slice(0, 3)), c.slice(0, 5), functionalName(c.slice(0, 5)), c, functionalName(c),
        EXPENDITURE_KIND_LABELS[line.kind], FUND_SOURCE_LABELS[line.source], exact(line.amount, unit),
      ]);
    }
    for (const line of budget.basicEconomic) {
      if (line.amount === 0) continue;
      const c = line.economicCode;
      economic.push([...admin, c.slice(0, 3), economicName(c.slice(0, 3)), c, economicName(c), BASIC_CATEGORY_LABELS[line.category], FUND_SOURCE_LABELS[line.source], exact(line.amount, unit)]);
    }
    for (const line of budget.income) {
      if (line.amount === 0) continue;
      revenue.push([...admin, FUND_SOURCE_LABELS[line.source], exact(line.amount, unit)]);
    }
  }
  const files = new Map<string, Buffer>([
    ["expenditure.csv", encodeCsv(expenditure)],
    ["basic-expenditure-economic.csv", encodeCsv(economic)],
    ["revenue.csv", encodeCsv(revenue)],
  ]);
  const resource = (name: string, path: string, title: string, fields: ReturnType<typeof field>[]) => {
    const bytes = files.get(path) as Buffer;
    return {
      name,
      path,
      title,
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8-sig",
      bytes: bytes.length,
      hash: `sha256:${createHash("sha256").update(bytes).digest("hex")}`,
      schema: { fields },
    };
  };
  const measure = (resourceName: string, direction: "expenditure" | "revenue") => ({
    source: "amount",
    resource: resourceName,
    currency: "CNY",
    factor: FACTOR[unit],
    direction,
    phase: "proposed",
  });
  const attr = (source: string, resourceName: string, extra: Record<string, string> = {}) => ({ source, resource: resourceName, ...extra });
  const adminDimension = (resourceName: string) => ({
    attributes: {
      department_code: attr("department_code", resourceName),
      department_name: attr("department_name", resourceName, { labelfor: "department_code" }),
      unit_code: attr("unit_code", resourceName, { parent: "department_code" }),
      unit_name: attr("unit_name", resourceName, { labelfor: "unit_code" }),
    },
    primaryKey: ["unit_code"],
    dimensionType: "classification",
    classificationType: "administrative",
  });
  const descriptor = {
    name: meta.name,
    title: meta.title,
    ...(meta.homepage ? { homepage: meta.homepage } : {}),
    description: `${meta.title}。金额为预算数（phase: proposed），单位${unit === "WAN_YUAN" ? "万元（factor 10000 换算为元）" : "元"}。数据来自已公开的预算文件：${documents
      .map((d) => `${d.content.budget.unit.code}（第${d.version}版，内容校验码 ${d.contentHash}）`)
      .join("、")}。`,
    license: { type: "CC-BY-4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
    countryCode: "CN",
    granularity: "aggregated",
    fiscalPeriod: { start: `${meta.year}-01-01`, end: `${meta.year}-12-31` },
    resources: [
      resource("expenditure", "expenditure.csv", "支出预算（按支出功能分类、支出类型和资金来源）", [
        ...ADMIN_SCHEMA,
        field("functional_class_code", "string", "功能分类类级编码"),
        field("functional_class_name", "string", "功能分类类级名称"),
        field("functional_section_code", "string", "功能分类款级编码"),
        field("functional_section_name", "string", "功能分类款级名称"),
        field("functional_code", "string", "功能分类项级编码"),
        field("functional_name", "string", "功能分类项级名称"),
        field("expenditure_kind", "string", "支出类型"),
        field("fund_source", "string", "资金来源"),
        field("amount", "number", `金额（${unit === "WAN_YUAN" ? "万元" : "元"}）`),
      ]),
      resource("basic-expenditure-economic", "basic-expenditure-economic.csv", "基本支出预算（按部门预算支出经济分类）", [
        ...ADMIN_SCHEMA,
        field("economic_class_code", "string", "经济分类类级编码"),
        field("economic_class_name", "string", "经济分类类级名称"),
        field("economic_code", "string", "经济分类款级编码"),
        field("economic_name", "string", "经济分类款级名称"),
        field("basic_category", "string", "人员经费或公用经费"),
        field("fund_source", "string", "资金来源"),
        field("amount", "number", `金额（${unit === "WAN_YUAN" ? "万元" : "元"}）`),
      ]),
      resource("revenue", "revenue.csv", "收入预算（按资金来源）", [
        ...ADMIN_SCHEMA,
        field("fund_source", "string", "资金来源"),
        field("amount", "number", `金额（${unit === "WAN_YUAN" ? "万元" : "元"}）`),
      ]),
    ],
    mapping: {
      measures: {
        expenditure: measure("expenditure", "expenditure"),
        basic_expenditure: measure("basic-expenditure-economic", "expenditure"),
        revenue: measure("revenue", "revenue"),
      },
      dimensions: {
        functional_classification: {
          attributes: {
            class_code: attr("functional_class_code", "expenditure"),
            class_name: attr("functional_class_name", "expenditure", { labelfor: "class_code" }),
            section_code: attr("functional_section_code", "expenditure", { parent: "class_code" }),
            section_name: attr("functional_section_name", "expenditure", { labelfor: "section_code" }),
            item_code: attr("functional_code", "expenditure", { parent: "section_code" }),
            item_name: attr("functional_name", "expenditure", { labelfor: "item_code" }),
          },
          primaryKey: ["item_code"],
          dimensionType: "classification",
          classificationType: "functional",
        },
        economic_classification: {
          attributes: {
            class_code: attr("economic_class_code", "basic-expenditure-economic"),
            class_name: attr("economic_class_name", "basic-expenditure-economic", { labelfor: "class_code" }),
            item_code: attr("economic_code", "basic-expenditure-economic", { parent: "class_code" }),
            item_name: attr("economic_name", "basic-expenditure-economic", { labelfor: "item_code" }),
          },
          primaryKey: ["item_code"],
          dimensionType: "classification",
          classificationType: "economic",
        },
        administrative_classification: adminDimension("expenditure"),
        location: {
          attributes: { region_code: attr("region_code", "expenditure"), region_name: attr("region_name", "expenditure", { labelfor: "region_code" }) },
          primaryKey: ["region_code"],
          dimensionType: "location",
        },
        date: { attributes: { year: attr("year", "expenditure") }, primaryKey: ["year"], dimensionType: "datetime" },
        expenditure_kind: { attributes: { kind: attr("expenditure_kind", "expenditure") }, primaryKey: ["kind"], dimensionType: "other" },
        fund_source: { attributes: { source: attr("fund_source", "expenditure") }, primaryKey: ["source"], dimensionType: "other" },
      },
    },
  };
  return { descriptor, files };
}
