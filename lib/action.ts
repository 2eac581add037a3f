import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AppError, type FieldErrors } from "./app-error";
import { findUnsafeText } from "./validation/safe-text";

/** What every server action returns, so forms handle success and refusal the same way. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      /** every field's messages, not only the first failing field's */
      fieldErrors: FieldErrors;
      /** one sentence for the whole form */
      message: string;
      /** submitted values to show again (only the fields named in `echo`; never passwords) */
      values: Record<string, string>;
    };

/** The state of a form whose action answers with one sentence to announce (or the refusal). */
export type MessageActionState = ActionResult<{ message: string }> | null;

/** A positive whole number posted as a form field (a record's id), with the message shown when it is missing. */
export function idField(message: string) {
  return z.coerce.number({ error: message }).int().positive(message);
}

export interface ActionOptions {
  /** Fields whose submitted text goes back into the form after a refusal. */
  echo?: readonly string[];
}

const INVALID_INPUT_MESSAGE = "请检查标出的内容后重新提交。";
const UNEXPECTED_MESSAGE = "系统暂时无法完成操作，请稍后再试。如果问题持续，请联系管理员。";

/**
 * Wraps a use case as a server action for `useActionState`: parses the form with `schema`,
 * calls `handler`, and turns an AppError into form state. Anything else is logged and reported
 * with a generic message, so internals never reach the browser. Next.js control flow (redirect,
 * notFound) thrown by the handler passes through.
 */
export function action<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>) => Promise<T>,
  options: ActionOptions = {},
): (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>> {
  return async (_previous, formData) => {
    const values = echoedValues(formData, options.echo ?? []);
    const form = formToObject(formData);
    // Text PostgreSQL cannot store (NUL, lone surrogates) is refused here, for every action and field at once.
    const unsafe = findUnsafeText(form);
    if (unsafe.length > 0) {
      const fieldErrors: FieldErrors = {};
      for (const problem of unsafe) (fieldErrors[String(problem.path[0] ?? "")] ??= []).push(problem.message);
      return { ok: false, fieldErrors, message: INVALID_INPUT_MESSAGE, values: stripUnsafe(values) };
    }
    const parsed = schema.safeParse(form);
    if (!parsed.success) {
      return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), message: INVALID_INPUT_MESSAGE, values };
    }
    try {
      return { ok: true, data: await handler(parsed.data) };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) {
        return { ok: false, fieldErrors: error.fieldErrors, message: error.message, values };
      }
      console.error("Unexpected error in a server action:", error);
      return { ok: false, fieldErrors: {}, message: UNEXPECTED_MESSAGE, values };
    }
  };
}

/** Repeated names become arrays; a single value stays a value. */
export function formToObject(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const result: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    // React adds $ACTION_* fields for progressively enhanced forms; they are not input.
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key);
    result[key] = all.length === 1 && all[0] !== undefined ? all[0] : all;
  }
  return result;
}

/** zod's issues grouped by top-level field; form-level issues go under "". */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "";
    (result[key] ??= []).push(issue.message);
  }
  return result;
}

/** Echoed values without the characters that were refused (React would send them back as typed). */
function stripUnsafe(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.replace(/\u0000/g, "").toWellFormed()]));
}

function echoedValues(formData: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === "string") values[name] = value;
  }
  return values;
}
