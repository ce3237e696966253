// The model builder against a real Lab (child process): templates and gate kinds come from the lab,
// a gate's form is generated from its schema, a bad value is named under its field and blocks
// starting runs, and ablation flips the gate off on the diagram.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
// @ts-expect-error: a plain .mjs test fixture (a real Lab in a child process)
import { startLabProcess } from '../fixtures/lab-process.mjs';
import App from '../App.svelte';
import { createStores, type Stores } from '../stores';
import { inProcessLab, type Dispatcher } from '../lib/in-process-lab';
import { validateConfig } from '../stores/models.svelte';

let lab: Dispatcher & { stop(): Promise<void> };
let stores: Stores;

beforeAll(async () => {
  lab = await startLabProcess();
  stores = createStores(inProcessLab(lab));
  stores.system.connection = 'open';
  await Promise.all([stores.system.load(), stores.datasets.refresh()]);
});
afterAll(() => lab.stop());

describe('validateConfig (the same zod schemas as the lab)', () => {
  it('names the failing field path', () => {
    expect(validateConfig('tsmixer-gated', { gate: { kind: 'sigmoid', scale: 10 } })).toHaveProperty(['gate.scale']);
    expect(validateConfig('dlinear', { kernel: 24 })).toEqual({ kernel: 'kernel must be odd (got 24)' });
    expect(validateConfig('dlinear', {})).toEqual({});
  });
});

describe('Models view', () => {
  it('builds the gate form from its schema, flags a bad value, and ablates the gate', async () => {
    window.location.hash = '#/models';
    render(App, { props: { stores } });
    await screen.findByTestId('template-tsmixer-gated');
    await fireEvent.click(screen.getByTestId('template-tsmixer-gated'));
    const gate = await screen.findByTestId('gate-gate');
    expect(gate.textContent).toContain('sigmoid');
    await fireEvent.click(gate);
    // The form: one field per schema property, with the paper's default and its description.
    const scale = (await screen.findAllByLabelText('Scale'))[0] as HTMLInputElement;
    expect(scale.value).toBe('1');
    expect(screen.getAllByText(/FinalMLP uses 2/).length).toBeGreaterThan(0);
    const start = screen.getByTestId('start-runs') as HTMLButtonElement;
    await fireEvent.change(scale, { target: { value: '10' } });
    await waitFor(() => expect(stores.models.errors['gate.scale']).toMatch(/<=4|4/));
    expect(start.disabled).toBe(true);
    expect(within(scale.closest('.field') as HTMLElement).getByRole('alert').textContent).toMatch(/4/);
    await fireEvent.change(scale, { target: { value: '2' } });
    await waitFor(() => expect(stores.models.valid).toBe(true));
    await fireEvent.click(screen.getByTestId('ablate-gate'));
    await waitFor(() => expect(screen.getByTestId('gate-gate').className).toContain('off'));
    expect((stores.models.config.gate as { enabled: boolean; scale: number })).toMatchObject({ enabled: false, scale: 2 });
  });
});
