import type { Metadata } from "next";
import { ImportPage } from "../import-page";
import { AccountImportScreen } from "./account-import-screen";

export const metadata: Metadata = { title: "批量导入账户" };
export const dynamic = "force-dynamic";

export default function AccountImportPage() {
  return (
    <ImportPage
      title="批量导入账户"
      path="/admin/import/accounts"
      current="accounts-import"
      intro={
        <>
          <p>从 .xlsx 或 .csv 文件创建账户并授予角色。必须有“姓名”“邮箱”“角色”“范围”列。角色写 单位填报人、主管部门审核人、财政部门审核人、系统管理员、安全管理员 或 审计管理员；范围写单位编码、部门编码或行政区划代码。一人多个角色（如代理记账的多个单位）时每个角色一行。</p>
          <p>新账户各得一个一次性初始密码，只在导入完成时显示一次，首次登录必须修改。同一地区的填报人不能同时是审核人；系统管理员、安全管理员、审计管理员不能由一人兼任（三员分立）。导入账户并授予角色是安全管理员的职责。</p>
        </>
      }
      screen={(regions) => <AccountImportScreen regions={regions} />}
    />
  );
}
