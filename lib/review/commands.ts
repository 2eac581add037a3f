import type { Viewer } from "@/lib/auth/policies";
import { prisma } from "@/lib/db";
import { addReviewComment, type AddReviewCommentInput } from "@/lib/workflow/add-review-comment";
import { approveBudget, type ApproveBudgetInput } from "@/lib/workflow/approve-budget";
import { resolveReviewComment, type ResolveReviewCommentInput } from "@/lib/workflow/resolve-review-comment";
import { returnBudget, type ReturnBudgetInput } from "@/lib/workflow/return-budget";
import { startReview } from "@/lib/workflow/start-review";
import type { WorkflowRequest } from "@/lib/workflow/workflow-access";

/**
 * The review decisions and comments on the application's database, for the server actions
 * (app/ holds no database code). Authorization and state checks are inside the use cases.
 */
export const reviewCommands = {
  startReview: (viewer: Viewer | null, input: WorkflowRequest) => startReview(prisma, viewer, input),
  returnBudget: (viewer: Viewer | null, input: ReturnBudgetInput) => returnBudget(prisma, viewer, input),
  approveBudget: (viewer: Viewer | null, input: ApproveBudgetInput) => approveBudget(prisma, viewer, input),
  addComment: (viewer: Viewer | null, input: AddReviewCommentInput) => addReviewComment(prisma, viewer, input),
  resolveComment: (viewer: Viewer | null, input: ResolveReviewCommentInput) => resolveReviewComment(prisma, viewer, input),
};
