// The run dashboard, Compare and Export views, as a user drives them.
import { test, expect, type Locator, type Page } from '@playwright/test';

export class RunsPage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.getByTestId('run-table').locator('tbody tr');
  }

  statuses(): Locator {
    return this.page.getByTestId('run-status');
  }

  /** Waits until the newest run of `template` has `status` (other stories may have left runs in this lab). */
  async waitFor(template: string, status: string, timeout = 90_000): Promise<void> {
    await test.step(`wait until the ${template} run is ${status}`, async () => {
      await expect(this.rows().filter({ hasText: template }).first().getByTestId('run-status')).toHaveText(status, { timeout });
    });
  }

  async waitUntilAll(status: string, count: number, timeout = 180_000): Promise<void> {
    await test.step(`wait until ${count} runs are ${status}`, async () => {
      await expect(this.statuses().filter({ hasText: status })).toHaveCount(count, { timeout });
    });
  }
}

export class ComparePage {
  constructor(readonly page: Page) {}

  /** Selects every run (or those whose label mentions `only`, e.g. a template) and compares them. */
  async compareAll(only?: string): Promise<void> {
    await test.step(only ? `select the ${only} runs and compare` : 'select every run and compare', async () => {
      const boxes = (only ? this.page.locator('aside label', { hasText: only }) : this.page.locator('aside')).locator('input[type="checkbox"]');
      for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
      await this.page.getByTestId('compare-button').click();
      await expect(this.page.locator('.controls')).toBeVisible();
    });
  }
}

export class ExportPage {
  constructor(readonly page: Page) {}

  /** Exports the selected run in a format; returns the path the lab wrote. */
  async export(title: 'ONNX model' | 'Run report (HTML)' | 'Metrics CSV'): Promise<string> {
    return test.step(`export ${title}`, async () => {
      // The list also shows the folder's earlier files (Try it's, another window's), loaded at its own pace,
      // so row counts say nothing: the view announces the path it wrote, and that path gets its row.
      const announcer = this.page.getByTestId('announcer');
      await this.page.evaluate(() => { const r = document.querySelector('[data-testid="announcer"]'); if (r) r.textContent = ''; });
      await this.page.locator('.fmt', { hasText: title }).getByRole('button', { name: 'Export' }).click();
      await expect(announcer).toHaveText(/^Exported \S/);
      const path = (await announcer.textContent())!.replace(/^Exported /, '').trim();
      await expect(this.page.getByTestId('export-results').locator('tbody tr code', { hasText: path }).first()).toBeVisible();
      return path;
    });
  }

  /** "Try it": predicts the given test rows; returns the table's rows as [row, prediction, target] texts. */
  async tryRows(rows: string): Promise<string[][]> {
    return test.step(`try the model on test rows ${rows}`, async () => {
      const panel = this.page.getByTestId('try-it');
      await panel.getByTestId('try-rows').fill(rows);
      await panel.getByTestId('try-run').click();
      const body = panel.getByTestId('try-results').locator('tbody tr');
      await expect(body.first()).toBeVisible({ timeout: 60_000 });
      return body.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim() ?? '')));
    });
  }
}
