// The app shell as a user sees it: open the lab's URL, move between views, take a screenshot.
import { test, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { ARTIFACTS } from '../fixtures';
import { DatasetsPage } from './datasets';

export type ViewName = 'datasets' | 'models' | 'runs' | 'compare' | 'export' | 'settings';

export class AppPage {
  constructor(readonly page: Page) {}

  static async open(page: Page, url: string): Promise<AppPage> {
    return test.step('open the lab URL', async () => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      await expect(page.getByText('Connected')).toBeVisible();
      expect(errors, 'no script errors on load').toEqual([]);
      return new AppPage(page);
    });
  }

  async go(view: ViewName): Promise<void> {
    await test.step(`go to ${view}`, async () => {
      await this.page.getByTestId(`nav-${view}`).click();
      await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(view[0].toUpperCase() + view.slice(1));
    });
  }

  async datasets(): Promise<DatasetsPage> {
    await this.go('datasets');
    return new DatasetsPage(this.page);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  }
}
