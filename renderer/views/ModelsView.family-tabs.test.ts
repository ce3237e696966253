// Models: a family tab keeps the dataset chosen before, so the tab opens on a dataset that may not feed its
// templates. Both ways this happens read alike (audit shots 15 and 19): a note under the tabs says why in the
// app's words, with links to the dataset made for the family and to the user's own datasets that can feed it,
// Start stays off and the launch bar says what to do; no CLI command anywhere on the page.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { demoOf, modelsLab, openModels, TABS } from '../fixtures/models-lab';
import type { Stores } from '../stores';

const labStores = modelsLab();
let stores: Stores;
beforeAll(() => { stores = labStores(); });
afterEach(() => cleanup());

const note = () => screen.findByTestId('data-shape-problem');
const startButton = () => screen.getByTestId('start-runs') as HTMLButtonElement;
const linkNames = (el: HTMLElement) => within(el).queryAllByTestId('feeder-dataset').map((a) => a.textContent);
const nameOf = (id: string) => stores.datasets.list.find((d) => d.id === id)!.name;

/** Imports `csv` (family: none, as a user's file) and gives it `roles` / `modalities`; returns its id. */
async function importOwn(file: string, csv: string, roles: Record<string, 'feature' | 'target'>, modalities?: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'gatelab-tabs-'));
  writeFileSync(join(dir, file), csv);
  const before = new Set(stores.datasets.list.map((d) => d.id));
  await stores.lab.invoke('datasets.import', { path: join(dir, file) });
  let id = '';
  await waitFor(async () => {
    id = (await stores.lab.invoke('datasets.list', {})).find((d) => !before.has(d.id))?.id ?? '';
    expect(id).not.toBe('');
  }, { timeout: 20_000, interval: 100 });
  await stores.lab.invoke('datasets.setRoles', { id, roles, ...(modalities ? { modalities } : {}) });
  await stores.datasets.refresh();
  return id;
}

describe('Models: the family tabs from the keyboard', () => {
  it('the arrow keys move between the families and select them; only the selected tab is a Tab stop', async () => {
    await openModels(stores, demoOf(stores, 'forecasting'), 'forecasting', 'tsmixer-gated');
    const tab = (name: string) => screen.getByRole('tab', { name });
    expect(tab(TABS.forecasting).tabIndex).toBe(0);
    expect(tab(TABS.recsys).tabIndex).toBe(-1);
    tab(TABS.forecasting).focus();
    await fireEvent.keyDown(tab(TABS.forecasting), { key: 'ArrowRight' });
    await waitFor(() => expect(stores.models.family).toBe('recsys'));
    expect(document.activeElement).toBe(tab(TABS.recsys));
    expect(tab(TABS.recsys).tabIndex).toBe(0);
    await fireEvent.keyDown(tab(TABS.recsys), { key: 'ArrowLeft' });
    await waitFor(() => expect(stores.models.family).toBe('forecasting'));
  });
});

