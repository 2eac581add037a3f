/**
 * Entry of `npm run gongkai -- …` (run by scripts/with-db.ts with DATABASE_URL set): the
 * composition root of the command line. Commands that publish or render get the app's document
 * renderers here (lib/ may not import app/ or components/); every other command is lib/cli/main.ts.
 */
import { documentRenderers } from "@/app/document-renderers";
import { runPublicationCli } from "@/lib/cli/publication-commands";
import { disconnectPrisma, prisma } from "@/lib/db";

const io = {
  out: (text: string) => process.stdout.write(text + "\n"),
  err: (text: string) => process.stderr.write(text + "\n"),
};

async function run(argv: string[]): Promise<number> {
  try {
    return await runPublicationCli(argv, { db: prisma, renderers: documentRenderers }, io);
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
if (command === "publication") {
  void run(rest).then((code) => {
    process.exitCode = code;
  });
} else {
  void import("@/lib/cli/main");
}
