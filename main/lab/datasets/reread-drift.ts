// Whether parsing a dataset's original again gives back the values its cache holds, judged column by column
// on the stats the store recorded. A type change or a cache repair re-reads the whole file; a reading rule
// that drifted can keep a column's type and the row count yet move every value (Excel serial days read as
// epoch seconds: 2016-07-01 becomes 1970-01-01). Types and rows alone would accept that; the stats do not.
import type { ColumnStats } from '../../../common/dataset-cache';

/** A column as stored (its type and the stats recorded with it). */
export interface StoredColumn {
  name: string;
  type: string;
  stats: Record<string, unknown>;
}

/**
 * How the re-read rows relate to the stored ones: the same rows, fewer of them (the new policy drops rows
 * it kept) or more (it keeps rows it dropped). Fewer rows can only narrow a column's range, more only widen it.
 */
export type RowRelation = 'same' | 'fewer' | 'more';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** '2016-07-01' or '2016-07-01 06:00:00' (UTC) for a datetime stat, stored as epoch seconds; a plain number otherwise. */
function show(type: string, v: number): string {
  if (type !== 'datetime') return String(Number(v.toPrecision(8)));
  const iso = new Date(v * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

/**
 * What moved in a column, e.g. "min 2016-07-01 → 1970-01-01, max …", or null when the re-read agrees with
 * the stored stats. Compared: the missing count, min and max, the mean (same rows only) and the number of
 * distinct values of a coded column. With fewer rows a stat may only narrow (min up, max down, fewer missing
 * or distinct values), with more only widen; anything else is the file read differently.
 */
export function columnDrift(stored: StoredColumn, reread: ColumnStats, relation: RowRelation): string | null {
  const moved: string[] = [];
  // sign: +1 where the stat may grow with more rows (max, missing, distinct), -1 where it may shrink (min)
  const check = (label: string, was: number | null, now: number | null, sign: 1 | -1 | 0, asValue: boolean) => {
    if (was === null || now === null) return;
    const fits = relation === 'same' || sign === 0
      ? Math.abs(now - was) <= 1e-9 * Math.max(1, Math.abs(was))
      : (relation === 'more' ? sign * (now - was) >= 0 : sign * (now - was) <= 0);
    if (!fits) moved.push(`${label} ${asValue ? show(stored.type, was) : String(was)} → ${asValue ? show(stored.type, now) : String(now)}`);
  };
  const s = stored.stats;
  check('missing', num(s.missing), num(reread.missing), 1, false);
  check('min', num(s.min), num(reread.min), -1, true);
  check('max', num(s.max), num(reread.max), 1, true);
  if (relation === 'same') check('mean', num(s.mean), num(reread.mean), 0, true);
  check('distinct values', num(s.cardinality), num(reread.cardinality), 1, false);
  return moved.length ? moved.join(', ') : null;
}

/**
 * The first column (of those `skip` does not exclude, and whose type the re-read kept) whose values moved:
 * "column 'when' (min 2016-07-01 06:00:00 → 1970-01-01 11:49:12)", or null when every one came back as stored.
 */
export function firstDrift(
  stored: readonly StoredColumn[], reread: ReadonlyArray<{ name: string; type: string; stats: ColumnStats }>, relation: RowRelation, skip: (name: string) => boolean = () => false,
): string | null {
  for (const [i, c] of reread.entries()) {
    const was = stored[i];
    if (!was || was.name !== c.name || was.type !== c.type || skip(c.name)) continue;
    const moved = columnDrift(was, c.stats, relation);
    if (moved) return `column '${c.name}' (${moved})`;
  }
  return null;
}
