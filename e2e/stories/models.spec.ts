// A researcher picks TSMixer-gated for the demo forecasting set and configures its channel gate on
// the diagram. (Starting, watching, pausing and comparing runs come with the run manager.)
import { test, expect } from '../fixtures';
import { AppPage } from '../pages/app';
import { ModelsPage } from '../pages/models';

test('configure the gate of TSMixer-gated', async ({ page, lab }) => {
  const app = await AppPage.open(page, lab.url);
  await app.go('models');
  const models = new ModelsPage(page);
  await models.pickTemplate('tsmixer-gated');
  await models.openGate('gate');

  await test.step('the form comes from the gate schema, with the paper defaults', async () => {
    await expect(models.gateField('Gate scale')).toHaveValue('1');
    await expect(models.gateField('Gate granularity')).toHaveValue('channel');
  });

  await test.step('an out-of-range value is named under its field and blocks starting runs', async () => {
    await models.gateField('Gate scale').fill('9');
    await models.gateField('Gate scale').press('Tab');
    await expect(page.locator('.panels .field.invalid [role="alert"]')).toContainText('4');
    await expect(models.startButton()).toBeDisabled();
    await models.gateField('Gate scale').fill('2');
    await models.gateField('Gate scale').press('Tab');
    await expect(models.startButton()).toBeEnabled();
  });
  await app.screenshot('04-models-tsmixer-gate');

  await test.step('ablating the gate marks it off on the diagram', async () => {
    await page.getByTestId('ablate-gate').click();
    await expect(models.gate('gate')).toHaveClass(/off/);
    await expect(models.gate('gate')).toContainText('off');
  });
});
