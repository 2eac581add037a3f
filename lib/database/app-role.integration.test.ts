import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { disconnectPrisma } from "@/lib/db";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { startReview } from "@/lib/workflow/start-review";
import { setUpWorkflow } from "@/lib/workflow/test-support";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { APP_ROLE, enableAppRole } from "./app-role";

let appUrl: string;
let app: pg.Client;

beforeAll(async () => {
  const ownerUrl = process.env.DATABASE_URL;
  if (ownerUrl === undefined) throw new Error("the integration set-up provides DATABASE_URL");
  const url = await enableAppRole(ownerUrl, randomBytes(18).toString("base64url"));
  if (url === null) throw new Error(`the migrations did not create ${APP_ROLE}`);
  appUrl = url;
  app = new pg.Client({ connectionString: appUrl });
  await app.connect();
});
beforeEach(resetDatabase);
afterAll(async () => {
  await app.end();
  await disconnectPrisma();
});

const PERMISSION_DENIED = { code: "42501", message: expect.stringMatching(/^permission denied for table audit_events$/) };

describe(`the application role ${APP_ROLE}`, () => {
  it("connects as itself, not as the owner", async () => {
    const { rows } = await app.query<{ user: string; owner: string }>(
      "SELECT current_user AS user, tableowner AS owner FROM pg_tables WHERE tablename = 'audit_events'",
    );
    expect(rows).toEqual([{ user: APP_ROLE, owner: expect.not.stringMatching(APP_ROLE) }]);
  });

  it("appends and reads audit events, but cannot update, delete or truncate them (privileges, not only the triggers)", async () => {
    const inserted = await app.query<{ id: string }>("INSERT INTO audit_events (action, result) VALUES ('test.append', 'SUCCESS') RETURNING id");
    expect(inserted.rowCount).toBe(1);
    expect((await app.query("SELECT action FROM audit_events")).rows).toEqual([{ action: "test.append" }]);

    // The message is the privilege check's, which runs before any trigger ("audit_events is append-only").
    await expect(app.query("UPDATE audit_events SET action = 'test.changed'")).rejects.toMatchObject(PERMISSION_DENIED);
    await expect(app.query("DELETE FROM audit_events")).rejects.toMatchObject(PERMISSION_DENIED);
    await expect(app.query("TRUNCATE audit_events")).rejects.toMatchObject(PERMISSION_DENIED);
    expect((await prisma.auditEvent.findMany({ select: { action: true } }))).toEqual([{ action: "test.append" }]);
  });

  it("keeps away from the migration history", async () => {
    await expect(app.query('SELECT * FROM "_prisma_migrations"')).rejects.toMatchObject({ code: "42501" });
  });

  it("runs the application: a workflow step through Prisma writes its status, event and audit row", async () => {
    await saveCodeBook(prisma, guantao2024CodeBook);
    const f = await setUpWorkflow(prisma, { status: "SUBMITTED" });
    const appClient = new PrismaClient({ adapter: new PrismaPg({ connectionString: appUrl }) });
    try {
      await startReview(appClient, f.financeReviewer, { budgetId: f.budgetId });
      await expect(appClient.auditEvent.deleteMany({})).rejects.toThrow(/permission denied|42501/);
    } finally {
      await appClient.$disconnect();
    }
    expect((await prisma.budget.findUniqueOrThrow({ where: { id: f.budgetId } })).status).toBe("FINANCE_REVIEW");
    expect(await prisma.auditEvent.findMany({ select: { action: true, result: true } })).toEqual([{ action: "budget.start_review", result: "SUCCESS" }]);
  });
});
