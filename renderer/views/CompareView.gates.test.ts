// Compare on the newcomer audit's three runs that differ only in their gates (the default sigmoid gate, a
// hard gate, the ablation), all named "tsmixer-gated on Demo: grid load (forecasting)": the picker marks the
// ablation "gates off", a table above the chart says what sets each run apart and shows every test metric
// with the best marked, and run labels are not cut to "…grid loa…" (the full label on hover).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/svelte';
import { handlerLab, runSummary } from '../stores/runs-test-lab';
import { openApp } from '../fixtures/open-app';

afterEach(() => cleanup());

const NAME = 'tsmixer-gated on Demo: grid load (forecasting)';
const GATES: Record<string, Record<string, unknown>> = {
  '12': { kind: 'sigmoid', enabled: true, scale: 1, initBias: 0, granularity: 'channel' },
  '13': { kind: 'hard', enabled: true, threshold: 0.5, initBias: 1, granularity: 'channel', sparsity: 0 },
  '14': { kind: 'sigmoid', enabled: false, scale: 1, initBias: 0, granularity: 'channel' },
};
const TEST: Record<string, Record<string, number>> = {
  '12': { 'test.mse': 0.41, 'test.mae': 0.47, 'val.mse': 0.3 },
  '13': { 'test.mse': 0.39, 'test.mae': 0.48, 'val.mse': 0.29 },
  '14': { 'test.mse': 0.43, 'test.mae': 0.46, 'val.mse': 0.31 },
};
const summary = (id: string) => runSummary({ id, template: 'tsmixer-gated', name: NAME, seed: 1, metrics: TEST[id], gatesOff: id === '14' });
const cells = (row: Element) => [...row.querySelectorAll('td')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());

function lab() {
  return handlerLab({
    'runs.list': () => ['12', '13', '14'].map(summary),
    'runs.pausedAtQuit': () => ({ runIds: [] }),
    'runs.compare': ({ ids }) => ({
      runs: ids.map((id) => ({ ...summary(id), config: { name: NAME, model: { template: 'tsmixer-gated', gate: GATES[id] }, data: { kind: 'dataset', datasetId: 1 }, seed: 1 } })),
      series: ids.map((id) => ({ id, series: [{ name: 'val.mse', steps: [10, 20], values: [0.5, TEST[id]['val.mse']] }] })),
    }),
    'analytics.compare': ({ ids }) => ({ runs: ids.map((id) => ({ id, knockout: null, flops: null })) }),
  }).lab;
}

describe('Compare: runs that differ in their gates', () => {
  it('marks the ablation "gates off" in the picker, as the Runs table does', async () => {
    await openApp(lab(), '#/compare');
    const boxes = await screen.findAllByRole('checkbox', { name: /grid load/ });
    const pill = (box: HTMLElement) => within(box.closest('label')!).queryByTestId('gates-off-pill')?.textContent ?? null;
    expect(boxes.map(pill)).toEqual([null, null, 'gates off']);
    expect(boxes[2].closest('label')!.getAttribute('title')).toBe(`#14 · s1 · ${NAME}`);
  });

  it('shows each run’s gates and every test metric side by side, the best of each starred', async () => {
    await openApp(lab(), '#/compare');
    for (const box of await screen.findAllByRole('checkbox', { name: /grid load/ })) await fireEvent.click(box);
    await fireEvent.click(screen.getByTestId('compare-button'));
    const table = await screen.findByTestId('compare-runs-table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Run', 'Settings', 'test mae', 'test mse']);
    expect(within(table).getAllByRole('row').slice(1).map(cells)).toEqual([
      [`#12 · s1 · ${NAME}`, 'sigmoid gate (default)', '0.4700', '0.4100'],
      [`#13 · s1 · ${NAME}`, 'hard gate', '0.4800', '0.3900 ★'],
      [`#14 · s1 · ${NAME}gates off`, 'gates off', '0.4600 ★', '0.4300'],
    ]);
    // the best cell says why it is starred; the full label is the run cell's title
    const best = table.querySelector('tr[data-run="13"] td[data-metric="test.mse"]')!;
    expect(best.getAttribute('title')).toBe('the best test.mse of these runs (lower is better)');
    expect(table.querySelector('tr[data-run="12"] td')!.getAttribute('title')).toBe(`#12 · s1 · ${NAME}`);
    // it comes before the chart: what differs is read first
    const chart = screen.getByRole('img', { name: /^val\.mse/ });
    expect(table.compareDocumentPosition(chart) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // the per-metric table and the config diff keep the whole label (wrapped, not cut), with a title
    const ranked = within(screen.getByTestId('compare-table')).getAllByRole('row')[0].querySelector('td')!;
    expect([ranked.textContent, ranked.getAttribute('title')]).toEqual([`#13 · s1 · ${NAME}`, `#13 · s1 · ${NAME}`]);
    expect(within(screen.getByTestId('config-diff')).getAllByRole('columnheader').slice(1).map((h) => h.textContent)).toEqual([12, 13, 14].map((id) => `#${id} · s1 · ${NAME}`));
  });
});

