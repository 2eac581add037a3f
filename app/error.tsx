"use client";

/**
 * What a visitor sees when a page fails on the server (Next.js's default is English and shows
 * nothing useful). The digest lets the operator find the logged error; no detail leaks.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl py-8" role="alert">
      <p className="mb-2 font-mono text-sm text-slate-700">500</p>
      <h1 className="mb-4 text-2xl font-bold">页面暂时无法显示</h1>
      <p className="mb-4 text-slate-700">服务器处理请求时出错，您的数据没有因此改变。请稍后重试；如果问题持续，请联系系统管理员并告知下面的错误编号。</p>
      {error.digest === undefined ? null : <p className="mb-6 font-mono text-sm text-slate-700">错误编号：{error.digest}</p>}
      <div className="flex flex-wrap gap-4">
        <button type="button" onClick={reset} className="rounded border border-slate-400 px-4 py-2 hover:bg-slate-100">
          重试
        </button>
        <a href="/" className="px-1 py-2 text-blue-800 underline underline-offset-2 hover:text-blue-950">
          返回首页
        </a>
      </div>
    </div>
  );
}
