import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { documentRenderers } from "@/app/document-renderers";
import { AppError } from "@/lib/app-error";
import type { Viewer } from "@/lib/auth/policies";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { disconnectPrisma } from "@/lib/db";
import { buildBudgetFor, createBudget, createUnit, createUnitInDepartment, createUser, type CreatedUnit } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { deriveTables } from "@/lib/disclosure/derive-tables";
import { TABLE_IDS } from "@/lib/disclosure/table-model";
import type { Budget } from "@/lib/disclosure/types";
import { PdfUnavailableError } from "@/lib/export/pdf";
import type { DocumentRenderers } from "@/lib/publication/publish-budget";
import { publishBudget } from "@/lib/publication/publish-budget";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { failingAt } from "@/tests/integration/failing-client";
import { withMemoizedPdf } from "@/tests/integration/memoized-pdf";
import { publishDepartmentBudget } from "./publish-department-budget";

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
});
afterAll(disconnectPrisma);

const now = new Date("2024-02-10T08:00:00.000Z");
const approvedAt = new Date("2024-01-20T02:00:00.000Z");
const withPdf = withMemoizedPdf(documentRenderers);
/** Most tests need no PDF: Chromium takes seconds per page. */
const noPdf: DocumentRenderers = {
  ...documentRenderers,
  pdf: () => Promise.reject(new PdfUnavailableError("FONT_MISSING", "测试中不生成 PDF。")),
};

interface Department {
  a: CreatedUnit;
  b: CreatedUnit;
  budgetA: Budget;
  budgetB: Budget;
  reviewer: Viewer;
}

const viewerOf = (user: { id: string }, roles: Viewer["roles"]): Viewer => ({ userId: user.id, roles });

/**
 * A department of two units; unit B's budget is the demo's with other amounts and project codes.
 * Unit A's is signed off (审签), so that tests can publish it as a unit budget too.
 */
async function department(statusB: "APPROVED" | "SIGNED_OFF" | "SUBMITTED" | "DRAFT" = "SIGNED_OFF"): Promise<Department> {
  const a = await createUnit(prisma);
  const b = await createUnitInDepartment(prisma, a, { unitName: "网络安全服务中心" });
  const budgetA = buildBudgetFor(a);
  const budgetB = buildBudgetFor(b);
  budgetB.income = [{ source: "GENERAL_BUDGET", amount: 2_000_000 + budgetB.income[0]!.amount }];
  budgetB.expenditure.push({ functionalCode: "2013702", kind: "PROJECT", source: "GENERAL_BUDGET", amount: 2_000_000 });
  budgetB.projects = budgetB.projects.map((p) => ({ ...p, code: p.code.replace("P0000", "P9999") }));
  await createBudget(prisma, { budget: budgetA, status: "SIGNED_OFF", at: approvedAt });
  await createBudget(prisma, { budget: budgetB, status: statusB, at: approvedAt });
  const user = await createUser(prisma, { roles: [{ role: "DEPARTMENT_REVIEWER", departmentId: a.departmentId }] });
  return { a, b, budgetA, budgetB, reviewer: viewerOf(user, [{ role: "DEPARTMENT_REVIEWER", departmentId: a.departmentId }]) };
}

async function storedContent(version: number): Promise<SnapshotContent> {
  const row = await prisma.departmentSnapshot.findFirstOrThrow({ where: { version }, select: { content: true } });
  return row.content as unknown as SnapshotContent;
}

async function auditRows() {
  return prisma.auditEvent.findMany({
    where: { action: "department.publish" },
    select: { result: true, userId: true, objectId: true, details: true },
    orderBy: { id: "asc" },
  });
}

