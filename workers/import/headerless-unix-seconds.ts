// A headerless file's column of Unix seconds (MovieLens-100k u.data's 4th column: 874724710 .. 893286638) has
// no name to say "time" (infer.ts reads epochs only under time-like names), so it imports as int. Typing it
// datetime from its values alone would also take ids, phone numbers or order numbers of 9-10 digits for
// times, so the import keeps it int and says what it may be, with the command that reads it as times. The
// rule is the one the training advice uses (common/models/stats-hints.ts): more than 1,000 distinct whole
// numbers, all between 1990 and 2050.
import type { CachedColumn } from '../../common/dataset-cache';
import { statsHints } from '../../common/models/stats-hints';
import { shellWord } from '../../common/text/shell-word';
import type { Validation } from './validation';

const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/** An info note on each int column of a headerless file that reads as Unix seconds. */
export function noteHeaderlessUnixSeconds(columns: readonly CachedColumn[], hasHeader: boolean | undefined, v: Validation): void {
  if (hasHeader !== false) return;
  const { epochSeconds } = statsHints(columns);
  for (const col of columns) {
    if (!epochSeconds.has(col.name) || col.stats.min === null || col.stats.max === null) continue;
    const { min, max } = col.stats;
    const range = `${min.toLocaleString('en-US')} .. ${max.toLocaleString('en-US')}`;
    v.addCounted('note', col.name, col.stats.count, `column '${col.name}': whole numbers ${range}, over 1,000 distinct, read as int; as Unix seconds they would be ${day(min)} .. ${day(max)} (UTC). `
      + `If they are times, set the type datetime (gatelab datasets types ID ${shellWord(`${col.name}=datetime`)}); if they are ids, leave it as it is`, 'unix-seconds');
  }
}
