// What a read-only audit of the Datasets, Runs and Settings views found, as a user meets it: a dataset
// keeps one target when the schema table picks a new one (and the Target box can clear it); a file
// whose import finishes while the user is on Models does not pull them back to Datasets; threads = 0 is explained
// beside its field and the message goes once fixed; a finished DLinear run (a model without gates)
// says so instead of offering knockouts that can only fail, and stays "completed" with no samples/s.
import { test, expect, SHARED_DATA } from '../fixtures';
import { join } from 'node:path';
import { AppPage } from '../pages/app';
import { ModelsPage } from '../pages/models';
import { RunsPage } from '../pages/runs';

test('one target, imports that do not navigate, inline settings errors, no gate analytics without gates', async ({ page, lab }) => {
  test.setTimeout(240_000);
  const app = await AppPage.open(page, lab.url);

  await test.step('the schema table keeps one target; the Target box clears it', async () => {
    const datasets = await app.datasets();
    await datasets.open('Demo: grid load (forecasting)');
    const roles = page.getByTestId('schema-table').getByRole('combobox', { name: /^Role of / });
    const names = await page.getByTestId('schema-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-column')!));
    const [a, b] = names.filter((n) => n !== 'date' && n !== 'time').slice(-2);
    await datasets.setRole(a, 'target');
    await datasets.setRole(b, 'target');
    await expect(page.getByRole('combobox', { name: `Role of ${a}`, exact: true })).toHaveValue('feature');
    expect(await roles.evaluateAll((ss) => ss.filter((s) => (s as HTMLSelectElement).value === 'target').length)).toBe(1);
    await expect(page.getByTestId('target-column')).toHaveValue(b);
    await page.getByTestId('target-column').selectOption('');
    await expect(page.getByTestId('target-save')).toHaveText('Clear target');
    await page.getByTestId('target-save').click();
    await expect(page.getByRole('combobox', { name: `Role of ${b}`, exact: true })).toHaveValue('feature');
  });

  await test.step('threads = 0 is explained beside the field; fixing it clears the message', async () => {
    await app.go('settings');
    const threads = page.getByLabel('Threads per run');
    await threads.fill('0');
    await threads.press('Tab');
    await expect(page.getByTestId('threads-error')).toHaveText('Threads per run must be at least 1.');
    await expect(page.getByText('invalid payload')).toHaveCount(0);
    await threads.fill('1');
    await threads.press('Tab');
    await expect(page.getByTestId('threads-error')).toHaveCount(0);
  });

  await test.step('an import finishing while the user is on Models does not pull them back to Datasets', async () => {
    await app.go('models');
    const options = page.getByTestId('model-dataset').locator('option');
    const before = await options.count();
    await page.evaluate(() => { (window as unknown as { hashes: string[] }).hashes = []; addEventListener('hashchange', () => (window as unknown as { hashes: string[] }).hashes.push(location.hash)); });
    // Dropping shows Datasets (the import's progress); the user moves on to Models while it parses.
    await new AppPage(page).datasets().then((d) => d.dropFile(join(SHARED_DATA, 'recsys', 'ml-100k', 'u.item')));
    await app.go('models');
    await expect(options).toHaveCount(before + 1, { timeout: 90_000 }); // the import finished meanwhile
    await page.waitForTimeout(500);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Models');
    const hashes = await page.evaluate(() => (window as unknown as { hashes: string[] }).hashes);
    expect(hashes.at(-1)).toBe('#/models');
    expect(hashes.filter((h) => /^#\/datasets\/./.test(h))).toEqual([]);
  });

  await test.step('a finished DLinear run has no gate analytics, and its speed reads as an average, not a lingering live rate', async () => {
    await app.go('models');
    const models = new ModelsPage(page);
    await page.getByTestId('model-dataset').selectOption({ label: 'Demo: grid load (forecasting)' });
    await models.pickTemplate('dlinear');
    await models.quickTraining(1, 20);
    await models.startButton().click();
    const runs = new RunsPage(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Runs');
    const row = runs.rows().filter({ hasText: 'dlinear' }).first();
    await expect(row.getByTestId('run-status')).toHaveText('completed', { timeout: 180_000 });
    await row.getByRole('button').first().click();
    await expect(page.getByTestId('no-gates')).toContainText('no gates');
    await expect(page.getByTestId('knockout-all')).toHaveCount(0);
    await page.waitForTimeout(1500); // late progress events, if any, have arrived
    await expect(row.getByTestId('run-status')).toHaveText('completed');
    await expect(row.locator('td.num')).toHaveText(/^[\d,]+ avg$/);
    await expect(row.getByTestId('run-sps-avg')).toHaveAttribute('title', /^Average training speed: /);
  });
  await app.screenshot('20-views-audit-dlinear');
});
