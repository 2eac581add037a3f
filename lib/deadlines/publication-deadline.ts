import type { BudgetStatus } from "@/lib/generated/prisma/enums";

/**
 * The publication deadline (《地方预决算公开操作规程》: 部门预算 are published within 20 days of
 * the finance bureau's 批复), as a pure rule. Days are calendar days in China time
 * (Asia/Shanghai): a budget approved at 23:59 on 1 March and one approved at 00:01 the same day
 * share the due date 21 March, and publishing at any time on 21 March is on time.
 */
export const PUBLICATION_DEADLINE_DAYS = 20;

export const DEADLINE_RULE_TEXT = `规则：批复后 ${PUBLICATION_DEADLINE_DAYS} 日内公开。天数按北京时间的自然日计算，批复当日为第 0 日，第 ${PUBLICATION_DEADLINE_DAYS} 日（截止日）当天公开仍属按时公开；更正版本不重新计时，以批复版本的首次公开为准。`;

export type DeadlineStatus =
  /** more than 20 days since 批复 and not published */
  | "OVERDUE"
  /** approved, within the 20 days, not yet published */
  | "PENDING"
  /** no budget, or a draft / returned budget that was never approved */
  | "NOT_SUBMITTED"
  /** submitted and under review, not approved yet: the clock has not started */
  | "IN_REVIEW"
  /** published more than 20 days after 批复 */
  | "PUBLISHED_LATE"
  /** published within 20 days of 批复 */
  | "PUBLISHED_ON_TIME";

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  OVERDUE: "已逾期未公开",
  PENDING: "待公开",
  NOT_SUBMITTED: "未报送",
  IN_REVIEW: "审核中（未批复）",
  PUBLISHED_LATE: "逾期公开",
  PUBLISHED_ON_TIME: "按时公开",
};

/** Most urgent first: the order of the dashboard and of its summary. */
export const DEADLINE_STATUS_ORDER: readonly DeadlineStatus[] = [
  "OVERDUE",
  "PENDING",
  "NOT_SUBMITTED",
  "IN_REVIEW",
  "PUBLISHED_LATE",
  "PUBLISHED_ON_TIME",
];

export function isDeadlineStatus(value: string): value is DeadlineStatus {
  return (DEADLINE_STATUS_ORDER as readonly string[]).includes(value);
}

/** One version of a unit's budget for the year, as the rule needs it. */
export interface BudgetVersionDates {
  version: number;
  status: BudgetStatus;
  approvedAt: Date | null;
  publishedAt: Date | null;
}

export interface DeadlineAssessment {
  status: DeadlineStatus;
  /** the 批复 that started the clock: of the first approved version */
  approvedAt: Date | null;
  /** the first publication of that version */
  publishedAt: Date | null;
  /** calendar days (China time) from 批复 to today; null before 批复 */
  daysSinceApproval: number | null;
  /** 批复 day + 20, as YYYY-MM-DD (China time); null before 批复 */
  dueDate: string | null;
  /** PENDING: days left including today's date difference (0 = due today) */
  daysLeft: number | null;
  /** OVERDUE / PUBLISHED_LATE: days past the due date (as of today, or of the publication) */
  daysLate: number | null;
}

const MS_PER_DAY = 86_400_000;

const CHINA_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in China of an instant, as YYYY-MM-DD. */
export function chinaDate(instant: Date): string {
  return CHINA_DATE.format(instant);
}

/** Days since 1970-01-01 of the China calendar date of an instant. */
export function chinaDayNumber(instant: Date): number {
  const [year, month, day] = chinaDate(instant).split("-").map(Number);
  return Math.round(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / MS_PER_DAY);
}

function dayNumberToDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

const BEFORE_SUBMISSION: ReadonlySet<BudgetStatus> = new Set<BudgetStatus>(["DRAFT", "RETURNED"]);

/**
 * Where a unit stands against the deadline for one year, from all its budget versions for that
 * year (any order) and the current instant. The clock is the first approved version's: a
 * correction (version n+1) neither restarts it nor counts as its publication.
 */
export function assessDeadline(versions: readonly BudgetVersionDates[], now: Date): DeadlineAssessment {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const approved = sorted.find((version) => version.approvedAt !== null);
  if (approved === undefined || approved.approvedAt === null) {
    const newest = sorted.at(-1);
    const notSubmitted = newest === undefined || BEFORE_SUBMISSION.has(newest.status);
    return {
      status: notSubmitted ? "NOT_SUBMITTED" : "IN_REVIEW",
      approvedAt: null,
      publishedAt: null,
      daysSinceApproval: null,
      dueDate: null,
      daysLeft: null,
      daysLate: null,
    };
  }
  const approvalDay = chinaDayNumber(approved.approvedAt);
  const dueDay = approvalDay + PUBLICATION_DEADLINE_DAYS;
  const today = chinaDayNumber(now);
  const common = {
    approvedAt: approved.approvedAt,
    publishedAt: approved.publishedAt,
    daysSinceApproval: today - approvalDay,
    dueDate: dayNumberToDate(dueDay),
  };
  if (approved.publishedAt !== null) {
    const publishedDay = chinaDayNumber(approved.publishedAt);
    const late = publishedDay > dueDay;
    return { ...common, status: late ? "PUBLISHED_LATE" : "PUBLISHED_ON_TIME", daysLeft: null, daysLate: late ? publishedDay - dueDay : null };
  }
  if (today > dueDay) return { ...common, status: "OVERDUE", daysLeft: null, daysLate: today - dueDay };
  return { ...common, status: "PENDING", daysLeft: dueDay - today, daysLate: null };
}

/**
 * Most urgent first: overdue (longest overdue first), pending (fewest days left first), then
 * the rest by status; ties by the given key (unit code).
 */
export function compareUrgency(
  a: { assessment: DeadlineAssessment; key: string },
  b: { assessment: DeadlineAssessment; key: string },
): number {
  const rank = DEADLINE_STATUS_ORDER.indexOf(a.assessment.status) - DEADLINE_STATUS_ORDER.indexOf(b.assessment.status);
  if (rank !== 0) return rank;
  if (a.assessment.status === "OVERDUE") {
    const byLate = (b.assessment.daysLate ?? 0) - (a.assessment.daysLate ?? 0);
    if (byLate !== 0) return byLate;
  }
  if (a.assessment.status === "PENDING") {
    const byLeft = (a.assessment.daysLeft ?? 0) - (b.assessment.daysLeft ?? 0);
    if (byLeft !== 0) return byLeft;
  }
  return a.key.localeCompare(b.key);
}
