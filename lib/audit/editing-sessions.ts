/** One successful autosave as the audit log recorded it. */
export interface SaveRecord {
  id: number | bigint;
  at: Date;
  userId: string | null;
  /** the number of fields the save changed (details.changedFields) */
  changedFields: number;
}

/** Consecutive saves of one person, each within the gap of the one before. */
export interface EditingSession {
  firstId: number | bigint;
  userId: string | null;
  startedAt: Date;
  endedAt: Date;
  saves: number;
  changedFields: number;
}

/** Saves further apart than this start a new editing session. */
export const EDITING_SESSION_GAP_MS = 30 * 60 * 1000;

/**
 * Groups autosaves (one every 1.5 s while typing) into editing sessions: one per person and
 * sitting, so the budget's history reads as work done, not as a list of keystrokes. A save by
 * someone else in between does not split a session. `saves` must be oldest first.
 */
export function groupEditingSessions(saves: readonly SaveRecord[], gapMs: number = EDITING_SESSION_GAP_MS): EditingSession[] {
  const sessions: EditingSession[] = [];
  const open = new Map<string | null, EditingSession>();
  for (const save of saves) {
    const current = open.get(save.userId);
    if (current !== undefined && save.at.getTime() - current.endedAt.getTime() <= gapMs) {
      current.endedAt = save.at;
      current.saves += 1;
      current.changedFields += save.changedFields;
      continue;
    }
    const session: EditingSession = {
      firstId: save.id,
      userId: save.userId,
      startedAt: save.at,
      endedAt: save.at,
      saves: 1,
      changedFields: save.changedFields,
    };
    sessions.push(session);
    open.set(save.userId, session);
  }
  return sessions;
}
