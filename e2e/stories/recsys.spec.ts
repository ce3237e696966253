// A researcher drops MovieLens-100k's u.data (user, item, rating, timestamp; tab-separated, no header),
// says user and item are categorical fields and the rating is the target with "liked = rating ≥ 4",
// trains FinalMLP briefly and reads its test AUC on the dashboard (well above chance, 0.5).
import { join } from 'node:path';
import { test, expect, SHARED_DATA } from '../fixtures';
import { AppPage } from '../pages/app';
import { ModelsPage } from '../pages/models';
import { RunsPage } from '../pages/runs';

test('MovieLens-100k: rating ≥ 4 as the label, FinalMLP, see AUC', async ({ page, lab }) => {
  test.setTimeout(150_000);
  const app = await AppPage.open(page, lab.url);
  const datasets = await app.datasets();
  await datasets.dropFile(join(SHARED_DATA, 'recsys', 'ml-100k', 'u.data'));
  await datasets.waitForImport('u.data');
  await datasets.open('u');
  await test.step('100,000 ratings in 4 columns', async () => expect(datasets.shape()).toHaveText('100,000 rows × 4 columns'));

  await datasets.setRole('column_1', 'categorical'); // user id
  await datasets.setRole('column_2', 'categorical'); // item id
  await datasets.setRole('column_4', 'ignore'); // timestamp
  await datasets.setTarget('column_3', 4); // rating: liked = rating ≥ 4
  await expect(page.getByTestId('target-picker')).toContainText('Label = column_3 ≥ 4');
  await app.screenshot('10-movielens-roles');

  await app.go('models');
  const models = new ModelsPage(page);
  await models.choose('u', 'Recommendation / CTR', 'finalmlp');
  await models.quickTraining(1, 150);
  await models.startButton().click();

  const runs = new RunsPage(page);
  await runs.waitFor('finalmlp', 'completed');
  await test.step('the test AUC is shown and beats chance', async () => {
    const auc = page.getByTestId('run-metrics').locator('[data-metric="test.auc"] dd');
    await expect(auc).toBeVisible({ timeout: 15_000 });
    expect(Number(await auc.textContent())).toBeGreaterThan(0.6);
  });
  await app.screenshot('11-movielens-finalmlp');
});
