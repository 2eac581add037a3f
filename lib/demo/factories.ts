import { emptyBudget } from "@/lib/budgets/empty-budget";
import { randomUUID } from "node:crypto";
import type { Budget } from "@/lib/disclosure/types";
import type { BudgetAction, BudgetStatus, RegionLevel, Role } from "@/lib/generated/prisma/enums";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { writeBudget, type SavedBudget } from "@/lib/budgets/save-budget";
import { storePassword } from "@/lib/auth/credential-store";
import { authSecretKey } from "@/lib/auth/auth";
import { storeEnrolledTotp, TEST_TOTP_SECRET } from "@/lib/auth/totp-secret";
import { guantao2024Budget } from "./guantao-2024";

/**
 * Factories shared by the demo seed, the integration tests and the end-to-end tests: each
 * builds valid data or stores it the way the application would, with unique codes where
 * several may coexist.
 */

const uniqueSuffix = () => randomUUID().replaceAll("-", "").slice(0, 8);

// ---------------------------------------------------------------------------
// Regions, departments, units
// ---------------------------------------------------------------------------

export interface RegionSpec {
  code: string;
  name: string;
  level: RegionLevel;
}

/** 河北省 › 邯郸市 › 馆陶县, the region chain of the demo budget. */
export const GUANTAO_REGION_CHAIN: readonly RegionSpec[] = [
  { code: "130000", name: "河北省", level: "PROVINCE" },
  { code: "130400", name: "邯郸市", level: "CITY" },
  { code: "130433", name: "馆陶县", level: "COUNTY" },
];

/** Creates the regions of a chain that are missing, each under the previous one; existing ones are left alone. */
export async function ensureRegionChain(
  tx: DbReader,
  chain: readonly RegionSpec[],
): Promise<{ created: number; regionId: number }> {
  let parentId: number | null = null;
  let created = 0;
  for (const spec of chain) {
    const existing: { id: number } | null = await tx.region.findUnique({ where: { code: spec.code }, select: { id: true } });
    const region: { id: number } =
      existing ?? (await tx.region.create({ data: { ...spec, parentId }, select: { id: true } }));
    if (existing === null) created += 1;
    parentId = region.id;
  }
  if (parentId === null) throw new Error("a region chain needs at least one region");
  return { created, regionId: parentId };
}

export interface CreatedUnit {
  regionId: number;
  departmentId: number;
  unitId: number;
  region: { code: string; name: string };
  department: { code: string; name: string };
  unit: { code: string; name: string };
}

/** A unit with a department of its own, in a new county (or the given region), with unique codes. */
export async function createUnit(
  db: DbReader,
  overrides: { regionCode?: string; departmentCode?: string; unitCode?: string; unitName?: string } = {},
): Promise<CreatedUnit> {
  const suffix = uniqueSuffix();
  const region = { code: overrides.regionCode ?? `R${suffix}`, name: `测试县${suffix}` };
  const department = { code: overrides.departmentCode ?? `D${suffix}`, name: `测试部门${suffix}` };
  const unit = { code: overrides.unitCode ?? `${department.code}001`, name: overrides.unitName ?? `测试单位${suffix}本级` };

  const regionRow = await db.region.upsert({
    where: { code: region.code },
    create: { ...region, level: "COUNTY" },
    update: {},
    select: { id: true, name: true },
  });
  const departmentRow = await db.department.create({
    data: { regionId: regionRow.id, ...department },
    select: { id: true },
  });
  const unitRow = await db.unit.create({
    data: { regionId: regionRow.id, departmentId: departmentRow.id, ...unit, nature: "行政", fundingForm: "财政拨款" },
    select: { id: true },
  });
  return {
    regionId: regionRow.id,
    departmentId: departmentRow.id,
    unitId: unitRow.id,
    region: { code: region.code, name: regionRow.name },
    department,
    unit,
  };
}

/** Another unit in the department (and region) of `sibling`, e.g. a department of several units. */
export async function createUnitInDepartment(
  db: DbReader,
  sibling: CreatedUnit,
  overrides: { unitCode?: string; unitName?: string } = {},
): Promise<CreatedUnit> {
  const suffix = uniqueSuffix();
  const unit = { code: overrides.unitCode ?? `${sibling.department.code}${suffix.slice(0, 3)}`, name: overrides.unitName ?? `测试单位${suffix}` };
  const row = await db.unit.create({
    data: { regionId: sibling.regionId, departmentId: sibling.departmentId, ...unit, nature: "事业", fundingForm: "财政拨款" },
    select: { id: true },
  });
  return { ...sibling, unitId: row.id, unit };
}

