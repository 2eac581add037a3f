import { compact, lineText, type LayoutDocument } from "./layout";
import type { TableRead } from "./tables/read-tables";

export interface Recognised {
  kind: "budget" | "final";
  scope: "unit" | "department";
  unitName: string;
  year: number;
  template: "hebei-county" | "shanghai-district" | "shanghai-municipal" | "jiangsu-provincial" | "unknown";
}

/** Kind, scope, unit, year and template from the cover, the headings and the shape of the tables. */
export function recognise(doc: LayoutDocument, tables: readonly TableRead[]): Recognised {
  const texts = doc.lines.map((l) => compact(lineText(l)));
  const opening = texts.slice(0, 40).join("\n");
  const titles = tables.map((t) => t.title).join("\n");
  const finalWords = (opening + titles).match(/决算/g)?.length ?? 0;
  const budgetWords = (opening + titles).replace(/预算数/g, "").match(/预算/g)?.length ?? 0;
  const kind = finalWords > 0 && finalWords >= budgetWords / 2 ? "final" : "budget";
  // the cover says which; "部门预算经济分类" names a classification, not the scope
  const cover = opening.replace(/部门预算(支出)?经济分类/g, "");
  const firstScope = /(部门|单位)(预算|决算)/.exec(cover)?.[1];
  const rest = texts.join("\n").slice(0, 20000).replace(/部门预算(支出)?经济分类/g, "");
  const scope = (firstScope ?? ((rest.match(/部门(预算|决算)/g)?.length ?? 0) > (rest.match(/单位(预算|决算)/g)?.length ?? 0) ? "部门" : "单位")) === "部门" ? "department" : "unit";

  let unitName = "";
  for (const text of texts) {
    const m = /(?:部门名称|编制单位|单位名称|预算单位|部门)[:：]([^:：]+?)(?:(?:金额)?单位[:：].*)?$/.exec(text);
    if (m?.[1] && m[1].length >= 3) {
      unitName = m[1];
      break;
    }
  }
  if (!unitName) {
    const cover = texts.find((t) => /^.{3,40}?20\d{2}年(度)?(部门|单位)?(预算|决算)/.test(t));
    unitName = cover?.replace(/20\d{2}年.*$/, "") ?? "";
  }
  unitName = unitName.replace(/^第[一二三四五六七八九十]+部分/, "");
  const yearMatch = /(20\d{2})年(?:度)?(?:部门|单位)?(?:预算|决算)/.exec(opening + titles) ?? /(20\d{2})年/.exec(opening);
  const year = yearMatch ? Number(yearMatch[1]) : 0;

  const three = tables.find((t) => t.kind === "THREE_PUBLIC");
  let template: Recognised["template"] = "unknown";
  if (tables.some((t) => t.columns.some((c) => c.key === "reserve")) || three?.columns.some((c) => c.key === "meeting")) {
    template = "jiangsu-provincial";
  } else if (tables.some((t) => t.splitCodes) || three?.columns.some((c) => c.key === "operatingFunds")) {
    template = /区|县/.test(unitName) ? "shanghai-district" : "shanghai-municipal";
  } else if (tables.some((t) => /^(单位|部门)预算.*表/.test(t.title))) {
    template = "hebei-county";
  }
  return { kind, scope, unitName, year, template };
}