// Gate statistics in the metric picker: a gated run and its ablation, of which only the gated run stored any.
// The picker lists them under "Gates", the chart draws the gated run, and the legend says the ablation has none.
const NAMES: Record<string, string> = { '1': 'gated', '2': 'gates off' };

describe('Compare view: gate statistics', () => {
  it('lists "ff.gate · openness" under Gates, draws the gated run and says the ablation has no such gate', async () => {
    const ids = ['1', '2'];
    const gateRun = (id: string) => runSummary({ id, name: NAMES[id], template: 'finalmlp' });
    const { lab } = handlerLab({
      'runs.list': () => ids.map(gateRun),
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'runs.compare': ({ ids }) => ({
        runs: ids.map((id) => ({ ...gateRun(id), config: { template: 'finalmlp', gates: id === '1' } })),
        series: ids.map((id) => ({ id, series: [{ name: 'val.loss', steps: [16, 48], values: id === '1' ? [0.5, 0.25] : [0.5, 0.375] }] })),
        gates: [{ id: '1', series: [{ name: 'ff.gate/openness', steps: [16, 32, 48], values: [0.5, 0.625, 0.75] }] }, { id: '2', series: [] }],
      }),
      'analytics.compare': ({ ids }) => ({ runs: ids.map((id) => ({ id, knockout: null, flops: null })) }),
    });
    await openApp(lab, '#/compare');
    for (const box of await screen.findAllByRole('checkbox', { name: /gated|gates off/ })) await fireEvent.click(box);
    await fireEvent.click(screen.getByTestId('compare-button'));
    await screen.findByTestId('compare-table');

    const select = screen.getByTestId('compare-metric') as HTMLSelectElement;
    const group = select.querySelector('optgroup');
    expect(group?.label).toBe('Gates');
    const gateOptions = within(group as HTMLElement).getAllByRole('option') as HTMLOptionElement[];
    expect(gateOptions.map((o) => [o.value, o.textContent])).toEqual([['ff.gate/openness', 'ff.gate · openness']]);
    expect(select.value).toBe('val.loss'); // a metric stays the default

    await fireEvent.change(select, { target: { value: 'ff.gate/openness' } });
    await fireEvent.input(screen.getByRole('slider'), { target: { value: '0' } }); // no smoothing: the stored values
    const chart = screen.getByRole('img', { name: /^ff\.gate · openness:/ });
    // the gated run's stored curve, to its last point; the ablation has no points to draw
    expect(chart.getAttribute('aria-label')).toMatch(/^ff\.gate · openness: [^,]*gated 0\.75 at step 48; steps 16 to 48\.$/);
    const legend = [...chart.closest('figure')!.querySelectorAll('.legend > span')].map((s) => s.textContent!.trim());
    expect(legend).toHaveLength(2);
    expect(legend.find((l) => l.includes('gates off'))).toMatch(/gates off — no such gate$/);
    expect(legend.find((l) => !l.includes('gates off'))).not.toMatch(/no such gate/);
  });
});
