import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import type { AuditResult, BudgetStatus } from "@/lib/generated/prisma/enums";

/**
 * Every audit action as people read it. An action without a label shows as 其他操作, never as its
 * key (audit-labels.test.ts checks that every action the code writes has a label here).
 */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  "auth.sign_in": "登录",
  "auth.sign_in_password": "登录（密码正确，待双因素验证）",
  "auth.two_factor_enrol": "设置双因素认证",
  "user.reset_second_factor": "重置双因素认证",
  "auth.lock": "账户锁定",
  "auth.sign_out": "退出登录",
  "auth.session_expire": "登录超时",
  "auth.password_change": "修改密码",
  "budget.create": "创建预算",
  "budget.save": "保存草稿",
  "budget.discard": "删除草稿",
  "budget.submit": "报送",
  "budget.withdraw": "撤回",
  "budget.start_review": "开始审核",
  "budget.return": "退回",
  "budget.approve": "批复",
  "budget.secrecy_review": "保密审查",
  "budget.sign_off": "负责人审签",
  "budget.publish": "公开",
  "budget.batch_publish": "批量公开",
  "budget.correction": "更正",
  "budget.comment": "审核意见",
  "budget.comment_resolve": "标记审核意见已解决",
  "budget.import.preview": "预览 Excel 导入",
  "accounts.import": "批量导入账户",
  "accounts.import_preview": "预览账户导入",
  "organisation.import": "批量导入单位",
  "organisation.import_preview": "预览单位导入",
  "budget_year.open": "开放预算年度",
  "code_book.import": "导入科目表",
  "code_book.preview": "预览科目表",
  "department.create": "新建主管部门",
  "department.update": "修改主管部门",
  "department.publish": "公开部门预算",
  "region.create": "新建地区",
  "region.update": "修改地区",
  "unit.create": "新建预算单位",
  "unit.update": "修改预算单位",
  "import.mapping.delete": "删除表头对应关系",
  "import.mapping.save": "保存表头对应关系",
  "publication.add_file": "补充公开文件",
  "budget_year.update": "修改预算年度",
  "unit.deactivate": "停用预算单位",
  "unit.reactivate": "恢复预算单位",
  "role.grant": "授予角色",
  "role.revoke": "撤销角色",
  "user.create": "创建账户",
  "user.unlock": "解锁账户",
  "audit.search": "查询审计日志",
  "audit.export": "导出审计日志",
  "audit.verify": "校验哈希链",
  "page.read": "打开管理页面",
  "deadlines.export": "导出公开时限",
};

/** Prefix filters of the audit page (an action key ending in "."). */
export const AUDIT_ACTION_GROUPS: Readonly<Record<string, string>> = {
  "auth.": "全部登录相关",
  "budget.": "全部预算相关",
  "role.": "全部角色授予与撤销",
  "audit.": "全部审计日志查阅",
};

export const AUDIT_RESULT_LABELS: Record<AuditResult, string> = {
  SUCCESS: "成功",
  DENIED: "拒绝（无权限）",
  FAILURE: "失败",
};

export const AUDIT_OBJECT_LABELS: Readonly<Record<string, string>> = {
  budget: "预算",
  session: "会话",
  user: "账户",
  role_assignment: "角色",
  region: "地区",
  department: "主管部门",
  unit: "预算单位",
  audit_events: "审计日志",
  code_book: "科目表",
  budget_year: "预算年度",
  publication: "公开文件",
  page: "页面",
};

export function auditObjectLabel(objectType: string): string {
  return AUDIT_OBJECT_LABELS[objectType] ?? objectType;
}

