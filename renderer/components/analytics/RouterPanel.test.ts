// The router panel's numbers as the audit read them: bars that exaggerated small probabilities, means that
// read alike beside a large score, a colour-only expert × class grid.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import RouterPanel from './RouterPanel.svelte';
import AssignmentGrid from './AssignmentGrid.svelte';
import StackedArea from '../StackedArea.svelte';
import { PALETTE as APP_PALETTE } from '../../lib/scale';
import { PALETTE as REPORT_PALETTE } from '../../../common/analytics/chart-palette';
import type { RouterReport } from '../../../common/analytics/report';

afterEach(() => cleanup());

const router: RouterReport = {
  gate: 'router', experts: 4, classes: ['0', '1'],
  assignment: [[0.00015, 0.00055], [0.0002, 0.0001], [0.0003, 0.0004], [0.0001, 0.0002]],
  load: [0.242, 0.24, 0.246, 0.272], probability: [0.242, 0.24, 0.246, 0.272], picks: [0, 0.001, 0.001, 0.998],
  loadOverTraining: [],
  specialisation: { inputs: 'field values', experts: [{ expert: 3, samples: 900, top: [{ feature: 'position value frequency (log)', score: 1.26, mean: 10.2317, overall: 10.1893 }] }] },
};

describe('RouterPanel', () => {
  it('draws probabilities and shares on an absolute 0–100% track (24.2% at 24.2%, not at 87% of the track)', () => {
    render(RouterPanel, { props: { router } });
    const figures = screen.getAllByTestId('router-figure');
    expect(figures.map((f) => f.getAttribute('data-figure'))).toEqual(['probability', 'picks']);
    const widths = (f: HTMLElement) => [...f.querySelectorAll<HTMLElement>('.bar')].map((b) => Number(parseFloat(b.style.width).toFixed(6)));
    expect(widths(figures[0])).toEqual([24.2, 24, 24.6, 27.2]);
    expect(widths(figures[1])).toEqual([0, 0.1, 0.1, 99.8]);
  });
  it('says why a sequence model\'s samples per top expert need not match its share of tokens by top expert', () => {
    render(RouterPanel, { props: { router: { ...router, tokens: 7 } } });
    expect(screen.getByTestId('top-expert-samples').textContent).toMatch(/^Each test sample is counted once, for the expert with the largest router weight averaged over its 7 tokens; .*an expert can win many tokens and few samples\.$/);
  });
  it('writes an expert\'s mean and the overall mean with the digits it takes to tell them apart', () => {
    render(RouterPanel, { props: { router } });
    expect(screen.getByTestId('expert-specialisation').textContent).toContain('(10.23 vs 10.19)');
  });
});

describe('AssignmentGrid', () => {
  const props = { title: 'Mean weight after the top-1 pick: expert × class', values: [[0.242, 0.758], [0.0042, 1]], columns: ['0', '1'], rowLabel: (r: number) => `expert ${r}` };
  it('writes each value in its cell and lists them in its accessible name', () => {
    render(AssignmentGrid, { props });
    expect(screen.getAllByTestId('grid-cell-value').map((t) => t.textContent)).toEqual(['0.24', '0.76', '<.01', '1.00']);
    expect(screen.getByTestId('assignment-grid').getAttribute('aria-label')).toBe('Mean weight after the top-1 pick: expert × class: expert 0: 0 0.24, 1 0.76; expert 1: 0 <.01, 1 1.00');
  });
  it('small values share a power of ten, stated beside the title', () => {
    render(AssignmentGrid, { props: { ...props, values: [[0.00015, 0.00055]] } });
    expect(screen.getAllByTestId('grid-cell-value').map((t) => t.textContent)).toEqual(['1.5', '5.5']);
    expect(screen.getByTestId('grid-unit').textContent).toContain('values × 10⁻⁴');
  });
  it('narrow cells (24 hours) start colour only; the toggle writes the numbers in widened cells', async () => {
    const hours = Array.from({ length: 24 }, (_, h) => String(h));
    render(AssignmentGrid, { props: { ...props, columns: hours, values: [hours.map(() => 0.5)] } });
    expect(screen.queryAllByTestId('grid-cell-value')).toHaveLength(0);
    await fireEvent.click(screen.getByTestId('grid-numbers-toggle'));
    expect(screen.getAllByTestId('grid-cell-value')).toHaveLength(24);
    expect(Number(screen.getByTestId('assignment-grid').querySelector('rect')!.getAttribute('width'))).toBeGreaterThanOrEqual(29);
  });
});

describe('StackedArea axis', () => {
  it('names the step axis; one step is one label, not the step at both ends', () => {
    const { container } = render(StackedArea, { props: { title: 't', steps: [80], vectors: [[0.5, 0.5]], labels: ['expert 0', 'expert 1'] } });
    const ticks = [...container.querySelectorAll('text.tick')].map((t) => t.textContent);
    expect(ticks.filter((t) => t === '80')).toHaveLength(0);
    expect(screen.getByTestId('stack-x-axis').textContent).toBe('step 80');
    // experts named in text, not by colour alone
    expect(screen.getByTestId('stack-legend').textContent).toContain('expert 1');
  });
  it('over several steps: the ends and "step" between them', () => {
    const { container } = render(StackedArea, { props: { title: 't', steps: [10, 20], vectors: [[0.5, 0.5], [0.4, 0.6]] } });
    expect(screen.getByTestId('stack-x-axis').textContent).toBe('step');
    expect([...container.querySelectorAll('text.tick')].map((t) => t.textContent)).toEqual(expect.arrayContaining(['10', '20']));
  });
});

describe('expert colours', () => {
  it('the HTML reports use the app\'s palette, so an expert is one colour in both', () => {
    expect([...REPORT_PALETTE]).toEqual([...APP_PALETTE]);
  });
});
