// A dataset's column statistics are stored as JSON (the import's ColumnStats), and a dataset imported by an
// earlier version lacks the fields added since (`numbers` arrived after the first releases). Advice and
// refusals that decide on them read through this one typed reader: a field that is missing or not what the
// import writes is absent, never a crash, a NaN or a guess.
import type { NumberValueStats } from '../dataset-cache';

/** The import statistics a run's checks read; each field is absent when the stored JSON does not hold it. */
export interface StoredStats {
  /** Rows with a usable value. */
  count?: number;
  /** Distinct values of a coded column (categorical/text/boolean). */
  cardinality?: number;
  min?: number;
  max?: number;
  /** A number column's distinct values and fractions, as the trainer reads them. */
  numbers?: NumberValueStats;
  /** A boolean column's words as its file wrote them ('no'/'yes'); only non-blank strings count. */
  booleanWords?: { false?: string; true?: string };
}

const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
// a damaged or hand-edited meta.json may hold anything here: only a non-blank string is a word
const word = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** `stats` (a stored column's statistics, any JSON) as the typed fields a check reads. */
export function storedStats(stats: unknown): StoredStats {
  const s = (stats !== null && typeof stats === 'object' ? stats : {}) as Record<string, unknown>;
  const n = (s.numbers !== null && typeof s.numbers === 'object' ? s.numbers : {}) as Record<string, unknown>;
  const distinct = finite(n.distinct);
  const out: StoredStats = {};
  const count = finite(s.count);
  const cardinality = finite(s.cardinality);
  const min = finite(s.min);
  const max = finite(s.max);
  if (count !== undefined) out.count = count;
  if (cardinality !== undefined) out.cardinality = cardinality;
  if (min !== undefined) out.min = min;
  if (max !== undefined) out.max = max;
  if (distinct !== undefined && typeof n.fractions === 'boolean') out.numbers = { distinct, fractions: n.fractions };
  const w = (s.booleanWords !== null && typeof s.booleanWords === 'object' ? s.booleanWords : {}) as Record<string, unknown>;
  const f = word(w.false), t = word(w.true);
  if (f !== undefined || t !== undefined) out.booleanWords = { ...(f !== undefined ? { false: f } : {}), ...(t !== undefined ? { true: t } : {}) };
  return out;
}
