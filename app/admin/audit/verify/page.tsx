import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/app-error";
import { verifyAuditLog } from "@/lib/audit/audit-log";
import { refusePage } from "@/lib/auth/refuse-page";
import { getRequestActor } from "@/lib/auth/request-actor";
import type { ChainReport, IntegrityReport } from "@/lib/integrity/verify-chains";

export const metadata: Metadata = { title: "校验哈希链" };
export const dynamic = "force-dynamic";

async function verify(): Promise<IntegrityReport> {
  const { viewer, clientAddress } = await getRequestActor();
  if (viewer === null) redirect("/login?next=/admin/audit/verify");
  try {
    return await verifyAuditLog(viewer, clientAddress);
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") return refusePage(viewer, "/admin/audit/verify");
    throw error;
  }
}

function ChainRow({ name, unit, report }: { name: string; unit: string; report: ChainReport }) {
  const intact = report.firstBreak === null;
  return (
    <tr className="align-top">
      <th scope="row" className="px-3 py-2 text-left font-medium">{name}</th>
      <td className="px-3 py-2 tabular-nums">{report.checked.toLocaleString("zh-CN")} {unit}</td>
      <td className={`px-3 py-2 font-medium ${intact ? "text-green-800" : "text-red-800"}`}>
        {intact ? "完整" : `已断裂：${report.firstBreak?.position ?? ""}（${report.firstBreak?.reason ?? ""}）`}
      </td>
      <td className="px-3 py-2 font-mono text-xs break-all">{report.head ?? "—"}</td>
    </tr>
  );
}

/** 校验哈希链: the 审计管理员 runs the check of `npm run gongkai -- verify` (ADR 0020); the check is itself audited. */
export default async function VerifyPage() {
  const report = await verify();
  return (
    <div className="max-w-5xl">
      <p className="mb-4 flex gap-4 text-sm">
        <Link href="/workspace" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">返回工作台</Link>
        <Link href="/admin/audit" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">审计日志</Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">校验哈希链</h1>
      <>
          <p className="mb-4 text-sm text-slate-700">
            逐条重新计算审计日志和公开文件台账的哈希链，并核对每个已公开文件的字节与台账记录的 sha256。与命令 <code>npm run gongkai -- verify</code> 的校验相同。请把“链头哈希”抄录在系统之外（纸面或另一系统），下次校验时比对：链头不同即说明有人改写了整条链。
          </p>
          <p
            role="status"
            className={`mb-4 rounded border-l-4 px-4 py-3 font-medium ${report.audit.firstBreak === null && report.ledger.firstBreak === null && report.files.firstBreak === null ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}`}
          >
            {report.audit.firstBreak === null && report.ledger.firstBreak === null && report.files.firstBreak === null
              ? "校验通过：审计日志、公开文件台账和已公开文件均未被篡改。"
              : "校验未通过：发现被改动的记录或文件，请立即报告并保全现场（见下表第一个断裂处）。"}
          </p>
          <div role="region" aria-label="校验结果" tabIndex={0} className="overflow-x-auto rounded border border-slate-300">
            <table className="w-full min-w-[40rem] border-collapse text-sm">
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">校验对象</th>
                  <th scope="col" className="px-3 py-2 font-semibold">已校验</th>
                  <th scope="col" className="px-3 py-2 font-semibold">结果</th>
                  <th scope="col" className="px-3 py-2 font-semibold">链头哈希</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                <ChainRow name="审计日志" unit="条" report={report.audit} />
                <ChainRow name="公开文件台账" unit="条" report={report.ledger} />
                <ChainRow name="已公开文件" unit="个" report={report.files} />
              </tbody>
            </table>
          </div>
      </>
    </div>
  );
}
