"use client";

import { useActionState } from "react";
import { buttonClass, errorsOf, Field, inputClass, Outcome, secondaryButtonClass, valuesOf } from "@/components/organisation/form-parts";
import {
  createDepartmentAction,
  createRegionAction,
  createUnitAction,
  deactivateUnitAction,
  reactivateUnitAction,
  updateDepartmentAction,
  updateRegionAction,
  updateUnitAction,
  type OrganisationState,
} from "./actions";

export interface Option {
  value: string;
  label: string;
}

const LEVEL_OPTIONS: Option[] = [
  { value: "PROVINCE", label: "省" },
  { value: "CITY", label: "市" },
  { value: "COUNTY", label: "县/区" },
  { value: "TOWNSHIP", label: "乡镇/街道" },
];

export function CreateRegionForm({ parents, canCreateTopLevel }: { parents: readonly Option[]; canCreateTopLevel: boolean }) {
  const [state, formAction, isPending] = useActionState<OrganisationState, FormData>(createRegionAction, null);
  const values = valuesOf(state);
  return (
    <form action={formAction} noValidate className="space-y-4" aria-label="新增地区">
      <Outcome state={state} id="create-region-outcome" />
      <Field id="region-parent" label="上级地区" errors={errorsOf(state, "parentId")} hint={canCreateTopLevel ? "顶级地区（如省，或单独上线的县）不选上级。" : undefined}>
        {(aria) => (
          <select name="parentId" defaultValue={values.parentId ?? ""} className={inputClass} {...aria}>
            {canCreateTopLevel && <option value="">（无上级，顶级地区）</option>}
            {parents.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="region-level" label="级别" errors={errorsOf(state, "level")}>
        {(aria) => (
          <select name="level" defaultValue={values.level ?? "COUNTY"} className={inputClass} {...aria}>
            {LEVEL_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="region-code" label="行政区划代码" errors={errorsOf(state, "code")} hint="省、市、县为 6 位数字（如 130433），乡镇为 9 位或 12 位。">
        {(aria) => <input name="code" inputMode="numeric" autoComplete="off" defaultValue={values.code ?? ""} className={inputClass} {...aria} />}
      </Field>
      <Field id="region-name" label="地区名称" errors={errorsOf(state, "name")}>
        {(aria) => <input name="name" autoComplete="off" defaultValue={values.name ?? ""} className={inputClass} {...aria} />}
      </Field>
      <button type="submit" disabled={isPending} className={buttonClass}>
        新增地区
      </button>
    </form>
  );
}

export function RenameRegionForm({ regionId, name }: { regionId: number; name: string }) {
  const [state, formAction, isPending] = useActionState<OrganisationState, FormData>(updateRegionAction, null);
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-end gap-3" aria-label="修改地区名称">
      <input type="hidden" name="regionId" value={regionId} />
      <div className="min-w-[14rem] flex-1">
        <Field id="rename-region" label="地区名称" errors={errorsOf(state, "name")}>
          {(aria) => <input name="name" autoComplete="off" defaultValue={valuesOf(state).name ?? name} className={inputClass} {...aria} />}
        </Field>
      </div>
      <button type="submit" disabled={isPending} className={buttonClass}>
        保存名称
      </button>
      <div className="basis-full">
        <Outcome state={state} id="rename-region-outcome" />
      </div>
    </form>
  );
}

export function DepartmentForm({ regionId, department }: { regionId?: number; department?: { id: number; code: string; name: string; hasDepartmentReview: boolean } }) {
  const [state, formAction, isPending] = useActionState<OrganisationState, FormData>(department === undefined ? createDepartmentAction : updateDepartmentAction, null);
  const values = valuesOf(state);
  const label = department === undefined ? "新增主管部门" : "修改主管部门";
  return (
    <form action={formAction} noValidate className="space-y-4" aria-label={label}>
      <Outcome state={state} id="department-outcome" />
      {department === undefined ? (
        <>
          <input type="hidden" name="regionId" value={regionId} />
          <Field id="department-code" label="部门编码" errors={errorsOf(state, "code")} hint="数字，例如 224；单位编码以它开头。">
            {(aria) => <input name="code" inputMode="numeric" autoComplete="off" defaultValue={values.code ?? ""} className={inputClass} {...aria} />}
          </Field>
        </>
      ) : (
        <input type="hidden" name="departmentId" value={department.id} />
      )}
      <Field id="department-name" label="部门名称" errors={errorsOf(state, "name")}>
        {(aria) => <input name="name" autoComplete="off" defaultValue={values.name ?? department?.name ?? ""} className={inputClass} {...aria} />}
      </Field>
      <div className="flex items-start gap-2">
        <input id="department-review" type="checkbox" name="hasDepartmentReview" defaultChecked={department?.hasDepartmentReview ?? false} className="mt-1 h-4 w-4" />
        <label htmlFor="department-review">主管部门初审（本部门所属单位报送的预算先由主管部门审核，再报财政）</label>
      </div>
      <button type="submit" disabled={isPending} className={buttonClass}>
        {department === undefined ? "新增部门" : "保存部门"}
      </button>
    </form>
  );
}

export interface UnitFormValues {
  id: number;
  code: string;
  name: string;
  nature: string;
  grade: string;
  fundingForm: string;
  duties: readonly string[];
  organisation: string;
  departmentId: number;
}

export function UnitForm({ departments, unit }: { departments: readonly Option[]; unit?: UnitFormValues }) {
  const [state, formAction, isPending] = useActionState<OrganisationState, FormData>(unit === undefined ? createUnitAction : updateUnitAction, null);
  const values = valuesOf(state);
  const label = unit === undefined ? "新增预算单位" : "修改预算单位";
  const text = (name: keyof UnitFormValues & string, fallback: string) => values[name] ?? fallback;
  return (
    <form action={formAction} noValidate className="space-y-4" aria-label={label}>
      <Outcome state={state} id="unit-outcome" />
      {unit !== undefined && <input type="hidden" name="unitId" value={unit.id} />}
      <Field id="unit-department" label="主管部门" errors={errorsOf(state, "departmentId")}>
        {(aria) => (
          <select name="departmentId" defaultValue={values.departmentId ?? (unit === undefined ? "" : String(unit.departmentId))} className={inputClass} {...aria}>
            <option value="">请选择主管部门</option>
            {departments.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {unit === undefined && (
        <Field id="unit-code" label="单位编码" errors={errorsOf(state, "code")} hint="数字，通常为部门编码加 3 位，例如 224001。">
          {(aria) => <input name="code" inputMode="numeric" autoComplete="off" defaultValue={values.code ?? ""} className={inputClass} {...aria} />}
        </Field>
      )}
      <Field id="unit-name" label="单位名称" errors={errorsOf(state, "name")}>
        {(aria) => <input name="name" autoComplete="off" defaultValue={text("name", unit?.name ?? "")} className={inputClass} {...aria} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="unit-nature" label="单位性质" errors={errorsOf(state, "nature")} hint="如 行政、事业、参公">
          {(aria) => <input name="nature" autoComplete="off" defaultValue={text("nature", unit?.nature ?? "")} className={inputClass} {...aria} />}
        </Field>
        <Field id="unit-grade" label="单位规格" errors={errorsOf(state, "grade")} hint="如 正科级">
          {(aria) => <input name="grade" autoComplete="off" defaultValue={text("grade", unit?.grade ?? "")} className={inputClass} {...aria} />}
        </Field>
        <Field id="unit-funding" label="经费保障形式" errors={errorsOf(state, "fundingForm")} hint="如 财政拨款">
          {(aria) => <input name="fundingForm" autoComplete="off" defaultValue={text("fundingForm", unit?.fundingForm ?? "")} className={inputClass} {...aria} />}
        </Field>
      </div>
      <Field id="unit-duties" label="单位职责" errors={errorsOf(state, "duties")} hint="每条职责一行。">
        {(aria) => <textarea name="duties" rows={4} defaultValue={text("duties", unit?.duties.join("\n") ?? "")} className={inputClass} {...aria} />}
      </Field>
      <Field id="unit-organisation" label="机构设置" errors={errorsOf(state, "organisation")} hint="内设机构等说明。">
        {(aria) => <textarea name="organisation" rows={3} defaultValue={text("organisation", unit?.organisation ?? "")} className={inputClass} {...aria} />}
      </Field>
      <button type="submit" disabled={isPending} className={buttonClass}>
        {unit === undefined ? "新增单位" : "保存单位"}
      </button>
    </form>
  );
}

/** 停用 / 启用 one unit, with its outcome next to the button. */
export function UnitActiveButton({ unitId, unitLabel, isActive }: { unitId: number; unitLabel: string; isActive: boolean }) {
  const [state, formAction, isPending] = useActionState<OrganisationState, FormData>(isActive ? deactivateUnitAction : reactivateUnitAction, null);
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="unitId" value={unitId} />
      <button type="submit" disabled={isPending} aria-label={`${isActive ? "停用" : "启用"} ${unitLabel}`} className={secondaryButtonClass}>
        {isActive ? "停用" : "启用"}
      </button>
      {state !== null && (
        <span role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-green-800" : "text-red-800"}`}>
          {state.ok ? state.data.message : state.message}
        </span>
      )}
    </form>
  );
}
