import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "无权访问" };

/**
 * The answer (HTTP 403) when a signed-in person opens a back-office page their roles do not open,
 * e.g. a system administrator on the audit log or the audit administrator on the organisation
 * (三员分立, ADR 0022). The refusal itself is in the audit log where the page's query writes one.
 */
export default function Forbidden() {
  return (
    <div className="max-w-2xl py-8">
      <p className="mb-2 font-mono text-sm text-slate-700">403</p>
      <h1 className="mb-4 text-2xl font-bold">无权访问此页面</h1>
      <p className="mb-6 text-slate-700">
        您的账户没有打开此页面的角色。系统管理员、安全管理员和审计管理员各司其职（三员分立），互相不能代行；如需此项权限，请联系安全管理员。
      </p>
      <p>
        <Link href="/workspace" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
          返回工作台
        </Link>
      </p>
    </div>
  );
}
