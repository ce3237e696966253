// Computing a split: spec + the columns it needs -> one byte per row (train / val / test / unused).
// Pure and deterministic: the lab stores the result, and any process recomputing it gets the same rows.
import { tokenAt, type DataColumn, type ColumnSource } from './columns';
import { seededRandom, shuffle, range, type Random } from './random';
import { SplitSpec, TRAIN, VAL, TEST, UNUSED, type Ratios, type SplitResult, type SplitSpecInput, type PartName } from './split-spec';

export interface SplitInput extends ColumnSource {
  /** For 'given' splits: the key of each row of each given file (see rowKeys). */
  givenKeys?: Partial<Record<PartName, string[]>>;
  /** For 'given' splits: the key of each dataset row. */
  rowKeys?: string[];
}

export class SplitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SplitError';
  }
}

export function computeSplit(specInput: SplitSpecInput, input: SplitInput): SplitResult {
  const spec = SplitSpec.parse(specInput);
  switch (spec.kind) {
    case 'chronological': return spec.timeColumn ? byTime(input, spec.timeColumn, spec.ratios) : chronological(input.rows, spec.ratios);
    case 'ett': return ett(input.rows, spec.rowsPerHour ?? (spec.timeColumn ? rowsPerHourOf(input.column(spec.timeColumn)) : 1), spec.refuseCoarse === true, spec.rowsPerHour === undefined && !spec.timeColumn);
    case 'random': return randomSplit(input.rows, spec.ratios, seededRandom(spec.seed));
    case 'stratified': return stratified(input, spec.column, spec.ratios, seededRandom(spec.seed), spec.allocation ?? LEGACY_STRATIFY_RULE);
    case 'leave-last-out': return leaveLastOut(input, spec.userColumn, spec.timeColumn, spec.validation);
    case 'given': return givenFiles(input, spec.validationFraction, seededRandom(spec.seed));
  }
}

function finish(assignment: Uint8Array, ranges: SplitResult['ranges'] = null): SplitResult {
  const counts = { train: 0, val: 0, test: 0 };
  for (const part of assignment) {
    if (part === TRAIN) counts.train++;
    else if (part === VAL) counts.val++;
    else if (part === TEST) counts.test++;
  }
  return { assignment, counts, ranges };
}

function byRanges(rows: number, ranges: Record<PartName, [number, number]>): SplitResult {
  const a = new Uint8Array(rows).fill(UNUSED);
  a.fill(TRAIN, ...ranges.train);
  a.fill(VAL, ...ranges.val);
  a.fill(TEST, ...ranges.test);
  return finish(a, ranges);
}

// Time-Series-Library's Dataset_Custom: train = int(0.7 n), test = int(0.2 n), validation the rest.
function chronological(rows: number, r: Ratios): SplitResult {
  const nTrain = Math.floor(rows * r.train);
  const nTest = Math.floor(rows * r.test);
  const nVal = rows - nTrain - nTest;
  return byRanges(rows, { train: [0, nTrain], val: [nTrain, nTrain + nVal], test: [nTrain + nVal, rows] });
}

/**
 * Chronological by a time column (recommendation and fusion data, whose files are often not sorted by time):
 * rows ordered by their time, stably (equal times keep file order), then cut like `chronological`, so every
 * training row is no later than every test row. Rows without a time come last (in the test part): they cannot
 * leak a future the model trains on. On a sorted column this is exactly the row-order split, ranges included.
 */
