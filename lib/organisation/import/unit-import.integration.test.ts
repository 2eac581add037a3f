import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import { createViewer } from "@/lib/budgets/test-support";
import { disconnectPrisma } from "@/lib/db";
import { createUnit as createUnitFixture, type CreatedUnit } from "@/lib/demo/factories";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { applyUnitImport } from "./apply-unit-import";
import type { ImportFile } from "./import-file";
import { previewUnitImport } from "./preview-unit-import";
import { countyUnitRows, csvFile, xlsxFile } from "./test-files";

const CLIENT = "198.51.100.20";
let county: { id: number };
let other: CreatedUnit;
let viewers: Record<string, Viewer | null>;

beforeEach(async () => {
  await resetDatabase();
  county = await prisma.region.create({ data: { code: "130433", name: "馆陶县", level: "COUNTY" }, select: { id: true } });
  other = await createUnitFixture(prisma);
  const inCounty = await prisma.department.create({ data: { regionId: county.id, code: "999", name: "既有部门" }, select: { id: true } });
  const unit = await prisma.unit.create({ data: { regionId: county.id, departmentId: inCounty.id, code: "999001", name: "既有单位" }, select: { id: true } });
  viewers = {
    anonymous: null,
    accountant: await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: unit.id }]),
    "department reviewer": await createViewer(prisma, [{ role: "DEPARTMENT_REVIEWER", departmentId: inCounty.id }]),
    "finance reviewer of the region": await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: county.id }]),
    "finance reviewer of another region": await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: other.regionId }]),
    "region admin of another region": await createViewer(prisma, [{ role: "ADMIN", regionId: other.regionId }]),
    "region admin": await createViewer(prisma, [{ role: "ADMIN", regionId: county.id }]),
    "global admin": await createViewer(prisma, [{ role: "ADMIN" }]),
  };
});
afterAll(disconnectPrisma);

const admin = () => viewers["region admin"] ?? null;
const input = () => ({ regionId: String(county.id) });
const organisationRows = async () => ({
  departments: await prisma.department.findMany({ orderBy: { id: "asc" }, select: { regionId: true, code: true, name: true, hasDepartmentReview: true, updatedAt: true } }),
  units: await prisma.unit.findMany({ orderBy: { id: "asc" }, select: { regionId: true, departmentId: true, code: true, name: true, nature: true, grade: true, fundingForm: true, duties: true, organisation: true, updatedAt: true } }),
});
const auditOf = (action: string) => prisma.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" }, select: { result: true, userId: true, objectId: true, clientAddress: true, details: true } });

