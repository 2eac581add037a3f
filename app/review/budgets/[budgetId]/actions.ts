"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, idField, type MessageActionState } from "@/lib/action";
import { getRequestActor } from "@/lib/auth/request-actor";
import { reviewCommands } from "@/lib/review/commands";

/** What every review form gets back: a sentence to announce, or the refusal with its field errors. */
export type ReviewActionState = MessageActionState;

const budgetId = idField("缺少预算编号。");
const optionalText = z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? value : undefined), z.string().optional());

function refresh(id: number): void {
  revalidatePath(`/review/budgets/${id}`);
  revalidatePath("/review");
}

const start = action(z.object({ budgetId }), async (input) => {
  const { viewer, clientAddress } = await getRequestActor();
  const result = await reviewCommands.startReview(viewer, { budgetId: input.budgetId, clientAddress });
  refresh(input.budgetId);
  return { message: result.step === "START_DEPARTMENT_REVIEW" ? "已开始主管部门审核。" : "已开始财政审核。" };
});

const returnToUnit = action(
  z.object({ budgetId, message: optionalText }),
  async (input) => {
    const { viewer, clientAddress } = await getRequestActor();
    const result = await reviewCommands.returnBudget(viewer, { budgetId: input.budgetId, message: input.message ?? null, clientAddress });
    refresh(input.budgetId);
    return { message: `已退回单位修改，附审核意见 ${result.openComments} 条。` };
  },
  { echo: ["message"] },
);

const approve = action(
  z.object({
    budgetId,
    confirm: z.literal("yes", { error: "请先勾选确认批复日期，再批复。" }),
    approvedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "批复日期无效，请刷新页面后重试。"),
  }),
  async (input) => {
    const { viewer, clientAddress } = await getRequestActor();
    const approved = await reviewCommands.approveBudget(viewer, { budgetId: input.budgetId, confirmedOn: input.approvedOn, clientAddress });
    refresh(input.budgetId);
    return { message: `已批复，批复日期${approved.approvedOn}；公开期限自这一天起算。` };
  },
);

const comment = action(
  z.object({
    budgetId,
    anchorTable: z.preprocess(
      (value) => (value === "" || value === undefined ? undefined : value),
      z.coerce.number().int().min(1, "表号应为 1 到 9。").max(9, "表号应为 1 到 9。").optional(),
    ),
    anchorRow: optionalText,
    anchorSection: optionalText,
    body: z.string({ error: "请填写审核意见。" }).trim().min(1, "请填写审核意见。").max(2000, "审核意见最多2000个字。"),
    parentId: z.preprocess(
      (value) => (value === "" || value === undefined ? undefined : value),
      z.coerce.number().int().positive("要回复的意见不存在。").optional(),
    ),
  }),
  async (input) => {
    const { viewer, clientAddress } = await getRequestActor();
    await reviewCommands.addComment(viewer, {
      budgetId: input.budgetId,
      anchorTable: input.anchorTable ?? null,
      anchorRow: input.anchorRow ?? null,
      anchorSection: input.anchorSection ?? null,
      body: input.body,
      parentId: input.parentId ?? null,
      clientAddress,
    });
    refresh(input.budgetId);
    revalidatePath("/workspace/units/[unitCode]/budgets/[year]", "page");
    return { message: input.parentId === undefined ? "审核意见已添加。" : "回复已发送。" };
  },
  { echo: ["body"] },
);

const resolve = action(z.object({ budgetId, commentId: idField("缺少意见编号。") }), async (input) => {
  const { viewer, clientAddress } = await getRequestActor();
  await reviewCommands.resolveComment(viewer, { commentId: input.commentId, clientAddress });
  refresh(input.budgetId);
  return { message: "已标记为已解决。" };
});

export async function startReviewAction(previous: ReviewActionState, formData: FormData): Promise<ReviewActionState> {
  return start(previous, formData);
}

export async function returnBudgetAction(previous: ReviewActionState, formData: FormData): Promise<ReviewActionState> {
  return returnToUnit(previous, formData);
}

export async function approveBudgetAction(previous: ReviewActionState, formData: FormData): Promise<ReviewActionState> {
  return approve(previous, formData);
}

export async function addReviewCommentAction(previous: ReviewActionState, formData: FormData): Promise<ReviewActionState> {
  return comment(previous, formData);
}

export async function resolveReviewCommentAction(previous: ReviewActionState, formData: FormData): Promise<ReviewActionState> {
  return resolve(previous, formData);
}
