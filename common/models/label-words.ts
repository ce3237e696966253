// A boolean label's values as its file wrote them. The importer stores a boolean column as codes with the
// dictionary ['false', 'true'] and keeps the file's own words beside it (ColumnStats.booleanWords), so a
// yes/no label is described as 'yes' is positive and its baseline as "always 'no'", not in words the file
// never used. Datasets imported before the words were kept fall back to 'false'/'true'.
import type { ColumnSource } from '../data';
import type { ColumnStats, DatasetCacheMeta } from '../dataset-cache';
import { storedStats } from '../data/stored-stats';

export type BooleanWords = NonNullable<ColumnStats['booleanWords']>;

/** A boolean dictionary as the importer writes it. */
export const isBooleanDictionary = (dict: readonly string[]): boolean => dict.length === 2 && dict[0] === 'false' && dict[1] === 'true';

/**
 * The file's words for `column` when `data` is a dataset cache that kept them (readDatasetCache and the
 * lab's cache readers carry the cache's meta); undefined otherwise.
 */
export function booleanWordsOf(data: ColumnSource, column: string): BooleanWords | undefined {
  const meta = (data as Partial<{ meta: DatasetCacheMeta }>).meta;
  const info = meta?.columns?.find((c) => c.name === column);
  // stored JSON read through the one typed reader: a damaged meta.json falls back to 'false'/'true'
  return info?.type === 'boolean' ? storedStats(info.stats).booleanWords : undefined;
}

/** A boolean dictionary value ('false'/'true') as the file spelt it; the value itself without words, or for another value. */
export function shownBoolean(value: string, words: BooleanWords | undefined): string {
  if (!words) return value;
  const w = value === 'true' ? words.true : value === 'false' ? words.false : undefined;
  return w ?? value;
}
