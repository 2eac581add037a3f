"use client";

import type { BudgetDraftInput } from "@/lib/budgets/budget-input-schema";
import { amountUnitLabel, formatAmount, formatAmountTrimmed } from "@/lib/disclosure/money";
import type { DerivedTable } from "@/lib/disclosure/table-model";
import { APPROPRIATION_TYPES, ASSET_CATEGORIES, COMPARATORS, type Budget, type Fen } from "@/lib/disclosure/types";
import { draftFen } from "@/lib/entry/amount-entry";
import { APPROPRIATION_LABELS, ASSET_CATEGORY_LABELS } from "@/lib/disclosure/labels";
import { THREE_PUBLIC_ITEMS, type PriorYearLines } from "@/lib/entry/prior-lines";
import { AmountInput } from "./amount-input";
import { CodeCombobox } from "./code-combobox";
import { fieldId, useEditor } from "./editor-context";
import { TextField } from "./form-fields";
import { LinesGrid, type GridColumn } from "./lines-grid";

type Draft = BudgetDraftInput;
type Change = (update: (draft: Draft) => Draft) => void;
type Project = Draft["projects"][number];

const BUTTON = "rounded border border-blue-800 px-3 py-1.5 text-sm font-medium text-blue-900 hover:bg-blue-50 focus:outline-2 focus:outline-blue-800";
const DANGER = "rounded px-2 py-1 text-sm text-red-800 hover:bg-red-50 focus:outline-2 focus:outline-red-700";

function Amount({ path, label, value, onChange, precision }: { path: string; label: string; value: string; onChange: (v: string) => void; precision?: "exact" }) {
  const { entryUnit } = useEditor();
  return (
    <div>
      <label htmlFor={fieldId(path)} className="mb-1 block font-medium">
        {label}（{amountUnitLabel(entryUnit)}）
      </label>
      <AmountInput path={path} value={value} onChange={onChange} label={label} precision={precision} />
    </div>
  );
}

function money(fen: Fen, unit: "WAN_YUAN" | "YUAN"): string {
  return formatAmount(fen, unit, { grouping: true });
}

// ---------------------------------------------------------------------------

export function UnitSection({ draft, change }: { draft: Pick<Draft, "unit">; change: Change }) {
  const { readOnly } = useEditor();
  const unit = draft.unit;
  const set = (patch: Partial<Draft["unit"]>) => change((d) => ({ ...d, unit: { ...d.unit, ...patch } }));
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <TextField path="unit.nature" label="单位性质" hint="如：行政、事业、参公" value={unit.nature} onChange={(v) => set({ nature: v })} />
        <TextField path="unit.grade" label="单位规格" hint="如：正科级" value={unit.grade} onChange={(v) => set({ grade: v })} />
        <TextField path="unit.fundingForm" label="经费保障形式" hint="如：财政拨款" value={unit.fundingForm} onChange={(v) => set({ fundingForm: v })} />
      </div>
      <fieldset className="min-w-0">
        <legend className="mb-2 font-medium">单位职责（每条职责一段）</legend>
        <ol className="space-y-3">
          {unit.duties.map((duty, index) => (
            <li key={index} className="flex items-start gap-2">
              <div className="flex-1">
                <TextField
                  path={`unit.duties.${index}`}
                  label={`职责第${index + 1}段`}
                  rows={3}
                  value={duty}
                  onChange={(v) => set({ duties: unit.duties.map((d, i) => (i === index ? v : d)) })}
                />
              </div>
              {!readOnly && (
                <button type="button" className={`${DANGER} mt-7`} onClick={() => set({ duties: unit.duties.filter((_, i) => i !== index) })}>
                  删除第{index + 1}段
                </button>
              )}
            </li>
          ))}
        </ol>
        {!readOnly && (
          <button type="button" className={`${BUTTON} mt-2`} onClick={() => set({ duties: [...unit.duties, ""] })}>
            添加一段职责
          </button>
        )}
      </fieldset>
      <TextField path="unit.organisation" label="机构设置" hint="内设机构等说明，可为空" rows={3} value={unit.organisation} onChange={(v) => set({ organisation: v })} />
    </div>
  );
}

// ---------------------------------------------------------------------------

const COMPARATOR_LABELS = Object.fromEntries(COMPARATORS.map((c) => [c, c === "" ? "（无）" : c]));

const INDICATOR_COLUMNS: GridColumn[] = [
  { key: "level1", label: "一级指标", type: "text" },
  { key: "level2", label: "二级指标", type: "text" },
  { key: "name", label: "三级指标", type: "text" },
  { key: "description", label: "指标内容", type: "text", wide: true },
  { key: "comparator", label: "符号", type: "choice", labels: COMPARATOR_LABELS },
  { key: "value", label: "指标值", type: "text" },
  { key: "valueUnit", label: "计量单位", type: "text" },
  { key: "basis", label: "确定依据", type: "text" },
];

