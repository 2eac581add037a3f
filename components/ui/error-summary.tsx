"use client";

import { useEffect, useRef } from "react";

interface ErrorSummaryProps {
  /** e.g. 登录未成功 */
  title: string;
  message: string;
  id?: string;
  /** the refused result; each new one moves focus here again, even with the same message */
  result: object;
}

/** The refusal at the top of a form: announced (role=alert) and focused, so keyboard and screen-reader users land on it. */
export function ErrorSummary({ title, message, id, result }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [result]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      id={id}
      className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900 focus:outline-2 focus:outline-offset-2 focus:outline-red-700"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{message}</p>
    </div>
  );
}
