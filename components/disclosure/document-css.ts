import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The text of disclosure-document.css, read once at module load. Every published page inlines
 * it, so a page never depends on a Next build's hashed assets. The path is taken from the working
 * directory (always the project root: npm scripts, Vitest, next start) because Next bundles this
 * module elsewhere, where a path relative to the module would not exist; Next's file tracing
 * follows a literal path like this one.
 */
export const DOCUMENT_CSS_PATH = path.join(process.cwd(), "components", "disclosure", "disclosure-document.css");

function readDocumentCss(): string {
  try {
    return readFileSync(DOCUMENT_CSS_PATH, "utf8");
  } catch (error) {
    throw new Error(`cannot read the document stylesheet ${DOCUMENT_CSS_PATH}: run from the project root`, { cause: error });
  }
}

export const DOCUMENT_CSS = readDocumentCss();