describe("publishDepartmentBudget", () => {
  it("publishes the sum of the units' approved budgets with its six files, the summed versions and an audit row", async () => {
    const d = await department("APPROVED");
    const result = await publishDepartmentBudget(prisma, d.reviewer, { departmentId: d.a.departmentId, year: 2024 }, withPdf, now);
    expect(result).toMatchObject({ version: 1, path: `/budgets/2024/departments/${d.a.department.code}/v1`, pdfError: null });
    expect(result.files.map((f) => f.kind).sort()).toEqual(["CSV", "DOCX", "HTML", "JSON", "PDF", "XLSX"]);

    const content = await storedContent(1);
    expect(content.budget.unit).toMatchObject({ code: d.a.department.code, name: d.a.department.name });
    expect(content.department?.units.map((u) => [u.code, u.budgetVersion])).toEqual(
      [
        [d.a.unit.code, 1],
        [d.b.unit.code, 1],
      ].sort(([x], [y]) => String(x).localeCompare(String(y))),
    );
    // Cell by cell, the department's tables are the sum of the units' tables.
    const unitTables = [d.budgetA, d.budgetB].map((b) => deriveTables(b, guantao2024CodeBook));
    for (const id of TABLE_IDS) {
      const grand = content.tables[id].rows.find((r) => r.key === "total" || r.key === "grand-total");
      if (grand === undefined) continue;
      const amountColumns = content.tables[id].columns.flatMap((c, i) => (c.kind === "amount" ? [i] : []));
      for (const i of amountColumns) {
        const sum = unitTables.reduce((acc, t) => {
          const row = t[id].rows.find((r) => r.key === grand.key);
          return acc + (typeof row?.cells[i] === "number" ? (row.cells[i] as number) : 0);
        }, 0);
        expect(grand.cells[i], `${id} column ${i}`).toBe(sum);
      }
    }
    expect(content.tables.T1.title).toBe("部门预算收支总表");

    const html = await prisma.departmentArtifact.findFirstOrThrow({ where: { kind: "HTML" }, select: { bytes: true, fileName: true } });
    const page = Buffer.from(html.bytes).toString("utf8");
    expect(page).toContain(`<title>${d.a.department.name}2024年部门预算`);
    expect(page).toContain("部门预算汇总范围");
    expect(page).toContain("网络安全服务中心");
    expect(html.fileName).toBe(`${d.a.department.name}2024年部门预算（第1版）.html`);
    expect(await prisma.departmentSnapshotBudget.count()).toBe(2);
    const json = await prisma.departmentArtifact.findFirstOrThrow({ where: { kind: "JSON" }, select: { bytes: true } });
    const openData = JSON.parse(Buffer.from(json.bytes).toString("utf8")) as { unit: { code: string }; departmentBudget?: { units: { code: string }[] } };
    expect(openData.unit.code).toBe(d.a.department.code);
    expect(openData.departmentBudget?.units.map((u) => u.code).sort()).toEqual([d.a.unit.code, d.b.unit.code].sort());
    expect(await auditRows()).toEqual([
      expect.objectContaining({ result: "SUCCESS", userId: d.reviewer.userId, objectId: String(d.a.departmentId) }),
    ]);
    // Publishing the department changes nothing of its units.
    expect((await prisma.budget.findMany({ select: { status: true }, orderBy: { id: "asc" } })).map((b) => b.status)).toEqual([
      "SIGNED_OFF",
      "APPROVED",
    ]);
  });

  for (const status of ["SUBMITTED", "DRAFT"] as const) {
    it(`refuses while a unit's budget is ${status}, names that unit, stores nothing and audits the refusal`, async () => {
      const d = await department(status);
      const attempt = publishDepartmentBudget(prisma, d.reviewer, { departmentId: d.a.departmentId, year: 2024 }, noPdf, now);
      await expect(attempt).rejects.toThrow(AppError);
      await expect(attempt).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(attempt).rejects.toThrow(new RegExp(`尚未批复：${d.b.unit.code} 网络安全服务中心（${status === "DRAFT" ? "草稿" : "已报送"}）`));
      expect(await prisma.departmentSnapshot.count()).toBe(0);
      expect((await auditRows()).every((row) => row.result === "FAILURE")).toBe(true);
    });
  }

  it("refuses a department without units, and a unit with no budget for the year", async () => {
    const lone = await createUnit(prisma);
    const user = await createUser(prisma, { roles: [{ role: "DEPARTMENT_REVIEWER", departmentId: lone.departmentId }] });
    const reviewer = viewerOf(user, [{ role: "DEPARTMENT_REVIEWER", departmentId: lone.departmentId }]);
    await expect(publishDepartmentBudget(prisma, reviewer, { departmentId: lone.departmentId, year: 2024 }, noPdf, now)).rejects.toThrow(
      /尚未批复：.*（尚未填报）/,
    );
    const empty = await prisma.department.create({ data: { regionId: lone.regionId, code: "EMPTY", name: "空部门" }, select: { id: true } });
    const emptyReviewer = viewerOf(user, [{ role: "DEPARTMENT_REVIEWER", departmentId: empty.id }]);
    await expect(publishDepartmentBudget(prisma, emptyReviewer, { departmentId: empty.id, year: 2024 }, noPdf, now)).rejects.toThrow(
      "空部门没有预算单位",
    );
  });

  it("sums a unit's newest approved version, never the draft of its correction", async () => {
    const d = await department();
    // Unit A's v1 is published; its correction v2 is a draft with other amounts.
    await publishBudget(prisma, { unitCode: d.a.unit.code, year: 2024 }, noPdf);
    const draft = structuredClone(d.budgetA);
    draft.income = [{ source: "GENERAL_BUDGET", amount: 999_990_000 }];
    await createBudget(prisma, { budget: draft, version: 2, status: "DRAFT" });
    await publishDepartmentBudget(prisma, d.reviewer, { departmentId: d.a.departmentId, year: 2024 }, noPdf, now);
    const content = await storedContent(1);
    const expected = d.budgetA.income[0]!.amount + d.budgetB.income[0]!.amount;
    expect(content.budget.income).toEqual([{ source: "GENERAL_BUDGET", amount: expected }]);
    expect(content.department?.units.find((u) => u.code === d.a.unit.code)?.budgetVersion).toBe(1);
  });

  it("stores nothing when a write fails in the middle of the transaction, and audits the failure", async () => {
    const d = await department();
    for (const model of ["departmentArtifact", "departmentSnapshotBudget"] as const) {
      await expect(
        publishDepartmentBudget(failingAt(model, "createMany"), d.reviewer, { departmentId: d.a.departmentId, year: 2024 }, noPdf, now),
      ).rejects.toThrow(/injected failure/);
    }
    expect(await prisma.departmentSnapshot.count()).toBe(0);
    expect(await prisma.departmentArtifact.count()).toBe(0);
    expect(await prisma.departmentSnapshotBudget.count()).toBe(0);
    expect(await auditRows()).toEqual([
      expect.objectContaining({ result: "FAILURE", details: expect.objectContaining({ reason: "ERROR" }) }),
      expect.objectContaining({ result: "FAILURE", details: expect.objectContaining({ reason: "ERROR" }) }),
    ]);
    // Nothing left behind stops the next attempt.
    await expect(publishDepartmentBudget(prisma, d.reviewer, { departmentId: d.a.departmentId, year: 2024 }, noPdf, now)).resolves.toMatchObject({
      version: 1,
    });
  });

  it("republishes after a unit's correction as version 2 with its 更正说明; version 1 stays, superseded", async () => {
    const d = await department();
    const first = await publishDepartmentBudget(prisma, d.reviewer, { departmentId: d.a.departmentId, year: 2024 }, noPdf, now);
    await expect(publishDepartmentBudget(prisma, d.reviewer, { departmentId: d.a.departmentId, year: 2024 }, noPdf, now)).rejects.toThrow(
      "无需重新公开",
    );
    // Unit B publishes, corrects and has the correction approved.
    await publishBudget(prisma, { unitCode: d.b.unit.code, year: 2024 }, noPdf);
    const corrected = structuredClone(d.budgetB);
    corrected.basicEconomic[0]!.amount += 1_000;
    corrected.basicEconomic[1]!.amount -= 1_000;
    await createBudget(prisma, { budget: corrected, version: 2, status: "APPROVED", at: approvedAt });

    const withoutNote = publishDepartmentBudget(prisma, d.reviewer, { departmentId: d.a.departmentId, year: 2024 }, noPdf, now);
    await expect(withoutNote).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { correctionNote: [expect.stringContaining("更正说明")] } });

    const note = "网络安全服务中心更正了基本工资与津贴补贴的分列金额。";
    const second = await publishDepartmentBudget(
      prisma,
      d.reviewer,
      { departmentId: d.a.departmentId, year: 2024, correctionNote: note },
      noPdf,
      new Date("2024-03-01T08:00:00.000Z"),
    );
    expect(second.version).toBe(2);
    const snapshots = await prisma.departmentSnapshot.findMany({
      select: { id: true, version: true, supersededById: true, correctionNote: true, contentHash: true },
      orderBy: { version: "asc" },
    });
    expect(snapshots).toEqual([
      { id: first.snapshotId, version: 1, supersededById: second.snapshotId, correctionNote: null, contentHash: first.contentHash },
      { id: second.snapshotId, version: 2, supersededById: null, correctionNote: note, contentHash: second.contentHash },
    ]);
    expect((await storedContent(2)).department?.units.find((u) => u.code === d.b.unit.code)?.budgetVersion).toBe(2);
    // The database keeps version 1 as it was.
    await expect(prisma.departmentSnapshot.update({ where: { id: first.snapshotId }, data: { correctionNote: "改写" } })).rejects.toThrow();
    await expect(prisma.departmentArtifact.deleteMany({})).rejects.toThrow();
  });

  it("publishes once when two reviewers publish at the same moment; the other is told to refresh", async () => {
    const d = await department();
    const attempts = await Promise.allSettled(
      [1, 2].map(() => publishDepartmentBudget(prisma, d.reviewer, { departmentId: d.a.departmentId, year: 2024 }, noPdf, now)),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const refused = attempts.find((a) => a.status === "rejected");
    expect(refused?.status === "rejected" ? refused.reason : null).toMatchObject({ code: "CONFLICT" });
    expect(await prisma.departmentSnapshot.count()).toBe(1);
  });

  describe("who may publish", () => {
    const cases = [
      ["anonymous", "UNAUTHENTICATED"],
      ["accountant of a unit of the department", "FORBIDDEN"],
      ["accountant elsewhere", "FORBIDDEN"],
      ["department reviewer of the department", null],
      ["department reviewer of another department", "FORBIDDEN"],
      ["finance reviewer of the region", "FORBIDDEN"],
      ["finance reviewer of another region", "FORBIDDEN"],
      ["global administrator", "FORBIDDEN"],
      ["administrator of the region", "FORBIDDEN"],
    ] as const;
    it.each(cases)("%s → %s", async (name, refusal) => {
      const d = await department();
      const elsewhere = await createUnit(prisma);
      const roles: Record<(typeof cases)[number][0], Viewer["roles"] | null> = {
        anonymous: null,
        "accountant of a unit of the department": [{ role: "ACCOUNTANT", unitId: d.b.unitId }],
        "accountant elsewhere": [{ role: "ACCOUNTANT", unitId: elsewhere.unitId }],
        "department reviewer of the department": [{ role: "DEPARTMENT_REVIEWER", departmentId: d.a.departmentId }],
        "department reviewer of another department": [{ role: "DEPARTMENT_REVIEWER", departmentId: elsewhere.departmentId }],
        "finance reviewer of the region": [{ role: "FINANCE_REVIEWER", regionId: d.a.regionId }],
        "finance reviewer of another region": [{ role: "FINANCE_REVIEWER", regionId: elsewhere.regionId }],
        "global administrator": [{ role: "ADMIN" }],
        "administrator of the region": [{ role: "ADMIN", regionId: d.a.regionId }],
      };
      const granted = roles[name];
      const user = granted === null ? null : await createUser(prisma, { roles: granted });
      const viewer = user === null || granted === null ? null : viewerOf(user, granted);
      const attempt = publishDepartmentBudget(prisma, viewer, { departmentId: d.a.departmentId, year: 2024 }, noPdf, now);
      if (refusal === null) {
        await expect(attempt).resolves.toMatchObject({ version: 1 });
        expect(await auditRows()).toEqual([expect.objectContaining({ result: "SUCCESS" })]);
      } else {
        await expect(attempt).rejects.toMatchObject({ code: refusal });
        expect(await prisma.departmentSnapshot.count()).toBe(0);
        expect(await auditRows()).toEqual([
          expect.objectContaining({ result: "DENIED", userId: user?.id ?? null, details: expect.objectContaining({ reason: refusal }) }),
        ]);
      }
    });
  });
});

