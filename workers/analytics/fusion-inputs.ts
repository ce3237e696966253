// A fusion modality's encoded vector by the columns it was built from: the encoder's own layout
// (RunData.modalityInputs, workers/data/fusion.ts: a number is 1 input, a categorical its one-hot over the
// vocabulary, a text column its hashed n-gram buckets, a vector its width). The gate report names an
// expert's inputs with it, so "what expert 1 specializes in" reads `fit_score`, `condition=fog`, not
// `tabular[3]`. A modality whose layout does not add up to the checkpoint's model width (a run built under
// other rules) is left out and its inputs stay numbered: numbers beat wrong names.
import { OOV_INDEX } from '../../common/data';
import type { FusionColumn, FusionColumnKind, FusionLayout } from '../run/run-data';
import type { DatasetContext } from './dataset-context';

export type { FusionColumn, FusionColumnKind, FusionLayout };

/** The modalities of `layout` whose widths add up to the model's (`widths`: its `modalities[].dim`). */
export function fittingLayout(layout: FusionLayout | undefined, widths: Record<string, number>): FusionLayout {
  const out: FusionLayout = {};
  for (const [name, columns] of Object.entries(layout ?? {})) {
    const total = widths[name];
    if (Number.isInteger(total) && total > 0 && columns.length && columns.reduce((n, c) => n + c.width, 0) === total) out[name] = columns;
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
