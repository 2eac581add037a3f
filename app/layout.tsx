import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getSignedInUser } from "@/lib/auth/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "预算公开平台", template: "%s · 预算公开平台" },
  description: "政府预算单位预算公开：九张公开表、情况说明与绩效目标。",
};

const HEADER_LINK = "text-slate-100 underline underline-offset-2 hover:text-white focus:outline-2 focus:outline-offset-2 focus:outline-white";

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Null without a session cookie (no database query): citizens' pages cost nothing per user.
  const user = await getSignedInUser();
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:px-3 focus:py-2">
          跳到正文
        </a>
        <header className="no-print border-b border-slate-200 bg-slate-900 text-white">
          <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-3">
            <Link href="/" className="text-lg font-semibold tracking-wide focus:outline-2 focus:outline-offset-2 focus:outline-white">
              预算公开平台
            </Link>
            <nav aria-label="站点" className="flex items-center gap-4 text-sm">
              <span className="hidden text-slate-200 sm:inline">政府预算 · 公开透明</span>
              {user === null ? (
                <Link href="/login" className={HEADER_LINK}>
                  工作人员登录
                </Link>
              ) : (
                <>
                  <span className="max-w-[10rem] truncate text-slate-100" title={user.name}>
                    <span className="sr-only">已登录：</span>
                    {user.name}
                  </span>
                  <Link href="/workspace" className={HEADER_LINK}>
                    工作台
                  </Link>
                </>
              )}
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="no-print mt-12 border-t border-slate-200 px-4 py-6 text-center text-xs text-slate-700">
          依据《中华人民共和国预算法》与《地方预决算公开操作规程》公开
        </footer>
      </body>
    </html>
  );
}
