import { Fragment, type ReactNode } from "react";
import { amountUnitLabel, formatAmount } from "@/lib/disclosure/money";
import { groupChangedRows, type FigureChange } from "@/lib/disclosure/table-diff";
import { TABLE_IDS, type TableId } from "@/lib/disclosure/table-model";
import type { AmountUnit } from "@/lib/disclosure/types";
import { NARRATIVE_PARTS, narrativePartTitle, type NarrativePartId } from "@/lib/disclosure/document-outline";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";
import { AssetTable } from "./asset-table";
import { BudgetTable, ScrollBox, type TableHeading } from "./budget-table";
import { PerformanceForm } from "./performance-form";
import { ProcurementTable } from "./procurement-table";

type PartId = NarrativePartId;
const partTitle = narrativePartTitle;

function Part({ id, children, isDepartment = false }: { id: PartId; children: ReactNode; isDepartment?: boolean }) {
  const part = NARRATIVE_PARTS.find((p) => p.id === id);
  return (
    <section className={`doc-part doc-part--${id.replace("narrative-", "")}`} id={id} aria-labelledby={`${id}-title`}>
      <h3 className="doc-part__title" id={`${id}-title`}>
        {part ? partTitle(part.title, isDepartment) : null}
      </h3>
      {children}
    </section>
  );
}

