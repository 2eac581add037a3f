import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { storePassword } from "@/lib/auth/credential-store";
import { isAdministrator, type Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { type AdminRequest, auditingAdminRefusals, parseAdminInput, requireSignedIn } from "./admin-access";
import { createUserSchema } from "./admin-schemas";

/**
 * 创建账户: an administrator (of any region, or global) creates an account with an initial
 * password (the password rule, argon2id through the credential store). The account holds no
 * role until one is granted, and must change the password at first sign-in. Account, credential
 * and audit row (`user.create`) in one transaction.
 */
export function createUserAccount(db: DbClient, viewer: Viewer | null, raw: unknown, request: AdminRequest = {}): Promise<{ userId: string; email: string }> {
  const email = typeof raw === "object" && raw !== null && "email" in raw ? String(raw.email).slice(0, 200) : null;
  return auditingAdminRefusals(db, viewer, { action: "user.create", clientAddress: request.clientAddress ?? null, objectType: "user", details: { targetEmail: email } }, async () => {
    const admin = requireSignedIn(viewer);
    if (!isAdministrator(admin)) throw new AppError("FORBIDDEN", "只有系统管理员可以创建账户。");
    const input = parseAdminInput(createUserSchema, raw);
    return db.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (existing !== null) throw new AppError("INVALID_INPUT", "请检查标出的内容后重新提交。", { email: ["该邮箱已有账户。"] });
      const user = await tx.user.create({
        data: { id: randomUUID(), name: input.name, email: input.email, emailVerified: true, mustChangePassword: true },
        select: { id: true, email: true },
      });
      await storePassword(tx, user.id, input.password);
      await writeAuditEvent(tx, {
        action: "user.create",
        result: "SUCCESS",
        userId: admin.userId,
        clientAddress: request.clientAddress ?? null,
        objectType: "user",
        objectId: user.id,
        details: { targetEmail: user.email, name: input.name },
      });
      return { userId: user.id, email: user.email };
    });
  });
}
