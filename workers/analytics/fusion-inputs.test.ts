// A fusion router's "what each expert specializes in" names the inputs by the user's columns: a number by
// its column, a category as column=value, text by its column; never `tabular[0]`, and never a wrong name
// when the widths do not add up.
import { describe, expect, it } from 'vitest';
import type { RunData, Rows } from '../run/run-data';
import type { DatasetContext } from './dataset-context';
import { fittingLayout } from './fusion-inputs';
import { columnSource, computeSplit } from '../../common/data';
import { runDataFrom } from '../data/run-data';
import { reportInputs } from './report-inputs';
import { modalityLayout } from './job';

const CONDITIONS = ['clear', 'fog', 'night']; // vocabulary inputs 1..3; input 0 holds the values outside it

/** `n` test rows: condition one-hot (4 wide) then visibility; three numbers; 64 text buckets. */
function testRows(n: number): Rows {
  const context = new Float32Array(n * 5), tabular = new Float32Array(n * 3), text = new Float32Array(n * 64);
  for (let s = 0; s < n; s++) {
    context[s * 5 + 1 + (s % 3)] = 1;
    context[s * 5 + 4] = s / n;
    tabular.set([s, -s, s % 7], s * 3);
    text[s * 64 + (s % 64)] = 1;
  }
  return {
    rows: n,
    columns: {
      m_context: { data: context, shape: [5] }, m_tabular: { data: tabular, shape: [3] }, m_text: { data: text, shape: [64] },
      label: { data: new Float32Array(n), shape: [1] },
    },
  } as unknown as Rows;
}

const model = { template: 'moe-fusion', modalities: [{ name: 'context', dim: 5 }, { name: 'tabular', dim: 3 }, { name: 'text', dim: 64 }] };
const widths = { context: 5, tabular: 3, text: 64 };
// test sample s is dataset row 100 + s; its condition is CONDITIONS[s % 3]
const ctx: DatasetContext = { testRows: Int32Array.from({ length: 30 }, (_, s) => 100 + s), token: (c, row) => (c === 'condition' ? CONDITIONS[(row - 100) % 3] : null) };

describe('fusion inputs by column', () => {
  it('takes the layout the encoder built the batches by (kinds, widths, order)', () => {
    // a small table through the trainer's data path: a categorical with 3 values, a number, a text column
    const N = 40;
    const cond = ['clear', 'fog', 'night'];
    const words = ['great fit', 'too small', 'soft fabric'];
    const coded = (vals: string[]) => { const dict = [...new Set(vals)]; return { values: Int32Array.from(vals, (v) => dict.indexOf(v)), dictionary: dict }; };
    const source = columnSource(N, {
      condition: coded(Array.from({ length: N }, (_, i) => cond[i % 3])),
      visibility: { values: Float32Array.from({ length: N }, (_, i) => i / 10) },
      review_text: coded(Array.from({ length: N }, (_, i) => words[i % 3])),
      label: { values: Float32Array.from({ length: N }, (_, i) => i % 2) },
    });
    const types: Record<string, string> = { condition: 'categorical', visibility: 'float', review_text: 'text', label: 'int' };
    const split = computeSplit({ kind: 'random', ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed: 1 }, { rows: N, column: () => { throw new Error('unused'); } });
    const run = runDataFrom(source, (c) => types[c], split, { family: 'fusion', label: 'label', classes: 1, textBuckets: 16,
      modalities: [{ name: 'context', columns: ['condition', 'visibility'] }, { name: 'text', columns: ['review_text'] }] });
    const layout = run.data.modalityInputs!;
    expect(layout.context.map(({ name, kind }) => [name, kind])).toEqual([['condition', 'one-hot'], ['visibility', 'number']]);
    expect(layout.text).toEqual([{ name: 'review_text', kind: 'text', width: 16 }]);
    // the widths are the batches' own: the model's modalities[].dim
    const dims = Object.fromEntries((run.shape.modalities as { name: string; dim: number }[]).map((m) => [m.name, m.dim]));
    expect(layout.context.reduce((n, c) => n + c.width, 0)).toBe(dims.context);
    expect(run.data.train.columns.m_context.shape).toEqual([dims.context]);
    // a one-hot input is set exactly where the layout puts the condition's block, the number after it
    const width = dims.context, oneHot = layout.context[0].width;
    const m = run.data.train.columns.m_context.data as Float32Array;
    for (let s = 0; s < run.data.train.rows; s++) {
      let hot = 0;
      for (let k = 0; k < oneHot; k++) hot += m[s * width + k];
      expect(hot).toBe(1);
    }
  });

  it('leaves a modality out (numbered, not misnamed) when its layout does not add up to the model', () => {
    const layout = { context: [{ name: 'condition', kind: 'one-hot' as const, width: 4 }, { name: 'visibility', kind: 'number' as const, width: 1 }], tabular: [{ name: 'age', kind: 'number' as const, width: 1 }] };
    expect(Object.keys(fittingLayout(layout, { context: 5, tabular: 2 }))).toEqual(['context']);
    expect(fittingLayout(undefined, widths)).toEqual({});
  });

  it("names an expert's inputs by column and category value, never modality[k]", () => {
    const test = testRows(30);
    const modalityInputs = {
      context: [{ name: 'condition', kind: 'one-hot', width: 4 }, { name: 'visibility', kind: 'number', width: 1 }],
      tabular: [{ name: 'age', kind: 'number', width: 1 }, { name: 'price_usd', kind: 'number', width: 1 }, { name: 'fit_score', kind: 'number', width: 1 }],
      text: [{ name: 'review_text', kind: 'text', width: 64 }],
    };
    const data = { task: 'binary', prediction: 'logits', target: 'label', train: test, validation: test, test, describe: 'fusion', modalityInputs } as unknown as RunData;
    const layout = modalityLayout(data, model);
    const inputs = reportInputs(model, data, undefined, ctx, layout)!;
    expect(inputs.names).toEqual([
      'condition=other', 'condition=clear', 'condition=fog', 'condition=night', 'visibility',
      'age', 'price_usd', 'fit_score',
      'review_text mean of 64 inputs', 'review_text largest input',
    ]);
    expect(inputs.names.some((n) => /\[\d+\]/.test(n))).toBe(false);
    // each name reads the input it names: 'fit_score' of sample 9 is 9 % 7, 'condition=night' is 1 on sample 2
    const F = inputs.names.length, at = (s: number, name: string) => inputs.values[s * F + inputs.names.indexOf(name)];
    expect(at(9, 'fit_score')).toBe(2);
    expect(at(2, 'condition=night')).toBe(1);
    expect(at(2, 'condition=clear')).toBe(0);
    // without the layout the encoded inputs are numbered by modality, as before
    expect(reportInputs(model, data, undefined, ctx)!.names).toContain('tabular[2]');
  });
});
