// Target values that differ only in case or spaces become separate classes: the data line names them,
// from the trainer's path (runDataFrom) on a label written four ways (audit A19's c4_label_variants).
import { describe, expect, it } from 'vitest';
import { columnSource, computeSplit, type DataColumn } from '../data';
import { runDataFrom } from '../../workers/data/run-data';
import { caseVariants, labelVariantsNote } from './label-variants';

describe('label variants', () => {
  it('groups values equal after trim + lowercase, and says nothing when there are none', () => {
    expect(caseVariants(['RECOMMENDED', 'Recommended', 'recommended ', 'not recommended', 'Not recommended'])).toEqual([['RECOMMENDED', 'Recommended', 'recommended '], ['not recommended', 'Not recommended']]);
    expect(caseVariants(['yes', 'no', 'maybe'])).toEqual([]);
    expect(labelVariantsNote('label', ['a', 'b'])).toBeUndefined();
  });

  it("a fusion run's data line names the variants of its target (binary and multiclass)", () => {
    const N = 80;
    const forms = ['recommended', 'Recommended ', 'RECOMMENDED', 'not recommended'];
    const dictionary = forms;
    const label: DataColumn = { values: Int32Array.from({ length: N }, (_, i) => i % 4), dictionary };
    const data = columnSource(N, { x: { values: Float32Array.from({ length: N }, (_, i) => i % 9) }, label });
    const split = computeSplit({ kind: 'stratified', ratios: { train: 0.6, val: 0.2, test: 0.2 }, column: 'label', seed: 1 }, data);
    const r = runDataFrom(data, (c) => (c === 'x' ? 'float' : 'categorical'), split, { family: 'fusion', modalities: [{ name: 'tab', columns: ['x'] }], label: 'label', classes: 1, textBuckets: 64 });
    expect(r.data.classes).toBe(4);
    expect(r.data.describe).toContain("target 'label': values that differ only in case or spaces are separate classes: 'RECOMMENDED' / 'Recommended ' / 'recommended'"); // class order: sorted values
    // two spellings of one value: a binary target whose two "classes" are the same word
    const two: DataColumn = { values: Int32Array.from({ length: N }, (_, i) => i % 2), dictionary: ['yes', 'Yes '] };
    const d2 = columnSource(N, { x: { values: Float32Array.from({ length: N }, (_, i) => i % 9) }, label: two });
    const r2 = runDataFrom(d2, (c) => (c === 'x' ? 'float' : 'categorical'), split, { family: 'fusion', modalities: [{ name: 'tab', columns: ['x'] }], label: 'label', classes: 1, textBuckets: 64 });
    expect(r2.data.describe).toContain("separate classes: 'Yes ' / 'yes'");
  });
});
