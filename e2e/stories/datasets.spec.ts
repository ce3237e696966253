// A researcher opens the lab, finds the demo datasets, drops the ETTh1 CSV into the window and
// reads its schema: 17,420 rows, 8 columns, a datetime index.
import { join } from 'node:path';
import { test, expect, SHARED_DATA } from '../fixtures';
import { AppPage } from '../pages/app';

test('drop ETTh1 into the window and see its schema', async ({ page, lab }) => {
  const app = await AppPage.open(page, lab.url);
  const datasets = await app.datasets();

  await test.step('the demo datasets are there on first start', async () => {
    await expect(datasets.items()).toHaveCount(3);
    await expect(datasets.items().filter({ hasText: 'demo' })).toHaveCount(3);
  });
  await app.screenshot('01-datasets-demo');

  await datasets.dropFile(join(SHARED_DATA, 'forecasting', 'ETTh1.csv'));
  await datasets.waitForImport('ETTh1.csv');
  await datasets.open('ETTh1');

  await test.step('its schema: 17,420 rows x 8 columns, date is a datetime, OT a float', async () => {
    await expect(datasets.shape()).toHaveText('17,420 rows × 8 columns');
    await expect(datasets.columnRows()).toHaveCount(8);
    await expect(datasets.columnType('date')).toHaveText('datetime');
    for (const c of ['HUFL', 'HULL', 'MUFL', 'MULL', 'LUFL', 'LULL', 'OT']) await expect(datasets.columnType(c)).toHaveText('float');
    await expect(page.getByRole('combobox', { name: 'Role of date' })).toHaveValue('time');
  });
  await app.screenshot('02-datasets-etth1-schema');

  await test.step('the preview starts at the first hour of the series', async () => {
    await datasets.tab('Preview');
    const preview = page.getByTestId('preview');
    await expect(preview.getByRole('row').nth(1)).toContainText('2016-07-01 00:00:00');
  });
  await app.screenshot('03-datasets-etth1-preview');

  await test.step('the validation report says the file is clean', async () => {
    await datasets.tab('Validation');
    await expect(page.getByTestId('validation')).toBeVisible();
  });
});

test('every view opens and is screenshotted, in light and dark', async ({ page, lab }) => {
  const app = await AppPage.open(page, lab.url);
  for (const view of ['datasets', 'models', 'runs', 'compare', 'export', 'settings'] as const) {
    await app.go(view);
    await app.screenshot(`view-${view}-light`);
  }
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  for (const view of ['datasets', 'models', 'runs'] as const) {
    await app.go(view);
    await app.screenshot(`view-${view}-dark`);
  }
});
