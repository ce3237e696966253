// A new user's own review file (not a demo, not the shared data): a free-text comment, a category, a price
// and a yes/no answer, picked with Import file…. With the answer as target, Build a model → opens Multimodal
// fusion (text + tabular), not the fresh window's Forecasting tab; and the Forecasting tab, opened by hand,
// says why the file cannot feed a forecaster (no time column, the target is a label) with Start off, instead
// of letting Start run into the lab's refusal in command-line words.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '../fixtures';
import { AppPage } from '../pages/app';

function reviewsCsv(): string {
  const good = ['great', 'love it', 'works well', 'perfect'];
  const bad = ['broken', 'refund please', 'stopped working', 'awful'];
  const lines = ['comment,category,price,satisfied'];
  for (let i = 0; i < 120; i++) {
    const yes = i % 2 === 0;
    // every comment different, as reviews are: the importer reads the column as text (a few repeated
    // phrases would be a categorical column, and the file a CTR log)
    lines.push(`"${(yes ? good : bad)[i % 4]}, the ${['box', 'lid', 'handle'][i % 3]} of order ${1000 + i} came on day ${i % 28}",${['kitchen', 'garden', 'toys'][i % 3]},${(5 + ((i * 37) % 190)).toFixed(2)},${yes ? 'yes' : 'no'}`);
  }
  return lines.join('\n') + '\n';
}

test('an own review file: Build a model → opens Multimodal fusion; Forecasting says why it cannot', async ({ page, lab }) => {
  const dir = mkdtempSync(join(tmpdir(), 'gatelab-own-reviews-'));
  writeFileSync(join(dir, 'shop-reviews.csv'), reviewsCsv());
  const app = await AppPage.open(page, lab.url);
  const datasets = await app.datasets();
  await test.step('import it with the file input, as Import file… does', async () => {
    await page.locator('input[type=file]').setInputFiles(join(dir, 'shop-reviews.csv'));
    await datasets.waitForImport('shop-reviews.csv');
    await datasets.open('shop-reviews');
    await expect(datasets.columnType('comment')).toHaveText('text');
  });
  await datasets.setTarget('satisfied');
  await test.step('Build a model → opens Multimodal fusion on it, with text and tabular', async () => {
    await page.getByRole('button', { name: 'Build a model →' }).click();
    await expect(page.getByRole('tab', { name: 'Multimodal fusion' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('data-shape-problem')).toHaveCount(0);
    await expect(page.getByTestId('start-runs')).toBeEnabled();
    await expect(page.getByTestId('block-diagram')).toContainText('text');
  });
  await app.screenshot('30-own-reviews-fusion');
  await test.step('the Forecasting tab says what is missing, in the app’s words, and Start stays off', async () => {
    await page.getByRole('tab', { name: 'Time-series forecasting' }).click();
    const note = page.getByTestId('data-shape-problem');
    await expect(note).toContainText('shop-reviews cannot feed a forecasting model yet: it needs a time column');
    await expect(note).toContainText('use Multimodal fusion');
    await expect(page.locator('main')).not.toContainText('--template');
    await expect(page.getByTestId('start-runs')).toBeDisabled();
  });
  await app.screenshot('31-own-reviews-forecasting-tab');
});
