import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";

export const metadata: Metadata = { title: "无权访问" };

export default function DeadlinesForbidden() {
  return <ForbiddenNotice title="预算公开时限" message="只有财政部门审核人、主管部门审核人和管理员可以查看公开时限。" />;
}
