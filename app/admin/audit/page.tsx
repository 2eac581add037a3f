import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AppError, type FieldErrors } from "@/lib/app-error";
import { AUDIT_ACTION_LABELS, AUDIT_OBJECT_LABELS, AUDIT_RESULT_LABELS, auditActionLabel, auditDetailLines, chinaDateTime } from "@/lib/audit/audit-labels";
import { searchAuditLog } from "@/lib/audit/audit-log";
import type { AuditSearchResult } from "@/lib/audit/search-audit-events";
import { refusePage } from "@/lib/auth/refuse-page";
import { getViewer } from "@/lib/auth/session";

export const metadata: Metadata = { title: "审计日志" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const inputClass =
  "block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-base focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 aria-[invalid=true]:border-red-700";

const FIELDS = [
  { name: "from", label: "开始日期", type: "date" },
  { name: "to", label: "结束日期", type: "date" },
  { name: "email", label: "用户邮箱", type: "text" },
  { name: "objectType", label: "对象类型", type: "text", hint: "如 budget、user、session" },
  { name: "objectId", label: "对象编号", type: "text" },
  { name: "clientAddress", label: "客户端地址", type: "text" },
] as const;

type Outcome = { kind: "ok"; result: AuditSearchResult } | { kind: "invalid"; message: string; fieldErrors: FieldErrors };

async function search(params: Record<string, string | string[] | undefined>): Promise<Outcome> {
  const viewer = await getViewer();
  if (viewer === null) redirect("/login?next=/admin/audit");
  try {
    return { kind: "ok", result: await searchAuditLog(viewer, params) };
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID_INPUT") return { kind: "invalid", message: error.message, fieldErrors: error.fieldErrors };
    if (error instanceof AppError && error.code === "FORBIDDEN") return refusePage(viewer, "/admin/audit");
    throw error;
  }
}

function text(params: Record<string, string | string[] | undefined>, name: string): string {
  const value = params[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const outcome = await search(params);
  const errors = outcome.kind === "invalid" ? outcome.fieldErrors : {};
  const nextParams = new URLSearchParams();
  for (const name of ["from", "to", "email", "action", "objectType", "objectId", "result", "clientAddress"]) {
    const value = text(params, name);
    if (value !== "") nextParams.set(name, value);
  }

  return (
    <div>
      <p className="mb-4 text-sm">
        <Link href="/workspace" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">返回工作台</Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">审计日志</h1>
      <p className="mb-6 text-sm text-slate-700">审计日志只可追加、不可修改。日期按北京时间计算；每次查询本身也记入审计日志。</p>

      <form method="get" action="/admin/audit" noValidate className="mb-6 grid grid-cols-1 gap-3 rounded border border-slate-300 p-4 sm:grid-cols-2 lg:grid-cols-4">
        {outcome.kind === "invalid" && (
          <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900 sm:col-span-2 lg:col-span-4">{outcome.message}</p>
        )}
        {FIELDS.map((field) => {
          const fieldErrors = errors[field.name] ?? [];
          return (
            <div key={field.name}>
              <label htmlFor={`audit-${field.name}`} className="mb-1 block text-sm font-medium">{field.label}</label>
              <input
                id={`audit-${field.name}`}
                name={field.name}
                type={field.type}
                defaultValue={text(params, field.name)}
                aria-invalid={fieldErrors.length > 0}
                aria-describedby={fieldErrors.length > 0 ? `audit-${field.name}-error` : undefined}
                placeholder={"hint" in field ? field.hint : undefined}
                className={inputClass}
              />
              {fieldErrors.length > 0 && <p id={`audit-${field.name}-error`} className="mt-1 text-sm text-red-800">{fieldErrors.join(" ")}</p>}
            </div>
          );
        })}
        <div>
          <label htmlFor="audit-action" className="mb-1 block text-sm font-medium">操作</label>
          <select id="audit-action" name="action" defaultValue={text(params, "action")} className={inputClass}>
            <option value="">全部操作</option>
            <option value="auth.">全部登录相关</option>
            <option value="budget.">全部预算相关</option>
            {Object.entries(AUDIT_ACTION_LABELS).map(([action, label]) => (
              <option key={action} value={action}>{label}（{action}）</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-result" className="mb-1 block text-sm font-medium">结果</label>
          <select id="audit-result" name="result" defaultValue={text(params, "result")} className={inputClass}>
            <option value="">全部结果</option>
            {Object.entries(AUDIT_RESULT_LABELS).map(([result, label]) => (
              <option key={result} value={result}>{label}</option>
            ))}
          </select>
        </div>
        <div className="flex items-end">
          <button type="submit" className="w-full rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800">
            查询
          </button>
        </div>
      </form>

      {outcome.kind === "ok" && (
        <section aria-labelledby="audit-results-heading">
          <h2 id="audit-results-heading" className="mb-3 text-lg font-semibold">
            查询结果{text(params, "before") !== "" ? "（更早的记录）" : ""}
          </h2>
          {outcome.result.events.length === 0 ? (
            <p className="rounded border border-slate-300 bg-slate-50 p-4">没有符合条件的记录。</p>
          ) : (
            <div role="region" aria-label="审计记录" tabIndex={0} className="overflow-x-auto rounded border border-slate-300 focus:outline-2 focus:outline-blue-800">
              <table className="w-full min-w-[68rem] border-collapse text-sm">
                <thead className="bg-slate-100 text-left">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">时间（北京时间）</th>
                    <th scope="col" className="px-3 py-2 font-semibold">用户</th>
                    <th scope="col" className="px-3 py-2 font-semibold">操作</th>
                    <th scope="col" className="px-3 py-2 font-semibold">结果</th>
                    <th scope="col" className="px-3 py-2 font-semibold">对象</th>
                    <th scope="col" className="px-3 py-2 font-semibold">客户端地址</th>
                    <th scope="col" className="min-w-[18rem] px-3 py-2 font-semibold">详情</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {outcome.result.events.map((event) => (
                    <tr key={event.id} className="align-top">
                      <td className="px-3 py-2 font-mono whitespace-nowrap tabular-nums">{chinaDateTime(event.at)}</td>
                      <td className="px-3 py-2">
                        {event.user === null ? <span className="text-slate-600">（无账户）</span> : (
                          <>
                            <span className="block">{event.user.name ?? "已删除的账户"}</span>
                            <span className="block text-xs text-slate-700">{event.user.email ?? event.user.id}</span>
                          </>
                        )}
                      </td>
                      <td className="px-3 py-2 whitespace-nowrap">
                        {auditActionLabel(event.action)}
                        <span className="block font-mono text-xs text-slate-600">{event.action}</span>
                      </td>
                      <td className={`px-3 py-2 whitespace-nowrap ${event.result === "SUCCESS" ? "" : "font-medium text-red-800"}`}>{AUDIT_RESULT_LABELS[event.result]}</td>
                      <td className="px-3 py-2 whitespace-nowrap">
                        {event.objectType === null ? "—" : `${AUDIT_OBJECT_LABELS[event.objectType] ?? event.objectType} ${event.objectId ?? ""}`}
                      </td>
                      <td className="px-3 py-2 font-mono whitespace-nowrap">{event.clientAddress ?? "—"}</td>
                      <td className="px-3 py-2">
                        <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
                          {auditDetailLines(event.details).map((line) => (
                            <div key={line.label} className="contents">
                              <dt className="text-slate-600">{line.label}</dt>
                              <dd className="break-all">{line.value}</dd>
                            </div>
                          ))}
                        </dl>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label="翻页" className="mt-4 flex gap-4 text-sm">
            {text(params, "before") !== "" && (
              <Link href={`/admin/audit?${nextParams.toString()}`} className="text-blue-800 underline underline-offset-2">回到最新记录</Link>
            )}
            {outcome.result.nextBefore !== null && (
              <Link href={`/admin/audit?${new URLSearchParams([...nextParams, ["before", outcome.result.nextBefore]]).toString()}`} className="text-blue-800 underline underline-offset-2">
                下一页（更早的记录）
              </Link>
            )}
          </nav>
        </section>
      )}
    </div>
  );
}
