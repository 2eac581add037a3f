import { getViewer } from "@/lib/auth/session";
import { isAdministrator, isSecurityAdministrator } from "@/lib/auth/policies";

/**
 * An import template as a download, for the administrator who imports it only (it names nothing
 * secret, but it is part of the admin area): units for the 系统管理员, accounts for the 安全管理员.
 */
export async function templateResponse(build: () => Promise<Uint8Array>, fileName: string, role: "system" | "security" = "system"): Promise<Response> {
  const viewer = await getViewer();
  if (viewer === null) return new Response("请先登录。", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  const allowed = role === "system" ? isAdministrator(viewer) : isSecurityAdministrator(viewer);
  if (!allowed) return new Response(role === "system" ? "只有系统管理员可以下载此导入模板。" : "只有安全管理员可以下载此导入模板。", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  const bytes = await build();
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "no-store",
    },
  });
}
