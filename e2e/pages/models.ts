// The model builder: pick a template, open a gate on the diagram, edit its form.
import { test, expect, type Locator, type Page } from '@playwright/test';

export class ModelsPage {
  constructor(readonly page: Page) {}

  async pickTemplate(id: string): Promise<void> {
    await test.step(`pick template ${id}`, async () => {
      await this.page.getByTestId(`template-${id}`).click();
      await expect(this.page.getByTestId(`template-${id}`)).toHaveAttribute('aria-pressed', 'true');
    });
  }

  gate(field: string): Locator {
    return this.page.getByTestId(`gate-${field}`);
  }

  async openGate(field: string): Promise<void> {
    await test.step(`open gate ${field}`, async () => {
      await this.gate(field).click();
      await expect(this.page.locator(`h2[data-gate-field="${field}"]`)).toBeVisible();
    });
  }

  /** A field of the open gate's form (the left panel). */
  gateField(label: string): Locator {
    return this.page.locator('.panels section').first().getByLabel(label, { exact: true });
  }

  /** Dataset + family + template in one go. */
  async choose(dataset: string, family: string, template: string): Promise<void> {
    await test.step(`dataset ${dataset}, ${family}, ${template}`, async () => {
      await this.page.getByTestId('model-dataset').selectOption({ label: dataset });
      const tab = this.page.getByRole('tab', { name: family });
      await tab.click();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      await this.pickTemplate(template);
    });
  }

  /** A quick look: few epochs, a step cap, N seeds. */
  async quickTraining(epochs: number, maxSteps: number, seeds = 1): Promise<void> {
    await test.step(`train ${epochs} epoch(s), at most ${maxSteps} steps, ${seeds} seed(s)`, async () => {
      const training = this.page.getByTestId('training-settings');
      if (!(await training.evaluate((d) => (d as HTMLDetailsElement).open))) await training.locator('summary').click();
      await training.getByLabel('Epochs', { exact: true }).fill(String(epochs));
      await training.getByLabel('Epochs', { exact: true }).press('Tab');
      await training.getByLabel('Max steps', { exact: true }).fill(String(maxSteps));
      await training.getByLabel('Max steps', { exact: true }).press('Tab');
      await this.page.getByLabel('Seeds').fill(String(seeds));
      await expect(this.startButton()).toBeEnabled();
    });
  }

  startButton(): Locator {
    return this.page.getByTestId('start-runs');
  }
}
