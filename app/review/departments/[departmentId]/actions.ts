"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { documentRenderers } from "@/app/document-renderers";
import { action, idField, type ActionResult } from "@/lib/action";
import { getRequestActor } from "@/lib/auth/request-actor";
import { publishDepartment } from "@/lib/department/department-pages";
import { CORRECTION_NOTE_MAX } from "@/lib/department/publish-department-budget";

export type PublishDepartmentState = ActionResult<{ departmentId: number; year: number; version: number }> | null;

const publishSchema = z.object({
  departmentId: idField("缺少部门。"),
  year: z.coerce.number().int().min(2000, "年度不正确。").max(2100, "年度不正确。"),
  correctionNote: z
    .string()
    .trim()
    .max(CORRECTION_NOTE_MAX, `更正说明最多${CORRECTION_NOTE_MAX}个字。`)
    .optional(),
});

const publish = action(
  publishSchema,
  async (input) => {
    // The client address as sign-in resolves it (trusted proxies honoured), not the raw header.
    const { viewer, clientAddress } = await getRequestActor();
    const result = await publishDepartment(
      viewer,
      {
        departmentId: input.departmentId,
        year: input.year,
        correctionNote: input.correctionNote ?? null,
        clientAddress,
      },
      documentRenderers,
    );
    return { departmentId: input.departmentId, year: input.year, version: result.version };
  },
  { echo: ["correctionNote"] },
);

/** 公开部门预算: publishes, then shows the page again with the new version's link. */
export async function publishDepartmentAction(previous: PublishDepartmentState, formData: FormData): Promise<PublishDepartmentState> {
  const result = await publish(previous, formData);
  if (result.ok) redirect(`/review/departments/${result.data.departmentId}?year=${result.data.year}&published=${result.data.version}`);
  return result;
}