const DETAIL_LABELS: Readonly<Record<string, string>> = {
  email: "邮箱",
  reason: "原因",
  lockedUntil: "锁定至",
  userAgent: "浏览器",
  unitCode: "单位编码",
  year: "预算年度",
  version: "版本",
  lockVersion: "修改版本号",
  changedFields: "修改项数",
  explainedWarnings: "已说明的提醒",
  priorBudgetId: "上年预算编号",
  priorVersion: "上年预算版本",
  format: "格式",
  rows: "行数",
  status: "状态",
  departmentCode: "部门编码",
  role: "角色",
  scope: "范围",
  targetEmail: "对象账户",
  targetUserId: "对象账户编号",
  name: "姓名",
  filters: "查询条件",
  results: "结果条数",
  contentHash: "内容指纹",
  path: "地址",
  comment: "意见",
  signerName: "审签人",
  correctionNote: "更正说明",
  statement: "审查说明",
  method: "审签方式",
  sheetSha256: "审签单校验码（SHA-256）",
  sheetBytes: "审签单大小（字节）",
  approvedOn: "批复日期",
  openComments: "未解决的意见",
  from: "原状态",
  to: "新状态",
  budgetId: "预算编号",
  snapshotId: "公开版本编号",
  files: "公开的文件",
  pdfError: "PDF 未生成的原因",
  commentId: "意见编号",
  parentId: "回复的意见编号",
  fileName: "文件名",
  note: "说明",
  correctedBudgetId: "被更正的预算编号",
  correctedVersion: "被更正的版本",
  regionId: "地区编号",
  level: "层级",
  nature: "单位性质",
  grade: "单位规格",
  fundingForm: "经费保障形式",
  hasDepartmentReview: "主管部门初审",
  revision: "修订号",
  published: "已公开",
  failed: "失败",
  requested: "请求数",
  via: "方式",
  wasForced: "强制",
  otherSessionsEnded: "结束的其他会话",
  rolesGranted: "授予的角色",
  departmentsCreated: "新建的部门",
  unitsUnchanged: "未变的单位",
  assignmentId: "角色授予编号",
  intact: "哈希链完整",
  auditRows: "审计记录数",
  ledgerRows: "台账记录数",
  firstBreak: "首个断裂处",
  head: "链头哈希",
  fileSha256: "文件指纹",
};

const METHOD_LABELS: Readonly<Record<string, string>> = { account: "负责人本人账号审签", paper: "上传纸质审签单" };

const REASON_LABELS: Readonly<Record<string, string>> = {
  wrong_password: "密码错误",
  unknown_account: "账户不存在",
  locked: "账户已锁定",
  FORBIDDEN: "无权限",
  NOT_FOUND: "未找到或无权查看",
  UNAUTHENTICATED: "未登录",
  INVALID_INPUT: "输入有误",
  CONFLICT: "状态冲突",
  LOCKED: "账户已锁定",
};

/** The action in Chinese; an action the code no longer writes (older rows) is named as such. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? "其他操作";
}

/** The details of an event as label/value pairs in Chinese, known keys first and labelled. */
export function auditDetailLines(details: unknown): { label: string; value: string }[] {
  if (typeof details !== "object" || details === null || Array.isArray(details)) return [];
  const entries = Object.entries(details as Record<string, unknown>).filter(([, value]) => value !== null && value !== "");
  entries.sort(([a], [b]) => Number(!(a in DETAIL_LABELS)) - Number(!(b in DETAIL_LABELS)));
  return entries.map(([key, value]) => {
    const text = detailText(value);
    return {
      label: DETAIL_LABELS[key] ?? "其他信息",
      value:
        key === "reason"
          ? (REASON_LABELS[text] ?? text)
          : key === "lockedUntil"
            ? chinaDateTime(new Date(text))
            : key === "from" || key === "to" || key === "status"
              ? (BUDGET_STATUS_LABELS[text as BudgetStatus] ?? text)
              : key === "method"
                ? (METHOD_LABELS[text] ?? text)
                : text,
    };
  });
}

/** A detail's value as text: nested objects show their values only, so no key of the stored JSON is printed. */
function detailText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "是" : "否";
  if (Array.isArray(value)) return value.map(detailText).join("、");
  if (typeof value === "object" && value !== null) return Object.values(value).map(detailText).join("、");
  return String(value);
}

const CHINA_DATE_TIME = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** An instant as a Beijing date and time, e.g. 2024/03/01 09:30:05. */
export function chinaDateTime(instant: Date): string {
  return Number.isNaN(instant.getTime()) ? "" : CHINA_DATE_TIME.format(instant);
}
