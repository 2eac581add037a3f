import { LEVEL_LABELS, SCHEME_LABELS } from "./code-structure";
import type { CodeBookImportPlan } from "./prepare-code-book-import";
import { revisionLabel } from "./queries";

/** The plan of a load in plain Chinese lines, for the command line (the screen shows the same as tables). */
export function describePlan(plan: CodeBookImportPlan, limit = 50): string[] {
  const { diff } = plan;
  const lines = [
    `文件“${plan.fileName}”：支出功能分类科目 ${plan.functional.length} 个，支出经济分类科目 ${plan.economic.length} 个。`,
    `将导入为${revisionLabel({ year: plan.year, revision: plan.nextRevision })}科目表。`,
    ...plan.carriedSchemes.map((scheme) => `文件中没有${SCHEME_LABELS[scheme]}，沿用${plan.baseline === null ? "" : revisionLabel(plan.baseline)}的。`),
    plan.baseline === null
      ? "此前没有科目表可比较：全部为新增。"
      : `与${revisionLabel(plan.baseline)}相比：新增 ${diff.added.length} 个，取消 ${diff.removed.length} 个，更名 ${diff.renamed.length} 个，未变 ${diff.unchangedCount} 个。`,
  ];
  if (plan.baseline === null) return lines;
  const section = <T>(title: string, items: readonly T[], line: (item: T) => string) => {
    if (items.length === 0) return;
    lines.push(`${title}：`, ...items.slice(0, limit).map((item) => `  ${line(item)}`));
    if (items.length > limit) lines.push(`  ……另有 ${items.length - limit} 个`);
  };
  section("新增", diff.added, (c) => `${c.code} ${c.name}（${LEVEL_LABELS[c.level]}）`);
  section("取消", diff.removed, (c) => `${c.code} ${c.name}（${LEVEL_LABELS[c.level]}）`);
  section("更名", diff.renamed, (c) => `${c.code} ${c.oldName} → ${c.newName}`);
  return lines;
}
