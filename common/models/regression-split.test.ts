// splitForTarget re-cuts only the template's default split stratified by a regressed target; a split the user
// stored is refused instead (audit O1: a stored stratified split was silently trained as a random one).
import { describe, expect, it } from 'vitest';
import type { DataColumn } from '../data';
import { splitForTarget, stratifiedByRegressedTarget } from './regression-split';

const numbers = (v: number[]): DataColumn => ({ values: Float64Array.from(v) });
const fusion = { family: 'fusion', label: 'y' };
const source = (y: DataColumn) => ({ rows: y.values.length, column: () => y });
const spec = { kind: 'stratified' as const, column: 'y', ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 7 };
const prices = source(numbers([1.5, 2.5, 3.5, 4.5, 5.25]));

describe('splitForTarget', () => {
  it('the default split by a regressed target is cut at random; a stored one is refused, naming it and the fix', () => {
    expect(splitForTarget(spec, prices, fusion)).toEqual({ kind: 'random', ratios: spec.ratios, seed: 7 });
    expect(() => splitForTarget(spec, prices, fusion, undefined, { id: 3, name: 'by-price' }))
      .toThrow(/^split 3 'by-price' is stratified by 'y', a number to regress with 5 distinct values: .* Make a random split \(gatelab datasets split DATASET --kind random --seed 42\)/);
    expect(stratifiedByRegressedTarget(spec, prices, fusion)).toEqual({ column: 'y', distinct: 5 });
  });

  it('classes, another column, or task=classification keep the split as it is, stored or not', () => {
    const classes = source(numbers([1, 2, 3, 1, 2]));
    expect(splitForTarget(spec, classes, fusion, undefined, { id: 3, name: 's' })).toBe(spec);
    expect(splitForTarget({ ...spec, column: 'x' }, prices, fusion, undefined, { id: 3, name: 's' })).toEqual({ ...spec, column: 'x' });
    expect(splitForTarget(spec, prices, { ...fusion, task: 'classification' }, undefined, { id: 3, name: 's' })).toBe(spec);
  });
});

describe('storedSplitRefusal', () => {
  it('names the split as far as the caller knows it (a trainer has its id from the run, its name only when the lab sends it)', () => {
    const spec = { kind: 'stratified' as const, column: 'y', ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 7 };
    const prices = { rows: 3, column: () => numbers([1.5, 2.5, 3.5]) };
    expect(() => splitForTarget(spec, prices, fusion, undefined, { id: 3 })).toThrow(/^split 3 is stratified by 'y', a number to regress with 3 distinct values/);
    expect(() => splitForTarget(spec, prices, fusion, undefined, {})).toThrow(/^the stored split is stratified by 'y'/);
  });
});
