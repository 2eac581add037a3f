import { describe, expect, it } from "vitest";
import type { Finding, Severity } from "../findings";
import type { Budget } from "../types";
import type { CheckInput } from "./index";
import { check, demoBudget, getCell, narrativeOf, PRINTED_WAN, setCell, tablesOf, wan } from "./test-helpers";

/**
 * The injected-defects harness: each kind of defect that slipped through the independent
 * measurement of issue 10 (and a few classic ones), injected into a copy of the demo budget (the
 * reference document as data), must be caught by the named rule with the named severity.
 */

type Injected = Omit<CheckInput, "codeBook">;

interface Defect {
  kind: string;
  inject: () => Injected;
  rule: string;
  severity: Severity;
}

function demo(change: (b: Budget) => void = () => {}): Budget {
  const budget = demoBudget();
  change(budget);
  return budget;
}

/** The demo's tables with one cell of table 6 off by 0.01 万元 (total and 公用经费 of 30201). */
function t6OffByOneDigit(budget: Budget) {
  const tables = tablesOf(budget);
  for (const column of ["total", "public"]) setCell(tables.T6, "30201", column, getCell(tables.T6, "30201", column) + wan("0.01"));
  return tables;
}

function withNarrative(budget: Budget, change: (n: ReturnType<typeof narrativeOf>) => void): Injected {
  const narrative = narrativeOf(budget);
  change(narrative);
  return { budget, narrative };
}

const DEFECTS: Defect[] = [
  {
    kind: "rounding-sized difference on exact (entered) data",
    inject: () => {
      const budget = demo();
      return { budget, tables: t6OffByOneDigit(budget) };
    },
    rule: "C2",
    severity: "error",
  },
  {
    kind: "entered income one 分 short",
    inject: () => ({ budget: demo((b) => (b.income[0]!.amount -= 1)) }),
    rule: "C1",
    severity: "error",
  },
  {
    kind: "the same difference on printed (imported) figures is 尾差",
    inject: () => {
      const budget = demo();
      return { budget, tables: t6OffByOneDigit(budget), precision: PRINTED_WAN };
    },
    rule: "R1",
    severity: "warning",
  },
  ...["主要原因是。", "无", "原因：", "比上年减少240.33万元"].map(
    (reason): Defect => ({
      kind: `a reason that says nothing: “${reason}”`,
      inject: () => ({ budget: demo((b) => (b.narrative.basicChangeReason = reason)) }),
      rule: "C14",
      severity: "error",
    }),
  ),
  {
    kind: "an empty reason in an imported narrative",
    inject: () => ({ budget: demo(), narrativeText: [{ text: "公务用车运行费6.40万元，与2023年预算持平，主要原因是。" }] }),
    rule: "N1",
    severity: "error",
  },
  {
    kind: "a narrative that lists a project twice",
    inject: () => withNarrative(demo(), (n) => n.projects.push({ ...n.projects[0]! })),
    rule: "N2",
    severity: "error",
  },
  {
    kind: "a narrative list whose items do not sum to its total",
    inject: () =>
      withNarrative(demo(), (n) => {
        n.lists = [{ section: "expenditure", label: "财政拨款支出", total: wan("116.76"), items: [{ name: "行政运行", amount: wan("101.43") }, { name: "其他", amount: wan("25.33") }] }];
      }),
    rule: "N3",
    severity: "error",
  },
  {
    kind: "a wrong rate of change in the narrative",
    inject: () => ({ budget: demo(), narrativeText: [{ text: "项目支出预算数为4335.3万元。与上年相比减少了1237.7万元，减少13.22%。" }] }),
    rule: "N4",
    severity: "error",
  },
  {
    kind: "an increase larger than the figure it arrived at",
    inject: () => ({ budget: demo(), narrativeText: [{ text: "政府性基金拨款支出预算0万元，比2023年预算增加1421.25万元。" }] }),
    rule: "N4",
    severity: "error",
  },
  {
    kind: "a reason that points the other way",
    inject: () => ({ budget: demo(), narrativeText: [{ text: "2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。主要原因是：宣传经费增加。" }] }),
    rule: "N5",
    severity: "warning",
  },
  {
    kind: "a glossary that speaks of another level's finance",
    inject: () =>
      ({
        budget: demo((b) => {
          b.region = { code: "310107", name: "上海市普陀区" };
          b.glossary = [{ term: "财政拨款收入", definition: "指市级财政当年拨付的资金。" }];
        }),
      }),
    rule: "N6",
    severity: "warning",
  },
  {
    kind: "a narrative block printed twice",
    inject: () => {
      const block = ["基本支出73.32万元，其中人员经费64.37万元，主要用于工资福利。", "日常公用经费8.95万元，主要用于办公费、水电费等日常运行。", "项目支出43.44万元，主要用于互联网企业监管、网络执法和信息化工作。"];
      return { budget: demo(), narrativeText: [...block, ...block].map((text) => ({ text })) };
    },
    rule: "N2",
    severity: "error",
  },
  {
    kind: "itemised prior-year amounts wrong while a general reason is given",
    inject: () =>
      ({
        budget: demo((b) => {
          b.narrative.projectChangeReason = "部分项目完成后不再安排";
          b.projects[1]!.priorYearAmount = wan("35.00");
        }),
      }),
    rule: "C14",
    severity: "error",
  },
  {
    kind: "三公 larger than the whole budget",
    inject: () =>
      ({
        budget: demo((b) => {
          b.threePublic = [{ appropriation: "GENERAL_BUDGET", abroad: 0, vehiclePurchase: 0, vehicleOperation: 0, reception: wan("500.00") }];
          b.narrative.threePublicChangeReason = "接待任务增加";
        }),
      }),
    rule: "P1",
    severity: "error",
  },
  {
    kind: "a 元/万元 slip ×10,000 carried through every table",
    inject: () =>
      ({
        budget: demo((b) => {
          for (const line of [...b.income, ...b.expenditure, ...b.basicEconomic]) line.amount *= 10_000;
          for (const p of b.projects) {
            p.amount *= 10_000;
            p.fiscalAmount *= 10_000;
          }
        }),
      }),
    rule: "P2",
    severity: "warning",
  },
  {
    kind: "spending from 政府性基金 with no such income",
    inject: () => ({ budget: demo((b) => (b.expenditure[1] = { ...b.expenditure[1]!, source: "GOVERNMENT_FUND" })) }),
    rule: "P3",
    severity: "error",
  },
  {
    kind: "数量 × 单价 ≠ 金额 in procurement",
    inject: () =>
      ({
        budget: demo((b) => {
          b.procurement = [
            {
              projectName: "网络安全保障经费",
              itemName: "打印机",
              catalogueCode: "A02021003",
              unitOfMeasure: "台",
              quantity: 3,
              unitPrice: wan("0.50"),
              generalBudget: wan("1.05"),
              governmentFund: 0,
              stateCapital: 0,
              specialAccount: 0,
              unitFunds: 0,
              carryover: 0,
              total: wan("1.05"),
              smeReserved: 0,
            },
          ];
        }),
      }),
    rule: "P4",
    severity: "error",
  },
  {
    kind: "vehicle running costs with no vehicle in the asset table",
    inject: () =>
      ({
        budget: demo((b) => {
          b.threePublic = [{ appropriation: "GENERAL_BUDGET", abroad: 0, vehiclePurchase: 0, vehicleOperation: wan("2.00"), reception: 0 }];
          b.narrative.threePublicChangeReason = "恢复公务用车运行维护";
        }),
      }),
    rule: "P5",
    severity: "warning",
  },
  {
    kind: "机关运行经费 larger than 公用经费",
    inject: () => withNarrative(demo(), (n) => (n.operatingFunds = wan("10101.76"))),
    rule: "P6",
    severity: "error",
  },
  {
    kind: "机关运行经费 less than 公用经费",
    inject: () => withNarrative(demo(), (n) => (n.operatingFunds = wan("5.00"))),
    rule: "P6",
    severity: "warning",
  },
  {
    kind: "an empty-table note that names another table",
    inject: () => {
      const budget = demo();
      const tables = tablesOf(budget);
      tables.T8.emptyNote = "注：本单位无政府性基金预算财政拨款安排的预算，故本表为空表。";
      return { budget, tables };
    },
    rule: "D9",
    severity: "error",
  },
  {
    kind: "a class named differently in two tables",
    inject: () => {
      const budget = demo();
      const tables = tablesOf(budget);
      setCell(tables.T1, "row10", "expenditureItem", "十、医疗卫生与计划生育支出");
      return { budget, tables };
    },
    rule: "D10",
    severity: "warning",
  },
  {
    kind: "a narrative figure that differs from its table",
    inject: () => withNarrative(demo(), (n) => (n.basic = wan("73.42"))),
    rule: "C13",
    severity: "error",
  },
  {
    kind: "a 三公 narrative figure that differs from table 9",
    inject: () => withNarrative(demo(), (n) => (n.threePublic.total = wan("1.00"))),
    rule: "C12",
    severity: "error",
  },
];

