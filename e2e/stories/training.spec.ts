// A researcher configures TSMixer-gated on the demo forecasting set, changes its gate, trains two
// seeds, watches them on the dashboard, compares them, and exports one as ONNX that then loads in a
// fresh onnxruntime-node session and predicts. (Short runs: a few dozen steps, to keep the suite fast.)
import * as ort from 'onnxruntime-node';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { test, expect } from '../fixtures';
import { AppPage } from '../pages/app';
import { ModelsPage } from '../pages/models';
import { ComparePage, ExportPage, RunsPage } from '../pages/runs';

test('train TSMixer-gated with two seeds, compare them, export ONNX', async ({ page, lab }) => {
  test.setTimeout(300_000);
  const app = await AppPage.open(page, lab.url);
  await app.go('models');
  const models = new ModelsPage(page);

  await test.step('choose the demo forecasting dataset and TSMixer-gated', async () => {
    await page.getByTestId('model-dataset').selectOption({ label: 'Demo: grid load (forecasting)' });
    await models.pickTemplate('tsmixer-gated');
  });
  await test.step('configure: short windows, gate opened wider, a quick training', async () => {
    await models.openGate('gate');
    await models.gateField('Gate init bias').fill('1');
    await models.gateField('Gate init bias').press('Tab');
    const hyper = page.locator('.panels section').nth(1);
    await hyper.getByLabel('Lookback', { exact: true }).fill('96');
    await hyper.getByLabel('Lookback', { exact: true }).press('Tab');
    await hyper.getByLabel('Horizon', { exact: true }).fill('24');
    await hyper.getByLabel('Horizon', { exact: true }).press('Tab');
    await page.getByTestId('training-settings').locator('summary').click();
    const training = page.getByTestId('training-settings');
    await training.getByLabel('Epochs', { exact: true }).fill('1');
    await training.getByLabel('Epochs', { exact: true }).press('Tab');
    await training.getByLabel('Max steps', { exact: true }).fill('40');
    await training.getByLabel('Max steps', { exact: true }).press('Tab');
    // a new user's form starts at one seed (one run, a third of three seeds' wait); comparing seeds is chosen here
    await expect(page.getByLabel('Seeds')).toHaveValue('1');
    await page.getByLabel('Seeds').fill('2');
    await expect(models.startButton()).toHaveText(/Start 2 runs/);
  });
  await app.screenshot('05-models-before-start');
  await models.startButton().click();

  const runs = new RunsPage(page);
  await test.step('the dashboard lists both seeds and they complete', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Runs');
    // Other stories may have left runs in this lab: count this story's template only.
    const mine = runs.rows().filter({ hasText: 'tsmixer-gated' });
    await expect(mine).toHaveCount(2);
    await expect(mine.getByTestId('run-status').filter({ hasText: 'completed' })).toHaveCount(2, { timeout: 180_000 });
    await expect(page.locator('figure.chart').first()).toContainText('loss');
    await expect(page.getByTestId('gate-panels').locator('.gate-panel').first()).toContainText('openness');
  });
  await app.screenshot('06-runs-completed');

  await app.go('compare');
  await new ComparePage(page).compareAll('tsmixer-gated');
  await test.step('the comparison shows both runs and that they differ by seed', async () => {
    await expect(page.locator('main table.grid').first().locator('tbody tr')).toHaveCount(2);
    // the config differences name the seed as the app does, "Seed" (the parallel-coordinates axis also has it, as a hidden <title>)
    await expect(page.getByTestId('config-diff').locator('td.setting', { hasText: /^Seed$/ })).toBeVisible();
  });
  await app.screenshot('07-compare');

  await app.go('export');
  const path = await new ExportPage(page).export('ONNX model');
  await app.screenshot('08-export');
  await test.step('the exported model loads in a fresh ONNX Runtime session and predicts', async () => {
    expect(existsSync(path) && statSync(path).size).toBeGreaterThan(1000);
    const session = await ort.InferenceSession.create(path);
    const feeds: Record<string, ort.Tensor> = {};
    for (const name of session.inputNames) {
      const meta = session.inputMetadata.find((m) => m.name === name) as { dimensions?: (number | string)[]; shape?: (number | string)[] } | undefined;
      const dims = (meta?.dimensions ?? meta?.shape ?? []).map((d) => (typeof d === 'number' && d > 0 ? d : 1));
      feeds[name] = new ort.Tensor('float32', new Float32Array(dims.reduce((a, b) => a * b, 1)).fill(0.1), dims);
    }
    const out = await session.run(feeds);
    const first = out[session.outputNames[0]];
    expect(first.dims).toEqual([1, 24, expect.any(Number)]);
    expect(Array.from(first.data as Float32Array).every(Number.isFinite)).toBe(true);
  });
  await test.step('the HTML report is one self-contained page with the curves', async () => {
    const report = await new ExportPage(page).export('Run report (HTML)');
    const html = readFileSync(report, 'utf8');
    expect(html).toMatch(/<svg[^>]*aria-label="loss"/);
    expect(html).not.toContain('<script');
  });
  await test.step('try it: three test windows, each a chart of one channel over 24 steps with its MSE', async () => {
    const rows = await new ExportPage(page).tryRows('0-2');
    expect(rows.map((r) => r[0])).toEqual(['0', '1', '2']);
    for (const r of rows) expect(Number(r[2])).toBeGreaterThanOrEqual(0);
    await expect(page.getByTestId('try-spark')).toHaveCount(3);
    await expect(page.getByTestId('try-it')).toContainText('24 steps ×');
    // what the model predicts by the dataset's columns, not the ONNX tensor names ("vs target y")
    await expect(page.getByTestId('try-summary')).toHaveText(/^Forecast of .+ · \d[\d,]* test windows · model .+\.onnx \(output forecast\)$/);
  });
  await app.screenshot('08b-export-try-it');
});

test('pause, resume and cancel a long run from the dashboard', async ({ page, lab }) => {
  test.setTimeout(240_000);
  const app = await AppPage.open(page, lab.url);
  await app.go('models');
  const models = new ModelsPage(page);
  await page.getByTestId('model-dataset').selectOption({ label: 'Demo: grid load (forecasting)' });
  await models.pickTemplate('dlinear');
  await page.getByTestId('training-settings').locator('summary').click();
  await page.getByTestId('training-settings').getByLabel('Epochs', { exact: true }).fill('200');
  await page.getByTestId('training-settings').getByLabel('Epochs', { exact: true }).press('Tab');
  await page.getByLabel('Seeds').fill('1');
  await models.startButton().click();

  const runs = new RunsPage(page);
  const row = runs.rows().filter({ hasText: 'dlinear' }).first();
  const status = row.getByTestId('run-status');
  await test.step('it runs', async () => expect(status).toHaveText('running', { timeout: 120_000 }));
  await test.step('pause', async () => {
    await row.getByRole('button', { name: 'Pause' }).click();
    await expect(status).toHaveText('paused', { timeout: 60_000 });
  });
  await app.screenshot('09-runs-paused');
  await test.step('resume', async () => {
    await row.getByRole('button', { name: 'Resume' }).click();
    await expect(status).toHaveText(/queued|running/, { timeout: 60_000 });
  });
  await test.step('cancel', async () => {
    await expect(status).toHaveText('running', { timeout: 120_000 });
    await row.getByRole('button', { name: 'Cancel' }).click();
    await expect(status).toHaveText('cancelled', { timeout: 60_000 });
  });
});
