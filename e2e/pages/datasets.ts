// The Datasets view: the list, a synthesized file drop onto the window, and the schema of a dataset.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export class DatasetsPage {
  constructor(readonly page: Page) {}

  items(): Locator {
    return this.page.getByTestId('dataset-item');
  }

  /** Drops a real file onto the window the way a browser does: dragenter, dragover, drop with a DataTransfer. */
  async dropFile(path: string): Promise<void> {
    await test.step(`drop ${basename(path)} into the window`, async () => {
      const base64 = readFileSync(path).toString('base64');
      await this.page.evaluate(
        async ({ base64, name }) => {
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const dt = new DataTransfer();
          dt.items.add(new File([bytes], name, { type: 'text/csv' }));
          const target = document.querySelector('main') ?? document.body;
          for (const type of ['dragenter', 'dragover', 'drop']) {
            target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
          }
        },
        { base64, name: basename(path) },
      );
    });
  }

  async waitForImport(name: string): Promise<void> {
    await test.step(`wait for ${name} to be imported`, async () => {
      const item = this.page.getByTestId('imports').locator('.item', { hasText: name });
      await expect(item).toHaveAttribute('data-phase', 'done', { timeout: 90_000 });
    });
  }

  async open(name: string): Promise<void> {
    // The item whose name is exactly `name` ("u" must not pick "Demo: … (fusion)"); the click waits for it
    // to be listed (the list may still be refreshing after an import).
    await this.items().filter({ has: this.page.getByText(name, { exact: true }) }).first().click();
    await expect(this.page.getByTestId('dataset-name')).toHaveText(name);
  }

  shape(): Locator {
    return this.page.getByTestId('dataset-shape');
  }

  /** The type pill of one column in the schema table. */
  columnType(column: string): Locator {
    return this.page.getByTestId('schema-table').locator(`tr[data-column="${column}"]`).getByTestId('column-type');
  }

  columnRows(): Locator {
    return this.page.getByTestId('schema-table').locator('tbody tr');
  }

  /** Changes a column's role in the schema table and waits for the lab to store it. */
  async setRole(column: string, role: string): Promise<void> {
    await test.step(`${column} is ${role}`, async () => {
      const select = this.page.getByRole('combobox', { name: `Role of ${column}`, exact: true });
      await select.selectOption(role);
      await expect(select).toHaveValue(role);
    });
  }

  /** Puts a column in a modality group (fusion). */
  async setModality(column: string, modality: string): Promise<void> {
    await test.step(`${column} in modality ${modality}`, async () => {
      const input = this.page.getByRole('textbox', { name: `Modality of ${column}`, exact: true });
      await input.fill(modality);
      await input.press('Tab');
      await expect(this.page.locator(`tr[data-column="${column}"]`).getByRole('textbox')).toHaveValue(modality);
    });
  }

  /** Marks the target; with a threshold, the label is "value ≥ threshold". */
  async setTarget(column: string, positiveAtLeast?: number): Promise<void> {
    await test.step(`target ${column}${positiveAtLeast === undefined ? '' : ` (label: ≥ ${positiveAtLeast})`}`, async () => {
      const picker = this.page.getByTestId('target-picker');
      await picker.getByTestId('target-column').selectOption(column);
      if (positiveAtLeast !== undefined) {
        await picker.getByTestId('target-binary').check();
        await picker.getByTestId('target-threshold').fill(String(positiveAtLeast));
      }
      await picker.getByTestId('target-save').click();
      await expect(this.page.getByTestId('target-picker').getByTestId('target-save')).toHaveText('Saved');
      await expect(this.page.getByRole('combobox', { name: `Role of ${column}`, exact: true })).toHaveValue('target');
    });
  }

  async tab(name: 'Schema' | 'Preview' | 'Validation'): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }
}
