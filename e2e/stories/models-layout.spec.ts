// Models in a small laptop window (1024×700) and a large one (1440×900): the launch bar is docked to the
// window's bottom edge and covers nothing the user works with. It used to float 24 px above the edge, over
// the top of the gate form, with the page showing beneath it. A gate opened on the diagram comes into view
// above the bar, a field reached by Tab scrolls clear of it, and the page's last section ends above it.
import { test, expect } from '../fixtures';
import type { Locator } from '@playwright/test';
import { AppPage } from '../pages/app';
import { ModelsPage } from '../pages/models';

const box = async (l: Locator) => (await l.boundingBox())!;

for (const size of [{ width: 1024, height: 700 }, { width: 1440, height: 900 }]) {
  test(`Models at ${size.width}×${size.height}: the launch bar covers nothing`, async ({ page, lab }) => {
    await page.setViewportSize(size);
    const app = await AppPage.open(page, lab.url);
    await app.go('models');
    const models = new ModelsPage(page);
    await page.getByTestId('model-dataset').selectOption({ label: 'Demo: grid load (forecasting)' });
    await models.pickTemplate('tsmixer-gated');
    const bar = page.getByTestId('launch-bar');
    const barTop = async () => (await box(bar)).y;

    await test.step('the bar sits on the bottom edge of the window, with no gap under it', async () => {
      const b = await box(bar);
      expect(Math.abs(b.y + b.height - size.height)).toBeLessThanOrEqual(1);
      await expect(page.getByTestId('start-runs')).toBeInViewport();
    });

    await test.step('a gate opened on the diagram shows its form above the bar', async () => {
      await models.openGate('gate');
      const heading = page.locator('h2[data-gate-field="gate"]');
      await expect(async () => {
        const kind = await box(models.gateField('Gate kind'));
        expect(kind.y + kind.height).toBeLessThanOrEqual(await barTop()); // the heading and the first field
        expect((await box(heading)).y).toBeGreaterThanOrEqual(0);
      }).toPass({ timeout: 5_000 }); // the scroll is smooth
    });

    await test.step('a field reached by Tab scrolls clear of the bar', async () => {
      await models.gateField('Gate enabled').focus();
      for (const label of ['Gate scale', 'Gate init bias']) {
        await page.keyboard.press('Tab');
        const field = models.gateField(label);
        await expect(field).toBeFocused();
        await expect(async () => {
          const f = await box(field);
          expect(f.y + f.height).toBeLessThanOrEqual(await barTop());
        }).toPass({ timeout: 5_000 });
      }
    });

    await test.step('at the end of the page, the last section ends above the bar', async () => {
      await page.locator('main').evaluate((m) => m.scrollTo(0, m.scrollHeight));
      const training = await box(page.getByTestId('training-settings'));
      expect(training.y + training.height).toBeLessThanOrEqual(await barTop());
    });
    await app.screenshot(`21-models-launch-bar-${size.width}x${size.height}`);
  });
}