function byTime(input: SplitInput, timeColumn: string, r: Ratios): SplitResult {
  const t = columnNamed(input, timeColumn, 'chronological').values;
  if (timeOrdered(t)) return chronological(input.rows, r);
  const key = (row: number) => (Number.isNaN(t[row]) ? Infinity : t[row]);
  const order = Array.from({ length: input.rows }, (_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
  const nTrain = Math.floor(input.rows * r.train);
  const nTest = Math.floor(input.rows * r.test);
  const a = new Uint8Array(input.rows);
  order.forEach((row, i) => { a[row] = i < nTrain ? TRAIN : i < input.rows - nTest ? VAL : TEST; });
  return finish(a);
}

/** Whether a time column is non-decreasing in row order with no missing time (then row order is time order). */
export function timeOrdered(t: ArrayLike<number>): boolean {
  for (let i = 0; i < t.length; i++) if (Number.isNaN(t[i]) || (i > 0 && t[i] < t[i - 1])) return false;
  return true;
}

function columnNamed(input: SplitInput, name: string, kind: string): DataColumn {
  try {
    return input.column(name);
  } catch (e) {
    throw new SplitError(`The ${kind} split orders rows by the time column '${name}', which this dataset cannot give (${(e as Error).message}): set a column's role to time, or create the split again`);
  }
}

/** Longest step the ETT protocol accepts: its "month" is 30 days of rows, meaningless for weekly or monthly data. */
const ETT_LONGEST_STEP_HOURS = 24;

// Informer's ETT protocol: 12 / 4 / 4 months of 30 days; rows after month 20 are not used
// (Dataset_ETT_hour: 12*30*24 rows; Dataset_ETT_minute: 12*30*24*4).
function ett(rows: number, rowsPerHour: number, refuseCoarse: boolean, hourlyAssumed = false): SplitResult {
  // A step of a week makes a 30-day month round(720/168) = 4 rows, so "12 months" would be 336 days:
  // refuse rather than cut parts that no longer mean what the protocol says (1e-9: float noise on a daily step).
  if (refuseCoarse && 1 / rowsPerHour > ETT_LONGEST_STEP_HOURS * (1 + 1e-9)) {
    throw new SplitError(`The ETT split (12 / 4 / 4 months) is the protocol of hourly and 15-minute data (ETTh, ETTm); this dataset has ${stepWords(rowsPerHour)}, too coarse for its months. Use a chronological split with ratios instead (gatelab datasets split ID --kind chronological --ratios 0.7,0.1,0.2).`);
  }
  const month = Math.round(30 * 24 * rowsPerHour);
  const needed = 20 * month;
  if (rows < needed) {
    // no time column and no rate given: the hourly rate is the protocol's guess, not the data's step
    const rate = hourlyAssumed ? 'one row per hour, assumed: the data has no time column to read its step from' : stepWords(rowsPerHour);
    throw new SplitError(`The ETT split needs 20 months of data (${needed.toLocaleString('en-US')} rows at ${rate}); this dataset has ${rows.toLocaleString('en-US')}. Use a chronological split with ratios instead: ` +
      '--set split=chronological for a run (70/10/20 by row order), or gatelab datasets split ID --kind chronological --ratios 0.7,0.1,0.2 to store one.');
  }
  return byRanges(rows, { train: [0, 12 * month], val: [12 * month, 16 * month], test: [16 * month, 20 * month] });
}

/**
 * Rows per hour of a datetime column (epoch seconds): 3600 over the median step between consecutive
 * rows, so a few gaps (weekends, outages) do not change it. 1 when the column has no usable steps.
 */
export function rowsPerHourOf(time: DataColumn): number {
  const step = medianPositiveStep(time.values);
  return step === undefined ? 1 : 3600 / step;
}

/** The median positive step between consecutive values (epoch seconds); undefined when there is none. */
export function medianPositiveStep(values: ArrayLike<number>): number | undefined {
  const steps: number[] = [];
  // the median of the first 10,000 steps is plenty and keeps this cheap on million-row series
  for (let i = 1; i < values.length && steps.length < 10_000; i++) {
    const step = values[i] - values[i - 1];
    if (Number.isFinite(step) && step > 0) steps.push(step);
  }
  if (!steps.length) return undefined;
  steps.sort((a, b) => a - b);
  return steps[steps.length >> 1];
}

function stepWords(rowsPerHour: number): string {
  if (rowsPerHour >= 1) return rowsPerHour === 1 ? 'one row per hour' : `${+rowsPerHour.toFixed(3)} rows per hour`;
  const hours = 1 / rowsPerHour;
  return hours % 24 === 0 ? `one row per ${hours / 24 === 1 ? 'day' : `${hours / 24} days`}` : `one row per ${+hours.toFixed(2)} hours`;
}

/** Part sizes that add up to n exactly (largest remainder), in train, val, test order. */
export function partSizes(n: number, r: Ratios): [number, number, number] {
  const exact = [n * r.train, n * r.val, n * r.test];
  const sizes = exact.map(Math.floor);
  const order = [0, 1, 2].sort((i, j) => exact[j] - sizes[j] - (exact[i] - sizes[i]) || i - j);
  for (let k = 0; sizes[0] + sizes[1] + sizes[2] < n; k++) sizes[order[k % 3]]++;
  return sizes as [number, number, number];
}

function assignShuffled(a: Uint8Array, rows: Int32Array | number[], r: Ratios, random: Random): void {
  shuffle(rows, random);
  const [nTrain, nVal] = partSizes(rows.length, r);
  rows.forEach((row, i) => { a[row] = i < nTrain ? TRAIN : i < nTrain + nVal ? VAL : TEST; });
}

function randomSplit(rows: number, r: Ratios, random: Random): SplitResult {
  const a = new Uint8Array(rows);
  assignShuffled(a, range(rows), r, random);
  return finish(a);
}

/** Row value as a grouping key (missing -> ''). */
const keyOf = (c: DataColumn, row: number): string => tokenAt(c, row) ?? '';

/**
 * How a stratified split sizes each class's parts, by rule id; the rule is stored in the spec (`allocation`),
 * so a split or run keeps the rows it was made with when a later rule exists.
 * - 'per-class' (splits and runs made before the rule was recorded): each class rounded alone (partSizes), so
 *   equal leftovers always went to validation: 100 classes of 5 rows gave 400 / 100 / 0, and 59 classes of
 *   about 5 rows 242 / 42 / 16 instead of 240 / 30 / 30.
 * - 'part-totals' (new splits and runs): the PART TOTALS are the ratios' (partSizes of all rows), reached by
 *   largest remainder across classes, with ties between validation and test broken by the seed; every class
 *   keeps at least one training row (a class the model never sees cannot be learnt).
 */
export const STRATIFY_RULES = ['per-class', 'part-totals'] as const;
export type StratifyRule = (typeof STRATIFY_RULES)[number];
/** The rule of stratified splits that record none (made before the rule was recorded). */
export const LEGACY_STRATIFY_RULE: StratifyRule = 'per-class';
/** The rule new stratified splits and runs are made with. */
export const CURRENT_STRATIFY_RULE: StratifyRule = 'part-totals';

function stratified(input: SplitInput, column: string, r: Ratios, random: Random, rule: StratifyRule): SplitResult {
  const c = input.column(column);
  const classes = new Map<string, number[]>();
  for (let row = 0; row < input.rows; row++) {
    const k = keyOf(c, row);
    let list = classes.get(k);
    if (!list) classes.set(k, (list = []));
    list.push(row);
  }
  const a = new Uint8Array(input.rows);
  // Sorted class order: the result must not depend on which class happened to appear first.
  const ordered = [...classes.keys()].sort().map((k) => classes.get(k)!);
  if (rule === 'per-class') {
    for (const rows of ordered) assignShuffled(a, rows, r, random);
    return finish(a);
  }
  for (const rows of ordered) shuffle(rows, random);
  const sizes = classPartSizes(ordered.map((rows) => rows.length), r, random);
  ordered.forEach((rows, k) => {
    const [nTrain, nVal] = sizes[k];
    rows.forEach((row, i) => { a[row] = i < nTrain ? TRAIN : i < nTrain + nVal ? VAL : TEST; });
  });
  return finish(a);
}

/**
 * Train / validation / test sizes per class ('part-totals' rule): each class's exact shares rounded down,
 * at least one training row per class, then the leftover rows handed out by largest remainder across all
 * classes until each part reaches its total (partSizes of all rows). Equal remainders (every class of 5 rows
 * at 80/10/10 has 0.5 for validation and 0.5 for test) are ordered by the seed, so neither part always wins.
 */
export function classPartSizes(classRows: readonly number[], r: Ratios, random: Random): Array<[number, number, number]> {
  const total = classRows.reduce((s, n) => s + n, 0);
  const wanted = partSizes(total, r);
  const shares = [r.train, r.val, r.test];
  const sizes = classRows.map((n) => {
    const base = shares.map((f) => Math.floor(n * f)) as [number, number, number];
    if (n > 0 && base[0] === 0 && r.train > 0) base[0] = 1; // the class is seen in training
    return base;
  });
  const left = classRows.map((n, k) => n - sizes[k][0] - sizes[k][1] - sizes[k][2]);
  const deficit = [0, 1, 2].map((p) => wanted[p] - sizes.reduce((s, z) => s + z[p], 0));
  const candidates: Array<{ k: number; p: number; remainder: number; tie: number }> = [];
  classRows.forEach((n, k) => {
    for (let p = 0; p < 3; p++) candidates.push({ k, p, remainder: n * shares[p] - Math.floor(n * shares[p]), tie: random() });
  });
  candidates.sort((x, y) => y.remainder - x.remainder || x.tie - y.tie);
  for (const { k, p } of candidates) {
    if (left[k] > 0 && deficit[p] > 0) { sizes[k][p]++; left[k]--; deficit[p]--; }
  }
  // Rows still left (their class's remainders were all in parts already full, or training took a row more
  // than its share for small classes): to the part furthest below its total, else training.
  classRows.forEach((_, k) => {
    while (left[k] > 0) {
      const p = [0, 1, 2].reduce((best, q) => (deficit[q] > deficit[best] ? q : best), 0);
      sizes[k][p]++; left[k]--; deficit[p]--;
    }
  });
  return sizes;
}

function leaveLastOut(input: SplitInput, userColumn: string, timeColumn: string, validation: boolean): SplitResult {
  const users = input.column(userColumn);
  const time = input.column(timeColumn).values;
  const byUser = new Map<string, number[]>();
  for (let row = 0; row < input.rows; row++) {
    const k = keyOf(users, row);
    let list = byUser.get(k);
    if (!list) byUser.set(k, (list = []));
    list.push(row);
  }
  const a = new Uint8Array(input.rows); // all TRAIN
  for (const rows of byUser.values()) {
    rows.sort((x, y) => time[x] - time[y] || x - y); // ties: file order
    if (rows.length >= 2) a[rows[rows.length - 1]] = TEST;
    if (validation && rows.length >= 3) a[rows[rows.length - 2]] = VAL;
  }
  return finish(a);
}

function givenFiles(input: SplitInput, validationFraction: number, random: Random): SplitResult {
  const { rowKeys, givenKeys } = input;
  if (!rowKeys || !givenKeys?.train || !givenKeys.test) throw new SplitError('A given-files split needs the keys of the dataset rows and of the train and test files');
  // Multiset matching: each line of a given file claims one not-yet-claimed dataset row with the same key.
  const rowsByKey = new Map<string, number[]>();
  rowKeys.forEach((k, row) => {
    let list = rowsByKey.get(k);
    if (!list) rowsByKey.set(k, (list = []));
    list.push(row);
  });
  for (const list of rowsByKey.values()) list.reverse(); // pop() then claims rows in file order
  const a = new Uint8Array(input.rows).fill(UNUSED);
  const parts: Array<[PartName, number]> = [['train', TRAIN], ['test', TEST], ['val', VAL]];
  for (const [part, code] of parts) {
    const keys = givenKeys[part];
    if (!keys) continue;
    keys.forEach((k, line) => {
      const rows = rowsByKey.get(k);
      const row = rows?.pop();
      if (row === undefined) {
        const values = k.split('\u0000').join(', ');
        // The row exists but an earlier file already took it: the files overlap (u2.base with u1.test),
        // which is not the same mistake as a file from another dataset.
        if (rows) throw new SplitError(`Line ${line + 1} of the ${part} file (${values}) matches a dataset row that an earlier split file already took: the split files overlap (each row may be in one part only; use files of the same split, e.g. u1.base with u1.test)`);
        throw new SplitError(`Line ${line + 1} of the ${part} file (${values}) matches no row of the dataset: the split file does not belong to this dataset`);
      }
      a[row] = code;
    });
  }
  if (!givenKeys.val && validationFraction > 0) {
    const train: number[] = [];
    a.forEach((p, row) => { if (p === TRAIN) train.push(row); });
    shuffle(train, random);
    const nVal = Math.round(train.length * validationFraction);
    for (let i = 0; i < nVal; i++) a[train[i]] = VAL;
  }
  return finish(a);
}

/** The key of each row built from the given columns (joined with NUL), for matching given split files. */
export function rowKeys(rows: number, columns: DataColumn[]): string[] {
  const out = new Array<string>(rows);
  for (let row = 0; row < rows; row++) out[row] = columns.map((c) => keyOf(c, row)).join('\u0000');
  return out;
}
