import { readFile, stat } from "node:fs/promises";
import type { RoleGrant } from "@/lib/auth/policies";
import { importBudgetWorkbook } from "@/lib/budget-import/import-budget-workbook";
import { loadRegionMappings } from "@/lib/budget-import/queries";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { loadBudget } from "@/lib/budgets/queries";
import type { ExcelImportStore } from "./import-excel-command";

/** The CLI's files and database for `import-excel`; saving goes through the same use case as the web. */
export function databaseExcelImportStore(db: DbReader & DbClient): ExcelImportStore {
  return {
    async readFile(path) {
      const info = await stat(path).catch(() => null);
      if (info === null || !info.isFile()) return null;
      return { size: info.size, bytes: async () => new Uint8Array(await readFile(path)) };
    },
    async loadTarget(unitCode, year) {
      const loaded = await loadBudget(db, { unitCode, year });
      if (loaded === null) return null;
      const unit = await db.unit.findUniqueOrThrow({ where: { id: loaded.meta.unitId }, select: { regionId: true } });
      return { budget: loaded.budget, codeBook: loaded.codeBook, mappings: await loadRegionMappings(db, unit.regionId), lockVersion: loaded.meta.lockVersion };
    },
    async viewerByEmail(email) {
      const user = await db.user.findFirst({
        where: { email: email.trim().toLowerCase() },
        select: { id: true, roleAssignments: { select: { role: true, unitId: true, departmentId: true, regionId: true }, orderBy: { id: "asc" } } },
      });
      if (user === null) return null;
      return {
        userId: user.id,
        roles: user.roleAssignments.map(
          ({ role, unitId, departmentId, regionId }): RoleGrant => ({
            role,
            ...(unitId !== null ? { unitId } : {}),
            ...(departmentId !== null ? { departmentId } : {}),
            ...(regionId !== null ? { regionId } : {}),
          }),
        ),
      };
    },
    save(viewer, request) {
      return importBudgetWorkbook(db, viewer, { ...request, clientAddress: null });
    },
  };
}