function newProject(): Project {
  return {
    code: "",
    name: "",
    functionalCode: "",
    fiscalAmount: "",
    otherAmount: "",
    amount: "",
    purpose: "",
    spendingPlan: { march: "", june: "", october: "", december: "" },
    performanceGoal: "",
    indicators: [],
    priorYearAmount: "",
    changeReason: "",
  };
}

export function ProjectsSection({ draft, change, prior }: { draft: Pick<Draft, "projects">; change: Change; prior: PriorYearLines | null }) {
  const { readOnly, documentUnit, entryUnit } = useEditor();
  const setProject = (index: number, patch: Partial<Project>) =>
    change((d) => ({ ...d, projects: d.projects.map((p, i) => (i === index ? { ...p, ...patch } : p)) }));
  return (
    <div className="space-y-6">
      {draft.projects.length === 0 && <p className="text-slate-800">本年没有项目支出。</p>}
      {draft.projects.map((project, index) => {
        const path = `projects.${index}`;
        const fiscal = draftFen(project.fiscalAmount, documentUnit) ?? 0;
        const other = draftFen(project.otherAmount, documentUnit) ?? 0;
        const amount = draftFen(project.amount, documentUnit) ?? 0;
        const priorAmount = draftFen(project.priorYearAmount, documentUnit);
        const lastYear = prior?.projects[project.code.trim()];
        const plan = project.spendingPlan;
        return (
          <fieldset key={index} id={`project-${index}`} className="min-w-0 rounded border border-slate-300 p-3 sm:p-4">
            <legend className="px-1 font-semibold">
              项目{index + 1}
              {project.name ? `：${project.name}` : ""}
            </legend>
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <TextField path={`${path}.code`} label="项目编码" value={project.code} onChange={(v) => setProject(index, { code: v })} />
              <TextField path={`${path}.name`} label="项目名称" value={project.name} onChange={(v) => setProject(index, { name: v })} />
              <div>
                <label htmlFor={fieldId(`${path}.functionalCode`)} className="mb-1 block font-medium">
                  功能分类科目（项）
                </label>
                <CodeCombobox
                  path={`${path}.functionalCode`}
                  scheme="functional"
                  value={project.functionalCode}
                  onChange={(v) => setProject(index, { functionalCode: v })}
                  label={`项目${index + 1}功能分类科目`}
                />
              </div>
            </div>
            <div className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-3">
              <Amount path={`${path}.fiscalAmount`} label="财政资金" value={project.fiscalAmount} onChange={(v) => setProject(index, { fiscalAmount: v })} />
              <Amount path={`${path}.otherAmount`} label="其他资金" value={project.otherAmount} onChange={(v) => setProject(index, { otherAmount: v })} />
              <div>
                <Amount path={`${path}.amount`} label="预算数（合计）" value={project.amount} onChange={(v) => setProject(index, { amount: v })} />
                {fiscal + other !== amount && (
                  <p className="mt-1 text-sm text-amber-900">
                    财政资金与其他资金之和为{money(fiscal + other, entryUnit)}。
                    {!readOnly && (
                      <button
                        type="button"
                        className="ml-1 underline"
                        onClick={() => setProject(index, { amount: formatAmountTrimmed(fiscal + other, documentUnit) })}
                      >
                        用此数作预算数
                      </button>
                    )}
                  </p>
                )}
              </div>
            </div>
            <div className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2">
              <div>
                <Amount
                  path={`${path}.priorYearAmount`}
                  label="上年预算数（新项目留空）"
                  value={project.priorYearAmount}
                  onChange={(v) => setProject(index, { priorYearAmount: v })}
                />
                {lastYear !== undefined && (
                  <p className="mt-1 text-sm text-slate-700">
                    {prior?.year}年批复数：{money(lastYear, entryUnit)}
                    {priorAmount !== lastYear && !readOnly && (
                      <button type="button" className="ml-1 underline" onClick={() => setProject(index, { priorYearAmount: formatAmountTrimmed(lastYear, documentUnit) })}>
                        填入
                      </button>
                    )}
                  </p>
                )}
                {priorAmount !== null && (
                  <p className="mt-1 text-sm text-slate-800" data-testid={`project-${index}-change`}>
                    比上年{amount - priorAmount === 0 ? "持平" : `${amount > priorAmount ? "增加" : "减少"}${money(Math.abs(amount - priorAmount), entryUnit)}`}
                  </p>
                )}
              </div>
              <TextField
                path={`${path}.changeReason`}
                label="与上年相比的变化原因"
                rows={2}
                value={project.changeReason}
                onChange={(v) => setProject(index, { changeReason: v })}
              />
            </div>
            <div className="mt-4 grid grid-cols-1 gap-4">
              <TextField path={`${path}.purpose`} label="项目用途" rows={2} value={project.purpose} onChange={(v) => setProject(index, { purpose: v })} />
              <fieldset className="min-w-0">
                <legend className="mb-1 font-medium">用款计划（累计支出进度，%）</legend>
                <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
                  {(
                    [
                      ["march", "3月底"],
                      ["june", "6月底"],
                      ["october", "10月底"],
                      ["december", "12月底"],
                    ] as const
                  ).map(([key, label]) => (
                    <TextField
                      key={key}
                      path={`${path}.spendingPlan.${key}`}
                      label={label}
                      inputMode="decimal"
                      value={plan[key]}
                      onChange={(v) => setProject(index, { spendingPlan: { ...plan, [key]: v } })}
                    />
                  ))}
                </div>
              </fieldset>
              <TextField path={`${path}.performanceGoal`} label="绩效目标" rows={3} value={project.performanceGoal} onChange={(v) => setProject(index, { performanceGoal: v })} />
              <div className="min-w-0">
                <h3 className="mb-1 font-medium">绩效指标</h3>
                <LinesGrid
                  name={`${path}.indicators`}
                  caption={`项目${index + 1}绩效指标`}
                  columns={INDICATOR_COLUMNS}
                  rows={project.indicators}
                  onRowsChange={(rows) => setProject(index, { indicators: rows as Project["indicators"] })}
                  newRow={() => ({ level1: "产出指标", level2: "", name: "", description: "", comparator: "≥", value: "", valueUnit: "", basis: "" })}
                />
              </div>
            </div>
            {!readOnly && (
              <button
                type="button"
                className={`${DANGER} mt-3`}
                onClick={() => change((d) => ({ ...d, projects: d.projects.filter((_, i) => i !== index) }))}
              >
                删除项目{index + 1}
              </button>
            )}
          </fieldset>
        );
      })}
      {!readOnly && (
        <button type="button" className={BUTTON} onClick={() => change((d) => ({ ...d, projects: [...d.projects, newProject()] }))}>
          添加项目
        </button>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------

export function ThreePublicSection({ draft, change, prior, table }: { draft: Pick<Draft, "threePublic">; change: Change; prior: PriorYearLines | null; table: DerivedTable }) {
  const { documentUnit, entryUnit } = useEditor();
  const columns: GridColumn[] = [
    { key: "appropriation", label: "拨款类型", type: "choice", labels: Object.fromEntries(APPROPRIATION_TYPES.map((a) => [a, APPROPRIATION_LABELS[a]])) },
    { key: "abroad", label: "因公出国（境）费", type: "amount" },
    { key: "vehiclePurchase", label: "公务用车购置费", type: "amount" },
    { key: "vehicleOperation", label: "公务用车运行维护费", type: "amount" },
    { key: "reception", label: "公务接待费", type: "amount" },
  ];
  const totalAt = table.columns.findIndex((c) => c.key === "total");
  const total = Number(table.rows.find((r) => r.key === "total")?.cells[totalAt] ?? 0);
  return (
    <div>
      <p className="mb-3 text-sm text-slate-800">按财政拨款类型填写“三公”经费；没有“三公”经费时不填任何行，表9将空表列示。</p>
      <LinesGrid
        name="threePublic"
        caption="三公经费"
        columns={columns}
        rows={draft.threePublic}
        onRowsChange={(rows) => change((d) => ({ ...d, threePublic: rows as Draft["threePublic"] }))}
        newRow={() => ({ appropriation: "GENERAL_BUDGET", abroad: "", vehiclePurchase: "", vehicleOperation: "", reception: "" })}
        extra={
          prior === null
            ? undefined
            : {
                labels: [`${prior.year}年合计`, "比上年增减"],
                cells: (row) => {
                  const last = THREE_PUBLIC_ITEMS.reduce((sum, item) => sum + (prior.threePublic[`${row.appropriation}.${item}`] ?? 0), 0);
                  const now = THREE_PUBLIC_ITEMS.reduce((sum, item) => sum + (draftFen(String(row[item]), documentUnit) ?? 0), 0);
                  return [money(last, entryUnit), now === last ? "持平" : `${now > last ? "+" : "−"}${money(Math.abs(now - last), entryUnit)}`];
                },
              }
        }
      />
      <p className="mt-2 text-sm">
        “三公”经费合计（自动计算）：<span className="font-semibold tabular-nums">{money(total, entryUnit)}</span>
        {amountUnitLabel(entryUnit)}
      </p>
    </div>
  );
}

// ---------------------------------------------------------------------------

export function ProcurementSection({ draft, change }: { draft: Pick<Draft, "procurement">; change: Change }) {
  const columns: GridColumn[] = [
    { key: "projectName", label: "项目名称", type: "text", wide: true },
    { key: "itemName", label: "采购品目", type: "text" },
    { key: "catalogueCode", label: "品目编码", type: "text" },
    { key: "unitOfMeasure", label: "计量单位", type: "text" },
    { key: "quantity", label: "数量", type: "text" },
    { key: "unitPrice", label: "单价", type: "amount" },
    { key: "generalBudget", label: "一般公共预算", type: "amount" },
    { key: "governmentFund", label: "政府性基金", type: "amount" },
    { key: "stateCapital", label: "国有资本经营", type: "amount" },
    { key: "specialAccount", label: "财政专户", type: "amount" },
    { key: "unitFunds", label: "单位资金", type: "amount" },
    { key: "carryover", label: "上年结转", type: "amount" },
    { key: "total", label: "合计", type: "amount" },
    { key: "smeReserved", label: "预留中小微企业份额", type: "amount" },
  ];
  return (
    <div>
      <p className="mb-3 text-sm text-slate-800">没有政府采购预算时不填任何行，公开文件将说明无政府采购预算。</p>
      <LinesGrid
        name="procurement"
        caption="政府采购"
        columns={columns}
        rows={draft.procurement}
        onRowsChange={(rows) => change((d) => ({ ...d, procurement: rows as Draft["procurement"] }))}
        newRow={() => ({
          projectName: "",
          itemName: "",
          catalogueCode: "",
          unitOfMeasure: "",
          quantity: "",
          unitPrice: "",
          generalBudget: "",
          governmentFund: "",
          stateCapital: "",
          specialAccount: "",
          unitFunds: "",
          carryover: "",
          total: "",
          smeReserved: "",
        })}
      />
    </div>
  );
}

// ---------------------------------------------------------------------------

export function AssetsSection({ draft, change }: { draft: Pick<Draft, "assets">; change: Change }) {
  const assets = draft.assets;
  const set = (patch: Partial<Draft["assets"]>) => change((d) => ({ ...d, assets: { ...d.assets, ...patch } }));
  const columns: GridColumn[] = [
    { key: "category", label: "资产类别", type: "choice", labels: Object.fromEntries(ASSET_CATEGORIES.map((c) => [c, ASSET_CATEGORY_LABELS[c]])) },
    { key: "quantity", label: "数量（面积）", type: "text" },
    { key: "value", label: "价值", type: "amount", precision: "exact" },
  ];
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <TextField path="assets.asOf" label="截止日期" hint="格式：YYYY-MM-DD，通常为上年12月31日" value={assets.asOf} onChange={(v) => set({ asOf: v })} />
        <Amount
          path="assets.statedTotalValue"
          label="资产总额（留空则自动合计）"
          precision="exact"
          value={assets.statedTotalValue}
          onChange={(v) => set({ statedTotalValue: v })}
        />
        <Amount path="assets.plannedPurchases" label="本年度拟购置固定资产总额" value={assets.plannedPurchases} onChange={(v) => set({ plannedPurchases: v })} />
      </div>
      <LinesGrid
        name="assets.holdings"
        caption="固定资产占用情况"
        columns={columns}
        rows={assets.holdings}
        onRowsChange={(rows) => set({ holdings: rows as Draft["assets"]["holdings"] })}
        newRow={() => ({ category: "OTHER_FIXED_ASSETS", quantity: "", value: "" })}
      />
    </div>
  );
}

// ---------------------------------------------------------------------------

export function NarrativeSection({ draft, change, budget }: { draft: Pick<Draft, "narrative" | "priorYear">; change: Change; budget: Budget }) {
  const { readOnly, entryUnit, documentUnit } = useEditor();
  const narrative = draft.narrative;
  const set = (patch: Partial<Draft["narrative"]>) => change((d) => ({ ...d, narrative: { ...d.narrative, ...patch } }));
  const priorYear = draft.priorYear;
  const setPrior = (patch: Partial<NonNullable<Draft["priorYear"]>>) =>
    change((d) => ({ ...d, priorYear: d.priorYear === null ? null : { ...d.priorYear, ...patch } }));
  const thisYear = thisYearFigures(budget);
  const rows =
    priorYear === null
      ? []
      : ([
          ["total", "支出总额", priorYear.total, thisYear.total, "totalChangeReason", "总额变化的原因（基本支出、项目支出以外的支出变化）"],
          ["basic", "基本支出", priorYear.basic, thisYear.basic, "basicChangeReason", "基本支出变化的原因"],
          ["project", "项目支出", priorYear.project, thisYear.project, "projectChangeReason", "项目支出变化的原因（各项目的原因填在项目中）"],
          ["threePublic", "“三公”经费", priorYear.threePublic, thisYear.threePublic, "threePublicChangeReason", "“三公”经费增减变化的原因"],
        ] as const);
  return (
    <div className="space-y-5">
      <fieldset className="min-w-0 rounded border border-slate-300 p-3 sm:p-4">
        <legend className="px-1 font-semibold">与上年相比</legend>
        {priorYear === null ? (
          <div>
            <p className="text-slate-800">没有上年数。首次编制预算的单位无需填写。</p>
            {!readOnly && (
              <button
                type="button"
                className={`${BUTTON} mt-2`}
                onClick={() => change((d) => ({ ...d, priorYear: { year: budget.year - 1, total: "", basic: "", project: "", threePublic: "" } }))}
              >
                填写上年数
              </button>
            )}
          </div>
        ) : (
          <div className="space-y-4">
            {/* focusable, so a keyboard can scroll the table at 375 px (axe scrollable-region-focusable) */}
            <div className="overflow-x-auto" tabIndex={0} role="group" aria-label="本年与上年对比">
              <table className="w-full border-collapse text-sm">
                <caption className="sr-only">本年与上年对比</caption>
                <thead className="bg-slate-50 text-left">
                  <tr>
                    <th scope="col" className="px-2 py-1 font-medium">
                      项目
                    </th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">
                      {priorYear.year}年（{amountUnitLabel(entryUnit)}）
                    </th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">
                      本年（自动计算）
                    </th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">
                      增减
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(([key, label, priorText, now]) => {
                    const last = draftFen(priorText, documentUnit) ?? 0;
                    return (
                      <tr key={key} className="border-t border-slate-200">
                        <th scope="row" className="px-2 py-1 text-left font-normal">
                          {label}
                        </th>
                        <td className="px-1 py-1">
                          <AmountInput path={`priorYear.${key}`} value={priorText} onChange={(v) => setPrior({ [key]: v })} label={`${priorYear.year}年${label}`} />
                        </td>
                        <td className="px-2 py-1 text-right tabular-nums">{money(now, entryUnit)}</td>
                        <td className="px-2 py-1 text-right tabular-nums">{now === last ? "持平" : `${now > last ? "+" : "−"}${money(Math.abs(now - last), entryUnit)}`}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {rows.map(([key, , , , reasonKey, reasonLabel]) => (
              <TextField key={key} path={`narrative.${reasonKey}`} label={reasonLabel} rows={2} value={narrative[reasonKey]} onChange={(v) => set({ [reasonKey]: v })} />
            ))}
          </div>
        )}
      </fieldset>
      <TextField
        path="narrative.operatingFundsUse"
        label="机关运行经费的用途"
        rows={2}
        value={narrative.operatingFundsUse}
        onChange={(v) => set({ operatingFundsUse: v })}
      />
      <TextField path="narrative.otherNotes" label="其他需要说明的事项" rows={3} value={narrative.otherNotes} onChange={(v) => set({ otherNotes: v })} />
    </div>
  );
}

function thisYearFigures(budget: Budget): { total: Fen; basic: Fen; project: Fen; threePublic: Fen } {
  let basic = 0;
  let project = 0;
  let total = 0;
  for (const line of budget.expenditure) {
    total += line.amount;
    if (line.kind === "BASIC") basic += line.amount;
    if (line.kind === "PROJECT") project += line.amount;
  }
  const threePublic = budget.threePublic.reduce((sum, l) => sum + l.abroad + l.vehiclePurchase + l.vehicleOperation + l.reception, 0);
  return { total, basic, project, threePublic };
}

// ---------------------------------------------------------------------------

export function GlossarySection({ draft, change }: { draft: Pick<Draft, "glossary">; change: Change }) {
  return (
    <LinesGrid
      name="glossary"
      caption="名词解释"
      columns={[
        { key: "term", label: "名词", type: "text" },
        { key: "definition", label: "解释", type: "text", wide: true },
      ]}
      rows={draft.glossary}
      onRowsChange={(rows) => change((d) => ({ ...d, glossary: rows as Draft["glossary"] }))}
      newRow={() => ({ term: "", definition: "" })}
    />
  );
}
