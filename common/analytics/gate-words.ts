// How GateLab names gate-statistic points that an older version stored as the mean over one trainer call
// (K steps, at the call's last step; migrations/0007 marked them with the call's first step). The lab
// (Compare's series, `gatelab show`, the HTML reports) and the renderer (Compare's picker and legend) use
// these words, so a reader meets the same wording wherever such a point is shown.

/** The suffix Compare gives an older run's means over training calls: `router/temperature (means over training calls)`. */
export const CALL_MEANS = ' (means over training calls)';

/** "mean over steps 73–80" for a point stored as the mean over steps firstStep..step; null for a step's own value. */
export function callMeanWords(step: number, firstStep: number | null | undefined): string | null {
  return firstStep != null && firstStep < step ? `mean over steps ${firstStep}–${step}` : null;
}

/**
 * The note under a figure some of whose points an older GateLab stored as call means: "Points recorded by an
 * older GateLab are means over the steps of one training call, not values at their step: 3 of the 5 points
 * drawn (the last of them: mean over steps 73–80)." Null when every point is its step's own value.
 */
export function callMeansNote(steps: readonly number[], firstSteps: ReadonlyArray<number | null | undefined> | undefined): string | null {
  const means = steps.flatMap((s, i) => callMeanWords(s, firstSteps?.[i]) ?? []);
  if (!means.length) return null;
  const last = means[means.length - 1];
  const which = steps.length === 1 ? `the one point drawn (${last})`
    : `${means.length === steps.length ? `all ${steps.length}` : `${means.length} of the ${steps.length}`} points drawn (the last of them: ${last})`;
  return `Points recorded by an older GateLab are means over the steps of one training call, not values at their step: ${which}.`;
}
