import { FUNCTIONAL_CLASSES, classCodeOf } from "../functional-classes";
import type { Finding, FindingLocation } from "../findings";
import { FUND_SOURCE_LABELS } from "../labels";
import type { ClassificationCode, Fen } from "../types";
import { money, preciseMoney, type CheckContext } from "./context";
import { projectLabel } from "./projects";

const CLASS_CODES = new Set(FUNCTIONAL_CLASSES.flatMap((c) => (c.code ? [c.code] : [])));


export function codeIndex(codes: readonly ClassificationCode[]): Map<string, ClassificationCode> {
  return new Map(codes.map((c) => [c.code, c]));
}

function error(rule: string, message: string, location: FindingLocation): Finding {
  return { rule, severity: "error", message, location, tolerance: 0 };
}

/**
 * Why a code cannot be used at the required level, or null when it can: missing from the
 * year's code book, or a 类/款 where a 项 (or an economic 款) is required.
 */
function codeProblem(ctx: CheckContext, code: string, index: Map<string, ClassificationCode>, level: 2 | 3, scheme: string): string | null {
  const entry = index.get(code);
  if (!entry) return `${scheme}科目“${code}”不在${ctx.codeBook.year}年科目表中`;
  const length = level === 3 ? 7 : 5;
  if (entry.level !== level || code.length !== length) {
    const levelName = level === 3 ? "项" : "款";
    return `${scheme}科目“${code} ${entry.name}”不是${levelName}级科目（${length}位），请选择到${levelName}`;
  }
  return null;
}

/** D1 + D4: every expenditure line sits on a 项 of the year's code book, in one of the 31 classes. */
function checkExpenditureCodes(ctx: CheckContext, functional: Map<string, ClassificationCode>, out: Finding[]): void {
  ctx.budget.expenditure.forEach((line, lineIndex) => {
    const where = `支出明细第${lineIndex + 1}行的`;
    const location: FindingLocation = { table: "T3", rowKey: line.functionalCode, lineIndex };
    const classCode = classCodeOf(line.functionalCode);
    // An unknown class is the root cause; saying the code is also missing from the book adds nothing.
    if (!CLASS_CODES.has(classCode)) {
      out.push(error("D4", `${where}功能分类科目“${line.functionalCode}”所属的类“${classCode}”不是支出功能分类的31个类之一。`, location));
      return;
    }
    const problem = codeProblem(ctx, line.functionalCode, functional, 3, "功能分类");
    if (problem) out.push(error("D1", `${where}${problem}。`, location));
  });
}

/** D2: every basic-expenditure line sits on an economic 款 of the year's code book. */
function checkEconomicCodes(ctx: CheckContext, economic: Map<string, ClassificationCode>, out: Finding[]): void {
  ctx.budget.basicEconomic.forEach((line, lineIndex) => {
    const problem = codeProblem(ctx, line.economicCode, economic, 2, "经济分类");
    if (problem) {
      out.push(error("D2", `基本支出经济分类明细第${lineIndex + 1}行的${problem}。`, { table: "T6", rowKey: line.economicCode, lineIndex }));
    }
  });
}

