// A researcher on a small laptop window (1024×700): a dataset's stored splits fit the Datasets view's
// column (the kind, seed, time and id fold under the name) instead of scrolling sideways in their box;
// Models › Training offers class weights for the click demo, one box per class named by its values, a
// weight that is not positive named under the field with Start off; and the Models launch bar stays one
// row (the size in two lines, Start beside Seeds), also on a family tab whose templates the dataset cannot
// feed, where a note under the tabs links to the dataset made for that family.
import { test, expect } from '../fixtures';
import type { Locator, Page } from '@playwright/test';
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
  // the click log's 'clicked' holds 0/1 (read as a boolean): the boxes are named as the file writes the classes
  await test.step('one box per class, named by the target\'s values', async () => {
    await expect(weights.getByTestId('class-weight')).toHaveCount(2);
    await expect(weights.getByLabel('Weight of class 0', { exact: true })).toHaveValue('1');
    await expect(weights.getByLabel('Weight of class 1', { exact: true })).toHaveValue('1');
  });
  await test.step('a weight of 0 is named under the field and keeps Start off', async () => {
    await weights.getByLabel('Weight of class 1', { exact: true }).fill('0');
    await weights.getByLabel('Weight of class 1', { exact: true }).press('Tab');
    await expect(page.getByTestId('class-weights-error')).toHaveText("The weight of class '1' must be a positive number (got 0)");
    await expect(models.startButton()).toBeDisabled();
    await expect(page.getByTestId('config-error')).toHaveText('Fix 1 field: Class weights');
  });
  await weights.scrollIntoViewIfNeeded();
  await app.screenshot('23-models-class-weights-1024x700');
  await test.step('5 for the positive class: Start is on, the header says so', async () => {
    await weights.getByLabel('Weight of class 1', { exact: true }).fill('5');
    await weights.getByLabel('Weight of class 1', { exact: true }).press('Tab');
    await expect(page.getByTestId('class-weights-error')).toHaveCount(0);
    await expect(models.startButton()).toBeEnabled();
    await expect(page.getByTestId('training-changed')).toContainText('class weights 1, 5');
  });
});

const box = async (l: Locator) => (await l.boundingBox())!;

/** The launch bar is one row: Start and the Seeds box share a line, the bar no taller than two lines of text. */
async function expectOneRow(page: Page): Promise<void> {
  const bar = await box(page.getByTestId('launch-bar'));
  const start = await box(page.getByTestId('start-runs'));
  const seeds = await box(page.getByTestId('seeds'));
  const name = await box(page.getByTestId('run-name'));
  const middle = (b: { y: number; height: number }) => b.y + b.height / 2;
  expect(Math.abs(middle(start) - middle(seeds))).toBeLessThanOrEqual(4);
  expect(Math.abs(middle(name) - middle(seeds))).toBeLessThanOrEqual(4);
  expect(bar.height).toBeLessThanOrEqual(70); // 10 px padding each side around two 13–14 px lines or a 34 px box
  expect(Math.abs(bar.y + bar.height - 700)).toBeLessThanOrEqual(1); // still docked on the window's bottom edge
}

test('Models launch bar at 1024×700: one row, with the size in two lines and Start beside Seeds', async ({ page, lab }) => {
  const app = await AppPage.open(page, lab.url);
  await app.go('models');
  const models = new ModelsPage(page);
  await models.choose('Demo: grid load (forecasting)', 'Time-series forecasting', 'tsmixer-gated');
  const size = page.getByTestId('model-size');
  await expect(size).toContainText('FLOPs per step (batch 128)');
  await test.step('a valid config: one row, the whole size shown (not cut to "(batch…")', async () => {
    await expectOneRow(page);
    const cut = await size.evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
    expect(cut).toBe(false);
    await expect(models.startButton()).toBeEnabled();
  });
  await test.step('two fields to fix with long names: still one row, Start beside Seeds', async () => {
    // the "Fix 2 fields: …" link's text width once wrapped Start onto a row of its own
    await models.openGate('gate');
    await models.gateField('Gate scale').fill('-3');
    await models.gateField('Gate scale').press('Tab');
    await page.getByLabel('Feed-forward width', { exact: true }).fill('0');
    await page.getByLabel('Feed-forward width', { exact: true }).press('Tab');
    await expect(page.getByTestId('config-error')).toHaveAttribute('title', /Feed-forward width/);
    await expect(models.startButton()).toBeDisabled();
    await expectOneRow(page);
    // beside the message the size keeps its parameter count whole, on one line, its first (it read "593 k para…")
    const params = await page.getByTestId('size-params').evaluate((el) => {
      const [p, s] = [el.getBoundingClientRect(), el.closest('[data-testid="model-size"]')!.getBoundingClientRect()];
      return { lines: new Set([...el.getClientRects()].map((r) => Math.round(r.bottom))).size, right: p.right, sizeRight: s.right, top: p.top, sizeTop: s.top };
    });
    expect(params.lines).toBe(1);
    expect(params.right).toBeLessThanOrEqual(params.sizeRight + 0.5);
    expect(params.top - params.sizeTop).toBeLessThan(4);
    await app.screenshot('24b-models-launch-bar-two-fixes-1024x700');
    await models.gateField('Gate scale').fill('1');
    await models.gateField('Gate scale').press('Tab');
    await page.getByLabel('Feed-forward width', { exact: true }).fill('64');
    await page.getByLabel('Feed-forward width', { exact: true }).press('Tab');
    await expect(models.startButton()).toBeEnabled();
  });
  await app.screenshot('24-models-launch-bar-1024x700');
});

