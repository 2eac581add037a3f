import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Loads the same .env files, in the same precedence, as Next.js does, so a DATABASE_URL written
 * there decides between the embedded server and an external one for the scripts as well as for
 * the app. Variables already in the environment win; process.loadEnvFile never overrides them,
 * so loading the most specific file first gives it precedence over the later ones.
 */
export function loadEnvFiles(root: string, mode: "development" | "production"): string[] {
  const candidates = [`.env.${mode}.local`, ".env.local", `.env.${mode}`, ".env"];
  const loaded = candidates.filter((file) => existsSync(path.join(root, file)));
  for (const file of loaded) process.loadEnvFile(path.join(root, file));
  return loaded;
}
