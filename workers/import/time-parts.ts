// A timestamp written in integer columns, one per part: `year,month,day,hour` (the UCI Beijing PM2.5 layout:
// No,year,month,day,hour,pm2.5,…). Read apart, the file has no time column, so a forecast reads its rows in
// file order and forecasts month, day and hour as if they were measurements (the audit's headline MSE was a
// mean over nine channels, four of them calendar parts). As a date column followed by a time-of-day column
// becomes one timestamp (date-time-pair.ts), the importer composes the parts into a new datetime column once
// the table is written: it is the time index, and the parts stay as written (the lab starts them as ignore,
// main/lab/datasets/ignored-on-import.ts, so that they are no forecasting channels; a user may still select them).
// Recorded per dataset as the parse rule `timeParts`: a dataset imported before reads without the new column.
import type { CachedColumn, DatasetCacheMeta } from '../../common/dataset-cache';
import { freeTimeName, withTimeColumn } from './composed-time-column';
import type { Validation } from './validation';

/** Each part: the names it goes by (English, case-insensitive) and the whole numbers it may hold. */
const PARTS = [
  { part: 'year', names: /^(year|yr)$/i, min: 1000, max: 9999 },
  { part: 'month', names: /^(month|mo)$/i, min: 1, max: 12 },
  { part: 'day', names: /^day$/i, min: 1, max: 31 },
  { part: 'hour', names: /^(hour|hr)$/i, min: 0, max: 23 },
  { part: 'minute', names: /^minute$/i, min: 0, max: 59 },
] as const;

type Part = (typeof PARTS)[number]['part'];

/** The columns a timestamp can be composed from (indices into the table's columns), or null. */
export type TimeParts = Partial<Record<Part, number>> & { year: number; month: number; day: number };

/**
 * Year, month and day (and hour, and minute after an hour) as int columns whose values all lie in the part's
 * range, in a table that has no datetime column of its own; null otherwise, also when a column named as a part
 * is not one (not int, or out of its range). A column the user typed otherwise is not an int column, so a
 * type given at import keeps the parts apart.
 */
export function findTimeParts(columns: readonly CachedColumn[]): TimeParts | null {
  if (columns.some((c) => c.type === 'datetime')) return null; // the file has a time index already
  const found: Partial<Record<Part, number>> = {};
  for (const { part, names, min, max } of PARTS) {
    const i = columns.findIndex((c) => names.test(c.name.trim()));
    if (i < 0) continue;
    const { type, stats } = columns[i];
    // a part named but not one ('hour' 1-24, a 'day' of text): the time it would give is a guess, so none
    if (type !== 'int' || stats.count === 0 || stats.min === null || stats.max === null || stats.min < min || stats.max > max) return null;
    found[part] = i;
  }
  if (found.year === undefined || found.month === undefined || found.day === undefined) return null;
  if (found.minute !== undefined && found.hour === undefined) delete found.minute;
  return found as TimeParts;
}

/** The names of the parts found, in year..minute order. */
export function partNames(columns: readonly CachedColumn[], parts: TimeParts): string[] {
  return PARTS.flatMap(({ part }) => (parts[part] === undefined ? [] : [columns[parts[part]!].name]));
}

/**
 * Milliseconds since 1970 (UTC) of the parts, or NaN when one is missing or the date does not exist
 * (30 February): Date.UTC would roll it over into March and invent a time.
 */
export function composeTime(year: number, month: number, day: number, hour = 0, minute = 0): number {
  if (![year, month, day, hour, minute].every(Number.isInteger)) return NaN;
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  const d = new Date(ms);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? ms : NaN;
}

/**
 * The table with a datetime column composed from its parts appended (composed-time-column.ts), or the table as
 * it was when it has no parts to compose. `validation`: the import's collector, whose report the meta holds.
 */
export function withComposedTime(meta: DatasetCacheMeta, dir: string, validation: Validation): DatasetCacheMeta {
  const parts = findTimeParts(meta.columns);
  const name = parts ? freeTimeName(meta.columns) : null;
  if (!parts || !name) return meta;
  const names = partNames(meta.columns, parts);
  // the parts found are a prefix of year, month, day, hour, minute (a minute only after an hour)
  const sources = PARTS.flatMap(({ part }) => (parts[part] === undefined ? [] : [parts[part]!]));
  return withTimeColumn(meta, dir, validation, {
    name, sources, parts: names,
    compose: (v) => composeTime(v[0], v[1], v[2], v[3] ?? 0, v[4] ?? 0),
    note: (first, without) => timePartsNote(name, names, first ? first.map(String).join(', ') : '', without),
  });
}

/** The import's note about a composed time column (`example`: the first row's parts, as numbers). */
export function timePartsNote(name: string, parts: readonly string[], example: string, without: number): string {
  const list = parts.map((p) => `'${p}'`).join(', ');
  const rest = without > 0 ? ` ${without.toLocaleString('en-US')} row${without === 1 ? ' has' : 's have'} a part missing or a date that does not exist, and no time.` : '';
  return `columns ${list} hold the parts of a time: column '${name}' is added, composed of them (first row: ${example || 'none'}), as the time index with one row per time.${rest} `
    + `${partsIgnoredWords(parts)}. To import without '${name}', type one part otherwise, e.g. --types ${parts[0]}=float`;
}

/** What becomes of the parts of a composed time, and how to give a model one: said by each composition's note. */
export function partsIgnoredWords(parts: readonly string[]): string {
  return `The parts are kept as written and start with the role ignore, so they are not forecast as channels; set a part's role to feature to give a model it as an input `
    + `(gatelab datasets roles ID ${parts[parts.length - 1]}=feature)`;
}
