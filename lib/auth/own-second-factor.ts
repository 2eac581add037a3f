import { prisma } from "@/lib/db";
import { getClientAddress } from "./client-address";
import { confirmEnrolment, readPendingEnrolment, startEnrolment, type PendingEnrolment } from "./enrol-second-factor";
import { getPendingAccount } from "./session";

/** The enrolment page's use cases bound to the request's account and the application's database (app/ does not touch Prisma). */

export async function startEnrolmentOfRequest(): Promise<void> {
  await startEnrolment(prisma, await getPendingAccount());
}

export async function pendingEnrolmentOfRequest(): Promise<PendingEnrolment | null> {
  return readPendingEnrolment(prisma, await getPendingAccount());
}

export async function confirmEnrolmentOfRequest(raw: unknown, requestHeaders: Headers): Promise<void> {
  await confirmEnrolment(prisma, await getPendingAccount(), raw, requestHeaders, await getClientAddress());
}
