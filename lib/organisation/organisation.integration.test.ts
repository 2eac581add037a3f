import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import { createViewer } from "@/lib/budgets/test-support";
import { disconnectPrisma } from "@/lib/db";
import { buildBudgetFor, createBudget, createUnit as createUnitFixture, type CreatedUnit } from "@/lib/demo/factories";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { createDepartment } from "./create-department";
import { createRegion } from "./create-region";
import { createUnit } from "./create-unit";
import { deactivateUnit, reactivateUnit } from "./deactivate-unit";
import { loadAdministeredRegions, loadDepartmentForEdit, loadRegionOrganisation, loadUnitForEdit } from "./queries";
import { updateDepartment } from "./update-department";
import { updateRegion } from "./update-region";
import { updateUnit } from "./update-unit";

const CLIENT = "198.51.100.9";
let county: { id: number; code: string };
let township: { id: number };
let city: { id: number };
let other: CreatedUnit;
let unit: CreatedUnit;
let viewers: Record<string, Viewer | null>;

const NAMES = [
  "anonymous",
  "accountant",
  "department reviewer",
  "finance reviewer of the region",
  "finance reviewer of another region",
  "region admin of another region",
  "region admin of a sub-region",
  "region admin",
  "city admin above the region",
  "global admin",
] as const;
const ALLOWED = new Set<string>(["region admin", "city admin above the region", "global admin"]);
const expectedCode = (name: string) => (name === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN");

beforeEach(async () => {
  await resetDatabase();
  const cityRow = await prisma.region.create({ data: { code: "130400", name: "邯郸市", level: "CITY" }, select: { id: true } });
  const countyRow = await prisma.region.create({ data: { code: "130433", name: "馆陶县", level: "COUNTY", parentId: cityRow.id }, select: { id: true, code: true } });
  township = await prisma.region.create({ data: { code: "130433100", name: "馆陶镇", level: "TOWNSHIP", parentId: countyRow.id }, select: { id: true } });
  city = cityRow;
  county = countyRow;
  unit = await createUnitFixture(prisma, { regionCode: "130433", departmentCode: "224", unitCode: "224001" });
  other = await createUnitFixture(prisma);
  viewers = {
    anonymous: null,
    accountant: await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: unit.unitId }]),
    "department reviewer": await createViewer(prisma, [{ role: "DEPARTMENT_REVIEWER", departmentId: unit.departmentId }]),
    "finance reviewer of the region": await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: county.id }]),
    "finance reviewer of another region": await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: other.regionId }]),
    "region admin of another region": await createViewer(prisma, [{ role: "ADMIN", regionId: other.regionId }]),
    "region admin of a sub-region": await createViewer(prisma, [{ role: "ADMIN", regionId: township.id }]),
    "region admin": await createViewer(prisma, [{ role: "ADMIN", regionId: county.id }]),
    "city admin above the region": await createViewer(prisma, [{ role: "ADMIN", regionId: city.id }]),
    "global admin": await createViewer(prisma, [{ role: "ADMIN" }]),
  };
});
afterAll(disconnectPrisma);

const auditOf = (action: string) =>
  prisma.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" }, select: { result: true, userId: true, objectId: true, clientAddress: true, details: true } });

const snapshot = async () => ({
  regions: await prisma.region.findMany({ orderBy: { id: "asc" }, select: { code: true, name: true, level: true, parentId: true } }),
  departments: await prisma.department.findMany({ orderBy: { id: "asc" }, select: { code: true, name: true, hasDepartmentReview: true, regionId: true } }),
  units: await prisma.unit.findMany({ orderBy: { id: "asc" }, select: { code: true, name: true, nature: true, grade: true, fundingForm: true, duties: true, organisation: true, departmentId: true, deactivatedAt: true } }),
});

/** Each action of the organisation administration, applied to the county of `unit`. */
const ACTIONS: Record<string, { audit: string; run: (viewer: Viewer | null) => Promise<unknown> }> = {
  "create a township": { audit: "region.create", run: (v) => createRegion(prisma, v, { code: "130433101", name: "新镇", level: "TOWNSHIP", parentId: String(county.id) }, { clientAddress: CLIENT }) },
  "rename the county": { audit: "region.update", run: (v) => updateRegion(prisma, v, { regionId: String(county.id), name: "馆陶县（新）" }, { clientAddress: CLIENT }) },
  "create a department": { audit: "department.create", run: (v) => createDepartment(prisma, v, { regionId: String(county.id), code: "301", name: "县教育局", hasDepartmentReview: "on" }, { clientAddress: CLIENT }) },
  "update a department": { audit: "department.update", run: (v) => updateDepartment(prisma, v, { departmentId: String(unit.departmentId), name: "新名称", hasDepartmentReview: "on" }, { clientAddress: CLIENT }) },
  "create a unit": { audit: "unit.create", run: (v) => createUnit(prisma, v, { departmentId: String(unit.departmentId), code: "224002", name: "新单位", nature: "事业", duties: "职责一\n职责二" }, { clientAddress: CLIENT }) },
  "update a unit": { audit: "unit.update", run: (v) => updateUnit(prisma, v, { unitId: String(unit.unitId), departmentId: String(unit.departmentId), name: "改名单位", grade: "副科级" }, { clientAddress: CLIENT }) },
  "deactivate a unit": { audit: "unit.deactivate", run: (v) => deactivateUnit(prisma, v, { unitId: String(unit.unitId) }, new Date(), { clientAddress: CLIENT }) },
};

