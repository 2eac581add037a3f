import { parseAmount } from "@/lib/disclosure/money";
import type { Budget, ClassificationCode, CodeBook, ExpenditureLine, Fen, PerformanceIndicator, Project } from "@/lib/disclosure/types";
import { guantao2024Budget, indicatorValue } from "./guantao-2024";

/**
 * The other demo units of 馆陶县 (seed-deadline-demo.ts) with budgets of their own: an education
 * bureau with education codes (205), a health bureau with health codes (210), an agriculture
 * bureau with agriculture codes (213), each with its own duties and projects, so the queue, the
 * deadline dashboard and the public pages show a believable county, not copies of 224001.
 *
 * Their basic expenditure follows the reference unit's structure (personnel and public funds by
 * economic classification, the pension, medical insurance and housing fund lines that match
 * them), multiplied for a larger bureau, so every figure is consistent (the checker finds what it
 * finds in 224001 and nothing more); their own work is in their projects.
 */

function wan(text: string): Fen {
  const parsed = parseAmount(text, "WAN_YUAN");
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.fen;
}

type IndicatorRow = [level1: string, level2: string, name: string, description: string, value: string, basis: string];

interface ProjectSpec {
  code: string;
  name: string;
  functionalCode: string;
  amount: string;
  /** null: new this year */
  prior: string | null;
  purpose: string;
  indicators: IndicatorRow[];
}

export interface CountyUnitProfile {
  duties: string[];
  /** the 项 of the bureau's own administration (行政运行) */
  operatingCode: string;
  /** the reference unit's basic expenditure times this (a whole number keeps every sum exact) */
  basicScale: number;
  projects: ProjectSpec[];
  basicChangeReason: string;
  operatingFundsUse: string;
}

const codeRows = (rows: [string, string][]): ClassificationCode[] =>
  rows.map(([code, name]) => {
    const level = code.length === 3 ? 1 : code.length === 5 ? 2 : 3;
    return { scheme: "FUNCTIONAL", code, name, level, parentCode: level === 1 ? null : code.slice(0, level === 2 ? 3 : 5) };
  });

/**
 * The 2024 functional codes these units use beyond the reference's (the 类 are in the 2024 book
 * already): 款 and 项 of the 2024 government revenue and expenditure classification (政府收支分类科目).
 */
export const COUNTY_UNIT_CODES: CodeBook = {
  year: 2024,
  functional: codeRows([
    ["205", "教育支出"],
    ["20501", "教育管理事务"],
    ["2050101", "行政运行"],
    ["20502", "普通教育"],
    ["2050201", "学前教育"],
    ["2050202", "小学教育"],
    ["2050203", "初中教育"],
    ["20599", "其他教育支出"],
    ["2059999", "其他教育支出"],
    ["210", "卫生健康支出"],
    ["21001", "卫生健康管理事务"],
    ["2100101", "行政运行"],
    ["21004", "公共卫生"],
    ["2100408", "基本公共卫生服务"],
    ["2100409", "重大公共卫生服务"],
    ["21007", "计划生育事务"],
    ["2100717", "计划生育服务"],
    ["213", "农林水支出"],
    ["21301", "农业农村"],
    ["2130101", "行政运行"],
    ["2130106", "科技转化与推广服务"],
    ["2130108", "病虫害控制"],
    ["2130109", "农产品质量安全"],
  ]),
  economic: [],
};

const quarterly = { march: 25, june: 50, october: 75, december: 100 };

function indicators(rows: IndicatorRow[]): PerformanceIndicator[] {
  return rows.map(([level1, level2, name, description, value, basis]) => ({ level1, level2, name, description, ...indicatorValue(value), basis }));
}

