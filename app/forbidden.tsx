import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";

export const metadata: Metadata = { title: "无权访问" };

/** Any page that calls forbidden() without a forbidden.tsx of its own: 403 with this text. */
export default function Forbidden() {
  return <ForbiddenNotice title="无权访问此页面" message="您的账户没有查看此页面的权限。如需开通，请联系本地区的系统管理员或安全管理员。" />;
}
