// A long-format forecasting dataset (one row per week and store) trains one channel per store: the Models
// view's channel count, names and hence the size must be the pivot's (common/data/forecasting-long.ts), not
// the file's value columns.
import { describe, expect, it } from 'vitest';
import { dataShapeOf, pivotTimes } from './data-shape';
import { diagramOf } from './diagram';
import type { ColumnInfo, DatasetDetail, Template } from '../../common/lab-api';

const column = (c: Partial<ColumnInfo> & Pick<ColumnInfo, 'name' | 'type' | 'role'>): ColumnInfo => ({
  modality: null, missing: 0, distinct: null, min: null, max: null, mean: null, std: null, histogram: null, ...c,
});

const stores = ['store_5', 'store_1', 'store_3', 'store_2', 'store_4'];
const weekly = (role: ColumnInfo['role'], extra: ColumnInfo[] = []): DatasetDetail => ({
  id: 'd1', name: 'weekly_sales', rows: 1000, source: 'weekly_sales.csv', family: 'forecasting', createdAt: '2026-01-01', bytes: 1,
  columnInfo: [
    column({ name: 'week', type: 'datetime', role: 'time', distinct: null, min: '2021-01-04', max: '2024-10-28' }),
    column({ name: 'store', type: 'categorical', role, distinct: 5, histogram: { labels: stores, counts: [200, 200, 200, 200, 200] } }),
    column({ name: 'sales', type: 'float', role: 'feature', min: 80, max: 300, mean: 150, std: 30 }),
    ...extra,
  ],
  issues: [{ kind: 'duplicate_time', severity: 'info', count: 800, message: 'repeated times', column: 'week', examples: [] }],
} as unknown as DatasetDetail);

describe('the Models view on a long-format forecasting dataset', () => {
  it('counts and names one channel per series when a column has role series-id', () => {
    const shape = dataShapeOf('forecasting', weekly('series-id'));
    expect(shape.problem).toBeNull();
    expect(shape.values.channels).toBe(5);
    expect(shape.shown.channels).toBe("5 (5 series by 'store' × sales): store_1, store_2, store_3, store_4, store_5");
  });

  it('names <series>/<column> channels when several value columns are pivoted', () => {
    const promo = column({ name: 'promo', type: 'int', role: 'feature', min: 0, max: 1 });
    const shape = dataShapeOf('forecasting', weekly('series-id', [promo]));
    expect(shape.values.channels).toBe(10);
    expect(shape.shown.channels).toMatch(/^10 \(5 series by 'store' × 2 columns \(sales, promo\)\): store_1\/sales, store_1\/promo, /);
  });

  it('says the count only when the importer did not keep every series name', () => {
    const d = weekly('series-id');
    const many = { ...d, columnInfo: d.columnInfo.map((c) => (c.name === 'store' ? { ...c, distinct: 40 } : c)) };
    const shape = dataShapeOf('forecasting', many);
    expect(shape.values.channels).toBe(40);
    expect(shape.shown.channels).toBe("40 (40 series by 'store' × sales)");
  });

  it('reads the import’s recorded reading, not its note: a late store, the note reworded, still 5 channels over the recorded times', () => {
    // 5 stores over 200 weeks, 'store_5' only over the last 80 (880 rows, 4.4 per week): only the most rows of
    // one week say 5 series, which the importer recorded with the weeks it counted
    const d = weekly('feature');
    const late = {
      ...d, rows: 880,
      issues: [{ kind: 'duplicate_time', severity: 'warning', count: 680, message: 'repeated times', column: 'week', examples: [] },
        { kind: 'note', severity: 'info', count: 880, message: "column 'week': several stores per week", column: 'week', examples: [] }],
      longFormat: [{ time: 'week', series: 'store', times: 200 }],
    } as DatasetDetail;
    expect(dataShapeOf('forecasting', late).values.channels).toBe(5);
    expect(pivotTimes(late)).toBe(200);
    // the store column set aside: the reading names no column in use, and the rows are read as they are
    const aside = { ...late, columnInfo: late.columnInfo.map((c) => (c.name === 'store' ? { ...c, role: 'ignore' as const } : c)) };
    expect(pivotTimes(aside)).toBeNull();
    expect(dataShapeOf('forecasting', aside).values.channels).toBe(1);
  });

  it('keeps the file’s columns when the series column is ignored', () => {
    const shape = dataShapeOf('forecasting', { ...weekly('ignore'), issues: [] });
    expect(shape.values.channels).toBe(1);
    expect(shape.shown.channels).toBe('1: sales');
  });

  it('says "1 variable", not "1 variables", in the diagram', () => {
    const t = { id: 'tsmixer-gated', family: 'forecasting', description: 'TSMixer', gates: [] } as unknown as Template;
    expect(diagramOf(t, { lookback: 336, channels: 1, horizon: 24 })[0].detail).toBe('336 steps × 1 variable');
    expect(diagramOf(t, { lookback: 336, channels: 5, horizon: 24 })[0].detail).toBe('336 steps × 5 variables');
  });
});
