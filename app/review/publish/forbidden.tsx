import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";

export const metadata: Metadata = { title: "无权访问" };

export default function BatchPublishForbidden() {
  return <ForbiddenNotice title="批量公开" message="只有财政部门审核人可以批量公开预算。" />;
}
