import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "未找到页面" };

export default function NotFound() {
  return (
    <div className="max-w-2xl py-8">
      <p className="mb-2 font-mono text-sm text-slate-700">404</p>
      <h1 className="mb-4 text-2xl font-bold">未找到您要访问的页面</h1>
      <p className="mb-6 text-slate-700">该地址没有对应的内容：地区代码、单位编码或年度可能有误，或该预算尚未公开。</p>
      <p>
        <Link href="/" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
          返回首页，按地区和年度查找单位预算
        </Link>
      </p>
    </div>
  );
}
