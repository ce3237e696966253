// "Try it" through the real dispatch (replies validated by the LabApi schemas): a forecasting run's rows
// are small charts of one channel (picked by name) with their MSE, not 672 numbers; a binary model's
// rows are probabilities with the predicted class.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import TryIt from './TryIt.svelte';
import { handlerLab, runSummary } from '../stores/runs-test-lab';

afterEach(() => cleanup());

const H = 96, C = 7;
const forecastRow = (row: number) => ({ row, prediction: Array.from({ length: H * C }, (_, i) => i / 100), target: Array.from({ length: H * C }, (_, i) => i / 100 + (i % C === 0 ? 0.1 : 0)) });
const columns = ['timestamp', 'l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'demand'].map((name, i) => ({ name, type: i ? 'float' : 'datetime', role: i === 0 ? 'time' : i === 7 ? 'target' : 'feature', modality: null }));

function show(task: string, rows: { row: number; prediction: number[]; target: number[] }[], config: Record<string, unknown>) {
  const { lab } = handlerLab({
    'runs.try': () => ({ task, prediction: 'p', target: 'y', testRows: 100, onnxPath: '/tmp/run.onnx', rows }),
    'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'dlinear' }), config }),
  });
  render(TryIt, { props: { lab, runId: '6' } });
  return fireEvent.click(screen.getByTestId('try-run'));
}

describe('Try it', () => {
  it('shows a forecast as one channel over the horizon with the row MSE, and a channel picker by column name', async () => {
    await show('regression', [forecastRow(0), forecastRow(1)], { model: { horizon: H, channels: C }, data: { columns } });
    await waitFor(() => expect(screen.getAllByTestId('try-spark')).toHaveLength(2));
    const table = screen.getByTestId('try-results');
    expect(table.textContent).not.toContain('0.01, 0.02'); // no raw number dump
    expect(table.textContent).toContain('0.001429'); // MSE: an error of 0.1 on 96 of the 672 values = 0.01/7
    const picker = screen.getByTestId('try-channel') as HTMLSelectElement;
    expect([...picker.options].map((o) => o.text)).toEqual(['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'demand']);
    expect(screen.getByText(/96 steps × 7 channels/)).toBeTruthy();
    await fireEvent.change(picker, { target: { value: '6' } });
    expect(table.querySelector('th')?.nextElementSibling?.textContent).toContain('demand');
  });

  it('shows a binary model probability and predicted class, not its logit', async () => {
    await show('binary', [{ row: 3, prediction: [Math.log(3)], target: [0] }, { row: 4, prediction: [-2], target: [0] }], { model: { classes: 1 } });
    await waitFor(() => expect(screen.getAllByTestId('try-row')).toHaveLength(2));
    const [a, b] = screen.getAllByTestId('try-row').map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim()));
    expect(a).toEqual(['3', '75.0 %', '1', '0']);
    expect(b).toEqual(['4', '11.9 %', '0', '0']);
  });

  it('shows a multi-class model top class and its softmax probability', async () => {
    await show('multiclass', [{ row: 0, prediction: [0, Math.log(2), Math.log(5)], target: [2] }], { model: { classes: 3 } });
    await waitFor(() => expect(screen.getAllByTestId('try-row')).toHaveLength(1));
    expect([...screen.getByTestId('try-row').querySelectorAll('td')].map((td) => td.textContent?.trim())).toEqual(['0', '2 of 3', '62.5 %', '2']);
  });
});
