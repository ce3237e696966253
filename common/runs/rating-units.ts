// The units of MMoE's rating metrics (rating_rmse, rating_mae, rating_mse) for one run. Runs created since
// the lab marks them (metrics.ratingUnits: 'rating') score the rating tower in the rating's own units
// (stars); runs created before hold values in standard deviations of the rating (the z-scored value the
// tower learns), and keep computing them so when resumed: a curve that changed units mid-run would jump.
// The trainer reads this to score a run; `gatelab show` and the run list read it to label the values.

export type RatingUnits = 'rating' | 'scaled';

/** 'rating' only for runs marked so; an unmarked run (created before the marker) is 'scaled'. */
export function ratingUnitsOf(config: unknown): RatingUnits {
  const units = (config as { metrics?: { ratingUnits?: unknown } } | null | undefined)?.metrics?.ratingUnits;
  return units === 'rating' ? 'rating' : 'scaled';
}

/** A rating-tower metric, with or without its split prefix: 'rating_rmse', 'test.rating_mae'. */
export const isRatingMetric = (name: string): boolean => /^(?:[a-z]+\.)?rating_[a-z0-9]+$/.test(name);

/** What `gatelab show` says about a run whose rating metrics are in scaled units, and why they are. */
export function scaledRatingNote(config: unknown): string {
  const asked = (config as { metrics?: { ratingUnits?: unknown } } | null | undefined)?.metrics?.ratingUnits === 'scaled';
  return 'rating_* metrics are in standard deviations of the rating (scaled units): ' + (asked
    ? 'its config asks for them (metrics.ratingUnits: scaled)'
    : 'this run was created before they were reported in the rating\'s own units, and keeps its units when resumed; runs created since report rating points');
}
