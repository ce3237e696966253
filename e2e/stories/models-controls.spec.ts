// A researcher sets up models on the demo datasets and every control on the Models view does what it
// shows: the MoE forecaster's router kind is a choice with its own fields, FLOPs per step follow the
// batch size, the fusion modalities come from the dataset (read-only), the seeds box explains what it
// accepts, and the run gets a name that says what it is.
import { test, expect } from '../fixtures';
import { AppPage } from '../pages/app';
import { ModelsPage } from '../pages/models';
import { RunsPage } from '../pages/runs';

const FORECAST = 'Demo: grid load (forecasting)';
const FUSION = 'Demo: sensor + camera (fusion)';

test('every control of the Models view configures what it shows', async ({ page, lab }) => {
  test.setTimeout(150_000);
  const app = await AppPage.open(page, lab.url);
  await app.go('models');
  const models = new ModelsPage(page);
  await models.choose(FORECAST, 'Time-series forecasting', 'moe-forecaster');
  await models.openGate('router');

  await test.step('the router kind is a picker; top-k brings its own fields and defaults', async () => {
    const kind = models.gateField('Router kind');
    await expect(kind).toHaveValue('softmax-router');
    await expect(models.gateField('Router temperature')).toHaveValue('1');
    await expect(kind.locator('option')).toHaveText(['Dense softmax router', 'Top-k router', 'Sinkhorn router']); // names, not tags
    await kind.selectOption({ label: 'Top-k router' });
    await expect(kind).toHaveValue('topk-router');
    await expect(models.gateField('Router experts per token (k)')).toHaveValue('2');
    await expect(models.gateField('Router experts')).toHaveValue('8');
    await expect(models.startButton()).toBeEnabled();
  });
  await app.screenshot('04b-models-moe-router');

  await test.step('FLOPs per step follow the batch size', async () => {
    const size = page.getByTestId('model-size');
    await expect(size).toContainText('batch 128');
    const before = await size.textContent();
    const training = page.getByTestId('training-settings');
    await training.locator('summary').click();
    await training.getByLabel('Batch size', { exact: true }).fill('256');
    await training.getByLabel('Batch size', { exact: true }).press('Tab');
    await expect(size).toContainText('batch 256');
    await expect(size).not.toHaveText(before!);
  });

  await test.step('a learning-rate edit keeps the other optimizer settings, and a bad one is named', async () => {
    const training = page.getByTestId('training-settings');
    const lr = training.getByLabel('Optimizer learning rate', { exact: true });
    await lr.fill('1e6');
    await lr.press('Tab');
    await expect(training.locator('summary')).toContainText('lr 1000000');
    await expect(training.getByLabel('Optimizer weight decay', { exact: true })).toHaveValue('0.01');
    await expect(training.getByLabel('Optimizer kind', { exact: true })).toHaveValue('adamw');
    await lr.fill('-1');
    await lr.press('Tab');
    // the message sits under the field; the launch bar names the field and leads to it
    await expect(training.getByRole('alert')).toHaveText('Optimizer learning rate must be greater than 0');
    await expect(page.getByTestId('config-error')).toHaveText('Fix 1 field: Optimizer learning rate');
    await expect(models.startButton()).toBeDisabled();
    await lr.fill('0.003');
    await lr.press('Tab');
    await expect(models.startButton()).toBeEnabled();
  });

  await models.choose(FUSION, 'Multimodal fusion', 'gmu');
  await test.step('the modalities come from the dataset, shown and not editable', async () => {
    await expect(page.getByTestId('fixed-modalities')).toContainText('from the dataset: context (5), sensor (8), camera (8)');
    await expect(page.getByTestId('block-diagram')).toContainText('sensor (8)');
    await expect(page.locator('.panels')).not.toContainText('[object Object]');
    await expect(models.startButton()).toBeEnabled();
  });

  await app.screenshot('04c-models-fusion-modalities');

  await test.step('the seeds box says what it accepts', async () => {
    const seeds = page.getByTestId('seeds');
    await seeds.fill('');
    await expect(page.getByTestId('seeds-error')).toContainText('how many seeds');
    await expect(models.startButton()).toBeDisabled();
    await seeds.fill('65');
    await expect(page.getByTestId('seeds-error')).toHaveText('At most 64 seeds per start');
    await expect(models.startButton()).toBeDisabled();
    await seeds.fill('1');
    await expect(page.getByTestId('seeds-error')).toHaveCount(0);
  });

  await test.step('a run is named after its template and dataset unless the user names it', async () => {
    await expect(page.getByTestId('run-name')).toHaveAttribute('placeholder', `gmu on ${FUSION}`);
    await models.quickTraining(1, 20);
    await page.getByTestId('run-name').fill('gmu quick look');
    await models.startButton().click();
    const runs = new RunsPage(page);
    await expect(runs.rows().filter({ hasText: 'gmu quick look' })).toHaveCount(1);
    await runs.waitFor('gmu quick look', 'completed');
  });
});
