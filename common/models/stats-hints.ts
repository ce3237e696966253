// What a dataset's column statistics say that a column's name and type do not, for the advice of a CTR run
// refused before it is queued. A headerless log (MovieLens-1M's ratings.dat: column_1::column_2::column_3::
// column_4) names nothing: its Unix seconds read as one more integer column that "may hold ids", and its
// ratings as no label at all, so the refusal called it an implicit-feedback log. Only a dataset's columns
// carry stats (a run's column snapshot does not): without them the hints are empty and the advice is as before.

import { storedStats } from '../data/stored-stats';

/** Plausible Unix seconds: 1990-01-01 to 2050-01-01 (MovieLens-100k's 1997 ratings, Taobao's 2017 log). */
const EPOCH_RANGE = [631152000, 2524608000];
/** A name a rating goes by (a headerless file's column_N says nothing either way). */
const RATING_NAME = /^column_\d+$|star|score|grade|rating|rate/i;

export interface StatsHints {
  /** Integer columns of more than 1,000 distinct whole numbers, all in EPOCH_RANGE: a time, not an id. */
  epochSeconds: ReadonlySet<string>;
  /** Number columns that read as ratings (3 to 21 distinct values within 0..10, reaching 3 or more), with a threshold to suggest. */
  ratings: ReadonlyMap<string, { min: number; max: number; distinct: number; atLeast: number }>;
}

export function statsHints(columns: ReadonlyArray<{ name: string; type: string; role?: string; stats?: unknown }>): StatsHints {
  const epochSeconds = new Set<string>();
  const ratings = new Map<string, { min: number; max: number; distinct: number; atLeast: number }>();
  for (const c of columns) {
    if ((c.type !== 'int' && c.type !== 'float') || c.role === 'ignore') continue;
    const { min, max, numbers } = storedStats(c.stats);
    const distinct = numbers?.distinct;
    if (min === undefined || max === undefined || distinct === undefined) continue;
    if (c.type === 'int' && min >= EPOCH_RANGE[0] && max <= EPOCH_RANGE[1] && distinct > 1000) epochSeconds.add(c.name);
    // MovieLens' 1..5 and half stars 0.5..5 count a rating ≥ 4 as a like; a 1..10 scale ≥ 8
    if (RATING_NAME.test(c.name) && distinct >= 3 && distinct <= 21 && min >= 0 && max <= 10 && max >= 3) {
      ratings.set(c.name, { min, max, distinct, atLeast: max <= 5 ? 4 : Math.round(0.8 * max) });
    }
  }
  return { epochSeconds, ratings };
}
