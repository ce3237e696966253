// A researcher trains FinalMLP on the demo click log with two seeds, then interrogates its gates: knocks
// out every gate of one run (the panel's bars appear), writes the gate report (the file exists, with its
// knockout section) and sees what the feature gates learned; in Compare the two seeds show the same
// knockouts side by side (the second "not run") and an accuracy vs FLOPs/sample scatter.
import { existsSync, readFileSync } from 'node:fs';
import { test, expect } from '../fixtures';
import { AppPage } from '../pages/app';
import { ModelsPage } from '../pages/models';
import { RunsPage } from '../pages/runs';
import { AnalyticsPage, CompareAnalyticsPage } from '../pages/analytics';

test('FinalMLP: knock out all gates, export the gate report, compare seeds', async ({ page, lab }) => {
  test.setTimeout(420_000); // two trainings, six knockouts, a gate report: ~1 min on an idle 2-core machine, several when it is shared
  const app = await AppPage.open(page, lab.url);
  await app.go('runs');
  const runs = new RunsPage(page);
  const before = new Set(await runs.rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-run'))));

  await app.go('models');
  const models = new ModelsPage(page);
  await models.choose('Demo: click log (CTR)', 'Recommendation / CTR', 'finalmlp');
  await models.quickTraining(1, 40, 2);
  await models.startButton().click();

  const ids = await test.step('two FinalMLP runs complete', async () => {
    await app.go('runs');
    let fresh: string[] = [];
    await expect(async () => {
      fresh = (await runs.rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-run')!))).filter((id) => !before.has(id));
      expect(fresh).toHaveLength(2);
    }).toPass({ timeout: 20_000 });
    for (const id of fresh) await expect(page.locator(`tr[data-run="${id}"]`).getByTestId('run-status')).toHaveText('completed', { timeout: 180_000 });
    return fresh.sort((a, b) => Number(a) - Number(b));
  });

  const analytics = await AnalyticsPage.open(page, ids[0]);
  await analytics.knockOutAll();
  await app.screenshot('14-finalmlp-knockouts');
  const reportPath = await analytics.writeReport();
  await test.step('the gate report file exists and has the knockout section', async () => {
    expect(existsSync(reportPath)).toBe(true);
    const html = readFileSync(reportPath, 'utf8');
    expect(html).toContain('<h2>Knockout</h2>');
    for (const row of ['stream 1 feature gate open', 'stream 1 feature gate closed', 'stream 2 feature gate mean']) expect(html).toContain(row); // every knockout the panel showed
  });
  await analytics.seeFeatureGates();
  await analytics.seeDenseCompute();
  await page.getByTestId('gate-learned').scrollIntoViewIfNeeded();
  await app.screenshot('14b-finalmlp-gates-learned');

  await app.go('compare');
  const compare = new CompareAnalyticsPage(page);
  await compare.compare(ids);
  await compare.seeKnockoutsSideBySide(2);
  await compare.seeScatter(2);
  await page.getByTestId('compare-analytics').scrollIntoViewIfNeeded();
  await app.screenshot('15-compare-gate-analytics');
});
