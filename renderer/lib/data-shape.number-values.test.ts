// The Models form and New split read a number target from the importer's count of its values (numberValues)
// with the trainer's rule, where the range and histogram alone misread it: HTTP statuses {200, 404, 500}
// spread over a range of 301 are 3 classes, fractions in 2 histogram bins are hundreds of values to regress.
// A dataset imported before the count keeps the old estimate, and the form says it is one.
import { describe, expect, it } from 'vitest';
import type { ColumnInfo, DatasetDetail } from '../../common/lab-api';
import { GUESS_NOTE, dataShapeOf } from './data-shape';
import { columnsFor, defaultKind, familyDefault } from './split-kinds';

const column = (o: Partial<ColumnInfo> & Pick<ColumnInfo, 'name' | 'type'>): ColumnInfo =>
  ({ role: 'feature', modality: null, missing: 0, distinct: null, min: null, max: null, mean: null, std: null, histogram: null, ...o });

const bins = (filled: number[]) => ({ edges: [], counts: Array.from({ length: 20 }, (_, i) => (filled.includes(i) ? 50 : 0)) });
/** HTTP statuses: whole numbers over 200..500, in bins 0, 13 and 19. */
const statuses = (counted: boolean) => column({
  name: 'status', type: 'int', role: 'target', min: 200, max: 500, histogram: bins([0, 13, 19]),
  ...(counted ? { numberValues: { distinct: 3, fractions: false } } : {}),
});
/** A score of 500 distinct fractions near 0 and near 1: the first and last bins. */
const scores = (counted: boolean) => column({
  name: 'score', type: 'float', role: 'target', min: 0, max: 1, histogram: bins([0, 19]),
  ...(counted ? { numberValues: { distinct: 500, fractions: true } } : {}),
});

function fusion(target: ColumnInfo): DatasetDetail {
  return {
    id: '1', name: 'logs', rows: 1000, columns: 3, source: 'logs.csv', family: 'fusion', createdAt: '2026-01-01', bytes: 1, issues: [],
    columnInfo: [
      target,
      column({ name: 'latency', type: 'float', min: 0, max: 9, mean: 1, std: 1, modality: 'timing', numberValues: { distinct: 800, fractions: true } }),
      column({ name: 'method', type: 'categorical', distinct: 4, modality: 'request', histogram: { labels: ['GET', 'POST', 'PUT', 'DELETE'], counts: [5, 3, 1, 1] } }),
    ],
  };
}

describe('a counted number target reads as the trainer reads it', () => {
  it('HTTP statuses {200, 404, 500}: 3 classes, stratified by default', () => {
    const d = fusion(statuses(true));
    const shape = dataShapeOf('fusion', d, 'gmu', { template: 'gmu' });
    expect(shape.shown.classes).toBe('3 (the values of status)');
    expect(shape.values.classes).toBe(3);
    expect(defaultKind(d)).toBe('stratified');
    expect(columnsFor('stratify', d.columnInfo)).toEqual(['status', 'method']);
  });

  it('500 distinct fractions in 2 histogram bins: a number to regress, split at random', () => {
    const d = fusion(scores(true));
    const shape = dataShapeOf('fusion', d, 'gmu', { template: 'gmu' });
    expect(shape.shown.classes).toBe('a number to regress: score');
    expect(shape.values.classes).toBe(1);
    expect(defaultKind(d)).toBe('random');
    expect(familyDefault('fusion', d.columnInfo)).toBe("random 80/10/10, seed 42 (the target 'score' is a number to regress: it has no classes to stratify by)");
  });

  it('task=classification over counted fractions: the classes are counted already', () => {
    const few = column({ name: 'stars', type: 'float', role: 'target', min: 0.5, max: 5, histogram: bins([0, 4, 8, 19]), numberValues: { distinct: 10, fractions: true } });
    const shape = dataShapeOf('fusion', fusion(few), 'gmu', { template: 'gmu', task: 'classification' });
    expect(shape.shown.classes).toBe('10 (the values of stars)');
    expect(shape.values.classes).toBe(10);
  });
});

describe('a dataset imported before the count: the old estimate, said to be one', () => {
  it('statuses read as a number, scores as binary, each with the note', () => {
    expect(dataShapeOf('fusion', fusion(statuses(false)), 'gmu', { template: 'gmu' }).shown.classes).toBe(`a number to regress: status ${GUESS_NOTE}`);
    expect(dataShapeOf('fusion', fusion(scores(false)), 'gmu', { template: 'gmu' }).shown.classes).toBe(`1 (binary: score) ${GUESS_NOTE}`);
    expect(defaultKind(fusion(statuses(false)))).toBe('random');
  });

  it('no note where nothing is guessed: a label rule, task=regression, a categorical target', () => {
    expect(dataShapeOf('fusion', fusion(statuses(false)), 'gmu', { template: 'gmu', task: 'regression' }).shown.classes).toBe('a number to regress: status');
    const d = fusion(statuses(false));
    expect(dataShapeOf('fusion', { ...d, label: { positiveAtLeast: 400 } }, 'gmu', { template: 'gmu' }).shown.classes).not.toContain('guess');
    const method = fusion(column({ name: 'kind', type: 'categorical', role: 'target', distinct: 3, histogram: { labels: ['a', 'b', 'c'], counts: [1, 1, 1] } }));
    expect(dataShapeOf('fusion', method, 'gmu', { template: 'gmu' }).shown.classes).toBe('3 (the values of kind)');
  });
});
