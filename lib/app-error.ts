/**
 * Why a use case refused. The codes are few on purpose: the edges (server actions, route
 * handlers) map each one to a form state or an HTTP status, and nothing else needs to.
 */
export type AppErrorCode =
  /** not signed in, or the credentials are wrong */
  | "UNAUTHENTICATED"
  /** signed in, but this viewer may not do this */
  | "FORBIDDEN"
  /** the account is locked after repeated failed sign-ins */
  | "LOCKED"
  /** too many attempts in a short time (lib/rate-limit); the message says when to try again */
  | "RATE_LIMITED"
  | "NOT_FOUND"
  /** the input is well-formed but breaks a rule (field errors say which) */
  | "INVALID_INPUT"
  /** someone else changed the data first, or it is in a state that does not allow this */
  | "CONFLICT";

export type FieldErrors = Record<string, string[]>;

/** A refusal with a message the user can read (Chinese) and, optionally, per-field messages. */
export class AppError extends Error {
  override name = "AppError";

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}
