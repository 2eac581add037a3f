"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { documentRenderers } from "@/app/document-renderers";
import { action, idField, type MessageActionState } from "@/lib/action";
import { getRequestActor } from "@/lib/auth/request-actor";
import { applicationUnitCommands } from "@/lib/review/screens";

/** The unit's workflow forms on its budget page: a sentence to announce, or the refusal. */
export type UnitActionState = MessageActionState;

const budgetId = idField("缺少预算编号。");
const commands = () => applicationUnitCommands(documentRenderers);

function refresh(): void {
  revalidatePath("/workspace/units/[unitCode]/budgets/[year]", "page");
  revalidatePath("/workspace/sign-off/[budgetId]", "page");
  revalidatePath("/workspace");
}

const withdraw = action(z.object({ budgetId }), async (input) => {
  const { viewer, clientAddress } = await getRequestActor();
  await commands().withdraw(viewer, { budgetId: input.budgetId, clientAddress });
  refresh();
  return { message: "已撤回，预算回到草稿状态，可以继续修改。" };
});

const secrecy = action(
  z.object({
    budgetId,
    statement: z.string({ error: "请填写保密审查说明。" }).trim().min(1, "请填写保密审查说明。").max(200, "保密审查说明最多200个字。"),
  }),
  async (input) => {
    const { viewer, clientAddress } = await getRequestActor();
    await commands().recordSecrecyReview(viewer, { budgetId: input.budgetId, statement: input.statement, clientAddress });
    refresh();
    return { message: "保密审查已记录。" };
  },
  { echo: ["statement"] },
);

const signOff = action(z.object({ budgetId, confirm: z.literal("yes", { error: "请先勾选确认，再审签。" }) }), async (input) => {
  const { viewer, clientAddress } = await getRequestActor();
  const signed = await commands().signOff(viewer, { budgetId: input.budgetId, clientAddress });
  refresh();
  return { message: `${signed.signerName}已审签，单位可以公开本预算。` };
});

const paperSignOff = action(
  z.object({
    budgetId,
    signerName: z.string({ error: "请填写签字负责人姓名。" }).trim().min(1, "请填写签字负责人姓名。").max(50, "姓名最多50个字。"),
    sheet: z.instanceof(File, { error: "请选择签字后的审签单文件（PDF、JPEG 或 PNG）。" }),
  }),
  async (input) => {
    const { viewer, clientAddress } = await getRequestActor();
    const bytes = new Uint8Array(await input.sheet.arrayBuffer());
    await commands().recordPaperSignOff(viewer, {
      budgetId: input.budgetId,
      signerName: input.signerName,
      sheet: { bytes, fileName: input.sheet.name },
      clientAddress,
    });
    refresh();
    return { message: "纸质审签单已上传，负责人审签已记录。" };
  },
  { echo: ["signerName"] },
);

const publish = action(
  z.object({ budgetId, confirm: z.literal("yes", { error: "请先勾选确认，再公开。" }) }),
  async (input) => {
    const { viewer, clientAddress } = await getRequestActor();
    const result = await commands().publish(viewer, { budgetId: input.budgetId, clientAddress });
    refresh();
    return { message: `已公开第${result.version}版，公众可以在 ${result.path} 查看。` };
  },
);

const correction = action(
  z.object({
    budgetId,
    correctionNote: z.string({ error: "请填写更正说明。" }).trim().min(1, "请填写更正说明。").max(2000, "更正说明最多2000个字。"),
  }),
  async (input) => {
    const { viewer, clientAddress } = await getRequestActor();
    const opened = await commands().openCorrection(viewer, { budgetId: input.budgetId, correctionNote: input.correctionNote, clientAddress });
    refresh();
    return { message: `已创建第${opened.version}版更正草稿，修改后按原流程报送、审核和公开。` };
  },
  { echo: ["correctionNote"] },
);

export async function withdrawBudgetAction(previous: UnitActionState, formData: FormData): Promise<UnitActionState> {
  return withdraw(previous, formData);
}

export async function recordSecrecyReviewAction(previous: UnitActionState, formData: FormData): Promise<UnitActionState> {
  return secrecy(previous, formData);
}

export async function signOffBudgetAction(previous: UnitActionState, formData: FormData): Promise<UnitActionState> {
  return signOff(previous, formData);
}

export async function recordPaperSignOffAction(previous: UnitActionState, formData: FormData): Promise<UnitActionState> {
  return paperSignOff(previous, formData);
}

export async function publishBudgetAction(previous: UnitActionState, formData: FormData): Promise<UnitActionState> {
  return publish(previous, formData);
}

export async function openCorrectionAction(previous: UnitActionState, formData: FormData): Promise<UnitActionState> {
  return correction(previous, formData);
}