function project(spec: ProjectSpec): Project {
  const amount = wan(spec.amount);
  return {
    code: spec.code,
    name: spec.name,
    functionalCode: spec.functionalCode,
    fiscalAmount: amount,
    otherAmount: 0,
    amount,
    purpose: spec.purpose,
    spendingPlan: quarterly,
    performanceGoal: `1.${spec.purpose}`,
    indicators: indicators(spec.indicators),
    priorYearAmount: spec.prior === null ? null : wan(spec.prior),
    changeReason: "",
  };
}

/** The unit's 2024 budget (identity from the reference; seed-deadline-demo.ts sets unit, department and region). */
export function countyUnitBudget(profile: CountyUnitProfile): Budget {
  const base = structuredClone(guantao2024Budget);
  const k = profile.basicScale;
  if (base.priorYear === null) throw new Error("the reference budget has its prior year");
  const priorYear = base.priorYear;
  const projects = profile.projects.map(project);
  const basic: ExpenditureLine[] = base.expenditure
    .filter((line) => line.kind === "BASIC")
    .map((line) => ({ ...line, functionalCode: line.functionalCode === "2013701" ? profile.operatingCode : line.functionalCode, amount: line.amount * k }));
  const projectLines = new Map<string, Fen>();
  for (const p of projects) projectLines.set(p.functionalCode, (projectLines.get(p.functionalCode) ?? 0) + p.amount);
  const expenditure: ExpenditureLine[] = [
    ...basic,
    ...[...projectLines].map(([functionalCode, amount]) => ({ functionalCode, kind: "PROJECT" as const, source: "GENERAL_BUDGET" as const, amount })),
  ].sort((a, b) => a.functionalCode.localeCompare(b.functionalCode) || a.kind.localeCompare(b.kind));
  const total = expenditure.reduce((sum, line) => sum + line.amount, 0);
  const priorBasic = priorYear.basic * k;
  const priorProject = projects.reduce((sum, p) => sum + (p.priorYearAmount ?? 0), 0);
  return {
    ...base,
    unit: { ...base.unit, duties: profile.duties, organisation: "" },
    income: [{ source: "GENERAL_BUDGET", amount: total }],
    expenditure,
    basicEconomic: base.basicEconomic.map((line) => ({ ...line, amount: line.amount * k })),
    projects,
    assets: { ...base.assets, holdings: base.assets.holdings.map((h) => ({ ...h, quantity: h.quantity * k, value: h.value * k })) },
    priorYear: { year: priorYear.year, total: priorBasic + priorProject, basic: priorBasic, project: priorProject, threePublic: 0 },
    narrative: {
      ...base.narrative,
      basicChangeReason: profile.basicChangeReason,
      projectChangeReason: "",
      totalChangeReason: "",
      operatingFundsUse: profile.operatingFundsUse,
    },
  };
}

const SATISFACTION = (who: string): IndicatorRow => ["满意度指标", "服务对象满意度指标", `${who}满意度`, `${who}对项目实施的满意度`, "≥95%", "调查问卷"];

