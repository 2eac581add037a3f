import { parseAmount } from "@/lib/disclosure/money";
import { FUNCTIONAL_CLASSES } from "@/lib/disclosure/functional-classes";
import type {
  Budget,
  ClassificationCode,
  CodeBook,
  Comparator,
  Fen,
  PerformanceIndicator,
  Project,
} from "@/lib/disclosure/types";

/**
 * The reference document (shared/reference/guantao-cac-2024-unit-budget.txt) as normalised
 * data: the 2024 unit budget of 中共馆陶县委网络安全和信息化委员会办公室本级 (224001).
 * Everything printed in the document's tables and figures is derived from this.
 */

function wan(text: string): Fen {
  const parsed = parseAmount(text, "WAN_YUAN");
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.fen;
}

/** Splits a published indicator value such as "≤5件", "365天" or "≥95%". */
export function indicatorValue(text: string): Pick<PerformanceIndicator, "comparator" | "value" | "valueUnit"> {
  const match = /^([≥≤=><]?)(\d+(?:\.\d+)?)(.*)$/.exec(text);
  if (!match) throw new Error(`unparseable indicator value ${text}`);
  return { comparator: match[1] as Comparator, value: match[2] ?? "", valueUnit: match[3] ?? "" };
}

type IndicatorRow = [level1: string, level2: string, name: string, description: string, value: string, basis: string];

function indicators(rows: IndicatorRow[]): PerformanceIndicator[] {
  return rows.map(([level1, level2, name, description, value, basis]) => ({
    level1,
    level2,
    name,
    description,
    ...indicatorValue(value),
    basis,
  }));
}

const quarterly = { march: 25, june: 50, october: 75, december: 100 };

function project(p: {
  code: string;
  name: string;
  amount: string;
  prior: string;
  purpose: string;
  indicators: IndicatorRow[];
}): Project {
  const amount = wan(p.amount);
  return {
    code: p.code,
    name: p.name,
    functionalCode: "2013701",
    fiscalAmount: amount,
    otherAmount: 0,
    amount,
    purpose: p.purpose,
    spendingPlan: quarterly,
    performanceGoal: `1.${p.purpose}`,
    indicators: indicators(p.indicators),
    priorYearAmount: wan(p.prior),
    changeReason: "",
  };
}

