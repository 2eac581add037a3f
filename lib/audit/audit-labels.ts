import type { AuditResult } from "@/lib/generated/prisma/enums";

/**
 * Every audit action the code writes, as administrators read it. audit-labels.test.ts scans the
 * source for action keys and fails on one without a label here, so no key reaches the screen.
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
  "budget.comment_resolve": "审核意见已处理",
  "budget.import.preview": "预览 Excel 导入",
  "budget_year.open": "开放预算年度",
  "budget_year.update": "修改预算年度",
  "department.publish": "公开部门预算",
  "publication.add_file": "补充公开文件",
  "import.mapping.save": "保存表头对应",
  "code_book.preview": "预览科目表导入",
  "code_book.import": "导入科目表",
  "region.create": "新增地区",
  "region.update": "修改地区",
  "department.create": "新增主管部门",
  "department.update": "修改主管部门",
  "unit.create": "新增预算单位",
  "unit.update": "修改预算单位",
  "unit.deactivate": "停用预算单位",
  "unit.reactivate": "恢复预算单位",
  "organisation.import_preview": "预览单位导入",
  "organisation.import": "批量导入单位",
  "accounts.import_preview": "预览账户导入",
  "accounts.import": "批量导入账户",
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
  intact: "哈希链完整",
  auditRows: "审计记录数",
  ledgerRows: "台账记录数",
  files: "文件数",
  firstBreak: "首个断裂处",
  head: "链头哈希",
  fileName: "文件名",
  fileSha256: "文件指纹",
  via: "途径",
  assignmentId: "角色编号",
};

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
  return AUDIT_ACTION_LABELS[action] ?? `其他操作（${action}）`;
}

/** The details of an event as label/value pairs in Chinese, known keys first and labelled. */
export function auditDetailLines(details: unknown): { label: string; value: string }[] {
  if (typeof details !== "object" || details === null || Array.isArray(details)) return [];
  const entries = Object.entries(details as Record<string, unknown>).filter(([, value]) => value !== null && value !== "");
  entries.sort(([a], [b]) => Number(!(a in DETAIL_LABELS)) - Number(!(b in DETAIL_LABELS)));
  return entries.map(([key, value]) => {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    return {
      label: DETAIL_LABELS[key] ?? key,
      value: key === "reason" ? (REASON_LABELS[text] ?? text) : key === "lockedUntil" ? chinaDateTime(new Date(text)) : text,
    };
  });
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
