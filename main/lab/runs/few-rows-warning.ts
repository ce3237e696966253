// A CTR or fusion run on a handful of rows (an 8-row file) trained without a word, while a forecasting run
// on a short file is warned (fewWindowsWarning): a model of thousands of parameters fitted on a few rows
// learns them by heart, and its validation and test metrics rest on a row or two. Warned before the run is
// queued (data-guard.ts adds it to the data checks' warnings: `gatelab train` prints it, the app's Start
// shows it in the launch bar), not refused: a tiny file is a fine way to try a template out.

/** Fewer training rows than this: the run is warned of (a few hundred is where a small model's metrics start to mean something). */
export const MIN_TRAINING_ROWS = 50;

const rows = (n: number) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;

/**
 * "warning: only 6 rows to train on (1 validation and 1 test row) for deepfm: …", or null when the training part
 * has MIN_TRAINING_ROWS or more. `counts`: the rows each part of the run's split holds, rows without a
 * target left out (class-split-check.ts checkSplitParts, as the trainer counts them).
 */
export function fewTrainingRowsWarning(counts: { train: number; val: number; test: number }, template: string): string | null {
  if (counts.train >= MIN_TRAINING_ROWS) return null;
  const fewest = Math.min(counts.val, counts.test);
  const n = (x: number) => x.toLocaleString('en-US');
  return `warning: only ${rows(counts.train)} to train on (${n(counts.val)} validation and ${n(counts.test)} test row${counts.test === 1 ? '' : 's'}) for ${template}: ` +
    `a model of thousands of parameters fitted on fewer than ${MIN_TRAINING_ROWS} rows learns those rows by heart, and metrics on ${rows(fewest)} mean little. ` +
    'The run trains anyway; for results worth comparing, use a file of a few hundred rows or more (add rows, or import a larger sample of the data)';
}