describe("the public listings", () => {
  it("list a published department budget beside its units on the home and region pages, and no unpublished one", async () => {
    const { listPublishedBudgets, loadRegionPage } = await import("@/lib/public/queries");
    const d = await department();
    await publishBudget(prisma, { unitCode: d.a.unit.code, year: 2024 }, noPdf);
    const unpublished = await department();
    await publishBudget(prisma, { unitCode: unpublished.a.unit.code, year: 2024 }, noPdf);
    await publishDepartmentBudget(prisma, d.reviewer, { departmentId: d.a.departmentId, year: 2024 }, noPdf, now);

    const index = await listPublishedBudgets({ year: 2024 }, prisma);
    const group = index.regions.find((r) => r.region.code === d.a.region.code)?.years[0];
    expect(group?.departments).toEqual([
      { year: 2024, version: 1, publishedAt: now, departmentCode: d.a.department.code, departmentName: d.a.department.name },
    ]);
    expect(index.regions.find((r) => r.region.code === unpublished.a.region.code)?.years[0]?.departments).toEqual([]);

    const region = await loadRegionPage(d.a.region.code, prisma);
    expect(region?.departments.map((x) => [x.code, x.budgets.map((b) => [b.year, b.version])])).toEqual([[d.a.department.code, [[2024, 1]]]]);
  });
});

