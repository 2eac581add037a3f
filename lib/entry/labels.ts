/** Reads a pasted choice: the value itself (GENERAL_BUDGET) or its label, ignoring spaces and bracket width. */
export function choiceFromText<T extends string>(labels: Record<T, string>, text: string): T | null {
  const norm = (s: string) => s.replace(/\s/g, "").replace(/\(/g, "（").replace(/\)/g, "）");
  const wanted = norm(text);
  if (wanted === "") return null;
  for (const [value, label] of Object.entries(labels) as [T, string][]) {
    if (value === wanted || norm(label) === wanted) return value;
  }
  return null;
}
