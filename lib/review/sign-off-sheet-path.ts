/** The uploaded 审签单 as listed (its bytes are served by /workspace/sign-off-sheets/{budgetId}). */
export interface SignOffSheetInfo {
  fileName: string;
  byteSize: number;
  sha256: string;
  path: string;
}

/** Where the unit and its reviewers open a version's signed 审签单 (never a public URL). */
export function signOffSheetPath(budgetId: number): string {
  return `/workspace/sign-off-sheets/${budgetId}`;
}
