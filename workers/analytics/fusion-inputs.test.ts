// A fusion router's "what each expert specializes in" names the inputs by the user's columns: a number by
// its column, a category as column=value, text by its column; never `tabular[0]`, and never a wrong name
// when the widths do not add up.
import { describe, expect, it } from 'vitest';
import { DataColumns } from '../../common/models/binding';
import type { RunData, Rows } from '../run/run-data';
import type { DatasetContext } from './dataset-context';
import { fusionLayout } from './fusion-inputs';
import { reportInputs } from './report-inputs';
import { modalityLayout } from './job';

const binding = DataColumns.parse({
  family: 'fusion', label: 'label', textBuckets: 64,
  modalities: [
    { name: 'context', columns: ['condition', 'visibility'] },
    { name: 'tabular', columns: ['age', 'price_usd', 'fit_score'] },
    { name: 'text', columns: ['review_text'] },
  ],
});
const TYPES: Record<string, string> = { condition: 'categorical', visibility: 'float', age: 'int', price_usd: 'float', fit_score: 'float', review_text: 'text' };
const typeOf = (n: string) => TYPES[n];
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
  it('lays each modality out column after column, a one-hot taking what its modality leaves', () => {
    const layout = fusionLayout(binding, typeOf, widths);
    expect(layout.context).toEqual([{ name: 'condition', kind: 'one-hot', width: 4 }, { name: 'visibility', kind: 'number', width: 1 }]);
    expect(layout.tabular.map((c) => c.name)).toEqual(['age', 'price_usd', 'fit_score']);
    expect(layout.text).toEqual([{ name: 'review_text', kind: 'text', width: 64 }]);
  });

  it('leaves a modality out (numbered, not misnamed) when its widths do not add up', () => {
    expect(fusionLayout(binding, typeOf, { ...widths, tabular: 4 }).tabular).toBeUndefined();
    // a column the data line names as left out takes no input: the rest still add up
    const line = 'fusion: 80 train; left out: price_usd (constant)';
    expect(fusionLayout(binding, typeOf, { ...widths, tabular: 2 }, line).tabular?.map((c) => c.name)).toEqual(['age', 'fit_score']);
  });

  it("names an expert's inputs by column and category value, never modality[k]", () => {
    const test = testRows(30);
    const data = { task: 'binary', prediction: 'logits', target: 'label', train: test, validation: test, test, describe: 'fusion' } as unknown as RunData;
    const layout = modalityLayout(binding, Object.entries(TYPES).map(([name, type]) => ({ name, type })), data, model);
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
