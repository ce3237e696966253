// A stored dataset column (the registry's record, its import stats as JSON) as LabApi's ColumnInfo: what the
// app shows of it, and what the lab's checks on its values read (common/lab-api/held-values.ts heldValues,
// for the app's Positive class box and `gatelab datasets roles --positive` alike).
import type { ListTokenStats, NumberValueStats } from '../../../common/dataset-cache';
import type { ColumnInfo } from '../../../common/lab-api';
import { storedStats } from '../../../common/data/stored-stats';
import type { Dataset } from '../datasets/index';
import { datetimeText } from './cells';

/** Column `c` as the lab shows it; a date's bounds as text, its mean and spread none. */
export function columnInfoOf(c: Dataset['columns'][number]): ColumnInfo {
  const s = c.stats as {
    missing?: number; cardinality?: number | null; min?: number | null; max?: number | null; mean?: number | null; std?: number | null;
    histogram?: { edges?: number[]; labels?: string[]; counts: number[] } | null; topValues?: { value: string; count: number }[] | null;
    listTokens?: ListTokenStats; numbers?: NumberValueStats;
  };
  const isDate = c.type === 'datetime';
  const booleanWords = c.type === 'boolean' ? storedStats(c.stats).booleanWords : undefined;
  const bound = (v: number | null | undefined) => (v == null ? null : isDate ? datetimeText(v) : v);
  const top = s.topValues?.length ? { labels: s.topValues.map((t) => t.value), counts: s.topValues.map((t) => t.count) } : null;
  return {
    name: c.name,
    type: c.type,
    inferredType: c.inferredType,
    role: c.role,
    modality: c.modality,
    missing: s.missing ?? 0,
    distinct: s.cardinality ?? null,
    min: bound(s.min),
    max: bound(s.max),
    mean: isDate ? null : (s.mean ?? null),
    std: isDate ? null : (s.std ?? null),
    histogram: s.histogram ?? top,
    ...(s.listTokens ? { listTokens: s.listTokens } : {}),
    ...(s.numbers ? { numberValues: s.numbers } : {}),
    ...(booleanWords ? { booleanWords } : {}),
  };
}
