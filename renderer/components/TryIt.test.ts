// Try it on a run whose dataset was deleted (audit A20): Predict is off up front and says why, instead of
// failing on click. The lab answers through the real dispatch (validated replies).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import TryIt from './TryIt.svelte';
import { handlerLab, runSummary } from '../stores/runs-test-lab';

afterEach(() => cleanup());

describe('Try it', () => {
  it('is disabled with the reason when the run’s dataset is gone, and a submit asks the lab nothing', async () => {
    const problem = 'its dataset (id 2) was deleted, so knockouts, the gate report and Try it have no test split to run on; import the file again and start a new run from this one';
    const { lab, calls } = handlerLab({ 'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'gmu', dataProblem: problem }), config: {} }) });
    render(TryIt, { props: { lab, runId: '3' } });
    expect((await screen.findByTestId('try-unavailable')).textContent).toBe(`Not available: ${problem}.`);
    const predict = screen.getByTestId('try-run') as HTMLButtonElement;
    expect(predict.disabled).toBe(true);
    await fireEvent.submit(predict.closest('form')!);
    expect(calls.filter((c) => c.channel === 'runs.try')).toEqual([]);
  });

  it('stays enabled for a run whose data is there', async () => {
    const { lab } = handlerLab({ 'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'gmu' }), config: {} }) });
    render(TryIt, { props: { lab, runId: '3' } });
    await waitFor(() => expect(screen.getByTestId('try-run')).toBeTruthy());
    expect((screen.getByTestId('try-run') as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByTestId('try-unavailable')).toBeNull();
  });

  it('names a binary model’s probability and classes by the run’s label, not "class 1" (audit A22 #9)', async () => {
    const data = { line: "fusion: 800 train / 100 validation / 100 test samples; label: 'Recommended IND' = 1 (true) is positive", logScaled: [] };
    const { lab } = handlerLab({
      'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'gmu' }), config: {}, data }),
      // logits 3.9 (98 %) and -2: predicted true, false; targets true, true (the second a miss)
      'runs.try': () => ({ task: 'binary', prediction: 'logits', target: 'label', testRows: 100, onnxPath: '/tmp/run-3.onnx',
        rows: [{ row: 0, prediction: [3.9], target: [1] }, { row: 1, prediction: [-2], target: [1] }] }),
    });
    render(TryIt, { props: { lab, runId: '3' } });
    await fireEvent.click(await screen.findByTestId('try-run'));
    const table = await screen.findByTestId('try-results');
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Row', 'P(Recommended IND = true)', 'Predicted', 'Target']);
    const rows = screen.getAllByTestId('try-row').map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([['0', '98.0 %', 'true', 'true'], ['1', '11.9 %', 'false', 'true']]);
  });

  it('keeps the class numbers when the run has no data line (a run from before it was stored)', async () => {
    const { lab } = handlerLab({
      'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'gmu' }), config: {} }),
      'runs.try': () => ({ task: 'binary', prediction: 'logits', target: 'label', testRows: 100, onnxPath: '/tmp/run-3.onnx', rows: [{ row: 0, prediction: [3.9], target: [1] }] }),
    });
    render(TryIt, { props: { lab, runId: '3' } });
    await fireEvent.click(await screen.findByTestId('try-run'));
    await screen.findByTestId('try-results');
    expect(screen.getByText('P(class 1)')).toBeTruthy();
    expect([...screen.getByTestId('try-row').querySelectorAll('td')].map((td) => td.textContent)).toEqual(['0', '98.0 %', '1', '1']);
  });
});
