// Gate analytics as a user drives them: on a run's page (knockouts, gate report, what the gates
// learned) and in Compare (knockouts across runs, accuracy vs FLOPs/sample).
import { test, expect, type Page } from '@playwright/test';

export class AnalyticsPage {
  constructor(readonly page: Page) {}

  /** Selects a run in Runs and waits for its "Gate analytics" section. */
  static async open(page: Page, runId: string): Promise<AnalyticsPage> {
    return test.step(`open run ${runId}`, async () => {
      await page.locator(`tr[data-run="${runId}"] button.link`).click();
      await expect(page.getByTestId('run-analytics')).toBeVisible();
      return new AnalyticsPage(page);
    });
  }

  /** "Knock out all gates", then waits for the panel's bars (one row per gate and mode). */
  async knockOutAll(): Promise<number> {
    return test.step('knock out all gates and wait for the bars', async () => {
      await this.page.getByTestId('knockout-all').click();
      const rows = this.page.getByTestId('knockout-row');
      await expect(rows.first()).toBeVisible({ timeout: 240_000 }); // 6 evaluations of 10,000 test rows + bootstrap; minutes on a loaded 2-core box
      await expect(this.page.getByTestId('knockout-panel').locator('.bar').first()).toBeAttached();
      return rows.count();
    });
  }

  /** "Gate report": returns the path of the HTML file the lab wrote. */
  async writeReport(): Promise<string> {
    return test.step('write the gate report', async () => {
      await this.page.getByTestId('gate-report').click();
      const path = this.page.getByTestId('gate-report-path').locator('code');
      await expect(path).toHaveText(/gate-report\.html$/, { timeout: 120_000 });
      return (await path.textContent())!.trim();
    });
  }

  async seeFeatureGates(): Promise<void> {
    await test.step('the feature gates are ranked, with an Export CSV button', async () => {
      const panel = this.page.getByTestId('feature-gates');
      await expect(panel).toBeVisible({ timeout: 30_000 });
      await expect(panel.getByTestId('feature-row').first()).toBeVisible();
      await expect(panel.getByTestId('feature-csv')).toBeEnabled();
    });
  }

  /** FinalMLP computes everything for every sample: the dense FLOPs per sample beside the metric. */
  async seeDenseCompute(): Promise<void> {
    await test.step('the dense FLOPs per sample beside the test metric', async () => {
      await expect(this.page.getByTestId('compute-panel').getByTestId('flops-dense')).toHaveText(/^[\d.]+ [kMG]$/);
    });
  }
}

export class CompareAnalyticsPage {
  constructor(readonly page: Page) {}

  async compare(ids: string[]): Promise<void> {
    await test.step(`compare runs ${ids.join(', ')}`, async () => {
      for (const id of ids) await this.page.locator(`aside input[type="checkbox"][value="${id}"]`).check();
      await this.page.getByTestId('compare-button').click();
      await expect(this.page.getByTestId('compare-analytics')).toBeVisible();
    });
  }

  /** The knockout table has a column per run; the knocked-out run has deltas, the other says "not run". */
  async seeKnockoutsSideBySide(runs: number): Promise<void> {
    await test.step('the same knockouts side by side', async () => {
      const table = this.page.getByTestId('knockout-compare');
      await expect(table.getByTestId('knockout-run')).toHaveCount(runs);
      await expect(table.getByTestId('knockout-compare-row').first()).toBeVisible();
      await expect(table.getByTestId('knockout-not-run')).toHaveCount(runs - 1);
      await expect(table.getByTestId('knockout-queue')).toBeVisible();
    });
  }

  async seeScatter(points: number): Promise<void> {
    await test.step('accuracy vs FLOPs per sample, a point per run', async () => {
      await expect(this.page.getByTestId('compute-scatter').getByTestId('scatter-point')).toHaveCount(points);
    });
  }
}
