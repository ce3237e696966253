import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { computeSplit, partSizes, rowKeys, SplitError } from './split';
import { columnSource } from './columns';
import { TRAIN, VAL, TEST, UNUSED } from './split-spec';
import { windowStarts } from './windows';

const ETTH1 = '/work/shared/data/forecasting/ETTh1.csv';
const etthRows = readFileSync(ETTH1, 'utf8').trimEnd().split('\n').length - 1;

describe('chronological splits', () => {
  it('the ETT protocol on the shared ETTh1 gives 8,640 / 2,880 / 2,880 rows and leaves the rest unused', () => {
    expect(etthRows).toBe(17_420);
    const s = computeSplit({ kind: 'ett' }, columnSource(etthRows, {}));
    expect(s.counts).toEqual({ train: 8640, val: 2880, test: 2880 });
    expect(s.ranges).toEqual({ train: [0, 8640], val: [8640, 11520], test: [11520, 14400] });
    expect(s.assignment[8639]).toBe(TRAIN);
    expect(s.assignment[8640]).toBe(VAL);
    expect(s.assignment[14399]).toBe(TEST);
    expect(s.assignment[14400]).toBe(UNUSED);
    // Time-Series-Library window counts for seq_len 96, pred_len 96: val/test look back into the previous part.
    const w = { lookback: 96, horizon: 96, stride: 1 };
    expect(windowStarts(s.ranges!.train, w, false).length).toBe(8640 - 96 - 96 + 1);
    expect(windowStarts(s.ranges!.val, w, true).length).toBe(2880 - 96 + 1);
    expect(windowStarts(s.ranges!.val, w, true)[0]).toBe(8640);
    expect(windowStarts(s.ranges!.test, w, true).at(-1)).toBe(14400 - 96);
  });

  it('ETTm (15-minute rows) scales the months, and too-short data is refused with the numbers', () => {
    expect(computeSplit({ kind: 'ett', rowsPerHour: 4 }, columnSource(69_680, {})).counts).toEqual({ train: 34_560, val: 11_520, test: 11_520 });
    expect(() => computeSplit({ kind: 'ett' }, columnSource(1000, {}))).toThrow(/needs 20 months of data \(14,400 rows at one row per hour.*has 1,000\./);
  });

  it('ETT without rows per hour reads them from the time column: 15-minute data gets ETTm\'s months, gaps do not count', () => {
    const quarterHours = Float64Array.from({ length: 69_680 }, (_, i) => 1_467_331_200 + 900 * i);
    const time = { values: quarterHours };
    expect(computeSplit({ kind: 'ett', timeColumn: 'date' }, columnSource(69_680, { date: time })).counts).toEqual({ train: 34_560, val: 11_520, test: 11_520 });
    // daily rows with weekends missing (exchange rates): the median step is one day, so a month is 30 rows
    const weekdays: number[] = [];
    for (let day = 0; weekdays.length < 700; day++) if (day % 7 < 5) weekdays.push(86_400 * day);
    const daily = computeSplit({ kind: 'ett', timeColumn: 't' }, columnSource(700, { t: { values: Float64Array.from(weekdays) } }));
    expect(daily.counts).toEqual({ train: 360, val: 120, test: 120 });
    expect(() => computeSplit({ kind: 'ett', timeColumn: 't' }, columnSource(500, { t: { values: Float64Array.from(weekdays.slice(0, 500)) } })))
      .toThrow(/needs 20 months of data \(600 rows at one row per day\); this dataset has 500/);
  });

  it('ETT refuses data coarser than daily: a weekly "month" would be round(720/168) = 4 rows and 12 of them 336 days', () => {
    const weekly = Float64Array.from({ length: 600 }, (_, i) => 1_467_331_200 + 7 * 86_400 * i);
    expect(() => computeSplit({ kind: 'ett', timeColumn: 'date', refuseCoarse: true }, columnSource(600, { date: { values: weekly } })))
      .toThrow(/ETT split .* hourly and 15-minute data .*one row per 7 days.*--kind chronological/);
    expect(() => computeSplit({ kind: 'ett', rowsPerHour: 1 / 168, refuseCoarse: true }, columnSource(600, {}))).toThrow(SplitError);
    // a run from before the rule (no refuseCoarse) keeps the rows it trained on: resume and export still work
    expect(computeSplit({ kind: 'ett', rowsPerHour: 1 / 168 }, columnSource(600, {})).counts).toEqual({ train: 48, val: 16, test: 16 });
  });

  it('chronological by an unsorted time column orders rows by time (ties by row): no test row is earlier than a training row', () => {
    // a ratings log in user order (MovieLens u.data is): times jump back at every new user
    const n = 1000;
    const times = Float64Array.from({ length: n }, (_, i) => 1_000_000 + ((i * 7919) % n) * 60 + (i % 3 === 0 ? 0 : 1));
    const byRows = computeSplit({ kind: 'chronological' }, columnSource(n, { ts: { values: times } }));
    const span = (s: typeof byRows, part: number) => { const t = [...times].filter((_, r) => s.assignment[r] === part); return [Math.min(...t), Math.max(...t)]; };
    expect(span(byRows, TRAIN)[1]).toBeGreaterThan(span(byRows, TEST)[0]); // the leak the row order had
    const s = computeSplit({ kind: 'chronological', timeColumn: 'ts' }, columnSource(n, { ts: { values: times } }));
    expect(s.counts).toEqual(byRows.counts);
    expect(s.ranges).toBeNull();
    expect(span(s, TRAIN)[1]).toBeLessThanOrEqual(span(s, VAL)[0]);
    expect(span(s, VAL)[1]).toBeLessThanOrEqual(span(s, TEST)[0]);
    // equal times keep file order: of rows sharing the boundary time, the earlier rows are the training ones
    const tied = computeSplit({ kind: 'chronological', timeColumn: 't', ratios: { train: 0.5, val: 0.25, test: 0.25 } },
      columnSource(8, { t: { values: Float64Array.from([5, 1, 5, 1, 5, 1, 5, 1]) } }));
    expect([...tied.assignment]).toEqual([VAL, TRAIN, VAL, TRAIN, TEST, TRAIN, TEST, TRAIN]);
  });

  it('chronological by a sorted time column is the row-order split, ranges included; rows without a time come last', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i);
    expect(computeSplit({ kind: 'chronological', timeColumn: 't' }, columnSource(100, { t: { values: sorted } })))
      .toEqual(computeSplit({ kind: 'chronological' }, columnSource(100, {})));
    const gap = Float64Array.from([NaN, 3, 1, 2, 4, 0, 6, 5, 8, 7]);
    const s = computeSplit({ kind: 'chronological', timeColumn: 't' }, columnSource(10, { t: { values: gap } }));
    expect(s.assignment[0]).toBe(TEST);
    expect(() => computeSplit({ kind: 'chronological', timeColumn: 'when' }, columnSource(10, { t: { values: gap } }))).toThrow(/time column 'when'.*No column 'when'/);
  });

  it('generic ratios follow Time-Series-Library: int(0.7n) train, int(0.2n) test, the rest validation', () => {
    const s = computeSplit({ kind: 'chronological' }, columnSource(1001, {}));
    expect(s.counts).toEqual({ train: 700, val: 101, test: 200 });
    expect(s.ranges).toEqual({ train: [0, 700], val: [700, 801], test: [801, 1001] });
  });
});

