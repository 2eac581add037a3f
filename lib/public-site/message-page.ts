import type { PublicSiteRenderers } from "./renderers";
import { htmlResponse, type SiteResponse } from "./site-response";

/** A page that only says something in Chinese (bad input, nothing found), with its status. */
export function messagePage(render: PublicSiteRenderers, status: number, title: string, message: string): SiteResponse {
  return htmlResponse(render.message({ title, message }), status);
}