describe('Models: a family tab on a dataset made for another family', () => {
  it('recommendation tab on the forecasting demo: a note with the CTR demo, Start off, and the demo link fixes it', async () => {
    const forecasting = demoOf(stores, 'forecasting');
    const ctr = demoOf(stores, 'recsys');
    await openModels(stores, forecasting, 'forecasting', 'dlinear');
    await fireEvent.click(screen.getByRole('tab', { name: TABS.recsys }));
    const n = await note();
    expect(n.textContent).toContain(`${nameOf(forecasting)} cannot feed a recommendation model yet: it needs`);
    expect(n.textContent).toContain('or train on a dataset that can feed a recommendation model');
    expect(linkNames(n)).toEqual([nameOf(ctr)]);
    expect(document.body.textContent).not.toMatch(/gatelab /);
    // the note sits under the tabs, before the templates: where the user looks after switching
    expect(n.compareDocumentPosition(screen.getByTestId('templates')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(startButton().disabled).toBe(true);
    expect(screen.getByTestId('start-blocked').textContent).toMatch(/cannot feed a recommendation model: pick another dataset above/);

    // The demo's link opens Models on it: the note goes, the template stays, Start comes on.
    window.location.hash = within(n).getByTestId('feeder-dataset').getAttribute('href')!;
    await waitFor(() => expect(stores.models.dataset?.id).toBe(ctr));
    expect(stores.models.family).toBe('recsys');
    await waitFor(() => expect(screen.queryByTestId('data-shape-problem')).toBeNull());
    await waitFor(() => expect(startButton().disabled).toBe(false));
    expect(screen.queryByTestId('start-blocked')).toBeNull();
  });

  it('fusion tab on the click log: gmu gets one modality; the same note, with the fusion demo, in words', async () => {
    const ctr = demoOf(stores, 'recsys');
    const fusion = demoOf(stores, 'fusion');
    await openModels(stores, ctr, 'recsys', 'lr');
    await fireEvent.click(screen.getByRole('tab', { name: TABS.fusion }));
    await waitFor(() => expect(stores.models.templateId).toBe('gmu'));
    const n = await note();
    expect(n.textContent).toMatch(new RegExp(`^${nameOf(ctr).replace(/[()]/g, '\\$&')} cannot feed gmu as its roles stand: gmu fuses at least 2 modalities; for a one-modality dataset use concat-fusion, late-fusion or early-exit-mlp, or give another column group a modality\\. Set `));
    expect(within(n).getByRole('link', { name: `Set ${nameOf(ctr)} column roles` }).getAttribute('href')).toBe(`#/datasets/${ctr}`);
    expect(linkNames(n)).toEqual([nameOf(fusion)]);
    // no CLI command on the page: the Modalities field says where to give a column a modality in the app
    expect(document.body.textContent).not.toMatch(/gatelab |<column>|feature:<modality>/);
    expect(document.body.textContent).toMatch(/Modalities: gmu fuses at least 2 modalities; .*Datasets → Schema/);
    // Start is off, and the bar says why (not "Fix 1 field: Modalities", a field nobody can type into)
    expect(startButton().disabled).toBe(true);
    expect(screen.getByTestId('start-blocked').textContent).toMatch(/cannot feed gmu: pick another template or dataset above, or\s+set its column roles in Datasets/);
    expect(screen.queryByTestId('config-error')).toBeNull();
    expect(screen.getByTestId('model-size').textContent).toMatch(/^\s*Size: —/);

    // A template that takes one modality trains on it: the note goes and Start comes on.
    await fireEvent.click(screen.getByTestId('template-concat-fusion'));
    await waitFor(() => expect(screen.queryByTestId('data-shape-problem')).toBeNull());
    await waitFor(() => expect(startButton().disabled).toBe(false));
  });

  it('offers the user’s own datasets that can feed the template, and only those', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [i % 7, (i * 3) % 5, (i * 5) % 11, i % 2].join(','));
    const two = await importOwn('two-groups.csv', ['s1,s2,c1,label', ...rows].join('\n') + '\n',
      { s1: 'feature', s2: 'feature', c1: 'feature', label: 'target' }, { s1: 'sensor', s2: 'sensor', c1: 'camera' });
    // one modality only: it feeds concat-fusion, not gmu
    const one = await importOwn('one-group.csv', ['a,b,outcome', ...rows.map((r) => r.split(',').slice(1).join(','))].join('\n') + '\n',
      { a: 'feature', b: 'feature', outcome: 'target' });
    const ctr = demoOf(stores, 'recsys');
    await openModels(stores, ctr, 'fusion', 'gmu');
    const n = await note();
    // the fusion demo at once, the user's file once its columns are read; the one-modality file is not offered
    await waitFor(() => expect(linkNames(n)).toEqual([nameOf(demoOf(stores, 'fusion')), nameOf(two)]));
    expect(linkNames(n)).not.toContain(nameOf(one));
    expect(within(n).getAllByTestId('feeder-dataset')[1].getAttribute('href')).toBe(`#/models/${two}`);
  });
});
