// A CTR model on a table with a per-row id (review_id, order_no): the trainer leaves a field unique per row
// out (common/models/usable-columns.ts), so the Models form's Fields line and the model's vocabulary sizes
// (its parameter count) leave it out too, and say so as the fusion form does, instead of listing an
// embedding of 1,501 rows the run never trains.
import { describe, expect, it } from 'vitest';
import type { ColumnInfo, DatasetDetail } from '../../common/lab-api';
import { dataShapeOf } from './data-shape';

const col = (name: string, type: ColumnInfo['type'], role: ColumnInfo['role'], o: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name, type, role, modality: null, missing: 0, distinct: 10, min: null, max: null, mean: null, std: null, histogram: null, ...o,
});
const reviews = (idDistinct: number): DatasetDetail => ({
  id: '5', name: 'reviews', rows: 1500, columns: 4, source: 'reviews.csv', family: null, createdAt: '2026-01-01T00:00:00Z', bytes: 1000, issues: [],
  columnInfo: [col('review_id', 'categorical', 'feature', { distinct: idDistinct }), col('category', 'categorical', 'feature', { distinct: 4 }),
    col('stars', 'int', 'feature', { distinct: 5, min: 1, max: 5 }), col('would_buy_again', 'boolean', 'target', { distinct: 2 })],
});

describe('the CTR form’s fields leave out what the trainer leaves out', () => {
  it('an id unique per row is no field: not in the vocabulary sizes, named as left out', () => {
    const shape = dataShapeOf('recsys', reviews(1500));
    expect(shape.problem).toBeNull();
    expect(shape.values.fields).toEqual([5]); // category: 4 values + the unseen one
    expect(shape.shown.fields).toBe('category (5); left out: review_id (an id: one value per row)');
  });

  it('a field whose values repeat (a user or item id) stays', () => {
    const shape = dataShapeOf('recsys', reviews(300));
    expect(shape.values.fields).toEqual([301, 5]);
    expect(shape.shown.fields).not.toContain('left out');
  });
});
