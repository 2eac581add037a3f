import type { DeadlineFilters } from "./queries";
import { isDeadlineStatus } from "./publication-deadline";

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function first(params: SearchParams, name: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(name) ?? undefined) : params[name];
  const single = Array.isArray(value) ? value[0] : value;
  return single === undefined || single.trim() === "" ? undefined : single.trim();
}

/**
 * The dashboard's GET parameters (region, year, department, status), shared by the page and the
 * export route. Anything malformed is ignored (the default applies), never an error.
 */
export function parseDeadlineFilters(params: SearchParams): DeadlineFilters {
  const region = first(params, "region");
  const year = first(params, "year");
  const department = first(params, "department");
  const status = first(params, "status");
  return {
    ...(region !== undefined && /^[0-9A-Za-z]{1,12}$/.test(region) ? { regionCode: region } : {}),
    ...(year !== undefined && /^\d{4}$/.test(year) ? { year: Number(year) } : {}),
    ...(department !== undefined && department.length <= 20 ? { departmentCode: department } : {}),
    ...(status !== undefined && isDeadlineStatus(status) ? { status } : {}),
  };
}

/** The same filters as a query string (without `?`), for links and export URLs. */
export function deadlineQuery(filters: { regionCode?: string; year?: number; departmentCode?: string | null; status?: string | null }): string {
  const params = new URLSearchParams();
  if (filters.regionCode !== undefined) params.set("region", filters.regionCode);
  if (filters.year !== undefined) params.set("year", String(filters.year));
  if (filters.departmentCode) params.set("department", filters.departmentCode);
  if (filters.status) params.set("status", filters.status);
  return params.toString();
}
