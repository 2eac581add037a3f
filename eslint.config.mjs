import checkFile from "eslint-plugin-check-file";
import tseslint from "typescript-eslint";

/**
 * Lint enforces what docs/architecture asks for in prose: the import direction
 * app → components → lib, a pure lib/disclosure, no Prisma in app/, kebab-case file names.
 */
const noDomainEscapes = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", "lib/generated/", ".data/", "test-results/", "playwright-report/", "e2e/.artifacts/", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mts,mjs}"],
    plugins: { "check-file": checkFile },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "check-file/filename-naming-convention": [
        "error",
        { "**/*.{ts,tsx,mjs,mts}": "KEBAB_CASE" },
        { ignoreMiddleExtensions: true },
      ],
      "check-file/folder-naming-convention": [
        "error",
        { "{app,components,lib,e2e,scripts,tests}/**/": "NEXT_JS_APP_ROUTER_CASE" },
      ],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: noDomainEscapes([
      { group: ["@/app/*", "@/components/*", "**/app/*", "**/components/*"], message: "lib/ must not import from app/ or components/." },
    ]),
  },
  {
    files: ["lib/disclosure/**/*.{ts,tsx}"],
    rules: noDomainEscapes([
      {
        group: ["@/*", "!@/lib", "@/lib/*", "!@/lib/disclosure", "!@/lib/disclosure/**"],
        message: "lib/disclosure is the pure core: it imports nothing of the project outside itself.",
      },
      { group: ["react", "react-dom", "next", "next/*", "@prisma/*", "pg", "@/lib/generated/*"], message: "lib/disclosure has no React, Next, Prisma or database code." },
      { group: ["node:*", "fs", "path"], message: "lib/disclosure does no I/O." },
    ]),
  },
  {
    files: ["lib/disclosure/**/*.test.ts", "lib/disclosure/**/test-helpers.ts"],
    rules: noDomainEscapes([
      { group: ["@/app/*", "@/components/*", "@/lib/generated/*", "@prisma/*"], message: "core tests stay pure (demo data and reference fixtures are allowed)." },
    ]),
  },
  {
    // Integration tests of publishing need real renderers, which only the composition root assembles.
    files: ["lib/**/*.integration.test.ts"],
    rules: noDomainEscapes([
      {
        group: ["@/app/*", "@/components/*", "**/app/*", "**/components/*", "!@/app/document-renderers"],
        message: "lib/ integration tests may use the app's composition root (app/document-renderers.ts), nothing else of app/ or components/.",
      },
    ]),
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: noDomainEscapes([
      { group: ["@/app/*"], message: "components/ must not import from app/." },
      { group: ["@prisma/*", "@/lib/generated/*", "@/lib/db"], message: "components/ do not touch the database." },
    ]),
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: noDomainEscapes([
      { group: ["@prisma/*", "@/lib/generated/*", "@/lib/db", "pg"], message: "app/ holds routes only: call a use case or query in lib/, never Prisma." },
    ]),
  },
);
