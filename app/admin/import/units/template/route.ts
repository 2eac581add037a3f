import { templateResponse } from "../../template-response";
import { buildUnitTemplate } from "@/lib/organisation/import/import-template";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return templateResponse(buildUnitTemplate, "单位导入模板.xlsx");
}
