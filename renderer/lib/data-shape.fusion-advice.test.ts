// A fusion dataset whose only modality is an id column (every value different) has nothing to fuse: the
// Models view says so with the app's action (Datasets → that dataset → Schema), not the CLI's command.
import { describe, expect, it } from 'vitest';
import { dataShapeOf } from './data-shape';
import type { ColumnInfo, DatasetDetail } from '../../common/lab-api';

const column = (c: Partial<ColumnInfo> & Pick<ColumnInfo, 'name' | 'type' | 'role'>): ColumnInfo => ({
  modality: null, missing: 0, distinct: null, min: null, max: null, mean: null, std: null, histogram: null, ...c,
});

const reviews: DatasetDetail = {
  id: 'd1', name: 'reviews', rows: 500, source: 'reviews.csv', family: 'fusion', createdAt: '2026-01-01', bytes: 1,
  columnInfo: [
    column({ name: 'review_id', type: 'categorical', role: 'feature', modality: 'ids', distinct: 500 }),
    column({ name: 'liked', type: 'categorical', role: 'target', distinct: 2, histogram: { labels: ['0', '1'], counts: [250, 250] } }),
  ],
  issues: [],
} as unknown as DatasetDetail;

describe('the fusion "no modality left" problem in the Models view', () => {
  it('names what was left out and the app’s way to give columns a modality, with no CLI command', () => {
    const { problem } = dataShapeOf('fusion', reviews);
    expect(problem).toMatch(/^reviews cannot feed a .* model yet: no modality left to fuse: review_id \(an id/);
    expect(problem).toContain("Give the model columns whose values repeat (Datasets → reviews → Schema → those columns' Role → feature, and a name in their Modality)");
    expect(problem).not.toMatch(/gatelab|command line|in the app:/);
  });
});
