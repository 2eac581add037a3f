import { disconnectPrisma, prisma } from "@/lib/db";
import { createUser } from "@/lib/demo/factories";

// `node --import tsx e2e/support/create-user.ts '{"email":…,"name":…,"password":…}'`: prints the user as JSON.
// Enrolled with TEST_TOTP_SECRET unless "totpSecret": null (a new account, which enrols itself).
const input = JSON.parse(process.argv[2] ?? "{}") as { email: string; name: string; password: string; totpSecret?: string | null };
createUser(prisma, input)
  .then((user) => process.stdout.write(JSON.stringify(user)))
  .finally(disconnectPrisma);