/** Splits text entered with line breaks into paragraphs. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

function Cover({ content }: { content: SnapshotContent }) {
  const { budget, narrative } = content;
  const unitLabel = amountUnitLabel(budget.amountUnit);
  const isDepartment = content.department !== undefined;
  // Short facts share a row; the long names of region and department get a row each.
  const facts: [string, string, boolean][] = [
    [isDepartment ? "部门编码" : "单位编码", budget.unit.code, false],
    ["预算年度", String(budget.year), false],
    ["金额单位", unitLabel, false],
    ["收支总计", `${formatAmount(narrative.figures.income.total, budget.amountUnit)}${unitLabel}`, false],
    ["所属地区", budget.region.name, true],
    isDepartment ? ["汇总单位", `${content.department?.units.length ?? 0}个预算单位`, true] : ["主管部门", budget.department.name, true],
  ];
  return (
    <header className="doc-cover">
      <h1 className="doc-cover__title">
        <span className="doc-cover__unit">{budget.unit.name}</span>
        <span className="doc-cover__year">
          {budget.year}年{isDepartment ? "部门预算" : "单位预算"}
        </span>
      </h1>
      <dl className="doc-cover__facts">
        {facts.map(([term, value, isWide]) => (
          <div key={term} className={isWide ? "doc-cover__fact doc-cover__fact--wide" : "doc-cover__fact"}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}

function CorrectionNote({ note, version, changes, amountUnit }: { note: string; version: number; changes: readonly FigureChange[] | undefined; amountUnit: AmountUnit }) {
  const figure = (fen: number | null) => (fen === null ? "（无此行）" : formatAmount(fen, amountUnit));
  const grouped = changes === undefined ? [] : groupChangedRows(changes);
  // The rows that were corrected; the totals, 类 and 款 that moved with them are in the tables.
  const rows = grouped.filter((row) => !row.isSubtotal);
  const movedSubtotals = grouped.length - rows.length;
  return (
    <aside className="doc-correction" aria-labelledby="correction-title">
      <h2 className="doc-correction__title" id="correction-title">
        更正说明（第{version}版）
      </h2>
      {paragraphs(note).map((line, i) => (
        <p key={i}>{line}</p>
      ))}
      {changes === undefined ? null : grouped.length === 0 ? (
        <p>与第{version - 1}版相比，九张表的金额没有变化。</p>
      ) : (
        <ScrollBox label="更正的数字">
          <table className="form-table doc-correction__table">
            <caption>与第{version - 1}版相比更正的数字（单位：{amountUnitLabel(amountUnit)}）</caption>
            <thead>
              <tr>
                <th scope="col">表</th>
                <th scope="col">项目</th>
                <th scope="col">栏目</th>
                <th scope="col">原数</th>
                <th scope="col">更正后</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.table}|${row.rowKey}|${row.columns.join()}`}>
                  <td>表{row.table}</td>
                  <th scope="row">{row.rowLabel}</th>
                  <td>{row.columns.join("、")}</td>
                  <td className="cell-amount">
                    <del>{figure(row.oldFen)}</del>
                  </td>
                  <td className="cell-amount">
                    <ins>{figure(row.newFen)}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {movedSubtotals > 0 ? <p className="doc-correction__more">相关的合计、类、款随之变动（{movedSubtotals} 行），见各表。</p> : null}
        </ScrollBox>
      )}
    </aside>
  );
}

function TableOfContents({ content }: { content: SnapshotContent }) {
  const { tables, budget } = content;
  const isDepartment = content.department !== undefined;
  return (
    <nav className="doc-toc" aria-labelledby="toc-title">
      <h2 className="doc-toc__title" id="toc-title">
        目录
      </h2>
      <ol className="doc-toc__list">
        {isDepartment ? (
          <li>
            <a href="#coverage">部门预算汇总范围</a>
          </li>
        ) : null}
        {TABLE_IDS.map((id) => (
          <li key={id}>
            <a href={`#${id}`}>
              表{tables[id].number} {tables[id].title}
            </a>
          </li>
        ))}
        <li>
          <a href="#narrative">情况说明</a>
          <ol className="doc-toc__sublist">
            {NARRATIVE_PARTS.map((part) => (
              <li key={part.id}>
                <a href={`#${part.id}`}>{partTitle(part.title, isDepartment)}</a>
                {part.id === "narrative-performance" && budget.projects.length > 0 ? (
                  <ol className="doc-toc__sublist">
                    {budget.projects.map((project, i) => (
                      <li key={project.code}>
                        <a href={`#project-${i + 1}`}>
                          {i + 1}、{project.name}
                        </a>
                      </li>
                    ))}
                  </ol>
                ) : null}
              </li>
            ))}
          </ol>
        </li>
      </ol>
    </nav>
  );
}

/** Which units a department budget sums, and which version of each (部门预算汇总范围). */
function DepartmentCoverage({ content }: { content: SnapshotContent }) {
  const { budget, department } = content;
  if (department === undefined) return null;
  const title = "部门预算汇总范围";
  const unitLabel = amountUnitLabel(budget.amountUnit);
  return (
    <section className="doc-coverage" id="coverage" aria-labelledby="coverage-title">
      <h2 className="doc-coverage__title" id="coverage-title">
        {title}
      </h2>
      <p>
        本部门预算由所属{department.units.length}个预算单位经财政部门批复的{budget.year}
        年单位预算汇总编制，所属预算单位已全部批复、全部纳入汇总。各表金额为所属单位金额之和。
      </p>
      <ScrollBox label={title}>
        <table className="form-table coverage-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">单位编码</th>
              <th scope="col">单位名称</th>
              <th scope="col">汇总版本</th>
              <th scope="col">批复日期</th>
              <th scope="col">收支总计（{unitLabel}）</th>
            </tr>
          </thead>
          <tbody>
            {department.units.map((unit) => (
              <tr key={unit.code}>
                <td className="cell-center">{unit.code}</td>
                <th scope="row">{unit.name}</th>
                <td className="cell-center">第{unit.budgetVersion}版</td>
                <td className="cell-center">{unit.approvedAt ?? ""}</td>
                <td className="cell-amount">{formatAmount(unit.total, budget.amountUnit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}

function OrganisationTable({ content }: { content: SnapshotContent }) {
  const { unit } = content.budget;
  const title = content.department === undefined ? "单位机构设置情况" : "部门所属单位构成情况";
  const rows =
    content.department === undefined
      ? [{ key: unit.code, name: unit.name, nature: unit.nature, grade: unit.grade, fundingForm: unit.fundingForm }]
      : content.department.units.map((u) => ({ key: u.code, name: u.name, nature: u.nature, grade: u.grade, fundingForm: u.fundingForm }));
  return (
    <div className="doc-table doc-table--organisation">
      <h4 className="doc-table__title">{title}</h4>
      <ScrollBox label={title}>
        <table className="form-table organisation-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">单位名称</th>
              <th scope="col">单位性质</th>
              <th scope="col">单位规格</th>
              <th scope="col">经费保障形式</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.name}</th>
                <td className="cell-center">{row.nature}</td>
                <td className="cell-center">{row.grade}</td>
                <td className="cell-center">{row.fundingForm}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </div>
  );
}

function Narrative({ content, heading }: { content: SnapshotContent; heading: TableHeading }) {
  const { budget, narrative } = content;
  const otherNotes = paragraphs(budget.narrative.otherNotes);
  const isDepartment = content.department !== undefined;
  const scope = isDepartment ? "部门" : "单位";
  return (
    <section className="doc-narrative" id="narrative" aria-labelledby="narrative-title">
      <h2 className="doc-narrative__title" id="narrative-title">
        {budget.unit.name}
        {budget.year}年{scope}预算信息公开情况说明
      </h2>
      <p>{narrative.intro}</p>

      <Part id="narrative-duties" isDepartment={isDepartment}>
        <p className="doc-label">{scope}职责：</p>
        {budget.unit.duties.map((duty, i) => (
          <p key={i} className="doc-duty">
            {duty}
          </p>
        ))}
        <p className="doc-label">机构设置：</p>
        {paragraphs(budget.unit.organisation).map((line, i) => (
          <p key={i}>{line}</p>
        ))}
        <OrganisationTable content={content} />
      </Part>

      <Part id="narrative-overview" isDepartment={isDepartment}>
        <p>按照预算管理有关规定，目前{scope}预算的编制实行综合预算管理，即全部收入和支出都反映在预算中。</p>
        <h4 className="doc-subtitle">1、收入说明</h4>
        <p>{narrative.income}</p>
        <h4 className="doc-subtitle">2、支出说明</h4>
        <p>{narrative.expenditure}</p>
        <h4 className="doc-subtitle">3、比上年增减情况</h4>
        <p>{narrative.change}</p>
      </Part>

      <Part id="narrative-operating-funds">
        <p>{narrative.operatingFunds}</p>
      </Part>

      <Part id="narrative-three-public">
        <p>{narrative.threePublic}</p>
      </Part>

      <Part id="narrative-performance" isDepartment={isDepartment}>
        {budget.projects.length === 0 ? <p>本{scope}{budget.year}年无项目支出预算，无项目绩效目标表。</p> : null}
        {budget.projects.map((project, i) => (
          <PerformanceForm key={project.code} project={project} index={i + 1} amountUnit={budget.amountUnit} />
        ))}
      </Part>

      <Part id="narrative-procurement">
        <ProcurementTable budget={budget} heading={heading} />
      </Part>

      <Part id="narrative-assets">
        <p>{narrative.assets}</p>
        <AssetTable budget={budget} assetTotal={narrative.assetTotal} />
      </Part>

      <Part id="narrative-glossary">
        <ol className="doc-glossary">
          {budget.glossary.map((entry, i) => (
            <li key={entry.term}>
              <span className="doc-glossary__number">{i + 1}、</span>
              <dfn>{entry.term}</dfn>：{entry.definition}
            </li>
          ))}
        </ol>
      </Part>

      <Part id="narrative-other">
        {otherNotes.length > 0 ? otherNotes.map((line, i) => <p key={i}>{line}</p>) : <p>无。</p>}
      </Part>
    </section>
  );
}

/**
 * The complete disclosure of one published budget, in the order and layout of the official
 * template: cover data, table of contents, the nine tables, then the 情况说明 numbered 一 to 九.
 * A server component without client code: the same markup is the Next preview and, rendered to
 * static HTML, the published page and the PDF.
 */
export function DisclosureDocument({
  content,
  afterTable,
  afterNarrative,
}: {
  content: SnapshotContent;
  /** extra content after each table (the reviewer's comments); never used for published pages */
  afterTable?: (id: TableId) => ReactNode;
  /** extra content after the 情况说明 */
  afterNarrative?: ReactNode;
}) {
  const { budget, tables, publication } = content;
  const heading: TableHeading = { unitCode: budget.unit.code, unitName: budget.unit.name, year: budget.year, amountUnit: budget.amountUnit };
  return (
    <article className="doc" lang="zh-CN">
      <Cover content={content} />
      {publication.correctionNote !== null ? (
        <CorrectionNote note={publication.correctionNote} version={publication.version} changes={publication.changedFigures} amountUnit={budget.amountUnit} />
      ) : null}
      <DepartmentCoverage content={content} />
      <TableOfContents content={content} />
      {TABLE_IDS.map((id) => (
        <Fragment key={id}>
          <BudgetTable table={tables[id]} heading={heading} />
          {afterTable?.(id)}
        </Fragment>
      ))}
      <Narrative content={content} heading={heading} />
      {afterNarrative}
    </article>
  );
}
