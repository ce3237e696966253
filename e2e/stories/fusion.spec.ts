// A researcher drops the women's clothing reviews CSV, groups its columns into a text modality (title,
// review) and a tabular one (age, feedback count, division/department/class), targets "Recommended IND"
// (ignoring Rating, which leaks it), trains GMU briefly and looks at the learned modality weights.
import { join } from 'node:path';
import { test, expect, SHARED_DATA } from '../fixtures';
import { AppPage } from '../pages/app';
import { ModelsPage } from '../pages/models';
import { RunsPage } from '../pages/runs';

const NAME = 'womens_clothing_ecommerce_reviews';

test('reviews: text + tabular modalities, GMU, see the modality weights', async ({ page, lab }) => {
  test.setTimeout(150_000);
  const app = await AppPage.open(page, lab.url);
  const datasets = await app.datasets();
  await datasets.dropFile(join(SHARED_DATA, 'multimodal', `${NAME}.csv`));
  await datasets.waitForImport(`${NAME}.csv`);
  await datasets.open(NAME);
  await test.step('23,486 reviews', async () => expect(datasets.shape()).toHaveText(/^23,486 rows × \d+ columns$/));

  for (const c of ['Title', 'Review Text']) await datasets.setModality(c, 'text');
  for (const c of ['Age', 'Positive Feedback Count', 'Division Name', 'Department Name', 'Class Name']) await datasets.setModality(c, 'tabular');
  await datasets.setRole('Rating', 'ignore'); // it leaks the target
  await datasets.setRole('Clothing ID', 'ignore');
  await datasets.setTarget('Recommended IND');
  await app.screenshot('12-reviews-modalities');

  await app.go('models');
  const models = new ModelsPage(page);
  await models.choose(NAME, 'Multimodal fusion', 'gmu');
  await models.quickTraining(1, 120);
  await models.startButton().click();

  const runs = new RunsPage(page);
  await runs.waitFor('gmu', 'completed');
  await test.step('a modality-weights panel per GMU gate, stacked over the two modalities', async () => {
    const panel = page.getByTestId('gate-panels').locator('.gate-panel', { hasText: 'modality_weights' }).first();
    await expect(panel).toBeVisible({ timeout: 15_000 });
    await expect(panel.getByTestId('stacked-area').locator('polygon')).toHaveCount(2);
    const auc = page.getByTestId('run-metrics').locator('[data-metric="test.auc"] dd');
    expect(Number(await auc.textContent())).toBeGreaterThan(0.6);
  });
  await test.step('test per class: both classes with their support, and the 2 × 2 confusion matrix summing to the test split', async () => {
    const card = page.getByTestId('test-classes');
    await expect(card).toBeVisible({ timeout: 15_000 });
    await expect(card.getByTestId('test-classes-table').locator('tbody tr')).toHaveCount(2);
    const counts = (await card.getByTestId('confusion-matrix').locator('tbody td').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    expect(counts).toHaveLength(4);
    // every test row is in one cell (the data line says how many test samples there are)
    const line = await page.getByTestId('run-data-line').textContent();
    expect(counts.reduce((a, b) => a + b, 0)).toBe(Number(/([\d,]+) test samples/.exec(line ?? '')?.[1].replace(/,/g, '')));
  });
  await app.screenshot('13-reviews-gmu');
});
