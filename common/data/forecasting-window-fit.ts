// Whether a forecasting split has room for its windows, for the trainer's refusal and the lab's checks
// before a run is queued (main/lab/runs/data-guard.ts) alike: a part with no window is refused with the
// lookback and horizon that fit (windowMisfit), too few windows to train or select a model on is a warning
// (fewWindowsWarning). Pure; split from ./forecasting-rows.ts (the rows' own order), which re-exports it.
import type { PartName, SplitResult } from './split-spec';
import { windowStarts } from './windows';

type Ranges = NonNullable<SplitResult['ranges']>;
const PART_WORD: Record<PartName, string> = { train: 'training', val: 'validation', test: 'test' };
export const NOT_CHRONOLOGICAL = 'forecasting needs a chronological split (kind chronological or ett): windows must not mix time periods';
/**
 * What a window's steps are: the file's rows, or, for a long-format run pivoted into one row per time
 * (./forecasting-long.ts), its times: "rows 1-3,040" of an 85,000-row file would name rows it never counted.
 */
export type StepUnit = 'row' | 'time';

/** Throws (windowMisfit's message) when a part of the split has no window; the trainer's order: train, validation, test. */
export function checkForecastingWindows(split: SplitResult, lookback: number, horizon: number, stride = 1, unit: StepUnit = 'row'): void {
  if (!split.ranges) throw new Error(NOT_CHRONOLOGICAL);
  for (const part of ['train', 'val', 'test'] as const) {
    const starts = windowStarts(split.ranges[part], { lookback, horizon, stride: part === 'train' ? stride : 1 }, part !== 'train');
    if (starts.length === 0) throw new Error(windowMisfit(split.ranges, part, lookback, horizon, unit));
  }
}

/** Rows [s, e) of the file as people count them: "rows 1-350 (350 rows)", "no rows" (one wording for every part); times for a pivot. */
function rowSpan([s, e]: [number, number], unit: StepUnit): string {
  const n = e - s;
  return n <= 0 ? `no ${unit}s` : `${unit}s ${(s + 1).toLocaleString('en-US')}-${e.toLocaleString('en-US')}, ${n.toLocaleString('en-US')} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * Why `part` has no window, and the largest lookback (at this horizon) and horizon (at this lookback) every
 * part fits. A training window needs lookback + horizon rows inside the part; a validation or test window
 * only needs its horizon there (its lookback may reach back into the rows before), and a lookback that
 * ends inside the file. Parts are named by their rows counted from 1, both ends included (`unit` 'time':
 * a pivoted long-format run's times).
 */
export function windowMisfit(ranges: Ranges, part: PartName, lookback: number, horizon: number, unit: StepUnit = 'row'): string {
  const len = ([s, e]: [number, number]) => e - s;
  const heldOut = Math.min(len(ranges.val), len(ranges.test));
  // the largest lookback at horizon h: a training window inside its part, held-out lookbacks inside the file
  const lookbackAt = (h: number) => Math.min(len(ranges.train) - h, ranges.val[1] - h, ranges.test[1] - h);
  // a lookback helps only when the horizon fits the validation and test parts
  const maxLookback = horizon <= heldOut ? lookbackAt(horizon) : 0;
  const maxHorizon = Math.min(len(ranges.train) - lookback, len(ranges.val), len(ranges.test), ranges.val[1] - lookback, ranges.test[1] - lookback);
  const why = part === 'train'
    ? `the training part (${rowSpan(ranges.train, unit)}) is shorter than lookback ${lookback} + horizon ${horizon}: a training window must lie inside it`
    : len(ranges[part]) < horizon
      ? `the ${PART_WORD[part]} part (${rowSpan(ranges[part], unit)}) is shorter than horizon ${horizon}: its windows' targets must lie inside it (their lookback may reach into the ${unit}s before)`
      : `lookback ${lookback} reaches before the first ${unit} for every window of the ${PART_WORD[part]} part (${rowSpan(ranges[part], unit)})`;
  // no lookback fits this horizon when a held-out part is shorter than it: the lookback that fits the longest horizon that does
  const shorter = horizon > heldOut && heldOut >= 1 ? Math.min(heldOut, horizon) : 0;
  const shorterLookback = shorter ? Math.min(lookback, lookbackAt(shorter)) : 0;
  const fits = [
    maxLookback >= 1 ? `lookback ≤ ${maxLookback} with horizon ${horizon} (--set model.lookback=${maxLookback})` : null,
    maxHorizon >= 1 ? `horizon ≤ ${maxHorizon} with lookback ${lookback} (--set model.horizon=${maxHorizon})` : null,
    // only beside a horizon that fits alone: with neither fitting, the pair below keeps the proportion
    maxHorizon >= 1 && shorterLookback >= 1 && !(maxHorizon >= shorter && shorterLookback === lookback)
      ? `lookback ≤ ${shorterLookback} with horizon ${shorter} (no lookback fits horizon ${horizon}: the ${len(ranges.val) <= len(ranges.test) ? 'validation' : 'test'} part has ${heldOut} ${unit}s; --set model.lookback=${shorterLookback} --set model.horizon=${shorter})`
      : null,
  ].filter(Boolean);
  // Neither alone fits: the largest pair in the same lookback : horizon proportion that does
  const fitsAll = (l: number, h: number) => l >= 1 && h >= 1 && l + h <= len(ranges.train) && h <= heldOut && l <= Math.min(ranges.val[1], ranges.test[1]) - h;
  let pair: [number, number] | null = null;
  for (let h = Math.min(horizon, len(ranges.train) - 1); !fits.length && !pair && h >= 1; h--) {
    const l = Math.max(1, Math.floor((h * lookback) / horizon));
    if (fitsAll(l, h)) pair = [l, h];
  }
  const both = pair ? `shorten both, e.g. lookback ${pair[0]} with horizon ${pair[1]} (--set model.lookback=${pair[0]} --set model.horizon=${pair[1]})` : 'shorten both';
  return `${why}. ${fits.length ? `What fits this split: ${fits.join(', or ')}` : `No window fits this split with this lookback or this horizon: ${both}`}. ` +
    'Or use a longer file or larger parts';
}

