// A forecasting lookback + horizon that does not fit the split was refused only when Start was pressed
// (the lab's check, common/data/forecasting-window-fit). The view knows the sizes already: the dataset's
// row count (the family default cuts it as common/data/split does) or a stored split's part counts. This
// runs the lab's own check on them, so Lookback and Horizon say it as they are typed, in the same words.
import { checkForecastingWindows, type StepUnit } from '../../common/data/forecasting-window-fit';
import { computeSplit } from '../../common/data/split';
import type { SplitResult } from '../../common/data/split-spec';
import type { DatasetDetail, SplitInfo } from '../../common/lab-api';
import { pivotTimes, type LongFormatFacts } from './data-shape';
import { setFlagsInWords } from './field-labels';
import type { JsonSchema } from './json-schema';

/** The parts' ranges; `unit` 'time': they count a long-format file's times as the run pivots it, not rows. */
export type Ranges = NonNullable<SplitResult['ranges']> & { unit?: StepUnit };

/**
 * The row ranges of the training, validation and test parts a forecasting run on `dataset` would use with
 * `split` (null: the family default, chronological 70/10/20), or null where this cannot be told here: a
 * split that is not by time. A long-format file (a series-id column, or one the import recognised) is
 * pivoted by the run: the default split cuts its times, as the lab's check does (main/lab/runs/data-guard.ts),
 * and a stored split (its counts are rows) is left to the lab; so is a series-id column that gives no
 * pivot to count (two of them, no time column: the data-shape problem says why).
 */
export function forecastRanges(dataset: LongFormatFacts | null | undefined, split: Pick<SplitInfo, 'kind' | 'counts'> | null): Ranges | null {
  if (!dataset) return null;
  const times = pivotTimes(dataset);
  const chronological = (rows: number) => computeSplit({ kind: 'chronological' }, { rows, column: (name) => { throw new Error(`no column ${name}`); } }).ranges;
  if (times !== null) return split ? null : { ...chronological(times)!, unit: 'time' };
  if (dataset.columnInfo.some((c) => c.role === 'series-id')) return null;
  if (!split) return chronological(dataset.rows);
  if (split.kind !== 'chronological' && split.kind !== 'ett') return null;
  // stored by time: the parts follow each other from the first row (ETT's unused months come last)
  const { train, val, test } = split.counts;
  return { train: [0, train], val: [train, train + val], test: [train + val, train + val + test] };
}

/** The two fields whose sum must fit the split; the note is shown under one of them. */
export type WindowField = 'lookback' | 'horizon';

/**
 * Which window field a form change edited: the one whose value changed (the last edited one when both
 * did, e.g. a template switch), else `current`. The note goes where the user acts: shown under both
 * fields, one message read as two problems.
 */
export function editedWindowField(before: Record<string, unknown>, after: Record<string, unknown>, current: WindowField | null): WindowField | null {
  const changed = (k: WindowField) => before[k] !== after[k];
  if (changed('horizon') && !changed('lookback')) return 'horizon';
  if (changed('lookback') && !changed('horizon')) return 'lookback';
  return current;
}

/**
 * The window field the user last edited, from the configs the form shows one after another (`see` each
 * one; a plain object, so a view's $derived can call it): typed in the form or set by any other control.
 * null until the user edits one: windowFitNotes then puts the note under the field that can fix it.
 */
export class WindowFieldTracker {
  private last: Record<string, unknown> | null = null;
  private field: WindowField | null = null;
  see(config: Record<string, unknown>): WindowField | null {
    if (this.last) this.field = editedWindowField(this.last, config, this.field);
    this.last = config;
    return this.field;
  }
}

/**
 * Why `lookback` + `horizon` fit no window of some part of `ranges` (the lab's message, its `--set` advice
 * in the form's words), keyed by the one field it is shown under (`at`: the one the user last edited;
 * until then the field that can fix it, causeField); {} when they fit or are not numbers yet.
 */
export function windowFitNotes(ranges: Ranges | null, config: Record<string, unknown>, roots: readonly JsonSchema[] = [], at: WindowField | null = null): Record<string, string> {
  const { lookback, horizon } = config;
  if (!ranges || !isCount(lookback) || !isCount(horizon)) return {};
  try {
    const counts = { train: ranges.train[1] - ranges.train[0], val: ranges.val[1] - ranges.val[0], test: ranges.test[1] - ranges.test[0] };
    checkForecastingWindows({ assignment: new Uint8Array(0), counts, ranges }, lookback, horizon, 1, ranges.unit ?? 'row');
    return {};
  } catch (e) {
    const message = setFlagsInWords((e as Error).message, roots);
    const text = `Runs cannot start with this: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
    return { [at ?? causeField(ranges, horizon)]: text };
  }
}

/**
 * The field a note goes under before the user has edited either: Horizon when it is longer than the
 * validation or test part (no lookback can fix that, so a bar's link to Lookback would be a dead end),
 * else Lookback (the larger default, and the one the lab's advice names first).
 */
function causeField(ranges: Ranges, horizon: number): WindowField {
  const heldOut = Math.min(ranges.val[1] - ranges.val[0], ranges.test[1] - ranges.test[0]);
  return horizon > heldOut ? 'horizon' : 'lookback';
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;
