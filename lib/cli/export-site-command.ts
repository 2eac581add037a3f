import { parseArgs } from "node:util";
import type { DbReader } from "@/lib/budgets/db-client";
import { exportSite } from "@/lib/mirror/export-site";
import type { ListingSource } from "@/lib/mirror/mirror-routes";
import type { CliIo } from "./run-cli";

export const EXPORT_SITE_USAGE = `用法：
  npm run gongkai -- export-site --out <目录> [--listen <nginx 监听，默认 8080>]
      把全部已公开文件（含 .gz、.br 压缩副本）和 nginx 配置写入目录；再次运行只写入有变化的文件
      试用：nginx -p <目录>/nginx -c <目录>/nginx/nginx.conf`;

/** Exit codes: 0 ok, 2 bad input. */
export async function runExportSiteCli(
  argv: string[],
  deps: { db: DbReader; listings?: readonly ListingSource[] },
  io: CliIo,
): Promise<number> {
  let values: { out?: string; listen?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { out: { type: "string" }, listen: { type: "string" } }, strict: true }));
  } catch (error) {
    io.err(`参数有误：${error instanceof Error ? error.message : String(error)}\n\n${EXPORT_SITE_USAGE}`);
    return 2;
  }
  const out = values.out?.trim() ?? "";
  if (out === "") {
    io.err(`缺少参数 --out（输出目录）。\n\n${EXPORT_SITE_USAGE}`);
    return 2;
  }
  const listen = values.listen?.trim() ?? "8080";
  if (!/^([0-9.]+:|\[[0-9a-f:]+\]:)?\d{1,5}$/i.test(listen)) {
    io.err(`--listen“${listen}”格式不正确，应为端口或“地址:端口”，例如 8080 或 127.0.0.1:8080。`);
    return 2;
  }
  const started = performance.now();
  const result = await exportSite(deps.db, { out, listen, listings: deps.listings });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.out(`已导出 ${result.urls} 个公开地址到 ${out}：写入 ${result.written} 个文件，${result.unchanged} 个未变，用时 ${seconds} 秒。`);
  return 0;
}
