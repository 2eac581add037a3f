"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, idField, type MessageActionState } from "@/lib/action";
import { getRequestActor } from "@/lib/auth/request-actor";
import { budgetYears } from "@/lib/budget-years/budget-year-admin";

const openSchema = z.object({
  regionId: idField("缺少地区。"),
  year: z.coerce.number({ error: "请填写预算年度。" }).int("请填写有效的预算年度。").min(1990, "请填写有效的预算年度。").max(2999, "请填写有效的预算年度。"),
  codeBookRevisionId: idField("请选择科目表版本。"),
  submissionDeadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "请填写报送截止日期。"),
});

const open = action(
  openSchema,
  async (input) => {
    const opened = await budgetYears.open(await getRequestActor(), input);
    revalidatePath("/review/years");
    return { message: `${opened.isNew ? "已开放" : "已更新"}${opened.year}年预算：使用${opened.revisionLabel}科目表，报送截止日期 ${input.submissionDeadline}。` };
  },
  { echo: ["year", "codeBookRevisionId", "submissionDeadline"] },
);

export async function openBudgetYearAction(previous: MessageActionState, formData: FormData): Promise<MessageActionState> {
  return open(previous, formData);
}
