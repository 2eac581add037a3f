/**
 * The 31 fixed expenditure classes (支出功能分类 类) that tables 1 and 4 always list, in order,
 * even when a unit has no spending in them. `code` is the 类 code of the 2024 classification;
 * 人行科目 has no 类 code of its own.
 */
export interface FunctionalClass {
  ordinal: string;
  name: string;
  code: string | null;
}

export const FUNCTIONAL_CLASSES: readonly FunctionalClass[] = [
  { ordinal: "一", name: "一般公共服务支出", code: "201" },
  { ordinal: "二", name: "外交支出", code: "202" },
  { ordinal: "三", name: "国防支出", code: "203" },
  { ordinal: "四", name: "公共安全支出", code: "204" },
  { ordinal: "五", name: "教育支出", code: "205" },
  { ordinal: "六", name: "科学技术支出", code: "206" },
  { ordinal: "七", name: "文化旅游体育与传媒支出", code: "207" },
  { ordinal: "八", name: "社会保障和就业支出", code: "208" },
  { ordinal: "九", name: "社会保险基金支出", code: "209" },
  { ordinal: "十", name: "卫生健康支出", code: "210" },
  { ordinal: "十一", name: "节能环保支出", code: "211" },
  { ordinal: "十二", name: "城乡社区支出", code: "212" },
  { ordinal: "十三", name: "农林水支出", code: "213" },
  { ordinal: "十四", name: "交通运输支出", code: "214" },
  { ordinal: "十五", name: "资源勘探工业信息等支出", code: "215" },
  { ordinal: "十六", name: "商业服务业等支出", code: "216" },
  { ordinal: "十七", name: "金融支出", code: "217" },
  { ordinal: "十八", name: "援助其他地区支出", code: "219" },
  { ordinal: "十九", name: "自然资源海洋气象等支出", code: "220" },
  { ordinal: "二十", name: "住房保障支出", code: "221" },
  { ordinal: "二十一", name: "粮油物资储备支出", code: "222" },
  { ordinal: "二十二", name: "国有资本经营预算支出", code: "223" },
  { ordinal: "二十三", name: "灾害防治及应急管理支出", code: "224" },
  { ordinal: "二十四", name: "预备费", code: "227" },
  { ordinal: "二十五", name: "其他支出", code: "229" },
  { ordinal: "二十六", name: "转移性支出", code: "230" },
  { ordinal: "二十七", name: "债务还本支出", code: "231" },
  { ordinal: "二十八", name: "债务付息支出", code: "232" },
  { ordinal: "二十九", name: "债务发行费用支出", code: "233" },
  { ordinal: "三十", name: "抗疫特别国债安排的支出", code: "234" },
  { ordinal: "三十一", name: "人行科目", code: null },
];

/** The label printed in tables 1 and 4, e.g. "八、社会保障和就业支出". */
export function classLabel(cls: FunctionalClass): string {
  return `${cls.ordinal}、${cls.name}`;
}

/** The 类 code (first three digits) a functional code of any level belongs to. */
export function classCodeOf(functionalCode: string): string {
  return functionalCode.slice(0, 3);
}
