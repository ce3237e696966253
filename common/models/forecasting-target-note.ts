// What the forecasting data line says about a column with the role target. Forecasting is multivariate
// (ARCHITECTURE §4: every channel in and out), so a target cannot narrow it; the line says so, and where the
// target's own test error is. A long-format file pivoted into one channel per series (forecasting-long.ts)
// names its channels after the series ('S01', or 'S01/sales' with several value columns), not after the
// target: there the words must say what the channels are, not point to a per-target error that does not exist.

/** The pivot of a long-format run: the column that tells the series apart and the number columns pivoted. */
export interface PivotColumns { series: string; values: readonly string[] }

/** The data-line notes for numeric target columns `targets` (names), given the pivot when the run has one. */
export function forecastingTargetNotes(targets: readonly string[], long?: PivotColumns): string[] {
  if (targets.length === 0) return [];
  const quoted = targets.map((t) => `'${t}'`).join(', ');
  if (long && targets.every((t) => long.values.includes(t))) {
    // the only number column pivoted: every channel is the target, one per series
    if (long.values.length === 1) return [`every channel is ${quoted} of one '${long.series}' (long format), so the headline scores the target`];
    const others = long.values.filter((v) => !targets.includes(v)).map((v) => `'${v}'`).join(', ');
    return [`forecasting predicts every channel; the target role (${quoted}) does not select one: each series' ${quoted} channel (<series>/${targets[0]}) has its own test error in the per-channel list `
      + `(in the app: Runs → the run's Test per channel panel; on the command line: gatelab show RUN); to forecast only ${quoted}, set ${others} to ignore`];
  }
  return [`forecasting predicts every channel; the target role (${quoted}) does not select one: `
    + `its own test error is reported beside the headline (in the app: Runs → the run's Test per channel panel; on the command line: gatelab show RUN); to forecast it alone, set the other columns to ignore (other columns as inputs only, the papers' MS setting, is not offered)`];
}