const projects: Project[] = [
  project({
    code: "13043324P00000910004A",
    name: "互联网企业监管和网络执法经费",
    amount: "8.00",
    prior: "10.00",
    purpose: "用于互联网企业监管和网络执法，营造良好网络舆论氛围",
    indicators: [
      ["产出指标", "数量指标", "处置突发事件数量", "每天应急处置互联网突发事件数量", "≤5件", "馆办字【2019】12号"],
      ["产出指标", "质量指标", "突发事件处置率", "处理突发事件占舆情工作目标比例", "≤95%", "工作计划"],
      ["产出指标", "时效指标", "信息系统及网络安全隐患排查完成", "信息系统及网络安全隐患排查完成时间", "1年", "馆办字【2019】12号"],
      ["产出指标", "成本指标", "监管企业成本", "企业监管和网络执法资金", "≤8万元", "馆办字【2019】12号"],
      ["效益指标", "社会效益指标", "促进县域网络空间持续向好", "加强对县域内互联网企业监管，促进县域网络空间持续向好", "≥99%", "工作计划"],
      ["效益指标", "可持续影响指标", "保障行业网络安全", "保障互联网企业网络安全和清朗空间", "≥99%", "馆办字【2019】12号"],
      ["满意度指标", "服务对象满意度指标", "网民满意度", "网络使用人员满意度", "≥95%", "调查问卷"],
    ],
  }),
  project({
    code: "13043324P00001010004E",
    name: "互联网信息管理经费",
    amount: "20.00",
    prior: "25.00",
    purpose: "用于互联网信息管理，加强网上舆论引导，营造良好网络舆论氛围",
    indicators: [
      ["产出指标", "数量指标", "网络舆情监测天数", "网络舆情实时监测天数", "365天", "工作计划"],
      ["产出指标", "质量指标", "涉稳舆情处置率", "处置涉稳舆情占工作计划完成目标比例", "≥99%", "邯办字【2014】28号"],
      ["产出指标", "时效指标", "及时报送", "在规定时间内及时报送", "≤1小时", "工作计划"],
      ["产出指标", "成本指标", "系统运维成本", "互联网信息管理资金", "≤20万元", "邯办字【2014】28号"],
      ["效益指标", "社会效益指标", "保障社会网络安全", "保障县域内网络安全持续向好", "≥98%", "工作计划"],
      ["效益指标", "可持续影响指标", "促进县域网络空间持续向好发展", "监测产品对舆论导向的引导力", "≥98%", "邯办字【2014】28号"],
      ["满意度指标", "服务对象满意度指标", "网民满意度", "网民对县域网络环境的满意度", "≥95%", "通过调查问卷"],
    ],
  }),
  project({
    code: "13043324P00001110003G",
    name: "网络安全保障经费",
    amount: "4.80",
    prior: "6.00",
    purpose: "用于建立网络安全保障体系，增强关键信息基础设施安全保障等。",
    indicators: [
      ["产出指标", "数量指标", "网络安全检查次数", "每年度对相关单位的网络安全检查次数", "≥2次", "工作计划"],
      ["产出指标", "质量指标", "网络安全检查完成率", "完成网络安全检查工作", "100%", "馆办字 2019 12号文"],
      ["产出指标", "时效指标", "网络安全检查工作按时完成", "信息系统及网络安全隐患排查工作及时完成", "1年", "工作计划"],
      ["产出指标", "成本指标", "网络安全保障经费成本", "委托第三方所需的安全评估成本", "≤4.8万元", "馆办字 2019 12号文"],
      ["效益指标", "社会效益指标", "保障网络安全", "保障网络安全不出事故", "100%", "馆办字 2019 12号文"],
      ["效益指标", "可持续影响指标", "网络安全稳定运行", "保障县域内网络长期安全运行", "≥95%", "工作计划"],
      ["满意度指标", "服务对象满意度指标", "服务对象满意度", "网民满意度", "≥95%", "调查问卷"],
    ],
  }),
  project({
    code: "13043324P00001210005D",
    name: "网络安全主题宣传经费",
    amount: "4.80",
    prior: "6.00",
    purpose: "用于网络安全主题宣传，做好网络安全宣传系列活动，营造良好社会网络环境。",
    indicators: [
      ["产出指标", "数量指标", "组织主题宣传活动场次", "组织网络安全宣传活动次数", "≥10次", "工作计划"],
      ["产出指标", "质量指标", "工作任务达标率", "组织主题宣传工作任务达标率", "≥100%", "馆办字【2019】12号"],
      ["产出指标", "时效指标", "重点宣传时间", "网络安全周和国家安全日的规定开展时间", "≥2次", "工作计划"],
      ["产出指标", "成本指标", "网络安全宣传总成本", "网络安全宣传资金", "≤4.8万元", "馆办字【2019】12号"],
      ["效益指标", "社会效益指标", "宣传活动社会影响力", "网络安全宣传活动对社会的影响力", "≥95%", "工作计划"],
      ["效益指标", "可持续影响指标", "保障行业网络安全", "保障行业网络安全持续向好", "≥95%", "馆办字【2019】12号"],
      ["满意度指标", "服务对象满意度指标", "服务对象满意度", "受益群众满意度", "≥95%", "调查问卷"],
    ],
  }),
  project({
    code: "13043324P00001310006N",
    name: "网信系统视频会议室网络租赁经费",
    amount: "0.84",
    prior: "0.84",
    purpose:
      "建设网信体系视频会议系统是我省网新技术体系的重要环节，是实现技术管网，提高网信系统应急指挥作战能力的重要途径。",
    indicators: [
      ["产出指标", "数量指标", "系统运行次数", "视频会议系统运行次数", "≥5次", "工作计划"],
      ["产出指标", "质量指标", "网络通讯系统可用率", "网络视频会议正常运行占总运行次数比例", "≥99%", "冀网办2019 40号文"],
      ["产出指标", "时效指标", "系统运维及时性", "系统运维的响应时间", "≤1分钟", "冀网办2019 40号文"],
      ["产出指标", "成本指标", "网络专线租用成本控制率", "网络专线租用经费", "≤0.84万元", "冀网办2019 40号文"],
      ["效益指标", "社会效益指标", "保持信息系统良好安全状态，确保", "保持信息系统良好安全状态，确保正常运行", "≥95%", "工作计划"],
      ["效益指标", "可持续影响指标", "可持续性服务", "保障视频会议系统可持续性服务", "≥95%", "工作计划"],
      ["满意度指标", "服务对象满意度指标", "会议满意度", "职工满意度", "≥95%", "调查问卷"],
    ],
  }),
  project({
    code: "13043324P00001410005Q",
    name: "微信矩阵运营及维护经费",
    amount: "5.00",
    prior: "5.00",
    purpose: "进一步拓展完善宣传系统现有微信工作群，保障我县微信矩阵平台建设运营及维护等相关工作。",
    indicators: [
      ["产出指标", "数量指标", "推送信息数量", "全年通过微信矩阵平台推送信息的数量", "≥1000次", "工作计划"],
      ["产出指标", "质量指标", "信息系统安全运行率", "微信矩阵平台安全运行时间占全年时间的比率", "≥98%", "冀网办【2017】5号"],
      ["产出指标", "时效指标", "工作任务完成及时率", "微信矩阵工作任务按时完成", "≥100%", "工作计划"],
      ["产出指标", "成本指标", "系统运维成本", "维护微信矩阵平台运营成本", "5万元", "冀网办【2017】5号"],
      ["效益指标", "社会效益指标", "保障县域内网络环境", "保障微信矩阵平台网络空间环境良好", "≥98%", "工作计划"],
      ["效益指标", "可持续影响指标", "持续营造良好舆论氛围", "持续营造微信矩阵平台的良好舆论氛围", "≥98%", "冀网办【2017】5号"],
      ["满意度指标", "服务对象满意度指标", "服务对象满意度", "网民满意度", "≥95%", "通过问卷调查"],
    ],
  }),
];

