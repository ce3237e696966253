// A forecasting run fills a missing value with its channel's last value before it (finite.ts). A row with no
// value in any channel is a time step the file has no reading for (a logger offline for a day, a series
// resampled to a fixed step as the importer's gap warning advises): filled, the windows over a stretch of
// such rows read flat lines. A missing timestamp gets the data line's gap note (forecasting-gaps.ts); a row
// written with empty cells would otherwise pass unsaid, the import having counted only each column's cells.
import { wallTime } from '../../common/data/forecasting-rows';
import type { PartName, SplitResult } from '../../common/data';

const PART_WORDS: Record<PartName, string> = { train: 'training', val: 'validation', test: 'test' };
const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * "30 rows have no value in any channel (30 training, 0 validation, 0 test; the longest stretch 30 rows from
 * 2021-04-04 11:00): …", or null when every row has a value. `channels`: each channel's values in row order
 * (NaN: missing); `times`: the time column's values (null: file order, rows named by position); `ranges`:
 * the chronological split's parts, when it has them.
 */
export function emptyRowsNote(channels: ReadonlyArray<ArrayLike<number>>, times: ArrayLike<number> | null, ranges: SplitResult['ranges']): string | null {
  if (channels.length === 0) return null;
  const rows = channels[0].length;
  const perPart: Record<PartName, number> = { train: 0, val: 0, test: 0 };
  let count = 0, run = 0, longest = 0, longestStart = -1;
  for (let r = 0; r < rows; r++) {
    if (!channels.every((c) => Number.isNaN(c[r]))) { run = 0; continue; }
    count++;
    if (++run > longest) { longest = run; longestStart = r - run + 1; }
    if (ranges) for (const part of ['train', 'val', 'test'] as PartName[]) if (r >= ranges[part][0] && r < ranges[part][1]) perPart[part]++;
  }
  if (count === 0) return null;
  const parts = ranges ? `${(['train', 'val', 'test'] as PartName[]).map((p) => `${fmt(perPart[p])} ${PART_WORDS[p]}`).join(', ')}; ` : '';
  const where = times ? `from ${wallTime(times[longestStart])}` : `from row ${fmt(longestStart)} (df.iloc, from 0)`;
  const stretch = `the longest stretch ${fmt(longest)} row${longest === 1 ? '' : 's'} ${where}`;
  return `${fmt(count)} row${count === 1 ? ' has' : 's have'} no value in any channel (${parts}${stretch}): each channel carries its last value before them across, so the windows over them read flat lines`;
}
