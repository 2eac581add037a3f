import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import type { Viewer } from "@/lib/auth/policies";
import { loadRegionMappings } from "@/lib/budget-import/queries";
import { createViewer } from "@/lib/budgets/test-support";
import { disconnectPrisma } from "@/lib/db";
import { createUnit, type CreatedUnit } from "@/lib/demo/factories";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { addRegionHeaderMapping } from "./add-region-header-mapping";
import { deleteRegionHeaderMapping } from "./delete-region-header-mapping";
import { loadRegionHeaderMappings } from "./region-header-mappings";

let county: CreatedUnit;
let other: CreatedUnit;
let admin: Viewer;

beforeAll(async () => {
  await resetDatabase();
  county = await createUnit(prisma);
  other = await createUnit(prisma);
  admin = await createViewer(prisma, [{ role: "ADMIN", regionId: county.regionId }]);
}, 60_000);
afterAll(disconnectPrisma);

async function refusal(run: Promise<unknown>): Promise<AppError> {
  const error = await run.then(() => new Error("accepted"), (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("a region's Excel header mappings, for its 系统管理员", () => {
  it("adds (normalised, replacing the same header), lists and deletes them, each audited with the client address; the import reads what is listed", async () => {
    const regionCode = county.region.code;
    await addRegionHeaderMapping(prisma, admin, { regionCode, sheetKind: "T6", header: " 商品服务经费 ", field: "public" }, "10.0.0.1");
    await addRegionHeaderMapping(prisma, admin, { regionCode, sheetKind: "T6", header: "商品服务经费", field: "personnel" }, "10.0.0.1");
    const page = await loadRegionHeaderMappings(prisma, admin, regionCode);
    expect(page.mappings.map((m) => [m.sheetLabel, m.header, m.fieldLabel])).toEqual([["表6 一般公共预算财政拨款基本支出表", "商品服务经费", "人员经费"]]);
    expect(await loadRegionMappings(prisma, county.regionId)).toEqual([{ sheetKind: "T6", header: "商品服务经费", field: "personnel" }]);
    expect(page.choices.find((c) => c.sheetKind === "T6")?.fields.map((f) => f.label)).toContain("公用经费");

    const id = page.mappings[0]?.id ?? -1;
    await deleteRegionHeaderMapping(prisma, admin, { regionCode, mappingId: String(id) }, "10.0.0.2");
    expect((await loadRegionHeaderMappings(prisma, admin, regionCode)).mappings).toEqual([]);
    const audits = await prisma.auditEvent.findMany({ where: { action: { startsWith: "import.mapping" } }, orderBy: { id: "asc" }, select: { action: true, result: true, clientAddress: true } });
    expect(audits).toEqual([
      { action: "import.mapping.save", result: "SUCCESS", clientAddress: "10.0.0.1" },
      { action: "import.mapping.save", result: "SUCCESS", clientAddress: "10.0.0.1" },
      { action: "import.mapping.delete", result: "SUCCESS", clientAddress: "10.0.0.2" },
    ]);
  });

  it("refuses another region's administrator, an accountant, a field of another sheet, and another region's mapping, writing nothing", async () => {
    const regionCode = county.region.code;
    const saved = await addRegionHeaderMapping(prisma, admin, { regionCode, sheetKind: "T9", header: "公车运维", field: "total" });
    const elsewhere = await createViewer(prisma, [{ role: "ADMIN", regionId: other.regionId }]);
    const accountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: county.unitId }]);
    expect(await refusal(loadRegionHeaderMappings(prisma, elsewhere, regionCode))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(addRegionHeaderMapping(prisma, accountant, { regionCode, sheetKind: "T9", header: "x", field: "total" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(deleteRegionHeaderMapping(prisma, elsewhere, { regionCode, mappingId: saved.id }))).toMatchObject({ code: "FORBIDDEN" });
    // the other region's administrator names their own region: the mapping is not theirs to see
    expect(await refusal(deleteRegionHeaderMapping(prisma, elsewhere, { regionCode: other.region.code, mappingId: saved.id }))).toMatchObject({ code: "NOT_FOUND" });
    const wrongField = await refusal(addRegionHeaderMapping(prisma, admin, { regionCode, sheetKind: "T9", header: "y", field: "personnel" }));
    expect(wrongField).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { field: ["所选内容不属于该工作表，请重新选择。"] } });
    const empty = await refusal(addRegionHeaderMapping(prisma, admin, { regionCode, sheetKind: "T9", header: "  ", field: "total" }));
    expect(empty.fieldErrors.header).toEqual(["请填写表头文字。"]);
    expect((await loadRegionHeaderMappings(prisma, admin, regionCode)).mappings.map((m) => m.header)).toEqual(["公车运维"]);
    const refusals = await prisma.auditEvent.findMany({ where: { action: { startsWith: "import.mapping" }, result: { not: "SUCCESS" } }, select: { result: true } });
    expect(refusals.map((r) => r.result)).toEqual(["DENIED", "DENIED", "DENIED", "FAILURE"]);
  });
});