export const DEFAULT_GLOSSARY = [
  { term: "财政拨款收入", definition: "指本级财政当年拨付的资金，包括一般公共预算拨款、政府性基金预算拨款、国有资本经营预算拨款。" },
  { term: "财政专户管理资金收入", definition: "缴入财政专户、实行专项管理的教育收费收入。" },
  {
    term: "单位资金收入",
    definition:
      "指除财政拨款收入和财政专户管理资金以外的收入，包括事业收入（不含教育收费）、上级补助收入、附属单位上缴收入、事业单位经营收入及其他收入，其中，其他收入主要包括债务收入、投资收益等。",
  },
  { term: "事业收入", definition: "指事业单位开展专业业务活动及辅助活动所取得的收入。" },
  { term: "事业单位经营收入", definition: "指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。" },
  { term: "上年结转", definition: "指以前年度安排、结转到本年仍按原规定用途继续使用的资金。" },
  {
    term: "部门预算支出",
    definition:
      "包括人员类项目支出、运转类项目支出和特定目标类项目支出。其中：人员类项目支出和运转类项目中的公用经费项目支出对应部门预算中的基本支出；运转类项目中的其他运转类项目支出和特定目标类项目支出对应部门预算中的项目支出，以及经营支出和往来支出。",
  },
  { term: "事业单位经营支出", definition: "指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动发生的支出。" },
  {
    term: "“三公”经费",
    definition:
      "纳入财政预算管理的“三公”经费，是指预算部门（单位）用财政拨款安排的因公出国（境）费、公务用车购置及运维费和公务接待费。其中，因公出国（境）费反映单位公务出国（境）的住宿费、旅费、伙食补助费、杂费、培训费等支出；公务用车购置及运维费反映单位公务用车购置支出（含车辆购置税、牌照费）及按规定保留的公务用车燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。",
  },
  {
    term: "机关运行经费",
    definition:
      "是指各部门（单位）的公用经费，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。",
  },
];

