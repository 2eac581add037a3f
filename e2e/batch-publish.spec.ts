import { expect, test, type Page } from "@playwright/test";
import { createSignedOffUnits, query, type SignedOffUnits } from "./support/e2e-database";
import { enterTotpCode, totpSecretFor } from "./support/two-factor";

/**
 * 统一公开 in the browser: a finance reviewer publishes the county's signed-off budgets from
 * /review/publish; the result page grows line by line (no script) and ends with the summary.
 */

const PASSWORD = "Richtig#2024";

async function signIn(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await enterTotpCode(page, totpSecretFor(email));
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`), { timeout: 30_000 });
}

test.describe("batch publication", () => {
  let county: SignedOffUnits;
  const reviewer = { email: `batch-reviewer-${Date.now()}@example.test`, name: "批量公开测试审核人", password: PASSWORD };

  test.beforeAll(() => {
    county = createSignedOffUnits(reviewer);
  });

  test("lists the signed-off budgets, publishes them all in one action and shows each one's outcome", async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    await signIn(page, reviewer.email, "/review/publish");
    await expect(page.getByRole("heading", { level: 1, name: "批量公开" })).toBeVisible();
    await expect(page.getByText(`${county.regionName}（${county.regionCode}）· 2024年度`)).toBeVisible();
    const table = page.getByRole("table", { name: "已审签待公开的预算（3 份）" });
    for (const unit of county.units) await expect(table.getByRole("row", { name: new RegExp(unit.name) })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("batch-publish-list.png"), fullPage: true });

    await page.getByRole("button", { name: "公开以上 3 份预算" }).click();

    // About a second per budget on an idle machine; much more when the machine is shared.
    await expect(page.getByRole("status")).toContainText("完成：已公开 3 份", { timeout: 180_000 });
    const lines = page.getByRole("listitem");
    await expect(lines).toHaveCount(3);
    for (const [i, unit] of county.units.slice().sort((a, b) => a.code.localeCompare(b.code)).entries()) {
      await expect(lines.nth(i)).toContainText(`${i + 1}/3${unit.code} ${unit.name}（第1版）：已公开 /budgets/2024/${unit.code}/v1`);
    }
    await page.screenshot({ path: testInfo.outputPath("batch-publish-done.png"), fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: testInfo.outputPath("batch-publish-done-375.png"), fullPage: true });

    const published = await query<{ code: string; kinds: string }>(
      `SELECT u.code, string_agg(a.kind::text, ',' ORDER BY a.kind) AS kinds FROM published_snapshots s
       JOIN units u ON u.id = s.unit_id JOIN published_artifacts a ON a.snapshot_id = s.id
       WHERE u.code = ANY($1) GROUP BY u.code ORDER BY u.code`,
      [county.units.map((u) => u.code)],
    );
    expect(published).toHaveLength(3);
    for (const row of published) expect(row.kinds).toContain("PDF");
    const response = await page.request.get(`/budgets/2024/${county.units[0]?.code}`);
    expect(response.status()).toBe(200);

    // Nothing left to publish.
    await page.goto(`/review/publish?region=${county.regionCode}&year=2024`);
    await expect(page.getByText("没有已审签待公开的预算。")).toBeVisible();
  });
});
