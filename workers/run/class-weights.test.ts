// The weights `loss.classWeights` gives a run: 'balanced' equals scikit-learn's
// compute_class_weight('balanced') on the training labels (fixtures/class-metrics.json), counted in chunks
// from the part's rows; a given list must have one weight per class; a forecast has no classes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LossOptions, parseRunConfig } from '../../common/runs/config';
import { balancedWeights, classCounts, classWeightsFor } from './class-weights';
import type { RunData, Rows } from './run-data';

const CASES = (JSON.parse(readFileSync(new URL('./fixtures/class-metrics.json', import.meta.url), 'utf8')) as { cases: { name: string; classes: number; labels: number[]; balanced: number[] | null }[] }).cases;

const multiclassRows = (labels: number[]): Rows => ({ rows: labels.length, columns: { label: { data: BigInt64Array.from(labels, (v) => BigInt(v)), shape: [] } } });
const binaryRows = (labels: number[]): Rows => ({ rows: labels.length, columns: { label: { data: Float32Array.from(labels), shape: [1] } } });
const dataOf = (train: Rows, o: Partial<RunData>): RunData =>
  ({ task: 'multiclass', prediction: 'logits', target: 'label', train, validation: train, test: train, describe: '', ...o });

describe("'balanced' class weights", () => {
  for (const c of CASES.filter((x) => x.balanced)) {
    it(`equal scikit-learn's compute_class_weight: ${c.name}`, () => {
      const rows = c.classes === 2 ? binaryRows(c.labels) : multiclassRows(c.labels);
      const counts = classCounts(rows, 'label', c.classes, c.classes === 2);
      expect(counts).toEqual(Array.from({ length: c.classes }, (_, k) => c.labels.filter((y) => y === k).length));
      balancedWeights(counts).forEach((w, k) => expect(w).toBeCloseTo(c.balanced![k], 12));
    });
  }

  it('count a lazy part in chunks, and give a class without training rows weight 1', () => {
    // a source part as the dataset runs have: batches gathered on demand
    const labels = Array.from({ length: 70_000 }, (_, i) => (i % 10 === 0 ? 1 : 0));
    const source = { count: labels.length, specs: { label: { dtype: 'int64' as const, shape: [] } }, batch: (idx: ArrayLike<number>) => ({ label: { data: BigInt64Array.from(Array.from(idx), (i) => BigInt(labels[i])), dims: [idx.length] } }) };
    expect(classCounts({ rows: labels.length, source, columns: {} }, 'label', 3, false)).toEqual([63_000, 7_000, 0]);
    expect(balancedWeights([63_000, 7_000, 0])).toEqual([70_000 / (2 * 63_000), 70_000 / (2 * 7_000), 1]);
    // maxRowsPerEpoch: only the rows an epoch trains on (the first ones) count
    expect(classCounts({ rows: labels.length, source, columns: {} }, 'label', 3, false, 25)).toEqual([22, 3, 0]);
  });
});

describe('classWeightsFor', () => {
  const train = multiclassRows([0, 0, 0, 0, 0, 0, 1, 1, 2, 0, 0, 0]);
  const data = dataOf(train, { classes: 3, classNames: ['escalated', 'refund', 'resolved'] });

  it("'balanced' names the weights in the data line's words; none or absent: undefined", () => {
    expect(classWeightsFor(LossOptions.parse({ classWeights: 'balanced' }), data, 'gmu')).toEqual({
      weights: [12 / (3 * 9), 12 / (3 * 2), 12 / (3 * 1)],
      note: "class weights (balanced): 'escalated' 0.444, 'refund' 2, 'resolved' 4",
    });
    expect(classWeightsFor(undefined, data, 'gmu')).toBeUndefined();
    expect(classWeightsFor(LossOptions.parse({}), data, 'gmu')).toBeUndefined();
    expect(classWeightsFor({ classWeights: 'balanced' }, data, 'gmu', 8)?.weights).toEqual([8 / (2 * 6), 8 / (2 * 2), 1]); // 2 classes in 8 rows
  });

  it('a given list is used as is when it has one weight per class, and refused with the class names otherwise', () => {
    expect(classWeightsFor({ classWeights: [1, 5, 0.5] }, data, 'gmu')).toEqual({ weights: [1, 5, 0.5], note: "class weights (given): 'escalated' 1, 'refund' 5, 'resolved' 0.5" });
    expect(() => classWeightsFor({ classWeights: [1, 5] }, data, 'gmu'))
      .toThrow("loss.classWeights has 2 weights but the target has 3 classes ('escalated', 'refund', 'resolved'): give one weight per class in that order, or 'balanced'");
    // a binary label: [negative, positive]
    const binary = dataOf(binaryRows([0, 0, 0, 1]), { task: 'binary', prediction: 'logit' });
    expect(classWeightsFor({ classWeights: 'balanced' }, binary, 'finalmlp')?.weights).toEqual([4 / 6, 2]);
  });

  it('the config refuses weights that are not positive numbers, and a forecast has no classes to weigh', () => {
    expect(LossOptions.safeParse({ classWeights: [1, 0] }).success).toBe(false);
    expect(() => parseRunConfig({ loss: { classWeights: 'equal' } })).toThrow("run config: loss.classWeights: 'balanced', 'none' or one positive weight per class in class-id order, e.g. [1, 5, 0.5]");
    expect(() => classWeightsFor({ classWeights: 'balanced' }, dataOf(train, { task: 'regression' }), 'dlinear'))
      .toThrow(/template dlinear predicts numbers: remove loss.classWeights from the run/);
  });
});
