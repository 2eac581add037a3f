import type { Metadata } from "next";
import { ImportPage } from "../import-page";
import { UnitImportScreen } from "./unit-import-screen";

export const metadata: Metadata = { title: "批量导入单位" };
export const dynamic = "force-dynamic";

export default function UnitImportPage() {
  return (
    <ImportPage
      title="批量导入单位"
      path="/admin/import/units"
      current="units-import"
      intro={
        <>
          <p>从 .xlsx 或 .csv 文件导入主管部门和预算单位。必须有“单位编码”“单位名称”“主管部门编码”列；可有“主管部门名称”“单位性质”“单位规格”“经费保障形式”“单位职责”“机构设置”。文件中的新部门会一并新增。</p>
          <p>先预览：每一行将新增、修改（原 → 新）还是不变，以及有问题的行和原因。确认后全部写入或全部不写；同一文件导入两次不会改变任何数据。</p>
        </>
      }
      screen={(regions) => <UnitImportScreen regions={regions} />}
    />
  );
}