// ---------------------------------------------------------------------------
// Budgets
// ---------------------------------------------------------------------------

/** A deep copy of the demo budget (224001, 2024) with top-level fields replaced. */
export function buildBudget(overrides: Partial<Budget> = {}): Budget {
  return { ...structuredClone(guantao2024Budget), ...structuredClone(overrides) };
}

/** The demo budget's content moved to another unit (e.g. one from `createUnit`). */
export function buildBudgetFor(unit: Pick<CreatedUnit, "region" | "department" | "unit">, overrides: Partial<Budget> = {}): Budget {
  const base = buildBudget(overrides);
  return {
    ...base,
    region: { ...unit.region },
    department: { ...unit.department },
    unit: { ...base.unit, code: unit.unit.code, name: unit.unit.name },
  };
}

/** A budget with nothing entered yet (what an accountant starts from without a prior year), for a unit and year. */
export function buildEmptyBudgetFor(unit: Pick<CreatedUnit, "region" | "department" | "unit">, year: number): Budget {
  const profile = { code: unit.unit.code, name: unit.unit.name, nature: "", grade: "", fundingForm: "", duties: [], organisation: "" };
  return emptyBudget({ unit: profile, department: unit.department, region: unit.region }, year);
}

/** Statuses a factory can reach; PUBLISHED needs a published snapshot, which publishing creates. */
export type FactoryStatus = Exclude<BudgetStatus, "PUBLISHED">;

interface Step {
  action: BudgetAction;
  to: BudgetStatus;
}

const SUBMIT: Step = { action: "SUBMIT", to: "SUBMITTED" };
const FINANCE_REVIEW: Step = { action: "START_FINANCE_REVIEW", to: "FINANCE_REVIEW" };
const APPROVE: Step = { action: "APPROVE", to: "APPROVED" };

/** The workflow steps after creation that lead to each status. */
const HISTORY: Record<FactoryStatus, readonly Step[]> = {
  DRAFT: [],
  SUBMITTED: [SUBMIT],
  DEPARTMENT_REVIEW: [SUBMIT, { action: "START_DEPARTMENT_REVIEW", to: "DEPARTMENT_REVIEW" }],
  FINANCE_REVIEW: [SUBMIT, FINANCE_REVIEW],
  RETURNED: [SUBMIT, FINANCE_REVIEW, { action: "RETURN", to: "RETURNED" }],
  APPROVED: [SUBMIT, FINANCE_REVIEW, APPROVE],
  SIGNED_OFF: [
    SUBMIT,
    FINANCE_REVIEW,
    APPROVE,
    { action: "RECORD_SECRECY_REVIEW", to: "APPROVED" },
    { action: "SIGN_OFF", to: "SIGNED_OFF" },
  ],
};

export interface CreateBudgetOptions {
  /** the demo budget when omitted */
  budget?: Budget;
  version?: number;
  status?: FactoryStatus;
  /** when every step happened (now when omitted) */
  at?: Date;
  /** comment recorded on every workflow event */
  comment?: string;
}

/**
 * Stores a new budget version together with the workflow history that leads to its status:
 * the events (by no one: actor null) and the matching timestamps. Fails if the version exists.
 */
export async function writeBudgetWithHistory(tx: DbReader, options: CreateBudgetOptions = {}): Promise<SavedBudget> {
  const status = options.status ?? "DRAFT";
  const at = options.at ?? new Date();
  const comment = options.comment ?? null;
  const budget = options.budget ?? buildBudget();
  const saved = await writeBudget(tx, { budget, version: options.version, initialStatus: status });
  if (!saved.isNew) {
    throw new Error(`budget ${budget.unit.code} ${budget.year} v${saved.version} already exists`);
  }

  const steps = HISTORY[status];
  const did = (action: BudgetAction) => steps.some((step) => step.action === action);
  await tx.budget.update({
    where: { id: saved.id },
    data: {
      submittedAt: did("SUBMIT") ? at : null,
      approvedAt: did("APPROVE") ? at : null,
      secrecyReviewedAt: did("RECORD_SECRECY_REVIEW") ? at : null,
      headSignedAt: did("SIGN_OFF") ? at : null,
    },
  });
  let from: BudgetStatus | null = null;
  const events = [{ action: "CREATE" as const, to: "DRAFT" as const }, ...steps].map((step) => {
    const event = { budgetId: saved.id, action: step.action, fromStatus: from, toStatus: step.to, at, comment };
    from = step.to;
    return event;
  });
  await tx.budgetEvent.createMany({ data: events });
  return saved;
}

