import { expect, test } from "@playwright/test";
import { createAccountantUnit, loadStoredBudget, query } from "./support/e2e-database";
import { signInAs } from "./support/entry-helpers";

/**
 * Two browsers edit the same draft of a fresh unit. The second save is refused with a clear
 * message and a reload path, and what the second accountant typed survives the reload.
 */

const password = "Konflikt#2024a";

test("a save refused because someone saved first keeps what was typed and restores it after reloading", async ({ browser }) => {
  test.setTimeout(120_000);
  const email = `conflict-${Date.now()}@example.test`;
  const unit = createAccountantUnit({ email, name: "冲突测试会计", password, year: 2024, content: "demo" });

  const first = await browser.newContext();
  const second = await browser.newContext();
  const pageA = await first.newPage();
  const pageB = await second.newPage();
  await signInAs(pageA, email, password);
  await signInAs(pageB, email, password);
  await pageA.goto("/workspace/budgets/2024");
  await pageB.goto("/workspace/budgets/2024");

  // A changes the income and saves first.
  const incomeA = pageA.getByRole("region", { name: "收入", exact: true }).getByRole("textbox", { name: "第1行 金额" });
  await incomeA.fill("120");
  await incomeA.blur();
  await expect(pageA.getByTestId("save-status")).toHaveText(/已保存/, { timeout: 15_000 });

  // B, still on the version it loaded, writes a note: its save is refused.
  const notesB = pageB.getByRole("textbox", { name: "其他需要说明的事项" });
  await notesB.fill("乙会计补充的说明：本单位无其他事项。");
  const alert = pageB.getByRole("alert").filter({ hasText: "保存失败：他人已先保存了这份预算" });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert).toContainText("预算已被他人修改");
  await expect(pageB.getByTestId("save-status")).toHaveText("保存失败：他人已先保存");
  await expect(notesB).toHaveValue("乙会计补充的说明：本单位无其他事项。");
  await expect(pageB.getByRole("button", { name: "报送" })).toBeDisabled();
  await pageB.screenshot({ path: "e2e/.artifacts/workspace-conflict-desktop.png" });
  expect(loadStoredBudget({ unitCode: unit.unitCode, year: 2024 })?.budget.narrative.otherNotes).toBe("我单位无其他需要说明的事项。");

  // 重新加载: A's saved income shows, and B is offered its unsaved edit back.
  await alert.getByRole("button", { name: "重新加载" }).click();
  const offer = pageB.getByRole("alert").filter({ hasText: "发现本页上次未保存的修改" });
  await expect(offer).toBeVisible({ timeout: 15_000 });
  await expect(pageB.getByRole("region", { name: "收入", exact: true }).getByRole("textbox", { name: "第1行 金额" })).toHaveValue("120.00");
  await pageB.setViewportSize({ width: 375, height: 800 });
  await pageB.screenshot({ path: "e2e/.artifacts/workspace-conflict-restore-375.png" });
  await pageB.setViewportSize({ width: 1280, height: 720 });
  await offer.getByRole("button", { name: "恢复我的修改" }).click();
  await expect(pageB.getByRole("status").filter({ hasText: "已恢复您的修改（情况说明）" })).toBeVisible();
  await expect(notesB).toHaveValue("乙会计补充的说明：本单位无其他事项。");
  await expect(pageB.getByTestId("save-status")).toHaveText(/已保存/, { timeout: 15_000 });

  // Both edits are stored: A's income and B's note.
  const stored = loadStoredBudget({ unitCode: unit.unitCode, year: 2024 });
  expect(stored?.budget.narrative.otherNotes).toBe("乙会计补充的说明：本单位无其他事项。");
  expect(stored?.budget.income[0]?.amount).toBe(120_000_000);
  const refusals = await query<{ n: string }>(
    `SELECT count(*)::text AS n FROM audit_events WHERE action = 'budget.save' AND result = 'FAILURE' AND user_id = $1`,
    [unit.userId],
  );
  expect(refusals).toEqual([{ n: "1" }]);

  await first.close();
  await second.close();
});
