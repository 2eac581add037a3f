import type { Finding } from "@/lib/disclosure/findings";

/**
 * A stable key for a finding, from its rule and location (not its message, whose numbers change
 * with every edit), so an explanation written for a warning stays attached to it, e.g.
 * `C9|table=T6|rowKey=30110|column=total`.
 */
export function findingKey(finding: Pick<Finding, "rule" | "location">): string {
  const { table, rowKey, column, section, projectCode, lineIndex } = finding.location;
  const parts: [string, string | number | undefined][] = [
    ["table", table],
    ["rowKey", rowKey],
    ["column", column],
    ["section", section],
    ["projectCode", projectCode],
    ["lineIndex", lineIndex],
  ];
  return [finding.rule, ...parts.filter(([, value]) => value !== undefined).map(([name, value]) => `${name}=${value}`)].join("|");
}
