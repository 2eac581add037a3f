import { expect, type Locator, type Page } from "@playwright/test";
import { submitSignIn } from "./two-factor";

export { submitSignIn } from "./two-factor";

/** Signs in through the form (password, then the 动态口令 of the account's TOTP secret) and waits for the workspace. */
export async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/workspace");
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(/\/workspace$/, { timeout: 20_000 });
}

/** Rows as Excel puts them on the clipboard: tabs, CRLF, quoted cells where needed, trailing newline. */
export function tsv(rows: readonly (readonly string[])[]): string {
  const cell = (text: string) => (/[\t\r\n"]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return rows.map((row) => row.map(cell).join("\t")).join("\r\n") + "\r\n";
}

/** Pastes text/plain into a focused cell the way a browser does on Ctrl+V (a paste event with a DataTransfer). */
export async function pasteInto(cell: Locator, text: string): Promise<void> {
  await cell.focus();
  await cell.evaluate((element, data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}