test('Models at 1024×700 on a tab the dataset cannot feed: a note links to the family’s demo, the bar stays one row', async ({ page, lab }) => {
  const app = await AppPage.open(page, lab.url);
  await app.go('models');
  const models = new ModelsPage(page);
  await models.choose('Demo: grid load (forecasting)', 'Time-series forecasting', 'tsmixer-gated');
  const note = page.getByTestId('data-shape-problem');
  await test.step('Recommendation tab on the forecasting demo', async () => {
    await page.getByRole('tab', { name: 'Recommendation / CTR' }).click();
    await expect(note).toBeInViewport();
    await expect(note).toContainText('Demo: grid load (forecasting) cannot feed a recommendation model yet');
    await expect(note.getByRole('link', { name: 'Demo: click log (CTR)' })).toBeVisible();
    await expect(models.startButton()).toBeDisabled();
    await expectOneRow(page);
  });
  await app.screenshot('25-models-ctr-tab-on-forecasting-1024x700');
  await test.step('Fusion tab on the click log: the same note, with the fusion demo, no CLI command', async () => {
    await page.getByTestId('model-dataset').selectOption({ label: 'Demo: click log (CTR)' });
    await page.getByRole('tab', { name: 'Multimodal fusion' }).click();
    await expect(page.getByTestId('template-gmu')).toHaveAttribute('aria-pressed', 'true');
    await expect(note).toBeInViewport();
    await expect(note).toContainText('Demo: click log (CTR) cannot feed gmu as its roles stand');
    await expect(note.getByRole('link', { name: 'Demo: sensor + camera (fusion)' })).toBeVisible();
    await expect(page.locator('main')).not.toContainText('gatelab ');
    await expect(models.startButton()).toBeDisabled();
    await expectOneRow(page);
  });
  await app.screenshot('26-models-fusion-tab-on-click-log-1024x700');
  await test.step('the demo link opens Models on it: the note goes, Start comes on', async () => {
    await note.getByRole('link', { name: 'Demo: sensor + camera (fusion)' }).click();
    await expect(page.getByTestId('model-dataset')).toHaveValue(await page.getByTestId('model-dataset').locator('option', { hasText: 'Demo: sensor + camera (fusion)' }).getAttribute('value') ?? '');
    await expect(note).toHaveCount(0);
    await expect(models.startButton()).toBeEnabled();
    await expectOneRow(page);
  });
});

// A laptop at 150% zoom: 853×533 CSS px. The nav is a rail of icons, Models fits the width (no sideways
// scrolling, the Dataset and Split boxes inside it, the size line whole), and the window itself never
// scrolls: an absolutely positioned .sr-only element far below the fold (as TestChannelsPanel's caption
// is) once made the page taller than the window, and bringing a panel into view then moved the whole shell.
test('Models at 150% zoom (853×533): a rail nav, no sideways scrolling, and the shell never scrolls', async ({ page, lab }) => {
  const app = await AppPage.open(page, lab.url); // (at 1024: the rail shows no "Connected" word to wait for)
  await page.setViewportSize({ width: 853, height: 533 });
  await app.go('models');
  const models = new ModelsPage(page);
  await models.choose('Demo: grid load (forecasting)', 'Time-series forecasting', 'tsmixer-gated');
  await expect(page.getByTestId('model-size')).toContainText('FLOPs per step (batch 128)');
  await test.step('the nav is a rail of icons whose links keep their names', async () => {
    expect((await box(page.getByRole('navigation', { name: 'Main' }))).width).toBeLessThanOrEqual(64);
    await expect(page.getByRole('link', { name: 'Runs' })).toBeVisible();
  });
  await test.step('Models fits: no sideways scrolling, the selects inside the view, the size line whole', async () => {
    const main = page.locator('main');
    const { scroll, client, right } = await main.evaluate((m) => ({ scroll: m.scrollWidth, client: m.clientWidth, right: m.getBoundingClientRect().right }));
    expect(scroll).toBeLessThanOrEqual(client);
    for (const id of ['model-dataset', 'model-split']) expect((await box(page.getByTestId(id))).x + (await box(page.getByTestId(id))).width).toBeLessThanOrEqual(right);
    const cut = await page.getByTestId('model-size').evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
    expect(cut).toBe(false);
  });
  await app.screenshot('27-models-150pct-zoom');
  await test.step('a screen-reader-only element below the fold does not make the window scroll', async () => {
    await page.getByTestId('view').evaluate((v) => {
      const caption = document.createElement('span');
      caption.className = 'sr-only';
      caption.textContent = 'read, not drawn';
      v.append(caption);
    });
    await page.getByTestId('training-settings').scrollIntoViewIfNeeded();
    const doc = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, window: innerHeight, top: document.scrollingElement!.scrollTop, nav: document.querySelector('nav')!.getBoundingClientRect().top }));
    expect(doc.height).toBeLessThanOrEqual(doc.window);
    expect(doc.top).toBe(0);
    expect(doc.nav).toBe(0);
  });
});
