import { disconnectPrisma, prisma } from "@/lib/db";
import { createUser } from "@/lib/demo/factories";

// `node --import tsx e2e/support/create-user.ts '{"email":…,"name":…,"password":…}'`: prints the user as JSON.
const input = JSON.parse(process.argv[2] ?? "{}") as { email: string; name: string; password: string };
createUser(prisma, input)
  .then((user) => process.stdout.write(JSON.stringify(user)))
  .finally(disconnectPrisma);
