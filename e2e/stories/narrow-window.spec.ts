// A researcher on a small laptop window (1024×700): a dataset's stored splits fit the Datasets view's
// column (the kind, seed, time and id fold under the name) instead of scrolling sideways in their box; and
// Models › Training offers class weights for the click demo, one box per class named by its values, a
// weight that is not positive named under the field with Start off.
import { test, expect } from '../fixtures';
import { AppPage } from '../pages/app';
import { ModelsPage } from '../pages/models';

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
});

test('Datasets › Splits at 1024×700: the split table fits its column', async ({ page, lab }) => {
  const app = await AppPage.open(page, lab.url);
  const datasets = await app.datasets();
  await datasets.open('Demo: sensor + camera (fusion)');
  await page.getByRole('tab', { name: 'Splits' }).click();
  await test.step('three stored splits: random, stratified, chronological', async () => {
    for (const kind of ['random', 'stratified', 'chronological']) {
      await page.getByTestId('split-kind').selectOption(kind);
      await page.getByTestId('split-create').click();
      await expect(page.getByTestId('split-result')).toContainText(`Split “${kind}”`);
    }
    await expect(page.getByTestId('split-row')).toHaveCount(3);
  });
  const list = page.getByTestId('split-list');
  await list.scrollIntoViewIfNeeded();
  await test.step('no sideways scrolling: the table is as wide as its box, the counts and Delete in view', async () => {
    const { box, content } = await list.evaluate((t) => ({ box: t.parentElement!.clientWidth, content: t.parentElement!.scrollWidth }));
    expect(content).toBeLessThanOrEqual(box);
    const row = page.getByTestId('split-row').first();
    await expect(row.getByTestId('split-meta')).toBeVisible();
    await expect(row.getByTestId('split-meta')).toHaveText(/^seed 42 · id \d+ · \d{4}-\d\d-\d\d/);
    await expect(row.getByRole('button', { name: /^Delete split/ })).toBeInViewport();
  });
  await app.screenshot('22-splits-1024x700');
});

test('Models › Training at 1024×700: class weights for the click demo', async ({ page, lab }) => {
  const app = await AppPage.open(page, lab.url);
  await app.go('models');
  const models = new ModelsPage(page);
  await models.choose('Demo: click log (CTR)', 'Recommendation / CTR', 'lr');
  const training = page.getByTestId('training-settings');
  await training.locator('summary').click();
  const weights = page.getByTestId('class-weights');
  await weights.getByLabel('Weighting').selectOption('custom');
  await test.step('one box per class, named by the target\'s values', async () => {
    await expect(weights.getByTestId('class-weight')).toHaveCount(2);
    await expect(weights.getByLabel('Weight of class false')).toHaveValue('1');
    await expect(weights.getByLabel('Weight of class true')).toHaveValue('1');
  });
  await test.step('a weight of 0 is named under the field and keeps Start off', async () => {
    await weights.getByLabel('Weight of class true').fill('0');
    await weights.getByLabel('Weight of class true').press('Tab');
    await expect(page.getByTestId('class-weights-error')).toHaveText("The weight of class 'true' must be a positive number (got 0)");
    await expect(models.startButton()).toBeDisabled();
    await expect(page.getByTestId('config-error')).toHaveText('Fix 1 field: Class weights');
  });
  await weights.scrollIntoViewIfNeeded();
  await app.screenshot('23-models-class-weights-1024x700');
  await test.step('5 for the positive class: Start is on, the header says so', async () => {
    await weights.getByLabel('Weight of class true').fill('5');
    await weights.getByLabel('Weight of class true').press('Tab');
    await expect(page.getByTestId('class-weights-error')).toHaveCount(0);
    await expect(models.startButton()).toBeEnabled();
    await expect(page.getByTestId('training-changed')).toContainText('class weights 1, 5');
  });
});