describe("loadDepartmentPreview", () => {
  it("shows the department's reviewers the derived document, and no one else the department", async () => {
    const { loadDepartmentPreview } = await import("./preview-department-budget");
    const d = await department("SUBMITTED");
    const finance = viewerOf({ id: "finance" }, [{ role: "FINANCE_REVIEWER", regionId: d.a.regionId }]);
    const accountant = viewerOf({ id: "accountant" }, [{ role: "ACCOUNTANT", unitId: d.a.unitId }]);

    const pending = await loadDepartmentPreview(prisma, d.reviewer, { departmentId: d.a.departmentId });
    expect(pending).toMatchObject({ canPublish: true, content: null, isUpToDate: false, years: [2024] });
    expect(pending.notReadyReason).toContain(`${d.b.unit.code} 网络安全服务中心（已报送）`);
    expect(pending.state.units.find((u) => u.code === d.b.unit.code)).toMatchObject({ approved: null, newest: { status: "SUBMITTED" } });

    await prisma.budget.updateMany({ where: { unitId: d.b.unitId }, data: { status: "APPROVED", approvedAt } });
    const ready = await loadDepartmentPreview(prisma, finance, { departmentId: d.a.departmentId, year: 2024 });
    expect(ready).toMatchObject({ canPublish: false, notReadyReason: null, publicPath: null });
    expect(ready.content?.tables.T1.title).toBe("部门预算收支总表");
    // The preview writes nothing.
    expect(await prisma.departmentSnapshot.count()).toBe(0);

    for (const viewer of [accountant, null]) {
      await expect(loadDepartmentPreview(prisma, viewer, { departmentId: d.a.departmentId })).rejects.toMatchObject({
        code: viewer === null ? "UNAUTHENTICATED" : "NOT_FOUND",
      });
    }
  });
});
