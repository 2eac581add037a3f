"use client";

import "./globals.css";

/** Replaces the root layout when the layout itself fails (e.g. the database is down while it reads the session). */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-white font-sans text-slate-900">
        <main className="mx-auto max-w-2xl px-4 py-8" role="alert">
          <h1 className="mb-4 text-2xl font-bold">预算公开平台暂时无法访问</h1>
          <p className="mb-4 text-slate-700">服务暂时不可用，可能正在维护或数据库暂时无法连接。请稍后刷新页面重试。</p>
          {error.digest === undefined ? null : <p className="font-mono text-sm text-slate-700">错误编号：{error.digest}</p>}
        </main>
      </body>
    </html>
  );
}