describe("authorization matrix of the organisation administration", () => {
  it.each(NAMES)("every action as %s", async (name) => {
    for (const [label, { audit, run }] of Object.entries(ACTIONS)) {
      const before = await snapshot();
      const attempt = run(viewers[name] ?? null);
      if (ALLOWED.has(name)) {
        await attempt;
        expect(await snapshot(), label).not.toEqual(before);
        expect(await auditOf(audit), label).toEqual([expect.objectContaining({ result: "SUCCESS", userId: viewers[name]?.userId, clientAddress: CLIENT })]);
      } else {
        await expect(attempt, label).rejects.toMatchObject({ code: expectedCode(name) });
        expect(await snapshot(), label).toEqual(before);
        expect(await auditOf(audit), label).toEqual([expect.objectContaining({ result: "DENIED", clientAddress: CLIENT })]);
      }
    }
  });

  it.each(NAMES)("the region, unit and department pages as %s", async (name) => {
    const viewer = viewers[name] ?? null;
    const pages = [
      loadRegionOrganisation(viewer, "130433").then((page) => page.region.code),
      loadUnitForEdit(viewer, unit.unitId).then((page) => page.code),
      loadDepartmentForEdit(viewer, unit.departmentId).then((page) => page.code),
    ];
    // Settled together: a page refused while another is still awaited must not be an unhandled rejection.
    const settled = await Promise.allSettled(pages);
    if (ALLOWED.has(name)) expect(settled.map((result) => (result.status === "fulfilled" ? result.value : result.reason))).toEqual(["130433", "224001", "224"]);
    else for (const result of settled) expect(result).toMatchObject({ status: "rejected", reason: { code: expectedCode(name) } });
  });

  it.each(NAMES)("the list of regions as %s", async (name) => {
    const attempt = loadAdministeredRegions(viewers[name] ?? null);
    const isAdmin = name.includes("admin");
    if (isAdmin) await expect(attempt).resolves.toEqual(expect.any(Array));
    else await expect(attempt).rejects.toMatchObject({ code: expectedCode(name) });
  });
});

