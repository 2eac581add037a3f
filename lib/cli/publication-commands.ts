import { parseArgs } from "node:util";
import { AppError } from "@/lib/app-error";
import type { RoleGrant, Viewer } from "@/lib/auth/policies";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { addMissingFiles, type AddableKind } from "@/lib/publication/add-missing-files";
import type { DocumentRenderers } from "@/lib/publication/publish-budget";
import type { RenderPool } from "@/lib/publication/render-pool";
import { publishSignedOffBudgets } from "@/lib/workflow/publish-signed-off-budgets";
import type { CliIo } from "./run-cli";

export const PUBLICATION_USAGE = `用法：
  npm run gongkai -- publication add-missing-pdf
      为公开时未能生成 PDF 的版本补充 PDF（其他文件及其校验值不变），每份记入审计日志
  npm run gongkai -- publication add-missing-docx
      为此前公开、没有 Word 文件的版本补充 Word 文件（.docx），同上
  npm run gongkai -- publication publish-signed-off --region <地区编码> --year <年度> --reviewer <财政审核人邮箱>
      以该财政部门审核人的名义，逐份公开本地区该年度全部“已审签”的预算（每份单独成事务、单独审计）`;

export interface PublicationCliDeps {
  db: DbClient & DbReader;
  renderers: DocumentRenderers;
  /** worker threads for a batch's PDF, Word and XLSX files (lib/publication/render-pool.ts); absent: all on this thread */
  renderPool?: () => RenderPool;
}

/** Exit codes as the other commands: 0 ok, 1 some documents failed, 2 bad input. */
export async function runPublicationCli(
  argv: string[],
  deps: PublicationCliDeps,
  io: CliIo,
): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand === "add-missing-pdf" && rest.length === 0) return addMissing("PDF", deps, io);
  if (subcommand === "add-missing-docx" && rest.length === 0) return addMissing("DOCX", deps, io);
  if (subcommand === "publish-signed-off") return publishSignedOff(rest, deps, io);
  io.err(subcommand === undefined ? PUBLICATION_USAGE : `未知的 publication 子命令或参数：“${argv.join(" ")}”。\n\n${PUBLICATION_USAGE}`);
  return 2;
}

const KIND_NAMES: Record<AddableKind, string> = { PDF: "PDF", DOCX: "Word 文件" };

async function addMissing(kind: AddableKind, deps: { db: DbClient & DbReader; renderers: DocumentRenderers }, io: CliIo): Promise<number> {
  const name = KIND_NAMES[kind];
  const result = await addMissingFiles(deps.db, deps.renderers, {
    kind,
    source: `cli: publication add-missing-${kind.toLowerCase()}`,
    onProgress: (done, total, path) => io.out(`[${done}/${total}] ${path}`),
  });
  for (const file of result.added) io.out(`已补充 ${name}：${file.path}（${file.size} 字节，SHA-256 ${file.sha256}）`);
  for (const failure of result.failed) io.err(`未能补充 ${name}：${failure.path}：${failure.reason}`);
  if (result.added.length === 0 && result.failed.length === 0) io.out(`所有已公开版本都有 ${name}，无需补充。`);
  else io.out(`共补充 ${result.added.length} 份 ${name}${result.failed.length > 0 ? `，${result.failed.length} 份失败` : ""}。`);
  return result.failed.length > 0 ? 1 : 0;
}

/** The account the operator acts as, with its roles; null when there is none. */
async function viewerByEmail(db: DbReader, email: string): Promise<Viewer | null> {
  const user = await db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, roleAssignments: { select: { role: true, unitId: true, departmentId: true, regionId: true }, orderBy: { id: "asc" } } },
  });
  if (user === null) return null;
  return {
    userId: user.id,
    roles: user.roleAssignments.map(
      ({ role, unitId, departmentId, regionId }): RoleGrant => ({
        role,
        ...(unitId !== null ? { unitId } : {}),
        ...(departmentId !== null ? { departmentId } : {}),
        ...(regionId !== null ? { regionId } : {}),
      }),
    ),
  };
}

async function publishSignedOff(args: string[], deps: PublicationCliDeps, io: CliIo): Promise<number> {
  let values: { region?: string; year?: string; reviewer?: string };
  try {
    ({ values } = parseArgs({ args, options: { region: { type: "string" }, year: { type: "string" }, reviewer: { type: "string" } }, strict: true }));
  } catch (error) {
    io.err(`参数有误：${error instanceof Error ? error.message : String(error)}\n\n${PUBLICATION_USAGE}`);
    return 2;
  }
  const region = values.region?.trim() ?? "";
  const year = values.year?.trim() ?? "";
  const reviewer = values.reviewer?.trim() ?? "";
  if (!/^\d{6,12}$/.test(region) || !/^\d{4}$/.test(year) || reviewer === "") {
    io.err(`需要 --region（地区编码，例如 130433）、--year（四位年度）和 --reviewer（财政部门审核人的邮箱）。\n\n${PUBLICATION_USAGE}`);
    return 2;
  }
  const viewer = await viewerByEmail(deps.db, reviewer);
  if (viewer === null) {
    io.err(`未找到邮箱为“${reviewer}”的账号。`);
    return 2;
  }
  const started = performance.now();
  const pool = deps.renderPool?.() ?? null;
  try {
    const result = await publishSignedOffBudgets(
      deps.db,
      viewer,
      { regionCode: region, year: Number(year), clientAddress: null },
      pool?.renderers ?? deps.renderers,
      {
        // one budget stored while the workers render the next ones
        concurrency: pool === null ? 1 : pool.size + 1,
        onProgress: (item, done, total) =>
          io.out(
            `[${done}/${total}] ${item.unitCode} ${item.unitName} 第${item.version}版：` +
              (item.ok ? `已公开 ${item.path}（${Math.round(item.milliseconds)} ms）` : `未公开：${item.message}`),
          ),
      },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.items.length === 0) io.out(`地区 ${region} ${year} 年没有已审签待公开的预算。`);
    else io.out(`共公开 ${result.published} 份${result.failed > 0 ? `，${result.failed} 份未公开` : ""}，用时 ${seconds} 秒。`);
    return result.failed > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof AppError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  } finally {
    await pool?.close();
  }
}
