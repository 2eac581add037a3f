"use client";

import { applyUnitImportAction, previewUnitImportAction, type UnitPreview } from "../actions";
import { ImportForm, ResultTable } from "../import-form";

const OUTCOME_LABELS = { new: "新增", changed: "修改", unchanged: "不变" } as const;

function UnitPlan({ plan, isApplied }: { plan: UnitPreview; isApplied: boolean }) {
  const c = plan.counts;
  const verb = isApplied ? "已" : "将";
  // A file refused as a whole (no readable row) has nothing to summarise beyond its problems.
  if (plan.units.length === 0 && plan.problems.length > 0) return null;
  return (
    <div className="space-y-4">
      <p role="status" className="rounded border-l-4 border-blue-800 bg-blue-50 px-4 py-3">
        {plan.region.name}：{verb}新增主管部门 {c.departmentsCreated} 个，{verb}新增单位 {c.unitsCreated} 个，{verb}修改单位 {c.unitsChanged} 个，{c.unitsUnchanged} 个单位不变。
      </p>
      {plan.departments.length > 0 && (
        <ResultTable
          label="主管部门"
          headers={["部门编码", "部门名称", "结果"]}
          rows={plan.departments.map((d) => [d.code, d.name, d.outcome === "new" ? "新增" : "已有"])}
        />
      )}
      {plan.units.length > 0 && (
        <ResultTable
          label="预算单位"
          headers={["行", "单位编码", "单位名称", "主管部门编码", "结果", "修改内容（原 → 新）"]}
          rows={plan.units.map((u) => [
            u.rowNumber,
            u.unitCode,
            u.unitName,
            u.departmentCode,
            OUTCOME_LABELS[u.outcome],
            Object.entries(u.changes).map(([field, change]) => (
              <span key={field} className="block">{field}：{change}</span>
            )),
          ])}
        />
      )}
    </div>
  );
}

export function UnitImportScreen({ regions }: { regions: readonly { value: string; label: string }[] }) {
  return (
    <ImportForm
      kind="单位"
      regions={regions}
      templateHref="/admin/import/units/template"
      preview={previewUnitImportAction}
      apply={applyUnitImportAction}
      hasWrites={(plan) => plan.counts.departmentsCreated + plan.counts.unitsCreated + plan.counts.unitsChanged > 0}
      renderPreview={(plan) => <UnitPlan plan={plan} isApplied={false} />}
      renderApplied={(plan) => <UnitPlan plan={plan} isApplied />}
    />
  );
}