describe("regions", () => {
  it("creates a tree 省 › 市 › 县 › 乡镇 with the codes of each level, audited with the client address", async () => {
    const admin = viewers["global admin"] ?? null;
    const { regionId: province } = await createRegion(prisma, admin, { code: "140000", name: "山西省", level: "PROVINCE", parentId: "" }, { clientAddress: CLIENT });
    const { regionId: cityId } = await createRegion(prisma, admin, { code: "140100", name: "太原市", level: "CITY", parentId: String(province) });
    const { regionId: countyId } = await createRegion(prisma, admin, { code: "140105", name: "小店区", level: "COUNTY", parentId: String(cityId) });
    await createRegion(prisma, admin, { code: "140105001", name: "坞城街道", level: "TOWNSHIP", parentId: String(countyId) });
    await createRegion(prisma, admin, { code: "140105002000", name: "营盘街道", level: "TOWNSHIP", parentId: String(countyId) });
    const tree = await loadAdministeredRegions(admin);
    expect(tree.filter((r) => r.code.startsWith("14")).map((r) => [r.depth, r.code, r.level])).toEqual([
      [0, "140000", "PROVINCE"],
      [1, "140100", "CITY"],
      [2, "140105", "COUNTY"],
      [3, "140105001", "TOWNSHIP"],
      [3, "140105002000", "TOWNSHIP"],
    ]);
    expect((await auditOf("region.create"))[0]).toMatchObject({ result: "SUCCESS", objectId: "140000", clientAddress: CLIENT, details: { name: "山西省", level: "PROVINCE" } });
  });

  it.each([
    [{ code: "13043", name: "短", level: "COUNTY" }, "code", "行政区划代码应为 6 位数字"],
    [{ code: "1304331", name: "七位", level: "TOWNSHIP" }, "code", "乡镇的行政区划代码应为 9 位或 12 位数字"],
    [{ code: "140433100", name: "别处", level: "TOWNSHIP" }, "code", "应以上级地区“馆陶县”的代码开头（130433）"],
    [{ code: "130433101", name: "", level: "TOWNSHIP" }, "name", "请输入地区名称"],
    [{ code: "130433", name: "重复", level: "TOWNSHIP" }, "code", "乡镇的行政区划代码"],
    [{ code: "130500", name: "市下市", level: "CITY" }, "parentId", "市级地区不能设在县/区级地区“馆陶县”之下"],
  ])("refuses %o under the county with a message on %s, writing nothing", async (input, field, message) => {
    const before = await snapshot();
    const attempt = createRegion(prisma, viewers["region admin"] ?? null, { ...input, parentId: String(county.id) });
    await expect(attempt).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const error = (await attempt.catch((e: unknown) => e)) as { fieldErrors: Record<string, string[]> };
    expect(error.fieldErrors[field]?.join("")).toContain(message);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a code that exists, and a top-level region from a region administrator", async () => {
    await expect(createRegion(prisma, viewers["city admin above the region"] ?? null, { code: "130433", name: "又一个", level: "COUNTY", parentId: String(city.id) })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(createRegion(prisma, viewers["region admin"] ?? null, { code: "150000", name: "内蒙古", level: "PROVINCE", parentId: "" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "只有全局系统管理员可以新增顶级地区（没有上级的地区）。",
    });
  });

  it("shows a region administrator their region and sub-regions only", async () => {
    const tree = await loadAdministeredRegions(viewers["region admin"] ?? null);
    expect(tree.map((r) => r.code)).toEqual(["130433", "130433100"]);
  });
});

describe("departments and units", () => {
  it("refuses a duplicate department code in the region and audits the failure", async () => {
    const attempt = createDepartment(prisma, viewers["region admin"] ?? null, { regionId: String(county.id), code: "224", name: "重复" }, { clientAddress: CLIENT });
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await auditOf("department.create")).toEqual([expect.objectContaining({ result: "FAILURE", clientAddress: CLIENT })]);
  });

  it("records every changed unit field old → new and nothing when nothing changed", async () => {
    const admin = viewers["region admin"] ?? null;
    const { departmentId } = await createDepartment(prisma, admin, { regionId: String(county.id), code: "301", name: "县教育局" });
    const input = { unitId: String(unit.unitId), departmentId: String(departmentId), name: unit.unit.name, nature: "事业", grade: "正科级", fundingForm: "财政拨款", duties: "负责教育\n负责培训", organisation: "内设 3 个股室" };
    await expect(updateUnit(prisma, admin, input)).resolves.toEqual({ isChanged: true });
    const [row] = await auditOf("unit.update");
    expect(row?.details).toMatchObject({ 主管部门: `224 ${unit.department.name} → 301 县教育局`, 单位性质: "行政 → 事业", 单位规格: "（空） → 正科级", 单位职责: "（空） → 负责教育；负责培训" });
    await expect(updateUnit(prisma, admin, input)).resolves.toEqual({ isChanged: false });
    expect(await auditOf("unit.update")).toHaveLength(1);
    expect(await prisma.unit.findUniqueOrThrow({ where: { id: unit.unitId }, select: { duties: true, departmentId: true } })).toEqual({ duties: ["负责教育", "负责培训"], departmentId });
  });

  it("refuses moving a unit to another region's department", async () => {
    await expect(updateUnit(prisma, viewers["global admin"] ?? null, { unitId: String(unit.unitId), departmentId: String(other.departmentId), name: "x" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { departmentId: ["只能选择本地区的主管部门。"] },
    });
  });

  it("deactivates a unit with budgets instead of deleting it, hides it as inactive, and reactivates it", async () => {
    await createBudget(prisma, { budget: buildBudgetFor(unit), status: "DRAFT" });
    const admin = viewers["region admin"] ?? null;
    const at = new Date("2026-12-08T10:00:00Z");
    await deactivateUnit(prisma, admin, { unitId: String(unit.unitId) }, at, { clientAddress: CLIENT });
    expect(await prisma.unit.findUniqueOrThrow({ where: { id: unit.unitId }, select: { deactivatedAt: true } })).toEqual({ deactivatedAt: at });
    expect(await prisma.budget.count({ where: { unitId: unit.unitId } })).toBe(1);
    const page = await loadRegionOrganisation(admin, "130433");
    expect(page.departments[0]?.units[0]).toMatchObject({ code: "224001", isActive: false, budgetCount: 1 });
    await reactivateUnit(prisma, admin, { unitId: String(unit.unitId) });
    expect(await prisma.unit.findUniqueOrThrow({ where: { id: unit.unitId }, select: { deactivatedAt: true } })).toEqual({ deactivatedAt: null });
    expect((await auditOf("unit.reactivate")).map((r) => r.result)).toEqual(["SUCCESS"]);
  });
});
