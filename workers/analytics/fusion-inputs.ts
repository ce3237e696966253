// A fusion modality's encoded vector by the columns it was built from (workers/data/fusion.ts lays each
// modality out column after column: a number is 1 input, a categorical its one-hot over the vocabulary, a
// text column its hashed n-gram buckets, a vector its width). The gate report names an expert's inputs
// with it, so "what expert 1 specializes in" reads `fit_score`, `condition=fog`, not `tabular[3]`.
// The analytics process has the binding and the column types but not the fitted pipeline, so a one-hot's
// or a vector's width is read off the modality's total: at most one column of unknown width per modality.
// When the widths do not add up to the model's, the modality is left out and its inputs stay numbered:
// numbers beat wrong names.
import { leftOutColumns } from '../../common/analytics/run-inputs';
import { OOV_INDEX } from '../../common/data';
import type { DataColumns } from '../../common/models/binding';
import type { DatasetContext } from './dataset-context';

export type FusionColumnKind = 'number' | 'one-hot' | 'text' | 'vector';
export interface FusionColumn { name: string; kind: FusionColumnKind; width: number }
/** Each modality's columns in encoding order, by modality name; a modality whose layout is not sure is absent. */
export type FusionLayout = Record<string, FusionColumn[]>;

const KIND: Record<string, FusionColumnKind> = { int: 'number', float: 'number', categorical: 'one-hot', boolean: 'one-hot', text: 'text', vector: 'vector' };

/**
 * The layout of every modality of a fusion binding whose encoded width (`widths`, the model's
 * `modalities[].dim`) is accounted for by its columns. `line`: the run's data line, whose "left out:" note
 * names columns the trainer dropped (they take no input).
 */
export function fusionLayout(c: DataColumns, typeOf: (column: string) => string | undefined, widths: Record<string, number>, line?: string): FusionLayout {
  if (c.family !== 'fusion') return {};
  const out: FusionLayout = {};
  for (const m of c.modalities) {
    const total = widths[m.name];
    if (!Number.isInteger(total) || total <= 0) continue;
    const gone = leftOutColumns(line, m.columns);
    const cols = m.columns.filter((n) => !gone.has(n)).map((name) => {
      const kind = KIND[typeOf(name) ?? ''];
      return { name, kind, width: kind === 'number' ? 1 : kind === 'text' ? c.textBuckets : NaN };
    });
    if (cols.some((x) => x.kind === undefined)) continue;
    const unknown = cols.filter((x) => Number.isNaN(x.width));
    const known = cols.reduce((n, x) => n + (Number.isNaN(x.width) ? 0 : x.width), 0);
    if (unknown.length > 1) continue;
    if (unknown.length === 1) unknown[0].width = total - known;
    if (cols.some((x) => !(x.width >= 1)) || cols.reduce((n, x) => n + x.width, 0) !== total) continue;
    out[m.name] = cols as FusionColumn[];
  }
  return out;
}

/**
 * The names of a one-hot block's inputs: `column=value`, the value read off a test row that sets that input
 * (input 0 holds values outside the vocabulary and missing cells: `column=other`); an input no test row
 * sets is numbered (`column #3`).
 */
export function oneHotNames(column: string, block: (s: number, k: number) => number, width: number, rows: number, ctx?: DatasetContext): string[] {
  const names = Array.from({ length: width }, (_, k) => (k === OOV_INDEX ? `${column}=other` : `${column} #${k}`));
  if (!ctx) return names;
  const found = new Set<number>([OOV_INDEX]);
  for (let s = 0; s < rows && found.size < width; s++) {
    for (let k = 0; k < width; k++) {
      if (found.has(k) || block(s, k) !== 1) continue;
      const token = ctx.token(column, ctx.testRows[s]);
      if (token !== null) { names[k] = `${column}=${token}`; found.add(k); }
      break; // one-hot: one input per row
    }
  }
  return names;
}