/** Fewer validation windows than this: early stopping and the best checkpoint rest on noise. */
export const MIN_VALIDATION_WINDOWS = 30;
/** Fewer optimizer steps per epoch than this: an epoch's count says little, and a few epochs train next to nothing. */
export const MIN_STEPS_PER_EPOCH = 10;

/**
 * A warning, printed by `gatelab train` before training (main/lab/runs/data-guard.ts collects it; not part
 * of the run's data line, which says what the trainer did), when the windows this split, lookback
 * and horizon give are too few to train or select a model on: fewer than MIN_VALIDATION_WINDOWS validation
 * windows, or fewer than MIN_STEPS_PER_EPOCH optimizer steps per epoch (the trainer drops a partial batch).
 * Null when there are enough, or when a part has no window at all (checkForecastingWindows refuses that).
 * Says what would fix it: a shorter lookback and horizon (the ILI protocol: lookback 36 or 104, horizons
 * 24-60, for 966 weekly rows) or a smaller batch.
 */
export function fewWindowsWarning(split: SplitResult, lookback: number, horizon: number, stride = 1, batchSize = 128): string | null {
  if (!split.ranges) return null;
  const count = (part: PartName, l: number, h: number) => windowStarts(split.ranges![part], { lookback: l, horizon: h, stride: part === 'train' ? stride : 1 }, part !== 'train').length;
  const train = count('train', lookback, horizon), val = count('val', lookback, horizon), test = count('test', lookback, horizon);
  if (train === 0 || val === 0 || test === 0) return null;
  const steps = Math.floor(train / batchSize);
  const fewVal = val < MIN_VALIDATION_WINDOWS, fewSteps = steps < MIN_STEPS_PER_EPOCH;
  if (!fewVal && !fewSteps) return null;
  const problems = [
    fewVal ? `${val} validation window${val === 1 ? '' : 's'} (early stopping and the best checkpoint rest on them; ${MIN_VALIDATION_WINDOWS} or more is a sound minimum)` : null,
    fewSteps ? `${steps} optimizer step${steps === 1 ? '' : 's'} per epoch (${train} training windows in batches of ${batchSize}, a partial batch dropped)` : null,
  ].filter(Boolean);
  // the largest lookback and horizon, halving both, that give enough validation windows; a batch that gives enough steps
  let pair: [number, number] | null = null;
  for (let l = lookback, h = horizon; fewVal && !pair && (l > 1 || h > 1); l = Math.max(1, Math.floor(l / 2)), h = Math.max(1, Math.floor(h / 2))) {
    if ((l < lookback || h < horizon) && count('val', l, h) >= MIN_VALIDATION_WINDOWS && count('test', l, h) >= 1 && Math.floor(count('train', l, h) / batchSize) >= Math.min(MIN_STEPS_PER_EPOCH, steps + 1)) pair = [l, h];
  }
  const batch = Math.max(1, Math.floor(train / MIN_STEPS_PER_EPOCH));
  const fixes = [
    pair ? `a shorter lookback and horizon, e.g. --set model.lookback=${pair[0]} --set model.horizon=${pair[1]} (the weekly ILI benchmark, 966 rows, is forecast with lookback 36 or 104 and horizons 24-60)` : null,
    fewSteps && batch < batchSize ? `a smaller batch (--set batchSize=${batch} gives ${Math.floor(train / batch)} steps per epoch)` : null,
    'a longer file or larger validation and test parts',
  ].filter(Boolean);
  return `warning: only ${problems.join(' and ')}: training and model selection on so few windows mean little. Try ${fixes.join(', or ')}`;
}
