// The tokens of a column of '|'-separated lists ('Action|Comedy|Drama'), counted as the multi-hot role reads
// them (common/data/vocabulary.ts: split on '|', trimmed, empty ones dropped): how many distinct tokens the
// role would make features of, and how many a row holds, for the column's stats (`datasets show`, the preview).
import type { ListTokenStats } from '../../common/dataset-cache';

const SEPARATOR = '|';

/**
 * Token stats of a coded column from its dictionary (`values`) and each value's row count (`counts`); null
 * when no value holding rows contains '|' (not a list column).
 */
export function listTokenStats(values: readonly string[], counts: ArrayLike<number>): ListTokenStats | null {
  const distinct = new Set<string>();
  let rows = 0, tokens = 0, most = 0, lists = false;
  for (let i = 0; i < values.length; i++) {
    const n = counts[i];
    if (!n) continue;
    const v = values[i];
    if (v.includes(SEPARATOR)) lists = true;
    // a token written twice in one row is one feature of it, as the multi-hot's 0/1 row says
    const own = new Set(v.split(SEPARATOR).map((t) => t.trim()).filter((t) => t !== ''));
    for (const t of own) distinct.add(t);
    rows += n;
    tokens += n * own.size;
    if (own.size > most) most = own.size;
  }
  if (!lists || rows === 0) return null;
  return { separator: SEPARATOR, distinct: distinct.size, meanPerRow: tokens / rows, maxPerRow: most };
}
