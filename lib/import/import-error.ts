/** Why a file could not be read at all; the message is Chinese and shown as is. */
export type ImportErrorCode =
  | "TOO_LARGE"
  | "EMPTY"
  | "UNSUPPORTED_FORMAT"
  | "ENCRYPTED"
  | "NO_TEXT"
  | "UNREADABLE"
  | "TRACKED_CHANGES"
  | "NOT_A_BUDGET";

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ImportError";
  }
}
