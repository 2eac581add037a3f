"use client";

import { useActionState, useState } from "react";
import { buttonClass, errorsOf, Field, inputClass, Outcome, secondaryButtonClass, valuesOf } from "@/components/organisation/form-parts";
import type { RegionHeaderMappings } from "@/lib/header-mappings/region-header-mappings";
import { addMappingAction, deleteMappingAction, type MappingState } from "./actions";

export function AddMappingForm({ regionCode, choices }: { regionCode: string; choices: RegionHeaderMappings["choices"] }) {
  const [state, formAction, isPending] = useActionState<MappingState, FormData>(addMappingAction, null);
  const values = valuesOf(state);
  const [sheetKind, setSheetKind] = useState(values.sheetKind ?? choices[0]?.sheetKind ?? "");
  const fields = choices.find((c) => c.sheetKind === sheetKind)?.fields ?? [];
  return (
    <form action={formAction} noValidate className="max-w-xl space-y-4" aria-label="新增表头对应关系">
      <Outcome state={state} id="add-mapping-outcome" />
      <input type="hidden" name="regionCode" value={regionCode} />
      <input type="hidden" name="sheetKind" value={sheetKind} />
      <Field id="mapping-sheet" label="工作表" errors={errorsOf(state, "sheetKind")}>
        {(aria) => (
          // not named: the hidden input below carries the choice, which a form reset after a refusal must not undo
          <select value={sheetKind} onChange={(event) => setSheetKind(event.target.value)} className={inputClass} {...aria}>
            {choices.map((c) => (
              <option key={c.sheetKind} value={c.sheetKind}>
                {c.sheetLabel}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="mapping-header" label="表头文字（工作簿中的写法）" errors={errorsOf(state, "header")} hint="空格、全角括号和末尾的冒号不计；同一表头再次保存会替换原来的对应关系。">
        {(aria) => <input name="header" defaultValue={values.header ?? ""} autoComplete="off" className={inputClass} {...aria} />}
      </Field>
      <Field id="mapping-field" label="对应内容" errors={errorsOf(state, "field")}>
        {(aria) => (
          <select key={sheetKind} name="field" defaultValue={values.field ?? ""} className={inputClass} {...aria}>
            <option value="">（请选择）</option>
            {fields.map((f) => (
              <option key={f.field} value={f.field}>
                {f.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={isPending} className={buttonClass}>
        {isPending ? "正在保存…" : "保存对应关系"}
      </button>
    </form>
  );
}

export function DeleteMappingButton({ regionCode, mappingId, header }: { regionCode: string; mappingId: number; header: string }) {
  const [state, formAction, isPending] = useActionState<MappingState, FormData>(deleteMappingAction, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="regionCode" value={regionCode} />
      <input type="hidden" name="mappingId" value={mappingId} />
      <button type="submit" disabled={isPending} className={secondaryButtonClass} aria-label={`删除表头“${header}”的对应关系`}>
        删除
      </button>
      {state !== null && !state.ok && <Outcome state={state} id={`delete-mapping-${mappingId}`} />}
    </form>
  );
}

