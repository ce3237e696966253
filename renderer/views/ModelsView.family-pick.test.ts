// "Build a model →" on a user's own dataset opens the family it can feed, not whichever tab was used last
// (audit H2 #4: a sales series with a date and no target opened on the CTR tab, under a "cannot feed a
// recommendation model" note that named a CLI option).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import App from '../App.svelte';
import { modelsLab, TABS } from '../fixtures/models-lab';
import type { Stores } from '../stores';

const labStores = modelsLab();
let stores: Stores;
beforeAll(() => { stores = labStores(); });
afterEach(() => cleanup());

/** A daily series: a date column and two numbers, no target (as a user's sales file is). */
function salesCsv(): string {
  const lines = ['date,sales,temp'];
  for (let i = 0; i < 120; i++) lines.push(`${new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10)},${(100 + 10 * Math.sin(i / 7) + i).toFixed(2)},${(15 + 5 * Math.cos(i / 30)).toFixed(1)}`);
  return lines.join('\n') + '\n';
}

async function importOwn(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'gatelab-family-pick-'));
  writeFileSync(join(dir, 'shop-sales.csv'), salesCsv());
  const before = new Set(stores.datasets.list.map((d) => d.id));
  await stores.lab.invoke('datasets.import', { path: join(dir, 'shop-sales.csv') });
  let id = '';
  await waitFor(async () => {
    id = (await stores.lab.invoke('datasets.list', {})).find((d) => !before.has(d.id))?.id ?? '';
    expect(id).not.toBe('');
  }, { timeout: 20_000, interval: 100 });
  await stores.datasets.refresh();
  return id;
}

describe('Build a model → on a dated series without a target', () => {
  it('opens Forecasting although the CTR tab was used last, with no "cannot feed" note', async () => {
    const id = await importOwn();
    stores.models.setFamily('recsys'); // the tab used last
    window.location.hash = `#/datasets/${id}`;
    render(App, { props: { stores } });
    await waitFor(() => expect(screen.getByTestId('dataset-name').textContent).toBe('shop-sales'));
    await fireEvent.click(screen.getByRole('button', { name: 'Build a model →' }));
    await waitFor(() => expect(stores.models.dataset?.id).toBe(id));
    await waitFor(() => expect(screen.getByRole('tab', { name: TABS.forecasting }).getAttribute('aria-selected')).toBe('true'));
    expect(stores.models.template?.family).toBe('forecasting');
    expect(stores.models.dataProblem).toBeNull();
    expect(screen.queryByTestId('data-shape-problem')).toBeNull();
    expect(document.body.textContent).not.toContain('cannot feed');
  });
});
