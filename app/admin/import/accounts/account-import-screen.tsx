"use client";

import type { AppliedAccountImport, InitialCredential } from "@/lib/organisation/import/apply-account-import";
import { secondaryButtonClass } from "@/components/organisation/form-parts";
import { applyAccountImportAction, previewAccountImportAction, type AccountPreview } from "../actions";
import { ImportForm, ResultTable } from "../import-form";

function AccountPlan({ plan, isApplied }: { plan: AccountPreview; isApplied: boolean }) {
  const c = plan.counts;
  const verb = isApplied ? "已" : "将";
  // A file refused as a whole (no readable row) has nothing to summarise beyond its problems.
  if (plan.rows.length === 0 && plan.problems.length > 0) return null;
  return (
    <div className="space-y-4">
      <p role="status" className="rounded border-l-4 border-blue-800 bg-blue-50 px-4 py-3">
        {plan.region.name}：{verb}创建账户 {c.accountsCreated} 个，{verb}授予角色 {c.rolesGranted} 个，{c.unchanged} 个角色已有、不变。
      </p>
      {plan.rows.length > 0 && (
        <ResultTable
          label="账户和角色"
          headers={["行", "姓名", "邮箱", "角色", "范围", "账户", "结果"]}
          rows={plan.rows.map((r) => [r.rowNumber, r.name, r.email, r.roleLabel, r.scopeLabel, r.isNewAccount ? "新建" : "已有", r.outcome === "new" ? "授予角色" : "不变"])}
        />
      )}
    </div>
  );
}

const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

function downloadCredentials(credentials: readonly InitialCredential[]) {
  const lines = ["姓名,邮箱,初始密码", ...credentials.map((c) => [c.name, c.email, c.password].map(csvField).join(","))];
  const blob = new Blob(["\uFEFF" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = "初始密码.csv";
  link.click();
  URL.revokeObjectURL(url);
}

function Credentials({ applied }: { applied: AppliedAccountImport }) {
  if (applied.credentials.length === 0) return <p>没有新建账户，因此没有初始密码。</p>;
  return (
    <div className="space-y-3">
      <div role="note" className="rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
        以下初始密码只显示这一次，系统只保存其不可逆的摘要。请立即下载或记录，并通过安全渠道分别告知本人；首次登录时必须修改密码。
      </div>
      <button type="button" onClick={() => downloadCredentials(applied.credentials)} className={secondaryButtonClass}>
        下载初始密码（CSV）
      </button>
      <ResultTable label="初始密码" headers={["姓名", "邮箱", "初始密码"]} rows={applied.credentials.map((c) => [c.name, c.email, <code key={c.email} className="font-mono">{c.password}</code>])} />
    </div>
  );
}

export function AccountImportScreen({ regions }: { regions: readonly { value: string; label: string }[] }) {
  return (
    <ImportForm
      kind="账户"
      regions={regions}
      templateHref="/admin/import/accounts/template"
      preview={previewAccountImportAction}
      apply={applyAccountImportAction}
      hasWrites={(plan) => plan.counts.accountsCreated + plan.counts.rolesGranted > 0}
      renderPreview={(plan) => <AccountPlan plan={plan} isApplied={false} />}
      renderApplied={(applied) => (
        <>
          <AccountPlan plan={applied} isApplied />
          <Credentials applied={applied} />
        </>
      )}
    />
  );
}