export const guantao2024Budget: Budget = {
  unit: {
    code: "224001",
    name: "中共馆陶县委网络安全和信息化委员会办公室本级",
    nature: "行政",
    grade: "正科级",
    fundingForm: "财政拨款",
    duties: [
      "（一）负责处理县委网络安全和信息化委员会日常事务工作。协调督促有关方面落实委员会的决定事项、工作部署和要求，组织开展对涉及我县政治、经济、文化、社会、生态及军事等各个领域的网络安全和信息化重大问题研究，向委员会提出工作建议。",
      "（二）组织研究起草我县网络安全和信息化发展战略宏观规划。统筹推进我县网络安全和信息化法治、标准建设，根据职责权限负责相关法规、规章等的实施和监督检查，根据职责权限推动落实网络安全和信息化领域国家标准并监督实施；依法完善与信息化相关的统计调查制度。",
      "（三）统筹协调全县网络安全保障体系和可信体系建设。牵头协调有关部门制定相关行业网络安全规划及保障评价指标体系，协调信息安全保护工作；指导推进全县党政军部门、重点行业网络安全保障和信息化工作；统筹推进网络安全和信息化军民融合深度发展；协调推进网络强县建设，推动全县公共服务和社会治理信息化；指导全县网络安全信息共享和通报。",
      "（四）督促落实我县涉及政治、经济、文化、社会、生态及军事等各个领域网络安全和信息化重大事项；负责协调处理网络安全和信息化重大突发事件与有关应急工作。",
      "（五）负责全县互联网信息内容管理。统筹协调组织互联网宣传管理和舆论引导工作，组织开展网上评论，指导推动网络评论队伍建设，维护互联网意识形态安全；负责互联网信息内容监督管理执法，组织开展网络舆论生态治理，依法指导和管理本县落地网站及县内新媒体新应用，会同有关部门处置和封堵网上有害信息，依照相关法律和规定查处违法违规行为和网站。",
      "（六）负责指导协调全县网络舆情工作。收集、分析研判、报送和处置网络舆情信息。",
      "（七）推动全县网络阵地建设和重点新闻网站规划建设。指导协调网络游戏、网络视听、网络出版等相关业务，推动移动互联网发展，会同有关部门推动传统媒体与新兴媒体融合发展：负责全县网站转载新闻稿源的管理。",
      "（八）推动全县网络社会工作和网络文化、网络文明建设；发展、联系、服务网络社会组织，指导互联网行业自律推进网站党建工作。",
      "（九）落实互联网信息网络行业安全审查的有关政策。依法负责全县网络新闻业务和新闻舆论及社会动员功能业务的审核及日常监管：指导全县有关部门督促电信运营企业接入服务企业等做好基础管理工作；统筹协调全县移动互联网管理。",
    ],
    organisation: "",
  },
  department: { code: "224", name: "中共馆陶县委网络安全和信息化委员会办公室" },
  region: { code: "130433", name: "馆陶县" },
  year: 2024,
  amountUnit: "WAN_YUAN",
  income: [{ source: "GENERAL_BUDGET", amount: wan("116.76") }],
  expenditure: [
    { functionalCode: "2013701", kind: "BASIC", source: "GENERAL_BUDGET", amount: wan("57.99") },
    { functionalCode: "2013701", kind: "PROJECT", source: "GENERAL_BUDGET", amount: wan("43.44") },
    { functionalCode: "2080505", kind: "BASIC", source: "GENERAL_BUDGET", amount: wan("6.45") },
    { functionalCode: "2101101", kind: "BASIC", source: "GENERAL_BUDGET", amount: wan("3.25") },
    { functionalCode: "2210201", kind: "BASIC", source: "GENERAL_BUDGET", amount: wan("5.63") },
  ],
  basicEconomic: [
    { economicCode: "30101", category: "PERSONNEL", source: "GENERAL_BUDGET", amount: wan("27.40") },
    { economicCode: "30102", category: "PERSONNEL", source: "GENERAL_BUDGET", amount: wan("9.13") },
    { economicCode: "30103", category: "PERSONNEL", source: "GENERAL_BUDGET", amount: wan("5.70") },
    { economicCode: "30107", category: "PERSONNEL", source: "GENERAL_BUDGET", amount: wan("6.61") },
    { economicCode: "30108", category: "PERSONNEL", source: "GENERAL_BUDGET", amount: wan("6.45") },
    { economicCode: "30110", category: "PERSONNEL", source: "GENERAL_BUDGET", amount: wan("3.25") },
    { economicCode: "30112", category: "PERSONNEL", source: "GENERAL_BUDGET", amount: wan("0.20") },
    { economicCode: "30113", category: "PERSONNEL", source: "GENERAL_BUDGET", amount: wan("5.63") },
    { economicCode: "30201", category: "PUBLIC", source: "GENERAL_BUDGET", amount: wan("2.35") },
    { economicCode: "30202", category: "PUBLIC", source: "GENERAL_BUDGET", amount: wan("0.20") },
    { economicCode: "30207", category: "PUBLIC", source: "GENERAL_BUDGET", amount: wan("2.70") },
    { economicCode: "30211", category: "PUBLIC", source: "GENERAL_BUDGET", amount: wan("0.20") },
    { economicCode: "30239", category: "PUBLIC", source: "GENERAL_BUDGET", amount: wan("3.50") },
  ],
  yearEndCarryover: 0,
  projects,
  threePublic: [],
  procurement: [],
  assets: {
    asOf: "2023-12-31",
    holdings: [{ category: "OTHER_FIXED_ASSETS", quantity: 3, value: wan("1.385") }],
    statedTotalValue: null,
    plannedPurchases: 0,
  },
  priorYear: { year: 2023, total: wan("366.49"), basic: wan("313.65"), project: wan("52.84"), threePublic: 0 },
  narrative: {
    basicChangeReason: "减少人员经费支出",
    projectChangeReason: "",
    totalChangeReason: "",
    threePublicChangeReason: "",
    operatingFundsUse: "主要用于日常维修、办公用房水电费、办公用房取暖费、办公用房物业管理费等日常运行支出。",
    otherNotes: "我单位无其他需要说明的事项。",
  },
  glossary: DEFAULT_GLOSSARY,
};

