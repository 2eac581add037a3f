import type { Viewer } from "@/lib/auth/policies";
import { prisma } from "@/lib/db";
import { createUserAccount } from "./create-user";
import { grantRole } from "./grant-role";
import { revokeRole } from "./revoke-role";
import { unlockUser } from "./unlock-user";

/** The administration page's use cases bound to the application's database (app/ does not touch Prisma). */
export const accounts = {
  create: (viewer: Viewer | null, input: unknown) => createUserAccount(prisma, viewer, input),
  grant: (viewer: Viewer | null, input: unknown) => grantRole(prisma, viewer, input),
  revoke: (viewer: Viewer | null, input: unknown) => revokeRole(prisma, viewer, input),
  unlock: (viewer: Viewer | null, input: unknown) => unlockUser(prisma, viewer, input),
};
