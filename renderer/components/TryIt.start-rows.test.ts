// Try it's box starts within the run's test split: a run on a small file (1 test row) used to start at
// "0-9", so its first Predict was refused ("test rows 1, 2, … are outside the test split").
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import TryIt from './TryIt.svelte';
import { handlerLab, runSummary } from '../stores/runs-test-lab';

afterEach(() => cleanup());

const box = () => screen.getByTestId('try-rows') as HTMLInputElement;
/** A lab whose run 3 has the data line `line` (none: a run that has not started), and whose runs.try answers the rows asked. */
function labWith(line: string | null, splitSizes?: { train: number; validation: number; test: number }) {
  return handlerLab({
    'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'gmu' }), config: {}, ...(line ? { data: { line, logScaled: [], ...(splitSizes ? { splitSizes } : {}) } } : {}) }),
    'runs.try': ({ rows }) => ({ task: 'binary', prediction: 'logits', target: 'label', testRows: 1, onnxPath: '/tmp/run-3.onnx',
      rows: rows.map((row) => ({ row, prediction: [0], target: [1] })) }),
  });
}

describe('Try it: the rows it starts at', () => {
  it('starts at the only test row of a run whose test split has one, and its first Predict answers', async () => {
    const { lab, calls } = labWith('fusion: 4 train / 1 validation / 1 test samples');
    render(TryIt, { props: { lab, runId: '3' } });
    await waitFor(() => expect(box().value).toBe('0'), { timeout: 10_000 });
    await fireEvent.click(screen.getByTestId('try-run'));
    await screen.findByTestId('try-results', {}, { timeout: 10_000 });
    expect(calls.filter((c) => c.channel === 'runs.try').map((c) => c.payload)).toEqual([{ id: '3', rows: [0] }]);
    expect(screen.getAllByTestId('try-row').map((r) => r.querySelector('td')?.textContent)).toEqual(['0']);
  });

  it('starts at every test row of a small split, and at the first ten of a large one', async () => {
    render(TryIt, { props: { lab: labWith('recsys: 20 train / 3 validation / 3 test samples').lab, runId: '3' } });
    await waitFor(() => expect(box().value).toBe('0-2'), { timeout: 10_000 });
    cleanup();
    render(TryIt, { props: { lab: labWith('fusion: 3,192 train / 399 validation / 399 test samples').lab, runId: '3' } });
    await screen.findByTestId('try-run');
    expect(box().value).toBe('0-9');
  });

  it('reads the test count from the run\'s split sizes, not from its data line\'s words', async () => {
    // a line worded another way (or in another language one day) must not decide the box
    render(TryIt, { props: { lab: labWith('fusion on a small file', { train: 6, validation: 2, test: 2 }).lab, runId: '3' } });
    await waitFor(() => expect(box().value).toBe('0-1'), { timeout: 10_000 });
  });

  it('keeps the first ten when the run does not say its test count yet', async () => {
    const { lab, calls } = labWith(null);
    render(TryIt, { props: { lab, runId: '3' } });
    await waitFor(() => expect(calls.some((c) => c.channel === 'runs.get')).toBe(true));
    expect(box().value).toBe('0-9');
  });

  it('keeps rows the user typed before the run\'s test count arrived', async () => {
    const { lab, calls } = labWith('fusion: 4 train / 1 validation / 1 test samples');
    render(TryIt, { props: { lab, runId: '3' } });
    await fireEvent.input(box(), { target: { value: '0, 0' } });
    await waitFor(() => expect(calls.some((c) => c.channel === 'runs.get')).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(box().value).toBe('0, 0');
  });
});