describe('random and stratified splits', () => {
  const ratios = { train: 0.8, val: 0.1, test: 0.1 };

  it('the same seed reproduces the same rows exactly; another seed does not', () => {
    const a = computeSplit({ kind: 'random', ratios, seed: 7 }, columnSource(10_001, {}));
    const b = computeSplit({ kind: 'random', ratios, seed: 7 }, columnSource(10_001, {}));
    const c = computeSplit({ kind: 'random', ratios, seed: 8 }, columnSource(10_001, {}));
    expect(Buffer.from(a.assignment).equals(Buffer.from(b.assignment))).toBe(true);
    expect(Buffer.from(a.assignment).equals(Buffer.from(c.assignment))).toBe(false);
    expect(a.counts.train + a.counts.val + a.counts.test).toBe(10_001);
    expect(a.counts).toEqual({ train: 8001, val: 1000, test: 1000 });
    // a pinned fingerprint: the split must not change between GateLab versions (stored runs refer to it)
    const first = (part: number) => { const out: number[] = []; a.assignment.forEach((p, i) => { if (p === part && out.length < 6) out.push(i); }); return out; };
    expect(first(VAL)).toEqual([15, 16, 34, 45, 92, 96]);
    expect(first(TEST)).toEqual([10, 14, 19, 35, 37, 46]);
  });

  it('part sizes always add up to n', () => {
    for (const n of [0, 1, 2, 3, 7, 10, 99, 1000]) {
      const [t, v, s] = partSizes(n, { train: 0.7, val: 0.2, test: 0.1 });
      expect(t + v + s).toBe(n);
    }
  });

  it('stratified keeps each class in proportion (imbalanced 82/18 like the reviews target)', () => {
    const n = 5000;
    const label = Float32Array.from({ length: n }, (_, i) => (i % 50 < 41 ? 1 : 0)); // 82% ones
    const s = computeSplit({ kind: 'stratified', ratios: { train: 0.8, val: 0.1, test: 0.1 }, column: 'y', seed: 1 }, columnSource(n, { y: { values: label } }));
    for (const part of [TRAIN, VAL, TEST]) {
      let ones = 0, all = 0;
      s.assignment.forEach((p, i) => { if (p === part) { all++; ones += label[i]; } });
      expect(ones / all).toBeCloseTo(0.82, 2);
    }
    const again = computeSplit({ kind: 'stratified', ratios: { train: 0.8, val: 0.1, test: 0.1 }, column: 'y', seed: 1 }, columnSource(n, { y: { values: label } }));
    expect(Buffer.from(again.assignment).equals(Buffer.from(s.assignment))).toBe(true);
  });

  it('names the known columns when the stratify column is missing', () => {
    expect(() => computeSplit({ kind: 'stratified', ratios, column: 'nope', seed: 1 }, columnSource(3, { y: { values: new Float32Array(3) } }))).toThrow(/No column 'nope'.*y/);
    expect(() => computeSplit({ kind: 'random', ratios: { train: 0.5, val: 0.1, test: 0.1 }, seed: 1 } as never, columnSource(3, {}))).toThrow(/add up to 1/);
  });
});

