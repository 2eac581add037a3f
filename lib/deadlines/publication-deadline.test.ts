import { describe, expect, it } from "vitest";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import {
  assessDeadline,
  chinaDate,
  compareUrgency,
  type BudgetVersionDates,
  type DeadlineAssessment,
} from "./publication-deadline";

/** An instant given as China local time (UTC+8, no daylight saving). */
const china = (local: string): Date => new Date(`${local}+08:00`);

const approvedV1 = (approvedAt: Date, publishedAt: Date | null = null, status: BudgetStatus = publishedAt ? "PUBLISHED" : "APPROVED"): BudgetVersionDates => ({
  version: 1,
  status,
  approvedAt,
  publishedAt,
});

describe("chinaDate", () => {
  it("is the calendar date in Beijing, whatever the UTC date", () => {
    expect(chinaDate(new Date("2024-03-01T15:59:59Z"))).toBe("2024-03-01");
    expect(chinaDate(new Date("2024-03-01T16:00:00Z"))).toBe("2024-03-02");
  });
});

describe("assessDeadline: published budgets", () => {
  const approvedAt = china("2024-03-01T10:00:00");

  it("is on time when published on day 20 (the due date), even at 23:59 China time", () => {
    const result = assessDeadline([approvedV1(approvedAt, china("2024-03-21T23:59:59"))], china("2024-06-01T12:00:00"));
    expect(result).toMatchObject({ status: "PUBLISHED_ON_TIME", dueDate: "2024-03-21", daysLate: null });
  });

  it("is late when published on day 21, even at 00:00 China time (still 20 March in UTC)", () => {
    const publishedAt = china("2024-03-22T00:00:00");
    expect(publishedAt.toISOString()).toBe("2024-03-21T16:00:00.000Z");
    const result = assessDeadline([approvedV1(approvedAt, publishedAt)], china("2024-06-01T12:00:00"));
    expect(result).toMatchObject({ status: "PUBLISHED_LATE", dueDate: "2024-03-21", daysLate: 1 });
  });

  it("counts from the China date of 批复: approved at 23:59 and at 00:00 the next day differ by one day", () => {
    const late = assessDeadline([approvedV1(china("2024-03-01T23:59:00"), china("2024-03-22T09:00:00"))], china("2024-06-01T00:00:00"));
    const onTime = assessDeadline([approvedV1(china("2024-03-02T00:00:00"), china("2024-03-22T09:00:00"))], china("2024-06-01T00:00:00"));
    expect(late.status).toBe("PUBLISHED_LATE");
    expect(onTime.status).toBe("PUBLISHED_ON_TIME");
    expect(onTime.dueDate).toBe("2024-03-22");
  });

  it("is on time when published the same day as 批复", () => {
    expect(assessDeadline([approvedV1(approvedAt, china("2024-03-01T18:00:00"))], approvedAt).status).toBe("PUBLISHED_ON_TIME");
  });
});

describe("assessDeadline: approved, not yet published", () => {
  const approvedAt = china("2024-03-01T10:00:00");

  it("is pending on day 20 with 0 days left, due that day", () => {
    const result = assessDeadline([approvedV1(approvedAt)], china("2024-03-21T23:59:00"));
    expect(result).toMatchObject({ status: "PENDING", daysSinceApproval: 20, daysLeft: 0, dueDate: "2024-03-21" });
  });

  it("is overdue from 00:00 China time on day 21", () => {
    const result = assessDeadline([approvedV1(approvedAt)], china("2024-03-22T00:00:00"));
    expect(result).toMatchObject({ status: "OVERDUE", daysSinceApproval: 21, daysLate: 1, daysLeft: null });
  });

  it("uses China time for today: 16:30 UTC is already the next day in Beijing", () => {
    expect(assessDeadline([approvedV1(approvedAt)], new Date("2024-03-21T15:59:00Z")).status).toBe("PENDING");
    expect(assessDeadline([approvedV1(approvedAt)], new Date("2024-03-21T16:30:00Z")).status).toBe("OVERDUE");
  });

  it("shows the days left on the day of 批复", () => {
    expect(assessDeadline([approvedV1(approvedAt)], approvedAt)).toMatchObject({ status: "PENDING", daysLeft: 20, daysSinceApproval: 0 });
  });

  it("keeps counting while the budget is signed off but not published", () => {
    const result = assessDeadline([approvedV1(approvedAt, null, "SIGNED_OFF")], china("2024-03-26T09:00:00"));
    expect(result).toMatchObject({ status: "OVERDUE", daysSinceApproval: 25, daysLate: 5 });
  });
});

