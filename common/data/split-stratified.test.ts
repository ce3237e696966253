// The stratified split's part sizes: the part totals are the ratios' whatever the class sizes, and a split
// or run made before that rule was recorded keeps its rows (the rule is versioned in the spec).
import { describe, it, expect } from 'vitest';
import { computeSplit, partSizes } from './split';
import { columnSource } from './columns';
import { TRAIN, VAL, TEST } from './split-spec';
import { seededRandom } from './random';

const ratios = { train: 0.8, val: 0.1, test: 0.1 };

/** A coded column: row r has class classOf(r). */
function classes(rows: number, classOf: (r: number) => number) {
  const names = [...new Set(Array.from({ length: rows }, (_, r) => classOf(r)))].sort((a, b) => a - b);
  const values = Int32Array.from({ length: rows }, (_, r) => names.indexOf(classOf(r)));
  return columnSource(rows, { kind: { values, dictionary: names.map((k) => `kind${k}`) } });
}

/** Per class: [train, val, test] rows. */
function perClass(assignment: Uint8Array, classOf: (r: number) => number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  assignment.forEach((a, r) => {
    const c = out.get(classOf(r)) ?? [0, 0, 0];
    c[a === TRAIN ? 0 : a === VAL ? 1 : 2]++;
    out.set(classOf(r), c);
  });
  return out;
}

describe("stratified split, 'part-totals' rule (new splits and runs)", () => {
  it('100 classes of 5 rows give 400 / 50 / 50, not 400 / 100 / 0, and every class trains', () => {
    const classOf = (r: number) => Math.floor(r / 5);
    const s = computeSplit({ kind: 'stratified', ratios, column: 'kind', seed: 42, allocation: 'part-totals' }, classes(500, classOf));
    expect(s.counts).toEqual({ train: 400, val: 50, test: 50 });
    for (const [, [train]] of perClass(s.assignment, classOf)) expect(train).toBe(4);
  });

  it('59 classes of about 5 rows give the totals the ratios ask for (240 / 30 / 30 of 300)', () => {
    // sizes 5 or 6 (as the audit's many_classes.csv: 300 rows drawn over 60 kinds, 59 of them present)
    const sizes = Array.from({ length: 59 }, (_, k) => (k < 5 ? 6 : 5));
    const classOf: number[] = sizes.flatMap((n, k) => Array<number>(n).fill(k));
    const s = computeSplit({ kind: 'stratified', ratios, column: 'kind', seed: 42, allocation: 'part-totals' }, classes(classOf.length, (r) => classOf[r]));
    expect(classOf.length).toBe(300);
    expect(s.counts).toEqual({ train: 240, val: 30, test: 30 });
    for (const [, [train]] of perClass(s.assignment, (r) => classOf[r])) expect(train).toBeGreaterThanOrEqual(4);
  });

  it('classes of 1 or 2 rows each keep one training row; the totals still match while rows allow', () => {
    const sizes = [1, 2, 2, 3, 40, 52];
    const classOf: number[] = sizes.flatMap((n, k) => Array<number>(n).fill(k));
    const s = computeSplit({ kind: 'stratified', ratios, column: 'kind', seed: 7, allocation: 'part-totals' }, classes(classOf.length, (r) => classOf[r]));
    expect(s.counts).toEqual({ train: 80, val: 10, test: 10 });
    for (const [, [train]] of perClass(s.assignment, (r) => classOf[r])) expect(train).toBeGreaterThanOrEqual(1);
  });

  it('large classes keep their proportions (each part within one row of its share per class)', () => {
    const classOf = (r: number) => (r % 10 < 7 ? 0 : r % 10 < 9 ? 1 : 2); // 70 / 20 / 10 %
    const s = computeSplit({ kind: 'stratified', ratios, column: 'kind', seed: 3, allocation: 'part-totals' }, classes(1003, classOf));
    expect(s.counts).toEqual({ train: partSizes(1003, ratios)[0], val: partSizes(1003, ratios)[1], test: partSizes(1003, ratios)[2] });
    for (const [, [train, val, test]] of perClass(s.assignment, classOf)) {
      const n = train + val + test;
      expect(Math.abs(train - 0.8 * n)).toBeLessThan(1);
      expect(Math.abs(val - 0.1 * n)).toBeLessThan(1);
      expect(Math.abs(test - 0.1 * n)).toBeLessThan(1);
    }
  });

  it('is deterministic by seed, and another seed moves the tie-broken rows', () => {
    const classOf = (r: number) => Math.floor(r / 5);
    const spec = { kind: 'stratified' as const, ratios, column: 'kind', seed: 42, allocation: 'part-totals' as const };
    const a = computeSplit(spec, classes(500, classOf)).assignment;
    expect(computeSplit(spec, classes(500, classOf)).assignment).toEqual(a);
    expect(computeSplit({ ...spec, seed: 43 }, classes(500, classOf)).assignment).not.toEqual(a);
    expect(seededRandom(1)()).not.toBe(seededRandom(2)());
  });
});

describe("stratified split without a recorded rule ('per-class': splits and runs from before)", () => {
  it('keeps the old rows: 100 classes of 5 rows still give 400 / 100 / 0, as those runs trained', () => {
    const classOf = (r: number) => Math.floor(r / 5);
    const s = computeSplit({ kind: 'stratified', ratios, column: 'kind', seed: 42 }, classes(500, classOf));
    expect(s.counts).toEqual({ train: 400, val: 100, test: 0 });
    expect(computeSplit({ kind: 'stratified', ratios, column: 'kind', seed: 42, allocation: 'per-class' }, classes(500, classOf)).assignment).toEqual(s.assignment);
    expect(s.assignment.includes(TEST)).toBe(false);
  });
});
