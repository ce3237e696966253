// The same first story against the desktop app through Playwright's _electron, when Electron's
// binary is installed (it is not in the offline development environment: then this skips).
import { _electron as electron, test, expect } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, SHARED_DATA } from '../fixtures';
import { DatasetsPage } from '../pages/datasets';

function electronBinary(): string | null {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test('desktop: drop ETTh1 into the window and see its schema', async () => {
  test.skip(!binary, 'the Electron binary is not installed (offline install); the browser stories cover the UI');
  const { buildAll } = await import('../../scripts/build.mjs' as string);
  await buildAll({ quiet: true });
  const home = mkdtempSync(join(tmpdir(), 'gatelab-e2e-electron-'));
  const app = await electron.launch({ executablePath: binary!, args: [join(REPO, 'main', 'electron', 'entry.mjs')], cwd: REPO, env: { ...process.env, GATELAB_HOME: home } });
  try {
    const page = await app.firstWindow();
    // The renderer really is isolated: no Node globals, only the LabApi bridge.
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys((window as unknown as { gatelab: object }).gatelab).sort())).toEqual(['face', 'invoke', 'on', 'pathForFile']);
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    const datasets = new DatasetsPage(page);
    await expect(datasets.items()).toHaveCount(3);
    await datasets.dropFile(join(SHARED_DATA, 'forecasting', 'ETTh1.csv'));
    await datasets.waitForImport('ETTh1.csv');
    await datasets.open('ETTh1');
    await expect(datasets.shape()).toHaveText('17,420 rows × 8 columns');
    await expect(datasets.columnType('date')).toHaveText('datetime');
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
