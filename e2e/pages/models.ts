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
      await expect(this.page.getByRole('heading', { name: new RegExp(`^Gate ${field}`) })).toBeVisible();
    });
  }

  /** A field of the open gate's form (the left panel). */
  gateField(label: string): Locator {
    return this.page.locator('.panels section').first().getByLabel(label, { exact: true });
  }

  startButton(): Locator {
    return this.page.getByTestId('start-runs');
  }
}