describe("importing a county's units", () => {
  it("previews 4 new departments and 30 new units from an .xlsx with alias headers, applies them in one go, and a second import changes nothing", async () => {
    const file = await xlsxFile([{ name: "单位", rows: [["馆陶县预算单位名单"], [], ...countyUnitRows(4, 8).slice(0, 31)] }]);
    const preview = await previewUnitImport(prisma, admin(), input(), file);
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toEqual({ departmentsCreated: 4, unitsCreated: 30, unitsChanged: 0, unitsUnchanged: 0, refused: 0 });
    expect(preview.units[0]).toEqual({ rowNumber: 4, unitCode: "301001", unitName: "测试部门1本级", departmentCode: "301", outcome: "new", changes: {} });
    expect(await prisma.unit.count({ where: { regionId: county.id } })).toBe(1);

    const applied = await applyUnitImport(prisma, admin(), input(), file, { clientAddress: CLIENT, fingerprint: preview.fingerprint });
    expect(applied.counts.unitsCreated).toBe(30);
    const units = await prisma.unit.findMany({ where: { regionId: county.id, code: { startsWith: "30" } }, orderBy: { code: "asc" }, select: { code: true, name: true, nature: true, grade: true, fundingForm: true, department: { select: { code: true, name: true } } } });
    expect(units).toHaveLength(30);
    expect(units[0]).toEqual({ code: "301001", name: "测试部门1本级", nature: "行政", grade: "正科级", fundingForm: "财政拨款", department: { code: "301", name: "测试部门1" } });
    expect(await prisma.department.count({ where: { regionId: county.id } })).toBe(5);
    const [audit] = await auditOf("organisation.import");
    expect(audit).toMatchObject({ result: "SUCCESS", userId: admin()?.userId, objectId: "130433", clientAddress: CLIENT, details: { departmentsCreated: "301,302,303,304", unitsUnchanged: 0 } });

    const before = await organisationRows();
    const again = await applyUnitImport(prisma, admin(), input(), file);
    expect(again.counts).toEqual({ departmentsCreated: 0, unitsCreated: 0, unitsChanged: 0, unitsUnchanged: 30, refused: 0 });
    expect(await organisationRows()).toEqual(before);
  });

  it("shows a changed unit as old → new, leaves fields of absent columns alone, and writes the change", async () => {
    await applyUnitImport(prisma, admin(), input(), csvFile(countyUnitRows(1, 2)));
    await prisma.unit.updateMany({ where: { code: "301002" }, data: { organisation: "内设 2 个股室" } });
    const rows = [["单位编码", "单位名称", "主管部门编码", "单位性质"], ["301001", "测试部门1本级", "301", "行政"], ["301002", "测试部门1所属单位一", "301", "参公"]];
    const preview = await previewUnitImport(prisma, admin(), input(), csvFile(rows));
    expect(preview.units.map((u) => [u.unitCode, u.outcome, u.changes])).toEqual([
      ["301001", "unchanged", {}],
      ["301002", "changed", { 单位名称: "测试部门1所属单位1 → 测试部门1所属单位一", 单位性质: "事业 → 参公" }],
    ]);
    await applyUnitImport(prisma, admin(), input(), csvFile(rows));
    expect(await prisma.unit.findFirstOrThrow({ where: { code: "301002" }, select: { name: true, nature: true, grade: true, organisation: true } })).toEqual({
      name: "测试部门1所属单位一",
      nature: "参公",
      grade: "正科级",
      organisation: "内设 2 个股室",
    });
  });

  it("refuses the apply step when the data changed since the dry run", async () => {
    const file = csvFile(countyUnitRows(1, 2));
    const preview = await previewUnitImport(prisma, admin(), input(), file);
    await prisma.department.create({ data: { regionId: county.id, code: "301", name: "测试部门1" } });
    await expect(applyUnitImport(prisma, admin(), input(), file, { fingerprint: preview.fingerprint })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await prisma.unit.count({ where: { code: { startsWith: "301" } } })).toBe(0);
  });
});

