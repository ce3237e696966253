// "Try it" rows in the task's terms, checked against values computed by hand.
import { describe, expect, it } from 'vitest';
import { softmax } from '../../common/analytics/output-math';
import { rowTerms } from '../../common/analytics';
import { channelSeries, firstValues, forecastShape, lookbackText, pointText, previewRows, regressedColumn, sourcesNote, sourcesOf, testUnit, tryRowView } from './try-rows';

describe('tryRowView', () => {
  it('reads a binary logit as σ(logit) with the predicted class', () => {
    const v = tryRowView('binary', [Math.log(3)], [1]); // σ(ln 3) = 3/4
    expect(v).toEqual({ kind: 'binary', probability: expect.closeTo(0.75, 12), predicted: 1, target: 1 });
    expect(tryRowView('binary', [-2], [1])).toMatchObject({ predicted: 0, probability: expect.closeTo(1 / (1 + Math.exp(2)), 12) });
    expect(tryRowView('binary', [-800], [0])).toMatchObject({ probability: 0, predicted: 0 }); // no overflow to NaN
  });

  it('reads multi-class logits by softmax: the top class and its probability', () => {
    const v = tryRowView('multiclass', [0, Math.log(2), Math.log(5)], [2]); // probabilities 1/8, 2/8, 5/8
    expect(v).toEqual({ kind: 'class', top: 2, probability: expect.closeTo(5 / 8, 12), classes: 3, target: 2 });
    expect(softmax([1000, 1000])).toEqual([0.5, 0.5]);
  });

  it("reads every row as What if and `gatelab knockout --rows` read it (one rule: common/analytics/output-math.ts)", () => {
    const cases: Array<[string, number[], number[]]> = [['binary', [-800], [0]], ['binary', [0.3], [1]], ['multiclass', [0.2, 1.5, -3, 1.5], [1]], ['multiclass', [400, 900, 899], [2]], ['regression', [1, 10, 2, 20], [1, 10, 2, 23]]];
    for (const [task, prediction, target] of cases) {
      const v = tryRowView(task, prediction, target, task === 'regression' ? { horizon: 2, channels: 2, names: ['a', 'b'] } : null);
      const t = rowTerms({ task: task as 'binary', forecast: task === 'regression' }, prediction, target);
      const seen = v.kind === 'binary' ? { kind: 'probability', value: v.probability } : v.kind === 'class' ? { kind: 'class', value: v.top, probability: v.probability } : v.kind === 'forecast' ? { kind: 'mse', value: v.mse } : v;
      expect(seen).toEqual(t);
    }
  });

  it('reads a flat forecast as horizon × channels with the row MSE, channel by channel', () => {
    // horizon 3, channels 2, row-major [h][c]
    const pred = [1, 10, 2, 20, 3, 30], target = [1, 10, 2, 20, 3, 33];
    const v = tryRowView('regression', pred, target, { horizon: 3, channels: 2, names: ['a', 'b'] });
    expect(v).toMatchObject({ kind: 'forecast', horizon: 3, channels: 2, mse: 9 / 6 });
    expect(channelSeries(pred, 3, 2, 1)).toEqual([10, 20, 30]);
    expect(channelSeries(target, 3, 2, 0)).toEqual([1, 2, 3]);
  });

  it('without a known shape shows the first values and how many there are', () => {
    const v = tryRowView('regression', [0.5, 1, 2, 3, 4, 5], [0.5, 1, 2, 3, 4, 6]);
    expect(v).toMatchObject({ kind: 'values', mse: 1 / 6 });
    expect(firstValues([0.5, 1, 2, 3, 4, 5])).toBe('0.5000, 1, 2, 3 … 6 values');
    expect(firstValues([1, 2])).toBe('1, 2');
  });
});

