import { z } from "zod";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字符。`)
    .optional()
    .transform((value) => (value === undefined || value === "" ? undefined : value));

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === "" ? undefined : value))
    .refine((value) => value === undefined || (DATE.test(value) && !Number.isNaN(new Date(`${value}T00:00:00+08:00`).getTime())), {
      message: `${label}请按“年-月-日”填写，例如 2024-03-01。`,
    });

/** The audit search form (GET parameters); every field optional, all messages in Chinese. */
export const auditSearchSchema = z
  .object({
    from: optionalDate("开始日期"),
    to: optionalDate("结束日期"),
    email: optionalText(200, "用户邮箱"),
    action: optionalText(60, "操作"),
    objectType: optionalText(40, "对象类型"),
    objectId: optionalText(100, "对象编号"),
    result: z
      .string()
      .optional()
      .transform((value) => (value === undefined || value === "" ? undefined : value))
      .refine((value) => value === undefined || ["SUCCESS", "DENIED", "FAILURE"].includes(value), { message: "结果只能是成功、拒绝或失败。" })
      .transform((value) => value as "SUCCESS" | "DENIED" | "FAILURE" | undefined),
    clientAddress: optionalText(100, "客户端地址"),
    before: z
      .string()
      .optional()
      .transform((value) => (value === undefined || value === "" ? undefined : value))
      .refine((value) => value === undefined || /^\d{1,19}$/.test(value), { message: "翻页参数无效。" }),
  })
  .refine((input) => input.from === undefined || input.to === undefined || input.from <= input.to, {
    message: "开始日期不能晚于结束日期。",
    path: ["to"],
  });

export type AuditSearchInput = z.output<typeof auditSearchSchema>;