describe("bad unit files: a Chinese message naming what and where, and nothing written", () => {
  const cases: [string, () => Promise<ImportFile>, string[]][] = [
    ["a missing required column", async () => xlsxFile([{ name: "单位", rows: [["单位编码", "主管部门编码"], ["301001", "301"]] }]), ["工作表“单位”第 1 行", "缺少“单位名称”列", "单位全称"]],
    ["wrong columns", async () => xlsxFile([{ name: "Sheet1", rows: [["编号", "名字"], ["1", "甲"]] }]), ["未找到表头", "“单位编码”、“单位名称”、“主管部门编码”"]],
    ["duplicate unit codes", async () => csvFile([["单位编码", "单位名称", "部门编码", "部门名称"], ["301001", "甲", "301", "部门"], ["301001", "乙", "301", "部门"]]), ["第 3 行 A 列", "单位编码 301001 与第 2 行重复"]],
    ["an unknown department without a department name", async () => csvFile([["单位编码", "单位名称", "部门编码"], ["401001", "甲", "401"]]), ["第 2 行", "主管部门编码 401 在馆陶县不存在，且文件没有给出该部门的名称"]],
    ["a department named otherwise than stored", async () => csvFile([["单位编码", "单位名称", "部门编码", "部门名称"], ["999002", "甲", "999", "别的名字"]]), ["第 2 行", "在系统中名为“既有部门”，文件中为“别的名字”"]],
    ["empty names", async () => csvFile([["单位编码", "单位名称", "部门编码", "部门名称"], ["301001", "", "301", "部门"]]), ["第 2 行 B 列", "单位名称为空"]],
    ["a 20 MB file", async () => ({ fileName: "big.csv", bytes: new Uint8Array(20 * 1024 * 1024).fill(65) }), ["文件大小 20 MB 超过上限 10 MB"]],
    ["a file that is not a spreadsheet", async () => ({ fileName: "units.xlsx", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }), ["该文件不是电子表格"]],
    ["a formula", async () => xlsxFile([{ name: "单位", rows: [["单位编码", "单位名称", "部门编码", "部门名称"], ["301001", { formula: "CONCAT(\"甲\",\"乙\")" }, "301", "部门"]] }]), ["工作表“单位”第 2 行 B 列（B2）是公式"]],
    ["merged cells", async () => xlsxFile([{ name: "单位", rows: [["单位编码", "单位名称", "部门编码", "部门名称"], ["301001", "甲", "301", "部门"], ["301002", "乙", "301", null]], merges: ["D2:D3"] }]), ["工作表“单位”第 2 行 D 列", "合并单元格"]],
    ["a hidden sheet with data", async () => xlsxFile([{ name: "单位", rows: [["单位编码", "单位名称", "部门编码", "部门名称"], ["301001", "甲", "301", "部门"]] }, { name: "旧数据", state: "hidden", rows: [["301002", "乙"]] }]), ["工作表“旧数据”", "隐藏的工作表"]],
  ];
  it.each(cases)("%s", async (_label, build, fragments) => {
    const file = await build();
    const before = await organisationRows();
    const preview = await previewUnitImport(prisma, admin(), input(), file);
    const messages = preview.problems.map((p) => p.message).join("\n");
    for (const fragment of fragments) expect(messages).toContain(fragment);
    const attempt = applyUnitImport(prisma, admin(), input(), file, { clientAddress: CLIENT });
    await expect(attempt).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("未导入任何数据") });
    const error = (await attempt.catch((e: unknown) => e)) as { fieldErrors: Record<string, string[]> };
    expect(error.fieldErrors.file?.join("\n")).toBe(messages);
    expect(await organisationRows()).toEqual(before);
    expect(await auditOf("organisation.import")).toEqual([expect.objectContaining({ result: "FAILURE", clientAddress: CLIENT })]);
  });

  it("refuses every bad row of a file while the dry run still shows the good ones", async () => {
    const rows = [["单位编码", "单位名称", "部门编码", "部门名称"], ["301001", "甲", "301", "部门"], ["30x", "乙", "301", "部门"]];
    const preview = await previewUnitImport(prisma, admin(), input(), csvFile(rows));
    expect(preview.units.map((u) => u.unitCode)).toEqual(["301001"]);
    expect(preview.problems.map((p) => p.message)).toEqual(["第 3 行 A 列：单位编码“30x”应为 3–20 位数字，例如 224001。".replace(/^/, "工作表“import”")]);
  });
});

describe("who may import units", () => {
  const ALLOWED = new Set(["region admin", "global admin"]);
  it.each(["anonymous", "accountant", "department reviewer", "finance reviewer of the region", "finance reviewer of another region", "region admin of another region", "region admin", "global admin"])("as %s", async (name) => {
    const file = csvFile(countyUnitRows(1, 1));
    const before = await organisationRows();
    const preview = () => previewUnitImport(prisma, viewers[name] ?? null, input(), file);
    const apply = () => applyUnitImport(prisma, viewers[name] ?? null, input(), file, { clientAddress: CLIENT });
    if (ALLOWED.has(name)) {
      await expect(preview()).resolves.toMatchObject({ counts: { unitsCreated: 1 } });
      await expect(apply()).resolves.toMatchObject({ counts: { unitsCreated: 1 } });
    } else {
      const code = name === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN";
      await expect(preview()).rejects.toMatchObject({ code });
      await expect(apply()).rejects.toMatchObject({ code });
      expect(await organisationRows()).toEqual(before);
      expect(await auditOf("organisation.import")).toEqual([expect.objectContaining({ result: "DENIED", clientAddress: CLIENT })]);
    }
  });
});
