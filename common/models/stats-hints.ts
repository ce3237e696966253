// What a dataset's column statistics say that a column's name and type do not, for the advice of a CTR run
// refused before it is queued. A headerless log (MovieLens-1M's ratings.dat: column_1::column_2::column_3::
// column_4) names nothing: its Unix seconds read as one more integer column that "may hold ids", and its
// ratings as no label at all, so the refusal called it an implicit-feedback log. Only a dataset's columns
// carry stats (a run's column snapshot does not): without them the hints are empty and the advice is as before.

import { storedStats } from '../data/stored-stats';
import { pyString } from '../text/python-string';
import { shellWord } from '../text/shell-word';
import { twoValuedCategoricals } from './likely-target';

/** Plausible Unix seconds: 1990-01-01 to 2050-01-01 (MovieLens-100k's 1997 ratings, Taobao's 2017 log). */
const EPOCH_RANGE = [631152000, 2524608000];
/**
 * A name a rating goes by (a headerless file's column_N says nothing either way). Amazon's review files name
 * their 1–5 stars `overall`: without it such a log was called an implicit-feedback log with no label.
 */
const RATING_NAME = /^column_\d+$|star|score|grade|rating|rate|overall/i;

export interface StatsHints {
  /** Integer columns of more than 1,000 distinct whole numbers, all in EPOCH_RANGE: a time, not an id. */
  epochSeconds: ReadonlySet<string>;
  /** Number columns that read as ratings (3 to 21 distinct values within 0..10, reaching 3 or more), with a threshold to suggest. */
  ratings: ReadonlyMap<string, RatingHint>;
  /** Categorical columns of exactly two values (likely-target.ts twoValuedCategoricals): label candidates as booleans are. */
  twoValued?: ReadonlySet<string>;
}

/** A rating column as statsHints read it. */
export interface RatingHint { min: number; max: number; distinct: number; atLeast: number }

export function statsHints(columns: ReadonlyArray<{ name: string; type: string; role?: string; stats?: unknown }>): StatsHints {
  const epochSeconds = new Set<string>();
  const ratings = new Map<string, RatingHint>();
  for (const c of columns) {
    if ((c.type !== 'int' && c.type !== 'float') || c.role === 'ignore') continue;
    const { min, max, numbers } = storedStats(c.stats);
    const distinct = numbers?.distinct;
    if (min === undefined || max === undefined || distinct === undefined) continue;
    if (c.type === 'int' && min >= EPOCH_RANGE[0] && max <= EPOCH_RANGE[1] && distinct > 1000) epochSeconds.add(c.name);
    const atLeast = ratingThreshold(min, max, distinct);
    if (RATING_NAME.test(c.name) && atLeast !== undefined) ratings.set(c.name, { min, max, distinct, atLeast });
  }
  return { epochSeconds, ratings, twoValued: twoValuedCategoricals(columns.filter((c) => c.role !== 'ignore')) };
}

/**
 * The threshold that reads a rating scale as a click, or undefined when the values are no such scale (3 to 21
 * distinct values within 0..10, reaching 3 or more). MovieLens' 1..5 and half stars 0.5..5 count a rating ≥ 4
 * as a like; a 1..10 scale ≥ 8.
 */
export function ratingThreshold(min: number, max: number, distinct: number): number | undefined {
  if (distinct < 3 || distinct > 21 || min < 0 || max > 10 || max < 3) return undefined;
  return max <= 5 ? Math.min(4, max) : Math.round(0.8 * max);
}

/**
 * The advice for a target-less CTR run on a dataset whose column `name` reads as rating `r`: the threshold
 * that makes it a click. A scale from 0 also says what its 0s become: Book-Crossing writes 0 for a book read
 * but not rated (an implicit interaction, over half its rows), and a threshold silently makes each one a
 * "not clicked" beside the low ratings, so a user who knows the 0s mean otherwise must drop them first.
 */
export function ratingAdvice(name: string, r: RatingHint): string {
  return `the column '${name}' looks like a rating: ${r.distinct} values from ${r.min} to ${r.max}; to read a rating ≥ ${r.atLeast} as a click, train with --target ${shellWord(name)} --set positiveAtLeast=${r.atLeast}${zerosNote(name, r)}`;
}

/**
 * For a CTR label the user chose that has more than two values (`values`: its distinct numbers, as text):
 * the threshold to try when they read as a rating scale, called a rating (with what its 0s become) only when
 * the column is named like one (RATING_NAME); '' otherwise. Worded
 * without a flag, so the app's rewording of the sentence before it (renderer/lib/ui-hints.ts) still holds.
 */
export function labelThresholdAdvice(name: string, values: readonly string[]): string {
  const xs = values.length <= 21 ? values.map(Number) : [];
  if (xs.length === 0 || xs.some(Number.isNaN)) return '';
  const min = Math.min(...xs), max = Math.max(...xs);
  const atLeast = ratingThreshold(min, max, xs.length);
  if (atLeast === undefined) return '';
  // a shop's quantity (1, 2, 3, 6) is a scale by its numbers only: "a rating" only for a column named like one
  return RATING_NAME.test(name) ? `, e.g. ${atLeast} for a rating from ${min} to ${max}${zerosNote(name, { min, atLeast })}` : `, e.g. ${atLeast} (its values run from ${min} to ${max})`;
}

/** What a threshold makes of a scale's 0s, and how to drop them where 0 means "not rated"; '' for a scale from above 0. */
function zerosNote(name: string, r: { min: number; atLeast: number }): string {
  if (r.min !== 0) return '';
  return `; its 0s then count as ratings below ${r.atLeast}, not clicks: if 0 means "not rated" (an implicit interaction, as Book-Crossing's 0), leave those rows out of the file and import it again (pandas: df = df[df[${pyString(name)}] != 0])`;
}
