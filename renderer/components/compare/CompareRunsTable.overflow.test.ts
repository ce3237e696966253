// Compare's runs side by side with many test metrics is wider than its card at 1280 px: the side with more
// columns to scroll to is shaded, as the schema table's is (ScrollEdges, lib/overflow-cue.ts), so metrics cut
// at the card's edge read as there. jsdom lays nothing out: the test gives the scrolling box its widths.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import CompareRunsTable from './CompareRunsTable.svelte';
import type { SummaryRun } from '../../lib/compare-summary';

afterEach(cleanup);

const metrics = { 'test.auc': 0.71, 'test.ap': 0.3, 'test.logloss': 0.41, 'test.accuracy': 0.86, 'test.f1': 0.46 };
const run = (id: string): SummaryRun => ({
  id, name: 'dnn on Demo: click log (CTR)', seed: Number(id), template: 'dnn', status: 'completed', metrics,
  gatesOff: false, config: { model: { template: 'dnn' }, data: { kind: 'dataset', datasetId: 2 }, seed: Number(id) },
});
const measure = (box: HTMLElement, widths: { scrollLeft: number; scrollWidth: number; clientWidth: number }) => {
  for (const [key, value] of Object.entries(widths)) Object.defineProperty(box, key, { value, configurable: true, writable: true });
};
const sides = (edges: HTMLElement) => [edges.classList.contains('more-left'), edges.classList.contains('more-right')];

describe('CompareRunsTable wider than its card', () => {
  it('shades the right edge while metrics are hidden there, the left once scrolled, neither when it fits', async () => {
    render(CompareRunsTable, { props: { runs: [run('1'), run('2')] } });
    const edges = screen.getByTestId('compare-runs-scroll');
    const box = screen.getByTestId('compare-runs-table').parentElement!;
    expect(sides(edges)).toEqual([false, false]); // fits (jsdom's 0 widths)
    measure(box, { scrollLeft: 0, scrollWidth: 1400, clientWidth: 900 });
    await fireEvent.scroll(box);
    expect(sides(edges)).toEqual([false, true]);
    measure(box, { scrollLeft: 200, scrollWidth: 1400, clientWidth: 900 });
    await fireEvent.scroll(box);
    expect(sides(edges)).toEqual([true, true]);
    measure(box, { scrollLeft: 500, scrollWidth: 1400, clientWidth: 900 });
    await fireEvent.scroll(box);
    expect(sides(edges)).toEqual([true, false]);
    // the box is inside the section's card, not a card of its own (the schema table's is)
    expect(box.classList.contains('card')).toBe(false);
  });
});
