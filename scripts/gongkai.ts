/**
 * Entry of `npm run gongkai -- …` (run by scripts/with-db.ts with DATABASE_URL set): the
 * composition root of the command line. Commands that publish or render get the app's document
 * renderers here (lib/ may not import app/ or components/); every other command is lib/cli/main.ts.
 */
import path from "node:path";
import { documentRenderers, publicSiteRenderers } from "@/app/document-renderers";
import { runExportSiteCli } from "@/lib/cli/export-site-command";
import { runPublicationCli } from "@/lib/cli/publication-commands";
import { disconnectPrisma, prisma } from "@/lib/db";
import { createRenderPool } from "@/lib/publication/render-pool";
import type { ListingSource } from "@/lib/mirror/mirror-routes";
import { siteListings } from "@/lib/mirror/site-listings";
import { createSiteRouter } from "@/lib/public-site/site-router";

/**
 * The citizen side's listings the mirror writes beside the documents: home, open data, the search
 * and comparison forms, and each region's listing, overview and transparency page, rendered by the
 * app's own site router so the mirror and the app send the same bytes.
 */
const mirrorListings: ListingSource[] = [siteListings((db) => createSiteRouter(db, publicSiteRenderers))];

/** PDF, Word and XLSX of a batch publication render in worker threads running this entry (ADR 0028). */
const RENDER_WORKER = path.join(process.cwd(), "app/render-worker.ts");

const io = {
  out: (text: string) => process.stdout.write(text + "\n"),
  err: (text: string) => process.stderr.write(text + "\n"),
};

async function run(command: "publication" | "export-site", argv: string[]): Promise<number> {
  try {
    return command === "publication"
      ? await runPublicationCli(argv, { db: prisma, renderers: documentRenderers, renderPool: () => createRenderPool(documentRenderers, { workerFile: RENDER_WORKER }) }, io)
      : await runExportSiteCli(argv, { db: prisma, listings: mirrorListings }, io);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    io.err(`运行失败：${detail}`);
    if (process.env.GONGKAI_DEBUG) console.error(error);
    return 3;
  } finally {
    await disconnectPrisma();
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === "publication" || command === "export-site") {
  void run(command, rest).then((code) => {
    process.exitCode = code;
  });
} else {
  void import("@/lib/cli/main");
}
