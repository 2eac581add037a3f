import type { RequestActor } from "@/lib/auth/request-actor";
import type { Viewer } from "@/lib/auth/policies";
import { prisma } from "@/lib/db";
import { addRegionHeaderMapping } from "./add-region-header-mapping";
import { deleteRegionHeaderMapping } from "./delete-region-header-mapping";
import { loadRegionHeaderMappings, type RegionHeaderMappings } from "./region-header-mappings";

/** The administrator's screen: the use cases over the application's database. */
export const regionHeaderMappings = {
  load: (viewer: Viewer | null, regionCode: string): Promise<RegionHeaderMappings> => loadRegionHeaderMappings(prisma, viewer, regionCode),
  add: ({ viewer, clientAddress }: RequestActor, raw: unknown) => addRegionHeaderMapping(prisma, viewer, raw, clientAddress),
  delete: ({ viewer, clientAddress }: RequestActor, raw: unknown) => deleteRegionHeaderMapping(prisma, viewer, raw, clientAddress),
};
