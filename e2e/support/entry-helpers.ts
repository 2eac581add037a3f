import { expect, type Locator, type Page } from "@playwright/test";

/** Signs in through the form and waits for the workspace. */
export async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/workspace");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/workspace$/);
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
