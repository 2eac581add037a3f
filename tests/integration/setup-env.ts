import { inject } from "vitest";

// lib/db.ts reads DATABASE_URL on first use, so setting it before any test runs is enough.
process.env.DATABASE_URL = inject("databaseUrl");