/** `writeBudgetWithHistory` in a transaction of its own. */
export function createBudget(db: DbClient, options: CreateBudgetOptions = {}): Promise<SavedBudget> {
  return db.$transaction((t) => writeBudgetWithHistory(t, options), { timeout: 15_000 });
}

// ---------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------

export interface RoleSpec {
  role: Role;
  unitId?: number;
  departmentId?: number;
  regionId?: number;
}

/** A user with the given roles; with `password` (which must satisfy the password rule) it can sign in. */
export async function createUser(
  db: DbReader,
  overrides: {
    name?: string;
    email?: string;
    roles?: readonly RoleSpec[];
    password?: string;
    /** with a password: the enrolled TOTP secret (TEST_TOTP_SECRET unless given; null: not enrolled, as a new account) */
    totpSecret?: string | null;
  } = {},
): Promise<{ id: string; name: string; email: string }> {
  const suffix = uniqueSuffix();
  const user = await db.user.create({
    data: {
      id: randomUUID(),
      name: overrides.name ?? `测试用户${suffix}`,
      email: overrides.email ?? `user-${suffix}@example.test`,
      emailVerified: true,
    },
    select: { id: true, name: true, email: true },
  });
  if (overrides.roles !== undefined && overrides.roles.length > 0) {
    await db.roleAssignment.createMany({ data: overrides.roles.map((spec) => ({ ...spec, userId: user.id })) });
  }
  if (overrides.password !== undefined) {
    await storePassword(db, user.id, overrides.password);
    const totpSecret = overrides.totpSecret === undefined ? TEST_TOTP_SECRET : overrides.totpSecret;
    if (totpSecret !== null) await storeEnrolledTotp(db, user.id, totpSecret, await authSecretKey());
  }
  return user;
}

// ---------------------------------------------------------------------------
// Budgets at a point of the publication clock (deadline dashboard, demo data)
// ---------------------------------------------------------------------------

export interface ApprovedBudgetOptions {
  /** the unit (created in a new county when omitted) */
  unit?: CreatedUnit;
  year?: number;
  /** 报送 time (the approval time when omitted) */
  submittedAt?: Date;
  /** 批复 time: starts the 20-day clock */
  approvedAt: Date;
  /**
   * When given, the version is PUBLISHED at that time: a PUBLISH event and published_at, without
   * a snapshot (the dashboard reads dates only; citizens see nothing of it). To publish for real
   * (snapshot and files, as the demo seed does), call publishBudget with `now` instead.
   */
  publishedAt?: Date;
  /** SIGNED_OFF instead of APPROVED when not published */
  signedOff?: boolean;
}

/**
 * A unit's budget that the finance bureau approved at `approvedAt`, and optionally published at
 * `publishedAt`, with the workflow events at those times.
 */
export async function createApprovedBudget(
  db: DbClient & DbReader,
  options: ApprovedBudgetOptions,
): Promise<{ unit: CreatedUnit; budgetId: number }> {
  const unit = options.unit ?? (await createUnit(db));
  const year = options.year ?? guantao2024Budget.year;
  return db.$transaction(
    async (tx) => {
      const status: FactoryStatus = options.signedOff === true ? "SIGNED_OFF" : "APPROVED";
      const saved = await writeBudgetWithHistory(tx, { budget: buildBudgetFor(unit, { year }), status, at: options.approvedAt });
      if (options.submittedAt !== undefined) {
        await tx.budget.update({ where: { id: saved.id }, data: { submittedAt: options.submittedAt } });
        await tx.budgetEvent.updateMany({ where: { budgetId: saved.id, action: "SUBMIT" }, data: { at: options.submittedAt } });
      }
      if (options.publishedAt !== undefined) {
        await tx.budget.update({ where: { id: saved.id }, data: { status: "PUBLISHED", publishedAt: options.publishedAt } });
        await tx.budgetEvent.create({
          data: { budgetId: saved.id, action: "PUBLISH", fromStatus: status, toStatus: "PUBLISHED", at: options.publishedAt },
        });
      }
      return { unit, budgetId: saved.id };
    },
    { timeout: 15_000 },
  );
}
