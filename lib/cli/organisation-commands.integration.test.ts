import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { disconnectPrisma } from "@/lib/db";
import { createUser } from "@/lib/demo/factories";
import { countyUnitRows, csvFile } from "@/lib/organisation/import/test-files";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { runOrganisationCommand } from "./organisation-commands";

let out: string[];
let err: string[];
const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
const run = (...argv: string[]) => runOrganisationCommand(argv, prisma, io);

beforeEach(async () => {
  await resetDatabase();
  out = [];
  err = [];
  await createUser(prisma, { email: "root@example.gov.cn", roles: [{ role: "ADMIN" }] });
  await createUser(prisma, { email: "clerk@example.gov.cn" });
});
afterAll(disconnectPrisma);

describe("npm run gongkai -- admin …", () => {
  it("creates a county, a department and a unit, edits and deactivates the unit, each audited with client address cli", async () => {
    const as = ["--as", "root@example.gov.cn"];
    expect(await run("region", "create", ...as, "--code", "130433", "--name", "馆陶县", "--level", "县")).toBe(0);
    expect(await run("department", "create", ...as, "--region", "130433", "--code", "224", "--name", "县委网信办", "--review")).toBe(0);
    expect(await run("unit", "create", ...as, "--region", "130433", "--department", "224", "--code", "224001", "--name", "网信办本级", "--nature", "行政", "--duties", "职责一\n职责二")).toBe(0);
    expect(await run("unit", "update", ...as, "--region", "130433", "--code", "224001", "--grade", "正科级")).toBe(0);
    expect(await run("department", "update", ...as, "--region", "130433", "--code", "224", "--no-review")).toBe(0);
    expect(await run("unit", "deactivate", ...as, "--region", "130433", "--code", "224001")).toBe(0);
    expect(err).toEqual([]);
    expect(await prisma.unit.findFirstOrThrow({ select: { name: true, nature: true, grade: true, duties: true, deactivatedAt: true, department: { select: { hasDepartmentReview: true } } } })).toEqual({
      name: "网信办本级",
      nature: "行政",
      grade: "正科级",
      duties: ["职责一", "职责二"],
      deactivatedAt: expect.any(Date),
      department: { hasDepartmentReview: false },
    });
    const audit = await prisma.auditEvent.findMany({ orderBy: { id: "asc" }, select: { action: true, result: true, clientAddress: true } });
    expect(audit.map((a) => `${a.action} ${a.result} ${a.clientAddress}`)).toEqual([
      "region.create SUCCESS cli",
      "department.create SUCCESS cli",
      "unit.create SUCCESS cli",
      "unit.update SUCCESS cli",
      "department.update SUCCESS cli",
      "unit.deactivate SUCCESS cli",
    ]);
  });

  it("refuses an account without the administrator role, in Chinese, exit code 1, nothing written", async () => {
    expect(await run("region", "create", "--as", "clerk@example.gov.cn", "--code", "130433", "--name", "馆陶县", "--level", "县")).toBe(1);
    expect(err.join("\n")).toContain("只有系统管理员可以管理地区、部门和单位。");
    expect(await prisma.region.count()).toBe(0);
  });

  it("previews a units file without writing, then imports it with --apply", async () => {
    await run("region", "create", "--as", "root@example.gov.cn", "--code", "130433", "--name", "馆陶县", "--level", "县");
    const dir = await mkdtemp(path.join(tmpdir(), "gongkai-cli-"));
    const file = path.join(dir, "units.csv");
    await writeFile(file, csvFile(countyUnitRows(2, 3)).bytes);
    out = [];
    expect(await run("import-units", "--as", "root@example.gov.cn", "--region", "130433", "--file", file)).toBe(0);
    expect(out.at(-1)).toBe("预览（未写入）：新增部门 2，新增单位 6，修改单位 0，不变 0，问题 0。");
    expect(await prisma.unit.count()).toBe(0);
    expect(await run("import-units", "--as", "root@example.gov.cn", "--region", "130433", "--file", file, "--apply")).toBe(0);
    expect(await prisma.unit.count()).toBe(6);
  });

  it("explains bad usage with exit code 2", async () => {
    expect(await run("unit", "explode", "--as", "root@example.gov.cn")).toBe(2);
    expect(err.join("\n")).toContain("未知命令“admin unit explode”");
  });
});