describe('forecastShape', () => {
  it('takes horizon, channels and the channel columns the binding picks from a run config', () => {
    const config = { model: { horizon: 96, channels: 2 }, data: { columns: [
      { name: 'date', type: 'datetime', role: 'time' }, { name: 'OT', type: 'float', role: 'target' }, { name: 'id', type: 'int', role: 'ignore' }, { name: 'HUFL', type: 'float', role: 'feature' },
    ] } };
    expect(forecastShape(config)).toEqual({ horizon: 96, channels: 2, names: ['OT', 'HUFL'] });
    expect(forecastShape({ model: { horizon: 24, channels: 3 } })).toEqual({ horizon: 24, channels: 3, names: ['channel 0', 'channel 1', 'channel 2'] });
    expect(forecastShape({ model: { classes: 1 } })).toBeNull();
  });

  it('names the channels the model reads when the trainer left a constant column out (audit A23 #3)', () => {
    // fc15_gap: a constant site_flag between the channels, left out by the trainer (its data line says so)
    const config = { model: { horizon: 24, channels: 3 }, data: { columns: [
      { name: 'timestamp', type: 'datetime', role: 'time' }, { name: 'load_kw', type: 'float', role: 'feature' }, { name: 'site_flag', type: 'int', role: 'feature' },
      { name: 'temp_c', type: 'float', role: 'feature' }, { name: 'price_eur', type: 'float', role: 'feature' },
    ] } };
    const data = { line: 'forecasting: 3,946 train / 559 validation / 1,138 test samples; 3 channels: load_kw, temp_c, price_eur; left out: site_flag (constant)' };
    expect(forecastShape(config, data)?.names).toEqual(['load_kw', 'temp_c', 'price_eur']);
    // without the data line the names cannot be told apart from a shifted list: numbers
    expect(forecastShape(config)?.names).toEqual(['channel 0', 'channel 1', 'channel 2']);
    // a run trained now: the trainer's list of channels, however the line reads
    expect(forecastShape(config, { line: 'forecasting: 9 train', inputs: { channels: ['load_kw', 'temp_c', 'price, €'] } })?.names).toEqual(['load_kw', 'temp_c', 'price, €']);
  });
});

describe('where a row comes from', () => {
  // the lab's facts on what a row number is (and its command-line words, which the app does not show)
  const numbering = { kind: 'file' as const, rows: 17_420, reader: 'pandas.read_csv(file)', lineOffset: 2 };
  const info = { problem: null, file: 'ETTh1.csv', rowNote: "row is the 0-based position of the row among the file's 17,420 data rows, …", rowNumbering: numbering, linesNote: null, timeColumn: 'date' };
  const at = (row: number, time: string | null = null) => ({ row, line: row + 2, time });

  it('says a row as the user finds it in the app and the file: Preview\'s row (the lab\'s 0-based row + 1), line, time; a forecast\'s lookback as a span', () => {
    // dataset row 11,520 (0-based, with a header: line 11,522) is Preview's row 11,521
    expect(pointText(at(11_520, '2017-10-20 00:00:00'))).toBe('row 11,521 (as in Preview) · line 11,522 of the file · 2017-10-20 00:00:00');
    expect(pointText({ row: 0, line: null, time: null })).toBe('row 1 (as in Preview)');
    const forecast = { ...at(11_520), lookback: { first: at(11_424, '2017-10-16 00:00:00'), last: at(11_519, '2017-10-19 23:00:00') } };
    expect(lookbackText(forecast)).toBe('lookback rows 11,425–11,520 (as in Preview) · lines 11,426–11,521 of the file · 2017-10-16 00:00:00 – 2017-10-19 23:00:00');
    expect(lookbackText(at(3))).toBeNull();
    // a pivoted long-format run's rows are times, which Preview does not number
    expect(pointText({ row: 4, line: null, time: '2024-02-05' }, false)).toBe('row 5 · 2024-02-05');
  });

  it('tells dataset rows (numbered as Preview) from a pivoted run\'s times by the lab\'s row facts', () => {
    expect(previewRows(info)).toBe(true);
    expect(previewRows(null)).toBe(true);
    // the facts decide, not the wording of the lab's sentence
    const long = { ...info, rowNote: 'reworded', rowNumbering: { kind: 'times' as const, times: 200, timeColumn: 'week' } };
    expect(previewRows(long)).toBe(false);
    expect(sourcesNote(long, true)).toMatch(/^Row is the 1-based index of a time among the 200 distinct 'week' times of the pivoted file, in time order; a forecast/);
  });

  it('explains the numbers once, or why rows are not placed, or nothing for a lab that sent no sources', () => {
    expect(sourcesNote(info, true)).toBe("Row is the 1-based position of the row (as Preview numbers it) among the file's 17,420 data rows, the header and blank lines not counted (one more than the index pandas.read_csv(file) gives it); its line in the file is that index + 2 (line 1 is the header), if the file has no blank lines; a forecast is placed by its first predicted step, after the lookback rows it reads. Line: the 1-based line of ETTh1.csv. Time: column 'date'.");
    // rows the import dropped: the dataset's report in the app's place, not a command
    const dropped = { kind: 'imported' as const, rows: 300, rowsRead: 301, dropped: 1, droppedLines: null, summaryRow: false, datasetId: 2 };
    expect(sourcesNote({ ...info, rowNumbering: dropped, timeColumn: null }, false)).toMatch(/^Row is the 1-based position \(as Preview numbers it\) among the 300 rows the lab imported; the import dropped 1 of 301 rows \(the dataset in Datasets says which\), so after/);
    // a lab that sent only its 0-based sentence: the plain meaning, not numbers that contradict the rows shown
    expect(sourcesNote({ ...info, rowNumbering: undefined }, false)).toMatch(/^Row is the dataset row as Preview numbers it, from 1\. Line:/);
    expect(sourcesNote({ ...info, linesNote: 'ETTh1.csv has 17,425 lines for a header line and 17,420 rows: blank lines ...', timeColumn: null }, false)).toMatch(/if the file has no blank lines\. No file lines: ETTh1\.csv has 17,425 lines .*\.\.\.\.$/);
    expect(sourcesNote({ ...info, problem: 'the run trained on generated samples' }, false)).toBe('Rows are not placed in your data: the run trained on generated samples.');
    expect(sourcesNote(null, false)).toBeNull();
  });

  it('names the dataset as the app does, its file only after it', () => {
    const demo = { ...info, file: 'demo-two-sensors.csv', timeColumn: null };
    expect(sourcesNote(demo, false, 'Demo: sensor + camera (fusion)')).toMatch(/ Line: the 1-based line of the file of Demo: sensor \+ camera \(fusion\) \(its file, demo-two-sensors\.csv\)\.$/);
    expect(sourcesNote({ ...demo, file: 'weekly_sales' }, false, 'weekly_sales')).toMatch(/ Line: the 1-based line of the file of weekly_sales\.$/);
  });

  it('reads the sources off a result, none when the lab says why it could not place them', () => {
    const rows = [{ row: 0, prediction: [1], target: [1], source: at(40) }, { row: 1, prediction: [1], target: [1] }];
    const result = { task: 'binary', prediction: 'logit', target: 'label', testRows: 2, onnxPath: '/x.onnx', rows, source: info };
    expect(sourcesOf(result)).toEqual({ info, rows: [at(40), null] });
    expect(sourcesOf({ ...result, source: { ...info, problem: 'no file' } }).rows).toEqual([null, null]);
    const { source: _none, ...older } = result;
    expect(sourcesOf({ ...older, rows: rows.map(({ source: _s, ...r }) => r) })).toEqual({ info: null, rows: [null, null] });
  });
});