/** D3: no amount is negative; budgets state what will be spent, never a credit. */
function checkNegativeAmounts(ctx: CheckContext, out: Finding[]): void {
  const b = ctx.budget;
  const negative = (amount: Fen, what: string, location: FindingLocation, format = money): void => {
    if (amount < 0) out.push({ ...error("D3", `${what}为负数（${format(ctx, amount)}），金额不能为负。`, location), actual: amount });
  };
  b.income.forEach((l, i) => negative(l.amount, `收入明细第${i + 1}行（${FUND_SOURCE_LABELS[l.source]}）的金额`, { table: "T1", lineIndex: i }));
  b.expenditure.forEach((l, i) =>
    negative(l.amount, `支出明细第${i + 1}行（${l.functionalCode}）的金额`, { table: "T3", rowKey: l.functionalCode, lineIndex: i }),
  );
  b.basicEconomic.forEach((l, i) =>
    negative(l.amount, `基本支出经济分类明细第${i + 1}行（${l.economicCode}）的金额`, { table: "T6", rowKey: l.economicCode, lineIndex: i }),
  );
  negative(b.yearEndCarryover, "年终结转结余", { table: "T1", rowKey: "carryover", column: "expenditure" });
  b.projects.forEach((p, i) => {
    const location: FindingLocation = { section: "projects", projectCode: p.code, lineIndex: i };
    negative(p.amount, `${projectLabel(p)}的预算数`, location);
    negative(p.fiscalAmount, `${projectLabel(p)}的财政资金`, location);
    negative(p.otherAmount, `${projectLabel(p)}的其他资金`, location);
    if (p.priorYearAmount !== null) negative(p.priorYearAmount, `${projectLabel(p)}的上年金额`, location);
  });
  const threePublicItems = [
    ["abroad", "因公出国（境）费"],
    ["vehiclePurchase", "公务用车购置费"],
    ["vehicleOperation", "公务用车运维费"],
    ["reception", "公务接待费"],
  ] as const;
  b.threePublic.forEach((l, i) => {
    for (const [key, label] of threePublicItems) negative(l[key], `“三公”经费第${i + 1}行的${label}`, { table: "T9", lineIndex: i });
  });
  const procurementItems = [
    ["unitPrice", "单价"],
    ["generalBudget", "一般公共预算拨款"],
    ["governmentFund", "基金预算拨款"],
    ["stateCapital", "国有资本经营预算拨款"],
    ["specialAccount", "财政专户核拨"],
    ["unitFunds", "单位资金"],
    ["carryover", "上年结转结余"],
    ["total", "合计"],
    ["smeReserved", "预留中小微企业份额"],
  ] as const;
  b.procurement.forEach((row, i) => {
    for (const [key, label] of procurementItems) negative(row[key], `政府采购预算第${i + 1}行的${label}`, { section: "procurement", lineIndex: i });
    if (row.quantity < 0) out.push(error("D3", `政府采购预算第${i + 1}行的数量为负数（${row.quantity}）。`, { section: "procurement", lineIndex: i }));
  });
  b.assets.holdings.forEach((h, i) => {
    negative(h.value, `固定资产占用情况表第${i + 1}行的价值`, { section: "assets", lineIndex: i }, preciseMoney);
    if (h.quantity < 0) out.push(error("D3", `固定资产占用情况表第${i + 1}行的数量为负数（${h.quantity}）。`, { section: "assets", lineIndex: i }));
  });
  if (b.assets.statedTotalValue !== null) negative(b.assets.statedTotalValue, "资产总额", { section: "assets" }, preciseMoney);
  negative(b.assets.plannedPurchases, "本年度拟购置固定资产总额", { section: "assets" });
  if (b.priorYear) {
    const p = b.priorYear;
    negative(p.total, `${p.year}年预算总额`, { section: "change" });
    negative(p.basic, `${p.year}年基本支出`, { section: "change" });
    negative(p.project, `${p.year}年项目支出`, { section: "change" });
    negative(p.threePublic, `${p.year}年“三公”经费`, { section: "threePublic" });
  }
}

/** D5 + D6: each project sits on a functional 项 of the year's code book, and project codes are unique. */
function checkProjectCodes(ctx: CheckContext, functional: Map<string, ClassificationCode>, out: Finding[]): void {
  const firstIndex = new Map<string, number>();
  ctx.budget.projects.forEach((project, lineIndex) => {
    const location: FindingLocation = { section: "projects", projectCode: project.code, lineIndex };
    const problem = codeProblem(ctx, project.functionalCode, functional, 3, "功能分类");
    if (problem) out.push(error("D5", `${projectLabel(project)}的${problem}。`, location));
    const first = firstIndex.get(project.code);
    if (first === undefined) {
      firstIndex.set(project.code, lineIndex);
      return;
    }
    const other = ctx.budget.projects[first];
    out.push(
      error(
        "D6",
        `项目编码“${project.code}”重复：第${first + 1}个项目“${other?.name ?? ""}”与第${lineIndex + 1}个项目“${project.name}”使用了同一编码。`,
        location,
      ),
    );
  });
}

/** D1–D6: the entered data is usable at all (codes exist at the right level, no negative amounts, unique projects). */
export function checkDataValidity(ctx: CheckContext, out: Finding[]): void {
  const functional = codeIndex(ctx.codeBook.functional);
  const economic = codeIndex(ctx.codeBook.economic);
  checkExpenditureCodes(ctx, functional, out);
  checkEconomicCodes(ctx, economic, out);
  checkNegativeAmounts(ctx, out);
  checkProjectCodes(ctx, functional, out);
}
