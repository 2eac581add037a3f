/** China Standard Time is UTC+8 all year (no daylight saving), so a fixed offset is exact. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number) => String(n).padStart(2, "0");

function inChina(value: Date | string): Date | null {
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : new Date(date.getTime() + CHINA_OFFSET_MS);
}

/** "2024-02-01 16:00" (Beijing time) for an instant; published pages must not depend on the server's time zone. */
export function formatChinaDateTime(value: Date | string): string {
  const d = inChina(value);
  if (!d) return String(value);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "2024-01-20": a date-only value is already a calendar date; an instant is taken in Beijing time. */
export function formatChinaDate(value: Date | string): string {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = inChina(value);
  if (!d) return String(value);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