describe('testUnit', () => {
  it('names a forecasting run’s test items windows and the other families’ rows', () => {
    expect(testUnit('dlinear')).toEqual({ one: 'window', many: 'windows' });
    expect(testUnit('tsmixer-gated')).toEqual({ one: 'window', many: 'windows' });
    expect(testUnit('lr')).toEqual({ one: 'row', many: 'rows' });
    expect(testUnit('gmu')).toEqual({ one: 'row', many: 'rows' });
    expect(testUnit(null)).toEqual({ one: 'row', many: 'rows' }); // not known yet, or an unknown template
  });
});

describe('a regressed number in Try it', () => {
  it('one prediction and one target: predicted, actual and their signed difference; a forecast of one step stays a forecast', () => {
    expect(tryRowView('regression', [104.5], [102])).toEqual({ kind: 'number', predicted: 104.5, actual: 102, error: 2.5 });
    expect(tryRowView('regression', [99], [])).toEqual({ kind: 'number', predicted: 99, actual: null, error: null });
    expect(tryRowView('regression', [1], [2], { horizon: 1, channels: 1, names: ['OT'] })).toMatchObject({ kind: 'forecast' });
    expect(tryRowView('binary', [0.3], [1])).toMatchObject({ kind: 'binary' });
  });

  it('names the run config’s one target column, or none', () => {
    const config = { data: { columns: [{ name: 'review', role: 'feature' }, { name: 'price', role: 'target' }] } };
    expect(regressedColumn(config)).toBe('price');
    expect(regressedColumn({ data: { columns: [{ name: 'a', role: 'target' }, { name: 'b', role: 'target' }] } })).toBeNull();
    expect(regressedColumn({})).toBeNull();
    expect(regressedColumn(null)).toBeNull();
  });
});
