// MMoE's rating metrics (rating_rmse, val.rating_mae…) are in the rating's own units (stars) for runs
// created since the lab marks them, in standard deviations of the rating for runs from before (they keep
// those units when resumed: common/runs/rating-units.ts). The lab says which per run (RunSummary.ratingUnits);
// a scaled value is labelled "(scaled)" wherever it is shown, so 0.9 is not read as 0.9 stars.
import { isRatingMetric } from '../../common/runs/rating-units';

export { isRatingMetric };

/** `text` (the label of metric `name`) with " (scaled)" when it is a rating metric in scaled units. */
export function ratingMetricLabel(text: string, name: string, units: 'rating' | 'scaled' | null | undefined): string {
  return units === 'scaled' && isRatingMetric(name) ? `${text} (scaled)` : text;
}
