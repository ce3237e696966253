// A file with no time column and a label (a review CSV as imported) cannot feed a forecaster: the lab refuses
// the run at Start, so the Forecasting tab says so first, in the app's words, and Start stays off.
import { describe, expect, it } from 'vitest';
import type { ColumnInfo, DatasetDetail } from '../../common/lab-api';
import { dataShapeOf } from './data-shape';
import { notASeries } from './not-a-series';

const col = (name: string, type: ColumnInfo['type'], role: ColumnInfo['role'] = 'feature'): ColumnInfo => ({
  name, type, role, modality: null, missing: 0, distinct: 10, min: null, max: null, mean: null, std: null, histogram: null,
});
const dataset = (columnInfo: ColumnInfo[]): DatasetDetail => ({
  id: '5', name: 'tickets', rows: 400, columns: columnInfo.length, source: 'tickets.csv', family: null, createdAt: '2026-01-01T00:00:00Z', bytes: 1000, columnInfo, issues: [],
});
const reviews = [col('comment', 'text'), col('category', 'categorical'), col('price', 'float'), col('age_days', 'int'), col('satisfied', 'boolean', 'target')];

describe('a labelled file with no time column on the Forecasting tab', () => {
  it('cannot feed a forecaster: the note says what is missing and where to go, with no CLI words', () => {
    const shape = dataShapeOf('forecasting', dataset(reviews));
    expect(shape.problem).toBe("tickets cannot feed a forecasting model yet: it needs a time column (a date or time, or a column with the role \"time\"), and its target 'satisfied' (boolean) is a label, not a number measured at each step. " +
      'To predict the label, use Multimodal fusion; to forecast its numbers in file order, set the other columns\' role to "ignore" in Datasets → tickets → Schema');
    expect(shape.problem).not.toMatch(/--|gatelab /);
    // the same file feeds a fusion model: text + tabular
    expect(dataShapeOf('fusion', dataset(reviews)).problem).toBeNull();
  });

  it('points a click log (categorical fields, no text) to Recommendation / CTR', () => {
    const ctr = [col('user', 'categorical'), col('item', 'categorical'), col('price', 'float'), col('clicked', 'boolean', 'target')];
    expect(notASeries(ctr, 'clicks')).toContain('use Recommendation / CTR (or Multimodal fusion)');
  });

  it('leaves a series alone: a time column, or a numeric target, or no label at all', () => {
    expect(notASeries([col('day', 'datetime', 'time'), ...reviews], 'x')).toBeNull();
    expect(notASeries([col('a', 'float'), col('b', 'float'), col('y', 'float', 'target')], 'x')).toBeNull();
    expect(notASeries([col('a', 'float'), col('b', 'float')], 'x')).toBeNull();
    expect(dataShapeOf('forecasting', dataset([col('a', 'float'), col('b', 'float')])).problem).toBeNull();
  });
});
