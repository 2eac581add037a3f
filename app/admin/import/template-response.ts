import { getViewer } from "@/lib/auth/session";
import { isAdministrator } from "@/lib/auth/policies";

/** An import template as a download, for administrators only (it names nothing secret, but it is part of the admin area). */
export async function templateResponse(build: () => Promise<Uint8Array>, fileName: string): Promise<Response> {
  const viewer = await getViewer();
  if (viewer === null) return new Response("请先登录。", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!isAdministrator(viewer)) return new Response("只有系统管理员可以下载导入模板。", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  const bytes = await build();
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "no-store",
    },
  });
}