export const EDUCATION_BUREAU: CountyUnitProfile = {
  duties: [
    "（一）贯彻执行国家和省、市教育工作方针、政策和法律法规，拟订全县教育改革与发展规划并组织实施。",
    "（二）统筹管理全县学前教育、义务教育、普通高中教育和职业教育，推进义务教育均衡发展和城乡一体化。",
    "（三）负责全县教育经费的统筹管理，参与拟订教育经费筹措、教育拨款、教育基建投资的政策，监督学校经费使用。",
    "（四）负责全县中小学教师队伍建设和教师培训工作，指导学校德育、体育、卫生与艺术教育和国防教育工作。",
    "（五）负责全县学校安全工作，指导和监督学校校舍、食品和交通安全管理。",
  ],
  operatingCode: "2050101",
  basicScale: 3,
  projects: [
    {
      code: "130433301P00000110001A",
      name: "学前教育保教费补助",
      functionalCode: "2050201",
      amount: "36.00",
      prior: "32.00",
      purpose: "落实学前教育资助政策，补助普惠性幼儿园保教费，减轻幼儿家庭负担",
      indicators: [
        ["产出指标", "数量指标", "受资助幼儿人数", "享受保教费补助的在园幼儿人数", "≥600人", "馆教字【2023】15号"],
        ["效益指标", "社会效益指标", "普惠性幼儿园覆盖率", "普惠性幼儿园在园幼儿占比", "≥85%", "工作计划"],
        SATISFACTION("幼儿家长"),
      ],
    },
    {
      code: "130433301P00000210002C",
      name: "义务教育学校公用经费",
      functionalCode: "2050202",
      amount: "58.50",
      prior: "55.20",
      purpose: "按生均标准保障农村义务教育学校正常运转，改善办学条件",
      indicators: [
        ["产出指标", "数量指标", "保障学校数量", "享受公用经费的义务教育学校数", "≥42所", "冀财教【2023】8号"],
        ["产出指标", "成本指标", "生均公用经费标准", "小学生均公用经费标准", "≤720元", "冀财教【2023】8号"],
        ["效益指标", "社会效益指标", "学校正常运转率", "义务教育学校正常运转比例", "100%", "工作计划"],
        SATISFACTION("学生家长"),
      ],
    },
    {
      code: "130433301P00000310003F",
      name: "中小学教师培训经费",
      functionalCode: "2059999",
      amount: "12.60",
      prior: null,
      purpose: "开展全县中小学教师全员培训和骨干教师专项培训，提高教师业务能力",
      indicators: [
        ["产出指标", "数量指标", "培训教师人次", "参加培训的中小学教师人次", "≥900人次", "工作计划"],
        ["产出指标", "质量指标", "培训合格率", "参训教师考核合格比例", "≥95%", "工作计划"],
        SATISFACTION("参训教师"),
      ],
    },
  ],
  basicChangeReason: "在职人员减少，人员经费相应减少",
  operatingFundsUse: "主要用于局机关办公、水电、取暖、物业管理等日常运行支出。",
};

export const HEALTH_BUREAU: CountyUnitProfile = {
  duties: [
    "（一）贯彻执行国家卫生健康工作方针政策和法律法规，拟订全县卫生健康事业发展规划并组织实施。",
    "（二）负责全县疾病预防控制工作，组织实施免疫规划和重大疾病防治，负责卫生应急工作。",
    "（三）组织实施国家基本公共卫生服务项目，指导乡镇卫生院和村卫生室建设。",
    "（四）负责全县医疗机构和医疗服务行业管理，制定医疗质量和医疗安全管理措施并监督实施。",
    "（五）负责计划生育管理和服务工作，完善生育政策，开展人口监测。",
  ],
  operatingCode: "2100101",
  basicScale: 2,
  projects: [
    {
      code: "130433302P00000110001B",
      name: "基本公共卫生服务项目",
      functionalCode: "2100408",
      amount: "48.00",
      prior: "45.60",
      purpose: "为城乡居民免费提供建立健康档案、健康教育、慢性病患者健康管理等基本公共卫生服务",
      indicators: [
        ["产出指标", "数量指标", "居民电子健康档案建档率", "常住人口电子健康档案建档比例", "≥90%", "国卫基层发【2023】2号"],
        ["产出指标", "质量指标", "高血压患者规范管理率", "高血压患者规范健康管理比例", "≥65%", "国卫基层发【2023】2号"],
        ["效益指标", "社会效益指标", "居民健康素养水平", "居民具备基本健康素养的比例", "≥30%", "工作计划"],
        SATISFACTION("城乡居民"),
      ],
    },
    {
      code: "130433302P00000210002D",
      name: "重大传染病防控经费",
      functionalCode: "2100409",
      amount: "15.40",
      prior: "18.00",
      purpose: "开展结核病、艾滋病等重大传染病监测、筛查和防治，做好卫生应急物资储备",
      indicators: [
        ["产出指标", "数量指标", "重点人群筛查人数", "结核病等重点人群筛查人数", "≥3000人", "工作计划"],
        ["效益指标", "社会效益指标", "传染病报告及时率", "法定传染病网络直报及时比例", "≥99%", "工作计划"],
        SATISFACTION("服务对象"),
      ],
    },
    {
      code: "130433302P00000310003K",
      name: "计划生育家庭奖励扶助",
      functionalCode: "2100717",
      amount: "9.80",
      prior: "9.80",
      purpose: "落实计划生育家庭奖励扶助和特别扶助政策，按时足额发放扶助金",
      indicators: [
        ["产出指标", "数量指标", "扶助对象人数", "享受奖励扶助的人数", "≥160人", "冀卫发【2022】11号"],
        ["产出指标", "时效指标", "扶助金发放及时率", "按季度及时发放比例", "100%", "工作计划"],
        SATISFACTION("扶助对象"),
      ],
    },
  ],
  basicChangeReason: "在职人员减少，人员经费相应减少",
  operatingFundsUse: "主要用于局机关办公、水电、取暖、公务用车以外的日常运行支出。",
};

