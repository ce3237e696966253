// A user watches a run train: its validation curve appears on the Evaluation chart while the run is
// still running (pushed by the lab after each epoch, no reload), the row's ETA reads as minutes and
// seconds, and cancelling ends it. (DLinear on the demo forecasting set: epochs are short.)
import { test, expect } from '../fixtures';
import { AppPage } from '../pages/app';
import { ModelsPage } from '../pages/models';
import { RunsPage } from '../pages/runs';

test('validation points fill in live while a run trains', async ({ page, lab }) => {
  test.setTimeout(240_000);
  const app = await AppPage.open(page, lab.url);
  await app.go('models');
  const models = new ModelsPage(page);
  await page.getByTestId('model-dataset').selectOption({ label: 'Demo: grid load (forecasting)' });
  await models.pickTemplate('dlinear');
  await models.quickTraining(100, 100_000);
  await models.startButton().click();

  const runs = new RunsPage(page);
  const row = runs.rows().filter({ hasText: 'dlinear' }).first();
  const status = row.getByTestId('run-status');
  await test.step('it runs', async () => expect(status).toHaveText('running', { timeout: 120_000 }));
  await test.step('the row is selected by clicking it anywhere', async () => {
    await row.getByRole('progressbar').click();
    await expect(row).toHaveClass(/selected/);
  });
  await test.step('the first validation appears on the Evaluation chart while the run is still running', async () => {
    const evaluation = page.locator('figure.chart', { hasText: 'Evaluation' });
    await expect(evaluation).toContainText('val.', { timeout: 120_000 });
    await expect(status).toHaveText('running');
    await expect(row).not.toContainText(/\b60 s\b/);
  });
  await app.screenshot('16-runs-live-validation');
  await test.step('cancel', async () => {
    await row.getByRole('button', { name: 'Cancel' }).click();
    await expect(status).toHaveText('cancelled', { timeout: 60_000 });
  });
});
