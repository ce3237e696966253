// The launch bar against a real Lab (child process). Audit H4: (1) Seeds, like Max steps, is the user's
// and stays when the template or the dataset changes; (2) when Start is refused because the split's parts
// are too short for the window, the advice names the form's field ("set Horizon to 2,628"-style, not the
// CLI's "--set model.horizon=…"), under the field itself, until that field changes; and since the form knows
// the split's sizes, Start is off while the note stands, the bar naming the field (pressing Start only brought
// the lab's refusal in the same words).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import { demoOf, modelsLab, openModels, TABS } from '../fixtures/models-lab';
import type { Stores } from '../stores';

const labStores = modelsLab();
let stores: Stores;
beforeAll(() => { stores = labStores(); });
afterEach(() => cleanup());

describe('Models launch bar', () => {
  it('keeps the Seeds typed when the template, the family tab or the dataset changes, as it keeps Max steps', async () => {
    await openModels(stores, demoOf(stores, 'forecasting'), 'forecasting', 'tsmixer-gated');
    const seeds = screen.getByTestId('seeds') as HTMLInputElement;
    await fireEvent.input(seeds, { target: { value: '5' } });
    stores.models.setTraining({ ...stores.models.training, maxSteps: 40 });
    await fireEvent.click(screen.getByTestId('template-dlinear'));
    await waitFor(() => expect(stores.models.templateId).toBe('dlinear'));
    expect(seeds.value).toBe('5');
    await fireEvent.change(screen.getByTestId('model-dataset'), { target: { value: demoOf(stores, 'recsys') } });
    await waitFor(() => expect(stores.models.family).toBe('recsys'));
    await fireEvent.click(screen.getByRole('tab', { name: TABS.fusion }));
    await waitFor(() => expect(stores.models.family).toBe('fusion'));
    expect((screen.getByTestId('seeds') as HTMLInputElement).value).toBe('5');
    expect(screen.getByTestId('start-runs').textContent).toContain('Start 5 runs');
    expect(stores.models.training.maxSteps).toBe(40);
  });

  it('a horizon longer than the validation part: Start is off, the bar names Horizon, its note says "set Horizon to N" as the lab would; both go once Horizon changes', async () => {
    await openModels(stores, demoOf(stores, 'forecasting'), 'forecasting', 'dlinear');
    stores.models.setConfig({ ...stores.models.config, lookback: 96 });
    await waitFor(() => expect((document.querySelector('[data-field="lookback"] input') as HTMLInputElement).value).toBe('96'));
    // the user types the horizon: the window note goes under Horizon, where they act, and only there
    await fireEvent.change(document.querySelector('[data-field="horizon"] input')!, { target: { value: '4000' } });
    await waitFor(() => expect(stores.models.valid).toBe(true));
    // before Start: the form knows the split's sizes, and says it under Horizon in the lab's own words
    const early = await screen.findByTestId('advice-horizon');
    expect(screen.queryByTestId('advice-lookback')).toBeNull();
    expect(early.textContent).toMatch(/^Runs cannot start with this: the validation part .* is shorter than horizon 4000/);
    // so Start is off, and the bar says why and takes the user to the field
    const start = screen.getByTestId('start-runs') as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    const blocked = screen.getByTestId('window-blocked');
    expect(blocked.textContent).toBe('Horizon: the window is too long for this split'); // the field first: a narrow bar cuts the end
    expect(blocked.title).toBe(early.textContent);
    await fireEvent.click(blocked);
    expect(document.activeElement).toBe(document.querySelector('[data-field="horizon"] input'));
    // the note advises the value the lab's own refusal does (the store's start, as the button is off)
    await stores.models.start();
    const refusal = await screen.findByTestId('start-error');
    expect(refusal.textContent).toMatch(/validation part .* is shorter than horizon 4000/);
    const n = /horizon ≤ (\d+) with lookback 96 \(set Horizon to (\d+)\)/.exec(refusal.textContent!);
    expect(n, refusal.textContent!).not.toBeNull();
    expect(n![1]).toBe(n![2]);
    expect(early.textContent).toContain(`set Horizon to ${n![2]}`);
    expect(refusal.textContent).not.toContain('--set');
    // the advice is taken: the note under the field and the bar's reason go, Start is on
    await fireEvent.change(document.querySelector('[data-field="horizon"] input')!, { target: { value: n![1] } });
    await waitFor(() => expect(screen.queryByTestId('advice-horizon')).toBeNull());
    expect(screen.queryByTestId('advice-lookback')).toBeNull();
    expect(screen.queryByTestId('window-blocked')).toBeNull();
    expect(start.disabled).toBe(false);
    expect(stores.models.config.horizon).toBe(Number(n![1]));
    // the refusal beside Start was about horizon 4000: marked as the previous attempt's, not the form's verdict now
    expect(screen.getByTestId('start-error').textContent).toMatch(/^The previous Start \(before your changes\) was refused: .*horizon 4000/);
  });

  it('before the user edits either window field, a horizon no lookback can fix is said under Horizon, and the bar takes them there', async () => {
    await openModels(stores, demoOf(stores, 'forecasting'), 'forecasting', 'dlinear');
    // both at once, as a template's defaults on a short file arrive: the user has edited neither field
    stores.models.setConfig({ ...stores.models.config, lookback: 96, horizon: 4000 });
    await waitFor(() => expect(stores.models.valid).toBe(true));
    const note = await screen.findByTestId('advice-horizon');
    expect(screen.queryByTestId('advice-lookback')).toBeNull();
    expect(note.textContent).toMatch(/set Horizon to \d/);
    const blocked = screen.getByTestId('window-blocked');
    expect(blocked.textContent).toBe('Horizon: the window is too long for this split');
    await fireEvent.click(blocked);
    expect(document.activeElement).toBe(document.querySelector('[data-field="horizon"] input'));
  });

  it('a Start error is the form’s own until a setting changes, then marked as the previous attempt’s', async () => {
    await openModels(stores, demoOf(stores, 'forecasting'), 'forecasting', 'dlinear');
    stores.models.setConfig({ ...stores.models.config, lookback: 96, horizon: 4000 });
    await waitFor(() => expect(stores.models.valid).toBe(true));
    await stores.models.start(); // a refusal from the lab (Start itself is off with this window: see above)
    const box = await screen.findByTestId('start-error');
    expect(box.textContent).toMatch(/^Start runs: /);
    expect(box.classList.contains('stale')).toBe(false);
    stores.models.setTraining({ ...stores.models.training, epochs: 3 });
    await waitFor(() => expect(screen.getByTestId('start-error').classList.contains('stale')).toBe(true));
    // back to what was refused: the error is about the form again
    stores.models.setTraining({ ...stores.models.training, epochs: (stores.models.startRefusedWith as { epochs: number }).epochs });
    await waitFor(() => expect(screen.getByTestId('start-error').textContent).toMatch(/^Start runs: /));
  });
});