export const AGRICULTURE_BUREAU: CountyUnitProfile = {
  duties: [
    "（一）贯彻落实党中央关于“三农”工作的方针政策，统筹研究和组织实施全县乡村振兴战略。",
    "（二）负责全县种植业、畜牧业、渔业等农业各产业的监督管理，组织实施农业产业化发展。",
    "（三）负责全县农产品质量安全监督管理，组织开展农产品质量安全监测、追溯和风险评估。",
    "（四）负责全县农作物重大病虫害防治和动植物疫病防控工作。",
    "（五）负责农业技术推广体系建设，组织农业科技成果转化和农民培训。",
  ],
  operatingCode: "2130101",
  basicScale: 2,
  projects: [
    {
      code: "130433303P00000110001E",
      name: "农作物重大病虫害统防统治",
      functionalCode: "2130108",
      amount: "22.00",
      prior: "20.00",
      purpose: "组织小麦、玉米等主要农作物重大病虫害统防统治，减少粮食损失",
      indicators: [
        ["产出指标", "数量指标", "统防统治面积", "主要农作物病虫害统防统治面积", "≥15万亩", "工作计划"],
        ["效益指标", "经济效益指标", "病虫害损失率", "主要农作物病虫害损失率", "≤5%", "工作计划"],
        SATISFACTION("种植户"),
      ],
    },
    {
      code: "130433303P00000210002G",
      name: "农产品质量安全监测",
      functionalCode: "2130109",
      amount: "8.50",
      prior: "8.50",
      purpose: "开展蔬菜、禽蛋等农产品质量安全定量检测和快速检测，保障群众“舌尖上的安全”",
      indicators: [
        ["产出指标", "数量指标", "定量检测样品数", "全年农产品定量检测样品数", "≥400批次", "冀农发【2023】6号"],
        ["产出指标", "质量指标", "监测合格率", "农产品质量安全监测合格率", "≥98%", "工作计划"],
        SATISFACTION("消费者"),
      ],
    },
    {
      code: "130433303P00000310003H",
      name: "基层农技推广体系建设",
      functionalCode: "2130106",
      amount: "11.20",
      prior: null,
      purpose: "支持乡镇农技推广机构开展新品种、新技术示范推广和农民技术培训",
      indicators: [
        ["产出指标", "数量指标", "示范主体数量", "培育农业科技示范主体数", "≥120个", "工作计划"],
        ["产出指标", "数量指标", "农民培训人次", "开展农业技术培训人次", "≥2000人次", "工作计划"],
        SATISFACTION("受训农民"),
      ],
    },
  ],
  basicChangeReason: "在职人员减少，人员经费相应减少",
  operatingFundsUse: "主要用于局机关办公、水电、取暖、物业管理等日常运行支出。",
};
