import type { ClassificationCode, CodeBook } from "@/lib/disclosure/types";
import starter from "./starter/starter-code-book.json";

/** One code of the starter book, with where it was seen (scripts/build-starter-code-book.ts). */
export interface StarterCode extends ClassificationCode {
  years: number[];
  sources: string[];
  otherNames?: string[];
}

const CODES = starter.codes as StarterCode[];

/**
 * The partial code book shipped with the product, for `year`: every code seen in the reference
 * document and the real published documents, plus the functional classes. Not the official book:
 * a bureau loads that (lib/codebooks/import-code-book.ts, or `npm run gongkai -- codebook load`).
 */
export function starterCodeBook(year: number): CodeBook {
  const strip = ({ scheme, code, name, level, parentCode }: StarterCode): ClassificationCode => ({ scheme, code, name, level, parentCode });
  return {
    year,
    functional: CODES.filter((c) => c.scheme === "FUNCTIONAL").map(strip),
    economic: CODES.filter((c) => c.scheme === "ECONOMIC").map(strip),
  };
}

export function starterCodes(): readonly StarterCode[] {
  return CODES;
}
