/** Why reading or writing a stored budget was refused. */
export type BudgetStoreErrorCode =
  /** the Budget cannot be stored as it is (unsafe or negative amount, duplicate row, bad value) */
  | "INVALID_BUDGET"
  /** the code book cannot be stored as it is (duplicate code, entry in the wrong scheme) */
  | "INVALID_CODE_BOOK"
  /** the stored version is past the stages where its content may change */
  | "NOT_EDITABLE"
  /** someone else saved the budget since it was read (optimistic concurrency) */
  | "STALE_VERSION"
  /** the unit code exists in several regions; a region code is needed */
  | "AMBIGUOUS_UNIT"
  /** a stored amount does not fit a JavaScript number exactly */
  | "UNSAFE_AMOUNT";

export class BudgetStoreError extends Error {
  override name = "BudgetStoreError";

  constructor(
    readonly code: BudgetStoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}
