/** A unit's budget workbook is far below this; anything larger is refused before it is read (also in the browser). */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;
