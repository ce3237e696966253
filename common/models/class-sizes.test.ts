// The class checks of new runs (class-sizes.ts: an id or mostly tiny classes refused, a long tail warned) and what the target's coding says of single-valued and
// list-like targets (target.ts).
import { describe, expect, it } from 'vitest';
import type { DataColumn } from '../data';
import { checkClassSizes, classSizes } from './class-sizes';
import { describeTarget, targetCoding } from './target';

const coded = (values: string[]): DataColumn => {
  const dictionary: string[] = [];
  const codes = values.map((v) => (dictionary.includes(v) ? dictionary.indexOf(v) : dictionary.push(v) - 1));
  return { values: Int32Array.from(codes), dictionary };
};

describe('class sizes of a new run', () => {
  it('counts rows per class; a few rare classes are warned of, not refused', () => {
    const ok = targetCoding(coded(['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'd']), 'k');
    expect(classSizes(ok, 10)).toEqual({ rows: 10, perClass: [3, 3, 3, 1] });
    expect(checkClassSizes(ok, classSizes(ok, 10))).toMatch(/^warning: 1 of the 4 classes of the target 'k' have fewer than 3 rows \(1 of its 10 rows\)/);
    const even = targetCoding(coded(['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c']), 'k');
    expect(checkClassSizes(even, classSizes(even, 9))).toBeNull();
  });

  it('a long tail (5 classes of 190 rows, 30 of 1-2 rows in 1,000): trains, with a warning naming the classes too small to reach validation and test', () => {
    // the review's case: HEAD trained concat-fusion on it to test accuracy 0.38 (majority 0.20), so it must not be refused
    const labels = [...Array.from({ length: 950 }, (_, i) => `c${i % 5}`), ...Array.from({ length: 50 }, (_, i) => `rare${i < 20 ? i : i - 20}`)];
    const t = targetCoding(coded(labels), 'label');
    const sizes = classSizes(t, 1000)!;
    expect(sizes.perClass.filter((n) => n < 3)).toHaveLength(30);
    expect(checkClassSizes(t, sizes, { id: 4, name: 'longtail' })).toBe("warning: 30 of the 35 classes of the target 'label' have fewer than 3 rows (50 of its 1,000 rows), " +
      'too few to have a row in each of train, validation and test: they cannot all reach validation and test, so their scores there rest on a row or none ' +
      '(the other classes train and test as usual). To score them, group rare values into fewer, larger classes in the file and import it again');
  });

  it('refused when classes under 3 rows hold half the rows or more', () => {
    const tiny = targetCoding(coded(['a', 'a', 'a', 'b', 'c', 'd', 'e', 'e']), 'k');
    expect(() => checkClassSizes(tiny, classSizes(tiny, 8))).toThrow(/^the target 'k' has 5 classes in 8 rows \(a, b, c, d, …\), 4 of them with fewer than 3 rows, holding 5 of the rows: .*Choose another target column \(gatelab datasets roles DATASET <column>=target\); or group its values into fewer, larger classes/);
    // just under half the rows in tiny classes: a warning
    const half = targetCoding(coded(['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'c', 'd', 'e', 'e']), 'k');
    expect(checkClassSizes(half, classSizes(half, 12))).toMatch(/^warning: 3 of the 5 classes .*\(4 of its 12 rows\)/);
  });

  it('a two-valued target is never refused or warned, however few rows a value has', () => {
    const t = targetCoding(coded(['yes', 'no', 'no', 'no']), 'y');
    expect(checkClassSizes(t, classSizes(t, 4))).toBeNull();
    const two = targetCoding(coded(['yes', 'no']), 'y');
    expect(checkClassSizes(two, classSizes(two, 2))).toBeNull();
  });

  it('an id (distinct values in 90% of the rows or more) is refused as one; words that read as numbers say how to retype and regress it', () => {
    const t = targetCoding(coded(['10.5', '11.5', '12.5', '13.5']), 'price');
    expect(() => checkClassSizes(t, classSizes(t, 4), { id: 3, name: 'shop' }))
      .toThrow("the target 'price' has 4 distinct values in 4 rows (10.5, 11.5, 12.5, 13.5): nearly one per row, which reads as an id, not classes. Choose another target column (gatelab datasets roles 3 <column>=target); if it is a number to predict, retype it as a number in dataset 3 'shop' (gatelab datasets types 3 price=float) and regress it with a fusion template (--set task=regression)");
    const ids = targetCoding(coded(Array.from({ length: 300 }, (_, i) => `u${i}`)), 'user');
    expect(() => checkClassSizes(ids, classSizes(ids, 300))).toThrow(/^the target 'user' has 300 distinct values in 300 rows \(u0, u1, u10, u100, …\): nearly one per row, which reads as an id/);
  });
});

describe('what the coding says of odd targets', () => {
  it('a number that is one value in every row: no threshold suggested (it cannot split one value)', () => {
    const said = () => targetCoding({ values: Float32Array.from([1, 1, 1, 1]) }, 'done');
    expect(said).toThrow("the target 'done' is '1' in every row that has a value: there is nothing to tell apart; the column has one value, so no threshold can split it (--set positiveAtLeast cannot help): choose another target column");
  });

  it("a target of lists ('a|b|c'): the data line says each combination is one class", () => {
    const t = targetCoding(coded(['a', 'b', 'a|b', 'a|b|c', 'none']), 'tags');
    expect(describeTarget(t)).toBe("5 classes of 'tags': a, a|b, a|b|c, b, none (values such as 'a|b' are lists: each combination is read as one class of its own; multi-label training (one output per label) is not offered)");
    expect(describeTarget(targetCoding(coded(['x', 'y', 'z']), 'k'))).toBe("3 classes of 'k': x, y, z");
  });
});
