// Categorical vocabularies fitted on the training rows: index 0 is the out-of-vocabulary bucket
// (unseen values, values rarer than minCount, missing), 1..n the kept values, most frequent first.
// Multi-hot lists ("Action|Comedy", or several 0/1 indicator columns) share the same idea.
import { tokenAt, type DataColumn } from './columns';

export const OOV_INDEX = 0;

export interface VocabularyState {
  kind: 'vocabulary';
  /** tokens[i] has index i + 1. */
  tokens: string[];
  minCount: number;
}

export interface MultiHotState {
  kind: 'multi-hot';
  tokens: string[];
  minCount: number;
  /** Split one column's values on this separator... */
  separator?: string;
  /** ...or read these 0/1 indicator columns, a token per column name. */
  columns?: string[];
}

function keep(counts: Map<string, number>, minCount: number, maxSize?: number): string[] {
  const tokens = [...counts].filter(([, n]) => n >= minCount);
  // count desc, then the token: the order (hence the indices) never depends on row order
  tokens.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return tokens.slice(0, maxSize ?? tokens.length).map(([t]) => t);
}

export function fitVocabulary(c: DataColumn, trainRows: Int32Array, opts: { minCount?: number; maxSize?: number } = {}): VocabularyState {
  const counts = new Map<string, number>();
  for (const r of trainRows) {
    const t = tokenAt(c, r);
    if (t !== null) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const minCount = opts.minCount ?? 1;
  return { kind: 'vocabulary', tokens: keep(counts, minCount, opts.maxSize), minCount };
}

/** Vocabulary size including the OOV bucket (the embedding table's row count). */
export const vocabularySize = (s: { tokens: string[] }): number => s.tokens.length + 1;

/** Index of every row (Int32; 0 = OOV). Coded columns are mapped through one lookup per dictionary code. */
export function applyVocabulary(s: VocabularyState, c: DataColumn): Int32Array {
  const index = new Map(s.tokens.map((t, i) => [t, i + 1]));
  const out = new Int32Array(c.values.length);
  if (c.dictionary) {
    const byCode = Int32Array.from(c.dictionary, (t) => index.get(t) ?? OOV_INDEX);
    c.values.forEach((code, i) => { out[i] = code < 0 ? OOV_INDEX : byCode[code]; });
  } else {
    for (let i = 0; i < out.length; i++) out[i] = index.get(tokenAt(c, i) ?? '\u0000missing') ?? OOV_INDEX;
  }
  return out;
}

/** An indicator column's value: numbers > 0, or a coded '1' / 'true' / 'yes'. */
function isOn(c: DataColumn, row: number): boolean {
  const v = c.values[row];
  if (!c.dictionary) return v > 0;
  return v >= 0 && ['1', 'true', 'yes'].includes(c.dictionary[v].toLowerCase());
}

/** Tokens of one row of a multi-hot source. */
function rowTokens(s: Pick<MultiHotState, 'separator' | 'columns'>, cols: DataColumn[], row: number): string[] {
  if (s.columns) return s.columns.filter((_, k) => isOn(cols[k], row));
  const text = tokenAt(cols[0], row);
  if (!text) return [];
  return text.split(s.separator ?? '|').map((t) => t.trim()).filter(Boolean);
}

/** `cols`: the one separated column, or the indicator columns in `opts.columns` order. */
export function fitMultiHot(cols: DataColumn[], trainRows: Int32Array, opts: { separator?: string; columns?: string[]; minCount?: number }): MultiHotState {
  const counts = new Map<string, number>();
  for (const r of trainRows) for (const t of rowTokens(opts, cols, r)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const minCount = opts.minCount ?? 1;
  return { kind: 'multi-hot', tokens: keep(counts, minCount), minCount, separator: opts.columns ? undefined : (opts.separator ?? '|'), columns: opts.columns };
}

/** Dense [rows, size] 0/1 matrix; column 0 flags out-of-vocabulary tokens. */
export function applyMultiHot(s: MultiHotState, cols: DataColumn[]): Float32Array {
  const rows = cols[0].values.length;
  const size = vocabularySize(s);
  const index = new Map(s.tokens.map((t, i) => [t, i + 1]));
  const out = new Float32Array(rows * size);
  for (let r = 0; r < rows; r++) for (const t of rowTokens(s, cols, r)) out[r * size + (index.get(t) ?? OOV_INDEX)] = 1;
  return out;
}
