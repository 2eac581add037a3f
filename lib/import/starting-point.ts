import type { NarrativeParagraph } from "@/lib/disclosure/narrative";
import type { GlossaryEntry, PriorYear } from "@/lib/disclosure/types";
import { ImportError } from "./import-error";
import type { ImportedDocument } from "./import-document";

/** What last year's published document gives an accountant starting the next year. */
export interface StartingPoint {
  /** last year's figures every 比上年 comparison of the new draft needs */
  priorYear: PriorYear;
  /** 职责 paragraphs, offered as the starting text */
  duties: string[];
  /** 机构设置 text */
  organisation: string;
  /** 名词解释 entries */
  glossary: GlossaryEntry[];
}

const HEADING = /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分|\d+[.．、])?\S{0,30}?(主要职能|主要职责|部门职责|单位职责|职能职责|机构设置|名词解释|预算编制说明|编制说明|情况说明|收支预算|预算表)\S{0,10}$/;

/** The paragraphs under the first heading naming `name` that has any (the table of contents has none). */
function section(paragraphs: readonly NarrativeParagraph[], name: RegExp): string[] {
  for (let start = 0; start < paragraphs.length; start++) {
    const text = paragraphs[start]?.text ?? "";
    const m = name.exec(text);
    if (!m || m.index > 30) continue;
    const heading = text.slice(0, m.index + m[0].length);
    if (!HEADING.test(heading)) continue;
    // a heading printed on the same line as its first paragraph
    const rest = text.slice(heading.length).replace(/^[：:]/, "");
    const out = /。/.test(rest) ? [rest] : [];
    for (const p of paragraphs.slice(start + 1)) {
      const isHeading = (HEADING.test(p.text) && p.text.length <= 40 && !/[：:]$/.test(p.text)) || /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)/.test(p.text);
      const other = /^.{0,30}?(主要职能|主要职责|部门职责|单位职责|机构设置|名词解释|编制说明)/.exec(p.text);
      if (isHeading || (other?.[1] && !name.test(other[1]))) break;
      out.push(p.text);
    }
    if (out.length) return out;
  }
  return [];
}

function glossaryOf(texts: readonly string[]): GlossaryEntry[] {
  return texts.flatMap((text) => {
    const m = /^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])?\s*([^：:]{2,20})[：:](.+)$/.exec(text);
    return m?.[1] && m[2] ? [{ term: m[1], definition: m[2] }] : [];
  });
}

/**
 * The starting point of a new year from last year's published budget: its totals as the prior
 * year, its 职责, 机构设置 and 名词解释 as texts to start from. A 决算 is not a budget to start from.
 */
export function startingPointFrom(doc: ImportedDocument): StartingPoint {
  if (doc.kind === "final") {
    throw new ImportError("NOT_A_BUDGET", "这是决算公开文件，不能作为上年预算导入；请选择上年的预算公开文件。");
  }
  const total = doc.figures.expenditureTotal ?? doc.figures.incomeTotal;
  if (!total || !doc.year) {
    throw new ImportError("NOT_A_BUDGET", "没有从文件中读出预算年度或收支总计，无法作为上年预算导入。");
  }
  return {
    priorYear: {
      year: doc.year,
      total: total.fen,
      basic: doc.figures.basic?.fen ?? 0,
      project: doc.figures.project?.fen ?? 0,
      threePublic: doc.figures.threePublic?.fen ?? 0,
    },
    duties: section(doc.paragraphs, /主要职能|主要职责|部门职责|单位职责|职能职责/),
    organisation: section(doc.paragraphs, /机构设置/).join("\n"),
    glossary: glossaryOf(section(doc.paragraphs, /名词解释/)),
  };
}
