import type { Budget } from "@/lib/disclosure/types";

export type LeafValue = string | number | boolean | null;

export interface FieldChange {
  /** dotted leaf path of the Budget, e.g. `expenditure.3.amount` */
  path: string;
  /** undefined when the leaf did not exist (a row added or removed) */
  oldValue: LeafValue | undefined;
  newValue: LeafValue | undefined;
}

/** Every leaf of a plain JSON-like value by dotted path; arrays by index. */
export function leaves(value: unknown, prefix = "", out = new Map<string, LeafValue>()): Map<string, LeafValue> {
  if (Array.isArray(value)) {
    value.forEach((item, index) => leaves(item, prefix === "" ? String(index) : `${prefix}.${index}`, out));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) leaves(item, prefix === "" ? key : `${prefix}.${key}`, out);
  } else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null) {
    out.set(prefix, value);
  }
  return out;
}

/** The leaf paths whose value differs between two versions of a budget, in the new budget's order. */
export function budgetChanges(before: Budget, after: Budget): FieldChange[] {
  const oldLeaves = leaves(before);
  const newLeaves = leaves(after);
  const changes: FieldChange[] = [];
  for (const [path, newValue] of newLeaves) {
    const oldValue = oldLeaves.get(path);
    if (!oldLeaves.has(path) || oldValue !== newValue) changes.push({ path, oldValue, newValue });
  }
  for (const [path, oldValue] of oldLeaves) {
    if (!newLeaves.has(path)) changes.push({ path, oldValue, newValue: undefined });
  }
  return changes;
}
