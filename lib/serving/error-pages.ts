/** Self-contained Chinese pages for the answers that are not a document. */

function page(title: string, body: string): Buffer {
  return Buffer.from(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · 预算公开平台</title>` +
      `<style>body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:40em;margin:3em auto;padding:0 1em;line-height:1.7;color:#0f172a}a{color:#1d4ed8}</style>` +
      `</head><body><main><h1>${title}</h1>${body}<p><a href="/">返回首页</a></p></main></body></html>`,
    "utf8",
  );
}

export const NOT_FOUND_PAGE = page(
  "未找到该预算公开文件",
  "<p>没有找到这个地址对应的已公开预算。请检查单位编码、年度和版本号；尚未公开的预算不能查看。</p>",
);

export const CORRUPT_PAGE = page(
  "内容校验失败",
  "<p>该文件的存储内容与公开时记录的校验值不一致，为保证公开内容真实，暂不提供。我们已记录此问题，请稍后再试或联系预算单位。</p>",
);

export const PDF_UNAVAILABLE_PAGE = page(
  "PDF 版本暂不可用",
  "<p>该预算公开时未能生成 PDF 文件。网页版及 Excel、CSV、JSON 下载内容完整、可以正常使用。</p>",
);

export const METHOD_NOT_ALLOWED_PAGE = page("不支持的请求方式", "<p>公开文件只能查看或下载。</p>");

export const DATABASE_DOWN_PAGE = page(
  "服务暂时不可用",
  "<p>数据库暂时无法连接，工作台和查询暂停服务，恢复后无需任何操作即可继续使用。已公开的预算文件仍可正常查看和下载。请稍后刷新本页。</p>",
);

export const SERVER_ERROR_PAGE = page("服务暂时不可用", "<p>读取公开文件时出错，请稍后再试。</p>");
