import type { BatchPublishItem, BatchPublishResult } from "@/lib/workflow/publish-signed-off-budgets";

/**
 * The page /review/publish/run streams while a batch publication runs: the head first, one line
 * per budget as it is published, then the summary. Plain HTML with its own small stylesheet, so
 * a browser shows each line as it arrives, without JavaScript.
 */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE =
  "body{font-family:\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;max-width:52em;margin:2em auto;padding:0 1em;line-height:1.7;color:#0f172a}" +
  "a{color:#1e40af}ol{padding-left:0;list-style:none}li{border-bottom:1px solid #e2e8f0;padding:.4em 0}" +
  ".ok{color:#166534;font-weight:600}.failed{color:#991b1b;font-weight:600}.count{color:#475569;font-variant-numeric:tabular-nums;margin-right:.5em}" +
  ".summary{border-left:4px solid #1e40af;background:#eff6ff;padding:.75em 1em;margin:1.5em 0}.summary.has-failures{border-color:#b91c1c;background:#fef2f2}";

export function progressHead(title: string, total: number): string {
  // The padding comment fills the first chunk, so browsers that wait for 1 KB before painting start at once.
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)} · 预算公开平台</title><style>${STYLE}</style></head><body><main>` +
    `<p><a href="/review/publish">返回批量公开</a></p><h1>${escapeHtml(title)}</h1>` +
    `<p>共 ${total} 份，逐份公开，每完成一份显示一行：</p><ol aria-live="polite">` +
    `<!--${" ".repeat(1024)}-->`
  );
}

export function progressLine(item: BatchPublishItem, done: number, total: number): string {
  const name = `${escapeHtml(item.unitCode)} ${escapeHtml(item.unitName)}（第${item.version}版）`;
  const seconds = (item.milliseconds / 1000).toFixed(1);
  const outcome = item.ok
    ? `<span class="ok">已公开</span> <a href="${escapeHtml(item.path)}">${escapeHtml(item.path)}</a>${item.pdfError === null ? "" : `（未生成 PDF：${escapeHtml(item.pdfError)}）`}`
    : `<span class="failed">未公开</span>：${escapeHtml(item.message)}`;
  return `<li><span class="count">${done}/${total}</span>${name}：${outcome}（${seconds} 秒）</li>\n`;
}

export function progressSummary(result: BatchPublishResult, seconds: number): string {
  const failed = result.failed > 0 ? `，<strong>${result.failed} 份未公开</strong>（原因见上，已记入审计日志）` : "";
  return (
    `</ol><p role="status" class="summary${result.failed > 0 ? " has-failures" : ""}">完成：已公开 ${result.published} 份${failed}，用时 ${seconds.toFixed(1)} 秒。</p>` +
    `<p><a href="/review/publish?region=${encodeURIComponent(result.regionCode)}&amp;year=${result.year}">返回批量公开</a> · <a href="/review/deadlines?region=${encodeURIComponent(result.regionCode)}&amp;year=${result.year}">查看公开时限</a></p></main></body></html>`
  );
}

export function progressFailure(message: string): string {
  return `</ol><p role="alert" class="summary has-failures">${escapeHtml(message)}</p></main></body></html>`;
}
