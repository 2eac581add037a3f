import Link from "next/link";

/**
 * What a signed-in viewer sees on a page their roles do not open (answered with 403 through
 * forbidden() and a forbidden.tsx file): the page's title, why, and a way back.
 */
export function ForbiddenNotice({ title, message }: { title: string; message: string }) {
  return (
    <div className="mx-auto max-w-3xl">
      <p className="mb-2 font-mono text-sm text-slate-700">403</p>
      <h1 className="mb-4 text-2xl font-bold">{title}</h1>
      <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
        {message}
      </p>
      <p className="mt-6">
        <Link href="/workspace" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
          返回工作台
        </Link>
      </p>
    </div>
  );
}
