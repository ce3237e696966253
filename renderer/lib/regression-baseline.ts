// A regression run's reference line beside its test metrics: what always predicting the training rows' mean
// scores on test (workers/run/regression-baseline.ts). An r2 of 0.31 is read against the baseline's ≈ 0,
// an rmse of 2.3 against the baseline's (the target's spread on test): the line puts the two side by side.
import type { RegressionBaseline } from '../../common/trainer-protocol';
import { formatUnits, formatValue } from './format';

/** r2 with its sign as a minus: the training mean scores at most 0 on test. */
const signed = (v: number) => (v < 0 ? `−${formatValue(-v)}` : formatValue(v));

/** "r2 −0.0021 · rmse 4.86" and "(always the training mean 102.798; mse 23.6, mae 3.95 on test)". */
export function regressionBaselineText(b: RegressionBaseline): { headline: string; detail: string } {
  const headline = [...(b.r2 !== undefined ? [`r2 ${signed(b.r2)}`] : []), `rmse ${formatValue(b.rmse)}`].join(' · ');
  return { headline, detail: `always the training mean ${formatUnits(b.mean)}; mse ${formatValue(b.mse)}, mae ${formatValue(b.mae)} on test` };
}
