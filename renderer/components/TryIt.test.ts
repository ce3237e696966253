// Try it on a run whose dataset was deleted (audit A20): Predict is off up front and says why, instead of
// failing on click. The lab answers through the real dispatch (validated replies).
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import TryIt from './TryIt.svelte';
import { handlerLab, runSummary } from '../stores/runs-test-lab';
import { TryResult, type LabApi, type LabHandlers } from '../../common/lab-api';
import { TryRowSource, TrySources } from '../../common/lab-api/try-source';

/** TryResult with the sources the lab adds (common/lab-api/try-source.ts), checked as a reply would be. */
const SourcedResult = TryResult.extend({ source: TrySources.optional(), rows: z.array(TryResult.shape.rows.element.extend({ source: TryRowSource.optional() })) });

/** handlerLab, with a runs.try reply that keeps its sources (validated by SourcedResult, JSON round trip). */
function sourcedLab(handlers: Partial<LabHandlers>, tried: z.input<typeof SourcedResult>): LabApi {
  const { lab } = handlerLab(handlers);
  return { ...lab, invoke: (async (channel: string, payload: unknown) => (channel === 'runs.try' ? SourcedResult.parse(JSON.parse(JSON.stringify(tried))) : lab.invoke(channel as never, payload as never))) as LabApi['invoke'] };
}
const cells = () => screen.getAllByTestId('try-row').map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));

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
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Test row', 'P(Recommended IND = true)', 'Predicted', 'Target']);
    const rows = screen.getAllByTestId('try-row').map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([['0', '98.0 %', 'true', 'true'], ['1', '11.9 %', 'false', 'true']]);
  });

  it('shows a regressed revenue\'s actual value as stored and its error with thousands separators, like the prediction', async () => {
    const { lab } = handlerLab({
      'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'concat-fusion' }), config: { data: { columns: [{ name: 'revenue', role: 'target' }] } } }),
      'runs.try': () => ({ task: 'regression', prediction: 'values', target: 'revenue', testRows: 100, onnxPath: '/tmp/run-3.onnx',
        rows: [{ row: 0, prediction: [2618793.93], target: [2561743.93] }, { row: 1, prediction: [1000.5], target: [2250.25] }] }),
    });
    render(TryIt, { props: { lab, runId: '3' } });
    await fireEvent.click(await screen.findByTestId('try-run'));
    await screen.findByTestId('try-results');
    // 6 significant digits used to read the actual 2,561,743.93 as "2,561,740" and the error as "+57050"
    expect(cells().map((r) => r.slice(0, 4))).toEqual([['0', '2,618,790', '2,561,743.93', '+57,050'], ['1', '1,000.5', '2,250.25', '−1,249.75']]);
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

  it('reads the label from the run\'s structured data summary before its data line, and names the target column by it', async () => {
    // the line has no label note; the trainer's label coding says 'yes' is positive
    const data = { line: 'recsys: 80 train / 10 validation / 10 test samples', logScaled: [], label: { column: 'bought', classes: ['no', 'yes'], positive: 'yes', negative: 'no' } };
    const { lab } = handlerLab({
      'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'lr' }), config: {}, data }),
      'runs.try': () => ({ task: 'binary', prediction: 'logit', target: 'label', testRows: 10, onnxPath: '/tmp/run-3.onnx', rows: [{ row: 0, prediction: [-3.9], target: [1] }] }),
    });
    render(TryIt, { props: { lab, runId: '3' } });
    await fireEvent.click(await screen.findByTestId('try-run'));
    await screen.findByTestId('try-results');
    expect(screen.getByText('P(bought = yes)')).toBeTruthy();
    expect(cells()).toEqual([['0', '2.0 %', 'no', 'yes']]);
    // what is predicted by the user's column, not by the ONNX tensor names ("vs target label")
    const summary = screen.getByTestId('try-summary').textContent!;
    expect(summary).toBe('Binary classification of bought · 10 test rows · model /tmp/run-3.onnx (output logit)');
    expect(summary).not.toMatch(/label|`/);
  });

  it('places each row in the user\'s file: dataset row, line and time in a last column, explained once under the table', async () => {
    const info = { problem: null, file: 'clicks.csv', rowNote: "row is the 0-based position among the 300 rows the lab imported; the import dropped 1 of 301 rows (gatelab datasets show 2 says which), so after those rows it is not the row's position in the file",
      rowNumbering: { kind: 'imported' as const, rows: 300, rowsRead: 301, dropped: 1, droppedLines: null, summaryRow: false, datasetId: 2 }, linesNote: null, timeColumn: 'ts' };
    const lab = sourcedLab({ 'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'lr' }), config: {} }) }, {
      task: 'binary', prediction: 'logit', target: 'label', testRows: 30, onnxPath: '/tmp/run-3.onnx', source: info,
      rows: [{ row: 0, prediction: [3.9], target: [1], source: { row: 3, line: 5, time: '2024-01-01 03:00:00' } }, { row: 1, prediction: [-2], target: [0], source: { row: 17, line: 20, time: '2024-01-01 17:00:00' } }],
    });
    render(TryIt, { props: { lab, runId: '3' } });
    await fireEvent.click(await screen.findByTestId('try-run'));
    const table = await screen.findByTestId('try-results');
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Test row', 'P(class 1)', 'Predicted', 'Target', 'In your data']);
    // the test row stays first (what the picker takes, from 0); the source comes last, the dataset row as Preview numbers it (the lab's 0-based row + 1)
    expect(cells()).toEqual([['0', '98.0 %', '1', '1', 'row 4 (as in Preview) · line 5 of the file · 2024-01-01 03:00:00'], ['1', '11.9 %', '0', '0', 'row 18 (as in Preview) · line 20 of the file · 2024-01-01 17:00:00']]);
    expect(screen.getByTestId('try-sources-note').textContent).toBe(`Row is the 1-based position (as Preview numbers it) among the 300 rows the lab imported; the import dropped 1 of 301 rows (the dataset in Datasets says which), so after those rows it is not the row's position in the file. Line: the 1-based line of clicks.csv. Time: column 'ts'.`);
  });

  it('places a forecast by its first predicted step, with the lookback it read', async () => {
    const at = (row: number, time: string) => ({ row, line: row + 2, time });
    const lab = sourcedLab({ 'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'dlinear' }), config: { model: { horizon: 2, channels: 1 } } }) }, {
      task: 'regression', prediction: 'forecast', target: 'y', testRows: 5, onnxPath: '/tmp/run-1.onnx',
      source: { problem: null, file: 'ETTh1.csv', rowNote: 'row is the 0-based position of the row among the file\'s 17,420 data rows', linesNote: null, timeColumn: 'date' },
      rows: [{ row: 0, prediction: [0.1, 0.2], target: [0.1, 0.3], source: { ...at(11_520, '2017-10-20 00:00:00'), lookback: { first: at(11_424, '2017-10-16 00:00:00'), last: at(11_519, '2017-10-19 23:00:00') } } }],
    });
    render(TryIt, { props: { lab, runId: '1' } });
    await fireEvent.click(await screen.findByTestId('try-run'));
    await screen.findByTestId('try-results');
    const [row] = cells();
    expect(row[0]).toBe('0');
    expect(row[2]).toBe('0.005'); // MSE stays the third cell
    expect(row[3]).toBe('from row 11,521 (as in Preview) · line 11,522 of the file · 2017-10-20 00:00:00lookback rows 11,425–11,520 (as in Preview) · lines 11,426–11,521 of the file · 2017-10-16 00:00:00 – 2017-10-19 23:00:00');
    expect(screen.getByTestId('try-sources-note').textContent).toContain('a forecast is placed by its first predicted step, after the lookback rows it reads.');
  });

  it('calls a forecasting run’s test items windows, in its family’s word, and a CTR run’s rows', async () => {
    const { lab } = handlerLab({
      'runs.get': ({ id }) => ({ ...runSummary({ id, template: id === '1' ? 'dlinear' : 'lr' }), config: { model: { horizon: 2, channels: 1 } } }),
      'runs.try': ({ id }) => (id === '1'
        ? { task: 'regression', prediction: 'forecast', target: 'y', testRows: 5161, onnxPath: '/tmp/run-1.onnx', rows: [{ row: 0, prediction: [0.1, 0.2], target: [0.1, 0.3] }] }
        : { task: 'binary', prediction: 'logit', target: 'label', testRows: 1, onnxPath: '/tmp/run-2.onnx', rows: [{ row: 0, prediction: [3.9], target: [1] }] }),
    });
    // the template from the runs list: right from the first paint
    render(TryIt, { props: { lab, runId: '1', template: 'dlinear' } });
    const form = screen.getByTestId('try-it');
    expect(within(form).getByRole('textbox', { name: 'Test windows (from 0)' })).toBeTruthy();
    // one caption above the box: the label is a flex column, so "(from 0)" as an item of its own took a line of its own
    const caption = within(form).getByTestId('try-rows-caption');
    expect(caption.textContent).toBe('Test windows (from 0)');
    expect([...caption.parentElement!.children].map((c) => c.tagName)).toEqual(['SPAN', 'INPUT']);
    expect(form.textContent).toContain("Run the exported model on windows of this run's test split");
    await fireEvent.click(screen.getByTestId('try-run'));
    const table = await screen.findByTestId('try-results');
    expect(table.querySelector('th')!.textContent).toBe('Test window');
    expect(form.textContent).toContain('5,161 test windows');
    expect(form.textContent).not.toContain('test rows');
    cleanup();

    // without the template passed, it is read with the run; one test row is "row"
    render(TryIt, { props: { lab, runId: '2' } });
    expect(await screen.findByRole('textbox', { name: 'Test rows (from 0)' })).toBeTruthy();
    await fireEvent.click(screen.getByTestId('try-run'));
    expect((await screen.findByTestId('try-results')).querySelector('th')!.textContent).toBe('Test row');
    expect(screen.getByTestId('try-it').textContent).toContain('· 1 test row ·');
  });

  it('says why rows are not placed, without an empty column', async () => {
    const lab = sourcedLab({ 'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'demo-gated' }), config: {} }) }, {
      task: 'binary', prediction: 'logit', target: 'y', testRows: 100, onnxPath: '/tmp/run-1.onnx',
      source: { problem: "the run trained on generated samples (the demo model's synthetic data), which come from no file", file: null, rowNote: null, linesNote: null, timeColumn: null },
      rows: [{ row: 0, prediction: [0], target: [1] }],
    });
    render(TryIt, { props: { lab, runId: '1' } });
    await fireEvent.click(await screen.findByTestId('try-run'));
    await screen.findByTestId('try-results');
    expect(cells()).toEqual([['0', '50.0 %', '1', '1']]);
    expect(screen.getByTestId('try-sources-note').textContent).toBe("Rows are not placed in your data: the run trained on generated samples (the demo model's synthetic data), which come from no file.");
  });
});
