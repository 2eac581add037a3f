import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI cannot download its native schema engine offline; this Wasm-backed stand-in replaces it
// (docs/decisions/0002-offline-prisma-schema-engine.md). The config loads before the engine is resolved.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "scripts/prisma-engine/schema-engine");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  // Not env(): it throws when DATABASE_URL is unset, which would break `prisma generate` on install.
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/gongkai" },
});
