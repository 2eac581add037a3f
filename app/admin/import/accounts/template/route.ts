import { templateResponse } from "../../template-response";
import { buildAccountTemplate } from "@/lib/organisation/import/import-template";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return templateResponse(buildAccountTemplate, "账户导入模板.xlsx", "security");
}
