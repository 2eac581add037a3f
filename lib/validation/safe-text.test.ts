import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { action } from "@/lib/action";
import { findUnsafeText, NUL_MESSAGE, rejectUnsafeText, SURROGATE_MESSAGE, unsafeTextMessage } from "./safe-text";

describe("text PostgreSQL cannot store", () => {
  it("is the NUL character and a surrogate without its pair, nothing else", () => {
    expect(unsafeTextMessage("预算\u0000说明")).toBe(NUL_MESSAGE);
    expect(unsafeTextMessage("a\ud800")).toBe(SURROGATE_MESSAGE);
    expect(unsafeTextMessage("\udc00b")).toBe(SURROGATE_MESSAGE);
    expect(unsafeTextMessage("\udbff\ud800")).toBe(SURROGATE_MESSAGE);
    for (const fine of ["", "馆陶县财政局", "emoji 😀 𠀀", "tab\tnewline\n", "'; DROP TABLE users; --", "<script>"]) expect(unsafeTextMessage(fine)).toBeNull();
  });

  it("is found anywhere in a form or a JSON body, with its path", () => {
    const found = findUnsafeText({ name: "ok", lines: [{ note: "x\u0000" }], ["key\ud800"]: 1 });
    expect(found).toEqual([
      { path: ["lines", 0, "note"], message: NUL_MESSAGE },
      { path: [], message: SURROGATE_MESSAGE },
    ]);
  });

  it("fails a zod schema through the shared refinement, at the field", () => {
    const schema = z.object({ draft: z.unknown() }).superRefine(rejectUnsafeText);
    const result = schema.safeParse({ draft: { narratives: { duties: "职责\u0000" } } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["draft", "narratives", "duties"], message: NUL_MESSAGE });
  });
});

describe("every server action (lib/action.ts)", () => {
  it("refuses NUL in any field with the field's message, before its use case runs", async () => {
    const handler = vi.fn(async () => "written");
    const run = action(z.object({ name: z.string(), note: z.string() }), handler, { echo: ["name"] });
    const form = new FormData();
    form.set("name", "单位\u0000");
    form.append("note", "说明");
    form.append("note", "\u0000");
    const result = await run(null, form);
    expect(handler).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: [NUL_MESSAGE], note: [NUL_MESSAGE] }, values: { name: "单位" } });
  });

  it("never sees a lone surrogate from a form: FormData makes it U+FFFD (JSON bodies are checked by rejectUnsafeText)", () => {
    const form = new FormData();
    form.set("note", "说明\ud83d");
    expect(form.get("note")).toBe("说明\ufffd");
  });

  it("passes well-formed text on unchanged", async () => {
    const run = action(z.object({ name: z.string() }), async (input) => input.name);
    const form = new FormData();
    form.set("name", "𠀀 馆陶");
    expect(await run(null, form)).toEqual({ ok: true, data: "𠀀 馆陶" });
  });
});
