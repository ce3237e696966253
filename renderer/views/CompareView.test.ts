// Compare's metrics table puts the best run first in the metric's direction: for val.auc the highest
// AUC, for val.mse (after switching the metric) the lowest; the header says which order is shown.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import App from '../App.svelte';
import { createStores } from '../stores';
import { handlerLab, runSummary } from '../stores/runs-test-lab';

afterEach(() => cleanup());
// jsdom has no layout: charts' bind:clientWidth needs a ResizeObserver to exist, not to fire.
globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;

// AUC and MSE of three runs over two evaluations: run 2 is best on both (highest AUC, lowest MSE).
const AUC: Record<string, number[]> = { '1': [0.80, 0.90], '2': [0.85, 0.95], '3': [0.70, 0.75] };
const MSE: Record<string, number[]> = { '1': [0.50, 0.40], '2': [0.45, 0.30], '3': [0.60, 0.55] };

describe('Compare view', () => {
  it('sorts Best by the metric’s direction', async () => {
    const ids = ['1', '2', '3'];
    const { lab } = handlerLab({
      'runs.list': () => ids.map((id) => runSummary({ id, template: 'finalmlp' })),
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'runs.compare': ({ ids }) => ({
        runs: ids.map((id) => ({ ...runSummary({ id, template: 'finalmlp' }), config: { template: 'finalmlp', lr: Number(id) / 1000 } })),
        series: ids.map((id) => ({ id, series: [{ name: 'val.auc', steps: [10, 20], values: AUC[id] }, { name: 'val.mse', steps: [10, 20], values: MSE[id] }] })),
      }),
      'analytics.compare': ({ ids }) => ({ runs: ids.map((id) => ({ id, knockout: null, flops: null })) }),
    });
    const stores = createStores(lab);
    stores.system.connection = 'open';
    window.location.hash = '#/compare';
    render(App, { props: { stores } });
    await stores.runs.refresh();
    for (const box of await screen.findAllByRole('checkbox', { name: /run \d/ })) await fireEvent.click(box);
    await fireEvent.click(screen.getByTestId('compare-button'));
    const order = () => within(screen.getByTestId('compare-table')).getAllByRole('row').map((r) => r.getAttribute('data-run'));
    await screen.findByTestId('compare-table');
    expect((screen.getByRole('combobox', { name: 'Metric' }) as HTMLSelectElement).value).toBe('val.auc');
    expect(order()).toEqual(['2', '1', '3']);
    expect(screen.getByTestId('sort-best').textContent).toContain('highest first');

    await fireEvent.change(screen.getByRole('combobox', { name: 'Metric' }), { target: { value: 'val.mse' } });
    expect(order()).toEqual(['2', '1', '3']);
    expect(screen.getByTestId('sort-best').textContent).toContain('lowest first');
    await fireEvent.click(screen.getByTestId('sort-best')); // worst first
    expect(order()).toEqual(['3', '1', '2']);
  });
});