type CodeRow = [code: string, name: string];

function codes(scheme: ClassificationCode["scheme"], rows: CodeRow[]): ClassificationCode[] {
  return rows.map(([code, name]) => {
    const level = code.length === 3 ? 1 : code.length === 5 ? 2 : 3;
    return { scheme, code, name, level, parentCode: level === 1 ? null : code.slice(0, level === 2 ? 3 : 5) };
  });
}

const functionalClassRows: CodeRow[] = FUNCTIONAL_CLASSES.flatMap((c) => (c.code ? [[c.code, c.name] as CodeRow] : []));

/** The 2024 code books: every code of the reference, the 31 classes, and common neighbours. */
export const guantao2024CodeBook: CodeBook = {
  year: 2024,
  functional: codes("FUNCTIONAL", [
    ...functionalClassRows,
    ["20137", "网信事务"],
    ["2013701", "行政运行"],
    ["2013702", "一般行政管理事务"],
    ["2013703", "机关服务"],
    ["2013750", "事业运行"],
    ["2013799", "其他网信事务支出"],
    ["20805", "行政事业单位养老支出"],
    ["2080501", "行政单位离退休"],
    ["2080502", "事业单位离退休"],
    ["2080505", "机关事业单位基本养老保险缴费支出"],
    ["2080506", "机关事业单位职业年金缴费支出"],
    ["2080599", "其他行政事业单位养老支出"],
    ["21011", "行政事业单位医疗"],
    ["2101101", "行政单位医疗"],
    ["2101102", "事业单位医疗"],
    ["2101103", "公务员医疗补助"],
    ["2101199", "其他行政事业单位医疗支出"],
    ["22102", "住房改革支出"],
    ["2210201", "住房公积金"],
    ["2210202", "提租补贴"],
    ["2210203", "购房补贴"],
  ]).sort((a, b) => a.code.localeCompare(b.code)),
  economic: codes("ECONOMIC", [
    ["301", "工资福利支出"],
    ["30101", "基本工资"],
    ["30102", "津贴补贴"],
    ["30103", "奖金"],
    ["30107", "绩效工资"],
    ["30108", "机关事业单位基本养老保险缴费"],
    ["30109", "职业年金缴费"],
    ["30110", "职工基本医疗保险缴费"],
    ["30111", "公务员医疗补助缴费"],
    ["30112", "其他社会保障缴费"],
    ["30113", "住房公积金"],
    ["30114", "医疗费"],
    ["30199", "其他工资福利支出"],
    ["302", "商品和服务支出"],
    ["30201", "办公费"],
    ["30202", "印刷费"],
    ["30203", "咨询费"],
    ["30204", "手续费"],
    ["30205", "水费"],
    ["30206", "电费"],
    ["30207", "邮电费"],
    ["30208", "取暖费"],
    ["30209", "物业管理费"],
    ["30211", "差旅费"],
    ["30213", "维修（护）费"],
    ["30215", "会议费"],
    ["30216", "培训费"],
    ["30217", "公务接待费"],
    ["30226", "劳务费"],
    ["30228", "工会经费"],
    ["30229", "福利费"],
    ["30231", "公务用车运行维护费"],
    ["30239", "其他交通费用"],
    ["30299", "其他商品和服务支出"],
    ["303", "对个人和家庭的补助"],
    ["30301", "离休费"],
    ["30302", "退休费"],
    ["30305", "生活补助"],
    ["30399", "其他对个人和家庭的补助"],
    ["310", "资本性支出"],
    ["31002", "办公设备购置"],
    ["31003", "专用设备购置"],
  ]),
};