describe('leave-last-out', () => {
  it('puts each user\'s latest interaction in test and the one before in validation', () => {
    // user u: times; ties broken by file order
    const users = Int32Array.from([0, 0, 0, 1, 1, 2, 0]);
    const time = Float64Array.from([5, 1, 9, 3, 2, 4, 7]);
    const s = computeSplit(
      { kind: 'leave-last-out', userColumn: 'user', timeColumn: 'ts' },
      columnSource(7, { user: { values: users, dictionary: ['a', 'b', 'c'] }, ts: { values: time } }),
    );
    // user a: rows 1(t1) 0(t5) 6(t7) 2(t9) -> 2 test, 6 val; user b: rows 4(t2) 3(t3) -> 3 test; user c: one row -> train
    expect(Array.from(s.assignment)).toEqual([TRAIN, TRAIN, TEST, TEST, TRAIN, TRAIN, VAL]);
  });
});

describe('given split files', () => {
  // The shared MovieLens-100k: u1.base + u1.test is exactly the multiset of u.data rows.
  const ML = '/work/shared/data/recsys/ml-100k';
  const readKeys = (f: string) => readFileSync(`${ML}/${f}`, 'latin1').trimEnd().split('\n').map((l) => l.split('\t').join('\u0000'));

  it('matches u1.base / u1.test to u.data rows and carves a seeded 10% validation from train', () => {
    const data = readFileSync(`${ML}/u.data`, 'latin1').trimEnd().split('\n').map((l) => l.split('\t').map(Number));
    const cols = [0, 1, 2, 3].map((k) => ({ values: Float64Array.from(data, (r) => r[k]) }));
    const keys = rowKeys(data.length, cols);
    const input = { ...columnSource(data.length, {}), rowKeys: keys, givenKeys: { train: readKeys('u1.base'), test: readKeys('u1.test') } };
    const spec = { kind: 'given' as const, files: { train: 'u1.base', test: 'u1.test' }, seed: 3 };
    const s = computeSplit(spec, input);
    expect(s.counts).toEqual({ train: 72_000, val: 8_000, test: 20_000 });
    expect(Buffer.from(computeSplit(spec, input).assignment).equals(Buffer.from(s.assignment))).toBe(true);
    // a line that is not in the dataset is reported with its line number
    const bad = { ...input, givenKeys: { train: ['1\u00002\u00003\u00004'], test: [] } };
    expect(() => computeSplit(spec, bad)).toThrow(SplitError);
    expect(() => computeSplit(spec, bad)).toThrow(/Line 1 of the train file \(1, 2, 3, 4\) matches no row of the dataset: the split file does not belong/);
    // overlapping files (u2.base with u1.test): the row exists but the train file took it already
    const overlap = { ...input, givenKeys: { train: readKeys('u2.base'), test: readKeys('u1.test') } };
    expect(() => computeSplit(spec, overlap)).toThrow(/of the test file \(.*\) matches a dataset row that an earlier split file already took: the split files overlap/);
  });
});
