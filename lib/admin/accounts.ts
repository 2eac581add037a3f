import type { RequestActor } from "@/lib/auth/request-actor";
import { prisma } from "@/lib/db";
import { createUserAccount } from "./create-user";
import { grantRole } from "./grant-role";
import { revokeRole } from "./revoke-role";
import { unlockUser } from "./unlock-user";
import { resetSecondFactor } from "@/lib/auth/reset-second-factor";

/** The administration page's use cases bound to the application's database (app/ does not touch Prisma). */
export const accounts = {
  create: ({ viewer, clientAddress }: RequestActor, input: unknown) => createUserAccount(prisma, viewer, input, { clientAddress }),
  grant: ({ viewer, clientAddress }: RequestActor, input: unknown) => grantRole(prisma, viewer, input, { clientAddress }),
  revoke: ({ viewer, clientAddress }: RequestActor, input: unknown) => revokeRole(prisma, viewer, input, { clientAddress }),
  unlock: ({ viewer, clientAddress }: RequestActor, input: unknown) => unlockUser(prisma, viewer, input, new Date(), { clientAddress }),
  resetSecondFactor: ({ viewer, clientAddress }: RequestActor, input: unknown) => resetSecondFactor(prisma, viewer, input, { clientAddress }),
};