function run(injected: Injected): Finding[] {
  const { budget, ...extra } = injected;
  return check(budget, extra);
}

describe("injected defects: each kind is caught by its rule with its severity", () => {
  it("the clean demo has no finding at all, exact or printed", () => {
    expect(check(demoBudget())).toEqual([]);
    expect(check(demoBudget(), { tables: tablesOf(demoBudget()), precision: PRINTED_WAN })).toEqual([]);
  });

  it.each(DEFECTS.map((d) => [d.kind, d] as const))("%s", (_kind, defect) => {
    const findings = run(defect.inject());
    const caught = findings.filter((f) => f.rule === defect.rule);
    expect(caught.length, findings.map((f) => `${f.rule} ${f.message}`).join("\n")).toBeGreaterThan(0);
    expect(caught.every((f) => f.severity === defect.severity)).toBe(true);
  });

  it("the 尾差 case raises no error, and the exact case no 尾差", () => {
    const printed = run(DEFECTS[2]!.inject());
    expect(printed.filter((f) => f.severity === "error")).toEqual([]);
    const exact = run(DEFECTS[0]!.inject());
    expect(exact.filter((f) => f.rule === "R1")).toEqual([]);
  });

  it("reports an imbalance once, and a legitimate fiscal carry-over not at all", () => {
    const imbalance = check(demo((b) => (b.income[0]!.amount += wan("0.10"))));
    expect(imbalance.map((f) => f.rule)).toEqual(["C1"]);
    const carryover = check(
      demo((b) => {
        b.income.push({ source: "CARRYOVER_GENERAL_BUDGET", amount: wan("5.00") });
        b.yearEndCarryover = wan("5.00");
      }),
    );
    expect(carryover).toEqual([]);
  });
});
