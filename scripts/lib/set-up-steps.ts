/**
 * The database set-up every `npm start` (and `npm run dev`) runs before serving, in order. The
 * restart test (scripts/restart.integration.test.ts) runs exactly these, so what it shows holds for
 * a real start.
 */
export interface SetUpStep {
  title: string;
  /** a Node CLI of the project, relative to the project root */
  script: string;
  args: readonly string[];
}

export const PRISMA_CLI = "node_modules/prisma/build/index.js";
export const TSX_CLI = "node_modules/tsx/dist/cli.mjs";

export const SET_UP_STEPS: readonly SetUpStep[] = [
  { title: "Applying migrations (prisma migrate deploy)", script: PRISMA_CLI, args: ["migrate", "deploy"] },
  {
    // Writes nothing unless the database is empty and GONGKAI_DEMO is not "false" (lib/demo/load-demo.ts).
    title: "Loading the demo into an empty database unless GONGKAI_DEMO=false (prisma/seed.ts)",
    script: TSX_CLI,
    args: ["prisma/seed.ts"],
  },
];
