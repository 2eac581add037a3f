import { redirect } from "next/navigation";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { action, formToObject } from "./action";
import { AppError } from "./app-error";

const schema = z.object({
  email: z.email("请输入有效的邮箱地址。"),
  password: z.string().min(1, "请输入密码。"),
});

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

afterEach(() => vi.restoreAllMocks());

describe("action", () => {
  it("returns the handler's data for valid input", async () => {
    const run = action(schema, async (input) => input.email.toUpperCase());
    expect(await run(null, form({ email: "a@b.test", password: "x" }))).toEqual({ ok: true, data: "A@B.TEST" });
  });

  it("reports every field's error, echoes only the named fields and never the password", async () => {
    const handler = vi.fn(async () => "never");
    const run = action(schema, handler, { echo: ["email"] });
    const result = await run(null, form({ email: "nope", password: "" }));
    expect(result).toEqual({
      ok: false,
      fieldErrors: { email: ["请输入有效的邮箱地址。"], password: ["请输入密码。"] },
      message: "请检查标出的内容后重新提交。",
      values: { email: "nope" },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("turns an AppError into form state with its message and field errors", async () => {
    const run = action(schema, async () => {
      throw new AppError("LOCKED", "账户已锁定。", { password: ["x"] });
    });
    const result = await run(null, form({ email: "a@b.test", password: "secret" }));
    expect(result).toEqual({ ok: false, fieldErrors: { password: ["x"] }, message: "账户已锁定。", values: {} });
  });

  it("hides unexpected errors behind a generic message", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const run = action(schema, async () => {
      throw new Error("connection refused at 10.0.0.5:5432");
    });
    const result = await run(null, form({ email: "a@b.test", password: "x" }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe("系统暂时无法完成操作，请稍后再试。如果问题持续，请联系管理员。");
    expect(JSON.stringify(result)).not.toContain("10.0.0.5");
  });

  it("lets Next.js redirects through", async () => {
    const run = action(schema, async () => redirect("/workspace"));
    await expect(run(null, form({ email: "a@b.test", password: "x" }))).rejects.toThrow("NEXT_REDIRECT");
  });
});

describe("formToObject", () => {
  it("keeps single values, collects repeated names, drops React's $ACTION fields", () => {
    expect(formToObject(form({ a: "1", b: ["2", "3"], $ACTION_ID_abc: "" }))).toEqual({ a: "1", b: ["2", "3"] });
  });
});
