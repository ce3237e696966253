// Whether a classification target's classes are classes a split can test. A target with (nearly) one value
// per row is an id, and a target whose rows are mostly in classes of one or two rows has little a split can
// test: both are refused. A long tail (a few large classes and many rare ones) trains as it always did: the
// large classes are learnt and tested, and a warning says how many rare classes cannot reach validation and
// test. Refused and warned for NEW runs only (the lab's pre-queue check, main/lab/runs/data-guard.ts
// targetCodingOf), never by the trainer's own coding: a stored run on such a target still resumes and exports
// as it trained.
import type { TargetReading } from './target';
import { readsAsNumber, retypeAdvice, type DatasetRef } from './target';

/** Fewest rows a class needs to have one in each of train, validation and test. */
export const ROWS_PER_CLASS = 3;

/** Distinct values per row at or above which a target reads as an id (one value per row), not as classes. */
export const ID_LIKE_SHARE = 0.9;

/** Share of the rows in classes under ROWS_PER_CLASS at or above which most of what a split tests is untestable. */
export const TINY_ROWS_SHARE = 0.5;

export interface ClassSizes {
  /** Rows with a label. */
  rows: number;
  /** Rows per class, in class-id order. */
  perClass: number[];
}

/** Rows per class of a multi-class coding over `rows` rows (rows without a label skipped). */
export function classSizes(reading: TargetReading, rows: number): ClassSizes | null {
  if (reading.kind !== 'classes') return null;
  const perClass = new Array<number>(reading.names.length).fill(0);
  let labelled = 0;
  for (let r = 0; r < rows; r++) {
    const c = reading.labelOf(r);
    if (Number.isNaN(c)) continue;
    perClass[c]++;
    labelled++;
  }
  return { rows: labelled, perClass };
}

const n = (x: number) => x.toLocaleString('en-US');

/**
 * Checks a multi-class target's class sizes for a new run. Throws, naming the column, its distinct count and
 * what to do, when the target reads as an id (distinct values ≥ ID_LIKE_SHARE of the rows) or when classes of
 * fewer than ROWS_PER_CLASS rows hold TINY_ROWS_SHARE of the rows or more. Returns a warning when some classes
 * are that small but most rows are in classes a split can test (a long tail: it trains, the rare classes'
 * scores rest on a row or none), else null. Two-valued targets and regressions are never refused or warned.
 */
export function checkClassSizes(reading: TargetReading, sizes: ClassSizes | null, dataset?: DatasetRef): string | null {
  if (!sizes || reading.kind !== 'classes') return null;
  const k = sizes.perClass.length;
  if (k <= 2) return null;
  const tinyClasses = sizes.perClass.filter((size) => size < ROWS_PER_CLASS);
  if (!tinyClasses.length) return null;
  const tinyRows = tinyClasses.reduce((a, b) => a + b, 0);
  const idLike = k >= ID_LIKE_SHARE * sizes.rows;
  const mostRowsTiny = tinyRows >= TINY_ROWS_SHARE * sizes.rows;
  const fewer = `fewer than ${ROWS_PER_CLASS} rows`;
  if (!idLike && !mostRowsTiny) {
    return `warning: ${n(tinyClasses.length)} of the ${n(k)} classes of the target '${reading.column}' have ${fewer} (${n(tinyRows)} of its ${n(sizes.rows)} rows), ` +
      'too few to have a row in each of train, validation and test: they cannot all reach validation and test, so their scores there rest on a row or none ' +
      '(the other classes train and test as usual). To score them, group rare values into fewer, larger classes in the file and import it again';
  }
  const first = reading.names.slice(0, 4).join(', ') + (k > 4 ? ', …' : '');
  const what = idLike
    ? `${n(k)} distinct values in ${n(sizes.rows)} rows (${first}): nearly one per row, which reads as an id, not classes`
    : `${n(k)} classes in ${n(sizes.rows)} rows (${first}), ${n(tinyClasses.length)} of them with ${fewer}, holding ${n(tinyRows)} of the rows: ` +
      'a class needs a row in train, validation and test to be learnt and tested, and most of these rows cannot be';
  const numbers = reading.numeric || reading.names.every(readsAsNumber);
  const regress = !numbers ? ''
    : reading.numeric ? '; if it is a number to predict, regress it with a fusion template (--set task=regression)'
    : `; if it is a number to predict, retype it as a number ${retypeAdvice(reading.column, dataset)} and regress it with a fusion template (--set task=regression)`;
  const group = idLike ? '' : '; or group its values into fewer, larger classes in the file and import it again';
  const where = dataset ? `gatelab datasets roles ${dataset.id} <column>=target` : 'gatelab datasets roles DATASET <column>=target';
  throw new Error(`the target '${reading.column}' has ${what}. Choose another target column (${where})${regress}${group}`);
}
