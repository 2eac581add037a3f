import type { RequestActor } from "@/lib/auth/request-actor";
import { prisma } from "@/lib/db";
import { createDepartment } from "./create-department";
import { createRegion } from "./create-region";
import { createUnit } from "./create-unit";
import { deactivateUnit, reactivateUnit } from "./deactivate-unit";
import { applyAccountImport } from "./import/apply-account-import";
import { applyUnitImport } from "./import/apply-unit-import";
import type { ImportFile } from "./import/import-file";
import { previewAccountImport } from "./import/preview-account-import";
import { previewUnitImport } from "./import/preview-unit-import";
import { updateDepartment } from "./update-department";
import { updateRegion } from "./update-region";
import { updateUnit } from "./update-unit";

/** The organisation administration's use cases bound to the application's database (app/ does not touch Prisma). */
export const organisation = {
  createRegion: ({ viewer, clientAddress }: RequestActor, input: unknown) => createRegion(prisma, viewer, input, { clientAddress }),
  updateRegion: ({ viewer, clientAddress }: RequestActor, input: unknown) => updateRegion(prisma, viewer, input, { clientAddress }),
  createDepartment: ({ viewer, clientAddress }: RequestActor, input: unknown) => createDepartment(prisma, viewer, input, { clientAddress }),
  updateDepartment: ({ viewer, clientAddress }: RequestActor, input: unknown) => updateDepartment(prisma, viewer, input, { clientAddress }),
  createUnit: ({ viewer, clientAddress }: RequestActor, input: unknown) => createUnit(prisma, viewer, input, { clientAddress }),
  updateUnit: ({ viewer, clientAddress }: RequestActor, input: unknown) => updateUnit(prisma, viewer, input, { clientAddress }),
  deactivateUnit: ({ viewer, clientAddress }: RequestActor, input: unknown) => deactivateUnit(prisma, viewer, input, new Date(), { clientAddress }),
  reactivateUnit: ({ viewer, clientAddress }: RequestActor, input: unknown) => reactivateUnit(prisma, viewer, input, { clientAddress }),
  previewUnitImport: ({ viewer, clientAddress }: RequestActor, input: unknown, file: ImportFile) => previewUnitImport(prisma, viewer, input, file, { clientAddress }),
  applyUnitImport: ({ viewer, clientAddress }: RequestActor, input: unknown, file: ImportFile, fingerprint?: string) =>
    applyUnitImport(prisma, viewer, input, file, { clientAddress, ...(fingerprint === undefined ? {} : { fingerprint }) }),
  previewAccountImport: ({ viewer, clientAddress }: RequestActor, input: unknown, file: ImportFile) => previewAccountImport(prisma, viewer, input, file, { clientAddress }),
  applyAccountImport: ({ viewer, clientAddress }: RequestActor, input: unknown, file: ImportFile, fingerprint?: string) =>
    applyAccountImport(prisma, viewer, input, file, { clientAddress, ...(fingerprint === undefined ? {} : { fingerprint }) }),
};
