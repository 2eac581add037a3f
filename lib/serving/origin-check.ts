/**
 * Cross-site request forgery: a state-changing request (server action, form post, route handler
 * POST) whose Origin is another site is refused with 403 before Next.js sees it. Next.js checks
 * server actions too, but answers a foreign Origin with 500; requests without an Origin (curl,
 * old browsers) carry no browser's cookies unasked and pass, as in Next.js.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface OriginRequest {
  method: string;
  origin: string | null;
  /** X-Forwarded-Host (from a trusted proxy only: the HTTP front drops it otherwise), else Host */
  host: string | null;
}

/** Hosts (host[:port]) besides the request's own that may post, e.g. the public address's host. */
export function isForeignOrigin(request: OriginRequest, allowedHosts: readonly string[] = []): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase()) || request.origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(request.origin).host.toLowerCase();
  } catch {
    return true; // "null" (sandboxed frames, file://) and garbage
  }
  if (originHost === "") return true;
  if (request.host !== null && originHost === request.host.toLowerCase()) return false;
  return !allowedHosts.some((host) => host.toLowerCase() === originHost);
}

export const FOREIGN_ORIGIN_MESSAGE = "请求来自其他网站，已拒绝。请在本系统的页面上操作。";

/** The host of BETTER_AUTH_URL (the app's public address), when set: posts from it are the app's own. */
export function publicHosts(publicUrl: string | undefined): string[] {
  if (publicUrl === undefined || publicUrl === "") return [];
  try {
    return [new URL(publicUrl).host];
  } catch {
    return [];
  }
}
