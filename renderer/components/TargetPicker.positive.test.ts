// Datasets › Target › Positive class against a real Lab (child process, temp home): a loan file's
// loan_status holds 'Charged Off' (the rarer) and 'Fully Paid', which no word decides. The box offers both
// with the automatic one named; picking 'Fully Paid' stores it as the dataset's label rule (what
// `gatelab datasets roles … --positive 'Fully Paid'` stores), the Models diagram's head says it, and a run
// started in the app reads it: its config carries `positive` and its data line names the positive class.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import App from '../App.svelte';
import { modelsLab, openModels, runEnded } from '../fixtures/models-lab';
import { TrainingSettings } from '../stores/models.svelte';
import type { Stores } from '../stores';

const labStores = modelsLab();
let stores: Stores;
let id = '';
const dir = mkdtempSync(join(tmpdir(), 'gatelab-positive-'));
afterEach(() => cleanup());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 60 loans, one in four charged off; grade is the categorical field a CTR model needs
const CSV = 'amount,grade,loan_status\n' + Array.from({ length: 60 }, (_, i) => `${1000 + i * 50},${'ABC'[i % 3]},${i % 4 === 0 ? 'Charged Off' : 'Fully Paid'}`).join('\n') + '\n';

beforeAll(async () => {
  stores = labStores();
  const file = join(dir, 'loans.csv');
  writeFileSync(file, CSV);
  await stores.lab.invoke('datasets.import', { path: file });
  await waitFor(async () => {
    id = (await stores.lab.invoke('datasets.list', {})).find((d) => d.name === 'loans')?.id ?? '';
    expect(id).not.toBe('');
  }, { timeout: 60_000, interval: 250 });
  await stores.lab.invoke('datasets.setRoles', { id, roles: { grade: 'categorical' } });
  await stores.datasets.refresh();
});

const picker = () => screen.getByTestId('target-picker');
const positiveBox = () => within(picker()).getByTestId('target-positive') as HTMLSelectElement;
const stored = async () => (await stores.lab.invoke('datasets.get', { id })).label;

describe('Datasets › Target › Positive class', () => {
  it('offers the two values with the automatic one named, and stores the picked one as the label rule', async () => {
    window.location.hash = `#/datasets/${id}`;
    render(App, { props: { stores } });
    await waitFor(() => expect(screen.getByTestId('dataset-name').textContent).toBe('loans'));
    expect(within(picker()).queryByTestId('target-positive')).toBeNull(); // no target yet
    await fireEvent.change(within(picker()).getByTestId('target-column'), { target: { value: 'loan_status' } });
    expect([...positiveBox().options].map((o) => o.textContent)).toEqual(['(automatic: Charged Off, the rarer)', 'Charged Off', 'Fully Paid']);
    expect(positiveBox().value).toBe('');
    await fireEvent.change(positiveBox(), { target: { value: 'Fully Paid' } });
    await fireEvent.click(within(picker()).getByTestId('target-save'));
    await waitFor(async () => expect(await stored()).toEqual({ positiveAtLeast: null, positive: 'Fully Paid' }));
    // the box shows the stored choice, saved, and says the label
    await waitFor(() => expect(positiveBox().value).toBe('Fully Paid'));
    expect((within(picker()).getByTestId('target-save') as HTMLButtonElement).textContent).toBe('Saved');
    expect(picker().textContent).toContain('Label = loan_status = Fully Paid (1), the other value 0.');
  });

  it('a run started in the app reads it: the diagram head, the config and the data line', async () => {
    await openModels(stores, id, 'recsys', 'lr');
    await waitFor(() => expect(screen.getByTestId('block-diagram').textContent).toContain('probability of loan_status = Fully Paid'));
    stores.models.seeds = 1;
    stores.models.setTraining({ ...(TrainingSettings.parse({}) as Record<string, unknown>), epochs: 1, maxSteps: 2 });
    await waitFor(() => expect({ data: stores.models.dataProblem, template: stores.models.templateProblem, valid: stores.models.valid }).toEqual({ data: null, template: null, valid: true }));
    const started = await stores.models.start();
    expect(stores.models.startError?.message ?? null).toBeNull();
    const [run] = started!;
    const ended = await runEnded(stores, run);
    expect(ended.status).toBe('completed');
    expect((ended.config as { model: Record<string, unknown> }).model.positive).toBe('Fully Paid');
    expect(ended.data?.line).toContain("label: 'Fully Paid' is positive ('Charged Off' negative)");
  });

  it('back to automatic: the rule loses the value, and the Models diagram names the rarer value again', async () => {
    window.location.hash = `#/datasets/${id}`;
    render(App, { props: { stores } });
    await waitFor(() => expect(positiveBox().value).toBe('Fully Paid'));
    await fireEvent.change(positiveBox(), { target: { value: '' } });
    await fireEvent.click(within(picker()).getByTestId('target-save'));
    await waitFor(async () => expect((await stored())?.positive ?? null).toBeNull());
    cleanup();
    await openModels(stores, id, 'recsys', 'lr');
    await waitFor(() => expect(screen.getByTestId('block-diagram').textContent).toContain('probability of loan_status = Charged Off'));
  });
});
