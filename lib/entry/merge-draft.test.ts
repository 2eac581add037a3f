import { describe, expect, it } from "vitest";
import { draftInputFromBudget } from "@/lib/budgets/budget-draft-input";
import { guantao2024Budget } from "@/lib/demo/guantao-2024";
import { mergeDraft } from "./merge-draft";

describe("mergeDraft", () => {
  it("keeps the other person's saved parts and takes back the parts I changed", () => {
    const base = draftInputFromBudget(guantao2024Budget);
    const theirs = structuredClone(base);
    theirs.income[0]!.amount = "120";
    const mine = structuredClone(base);
    mine.narrative.otherNotes = "我的说明";

    const { draft, taken } = mergeDraft(theirs, base, mine);

    expect(taken).toEqual(["narrative"]);
    expect(draft.income[0]?.amount).toBe("120");
    expect(draft.narrative.otherNotes).toBe("我的说明");
  });

  it("takes my version of a part both changed, since it is what I typed", () => {
    const base = draftInputFromBudget(guantao2024Budget);
    const theirs = structuredClone(base);
    theirs.income[0]!.amount = "120";
    const mine = structuredClone(base);
    mine.income[0]!.amount = "130";
    expect(mergeDraft(theirs, base, mine).draft.income[0]?.amount).toBe("130");
  });
});
