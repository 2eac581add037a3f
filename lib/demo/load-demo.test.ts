import { describe, expect, it } from "vitest";
import { decideDemo, isEmptyDatabase, type DatabaseContents } from "./load-demo";

const EMPTY: DatabaseContents = { regions: 0, units: 0, users: 0, budgets: 0 };

describe("decideDemo", () => {
  it("loads the demo only when it is enabled and the database is empty", () => {
    expect(decideDemo(true, EMPTY)).toBe("load");
    expect(decideDemo(false, EMPTY)).toBe("disabled");
  });

  it.each(["regions", "units", "users", "budgets"] as const)("treats a database with one row in %s as in use", (key) => {
    const contents = { ...EMPTY, [key]: 1 };
    expect(isEmptyDatabase(contents)).toBe(false);
    expect(decideDemo(true, contents)).toBe("not-empty");
    expect(decideDemo(false, contents)).toBe("disabled");
  });
});