describe("assessDeadline: before 批复", () => {
  const now = china("2024-03-10T09:00:00");

  it.each<[string, BudgetVersionDates[]]>([
    ["no budget", []],
    ["a draft", [{ version: 1, status: "DRAFT", approvedAt: null, publishedAt: null }]],
    ["a returned budget", [{ version: 1, status: "RETURNED", approvedAt: null, publishedAt: null }]],
  ])("is not submitted with %s", (_name, versions) => {
    expect(assessDeadline(versions, now)).toMatchObject({ status: "NOT_SUBMITTED", approvedAt: null, dueDate: null, daysSinceApproval: null });
  });

  it.each<BudgetStatus>(["SUBMITTED", "DEPARTMENT_REVIEW", "FINANCE_REVIEW"])("is in review when %s", (status) => {
    expect(assessDeadline([{ version: 1, status, approvedAt: null, publishedAt: null }], now).status).toBe("IN_REVIEW");
  });
});

describe("assessDeadline: corrections", () => {
  const v1Approved = china("2024-03-01T10:00:00");

  it("keeps the first publication of the approved version: a late correction does not make it late", () => {
    const versions: BudgetVersionDates[] = [
      { version: 2, status: "PUBLISHED", approvedAt: china("2024-05-01T10:00:00"), publishedAt: china("2024-06-30T10:00:00") },
      approvedV1(v1Approved, china("2024-03-15T10:00:00")),
    ];
    expect(assessDeadline(versions, china("2024-07-01T10:00:00"))).toMatchObject({
      status: "PUBLISHED_ON_TIME",
      approvedAt: v1Approved,
      publishedAt: china("2024-03-15T10:00:00"),
    });
  });

  it("does not restart the clock: a late first publication stays late after a prompt correction", () => {
    const versions: BudgetVersionDates[] = [
      approvedV1(v1Approved, china("2024-04-15T10:00:00")),
      { version: 2, status: "PUBLISHED", approvedAt: china("2024-05-01T10:00:00"), publishedAt: china("2024-05-02T10:00:00") },
    ];
    expect(assessDeadline(versions, china("2024-07-01T10:00:00"))).toMatchObject({ status: "PUBLISHED_LATE", daysLate: 25 });
  });

  it("stays published while a correction is only a draft", () => {
    const versions: BudgetVersionDates[] = [
      approvedV1(v1Approved, china("2024-03-05T10:00:00")),
      { version: 2, status: "DRAFT", approvedAt: null, publishedAt: null },
    ];
    expect(assessDeadline(versions, china("2024-07-01T10:00:00")).status).toBe("PUBLISHED_ON_TIME");
  });
});

describe("compareUrgency", () => {
  const now = china("2024-04-01T10:00:00");
  const row = (key: string, versions: BudgetVersionDates[]): { key: string; assessment: DeadlineAssessment } => ({
    key,
    assessment: assessDeadline(versions, now),
  });

  it("puts the longest overdue first, then the pending ones by days left, then the rest", () => {
    const rows = [
      row("onTime", [approvedV1(china("2024-03-01T10:00:00"), china("2024-03-02T10:00:00"))]),
      row("pending5", [approvedV1(china("2024-03-17T10:00:00"))]),
      row("overdue2", [approvedV1(china("2024-03-10T10:00:00"))]),
      row("draft", [{ version: 1, status: "DRAFT", approvedAt: null, publishedAt: null }]),
      row("overdue10", [approvedV1(china("2024-03-02T10:00:00"))]),
      row("pending1", [approvedV1(china("2024-03-13T10:00:00"))]),
      row("late", [approvedV1(china("2024-01-01T10:00:00"), china("2024-03-01T10:00:00"))]),
      row("review", [{ version: 1, status: "SUBMITTED", approvedAt: null, publishedAt: null }]),
    ];
    expect(rows.sort(compareUrgency).map((r) => r.key)).toEqual([
      "overdue10",
      "overdue2",
      "pending1",
      "pending5",
      "draft",
      "review",
      "late",
      "onTime",
    ]);
  });
});
