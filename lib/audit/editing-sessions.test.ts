import { describe, expect, it } from "vitest";
import { groupEditingSessions, type SaveRecord } from "./editing-sessions";

const at = (minutes: number) => new Date(Date.UTC(2024, 0, 10, 1, 0) + minutes * 60_000);
const save = (id: number, minutes: number, userId: string | null, changedFields = 1): SaveRecord => ({ id, at: at(minutes), userId, changedFields });

describe("groupEditingSessions", () => {
  it("makes one entry of a sitting's autosaves, with the number of fields changed", () => {
    const saves = Array.from({ length: 40 }, (_, i) => save(i + 1, i * 0.025, "a", i % 2 === 0 ? 1 : 2));
    expect(groupEditingSessions(saves)).toEqual([{ firstId: 1, userId: "a", startedAt: at(0), endedAt: at(39 * 0.025), saves: 40, changedFields: 60 }]);
  });

  it("starts a new session after 30 minutes without a save, and keeps people apart", () => {
    const sessions = groupEditingSessions([save(1, 0, "a"), save(2, 5, "b", 3), save(3, 29, "a"), save(4, 60, "a", 4), save(5, 61, "b")]);
    expect(sessions.map((s) => [s.userId, s.saves, s.changedFields, s.startedAt.toISOString()])).toEqual([
      ["a", 2, 2, at(0).toISOString()],
      ["b", 1, 3, at(5).toISOString()],
      ["a", 1, 4, at(60).toISOString()],
      ["b", 1, 1, at(61).toISOString()],
    ]);
  });
});
