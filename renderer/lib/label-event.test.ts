// The model diagram's CTR head names what its probability is of, in the dataset's words: a bank file's
// 'y' is "probability of y = yes", not "click probability" (the app walk-through). The positive value is
// the one the lab picks at Start (common/models/target.ts).
import { describe, expect, it } from 'vitest';
import type { ColumnInfo, DatasetDetail } from '../../common/lab-api';
import { TEMPLATES, defaultModelConfig, templateJsonSchema } from '../../common/models';
import { positiveEvent } from './label-event';
import { diagramOf } from './diagram';

const column = (o: Partial<ColumnInfo> & Pick<ColumnInfo, 'name' | 'type'>): ColumnInfo =>
  ({ role: 'feature', modality: null, missing: 0, distinct: null, min: null, max: null, mean: null, std: null, histogram: null, ...o });

function dataset(target: ColumnInfo, label?: DatasetDetail['label']): DatasetDetail {
  return {
    id: '1', name: 'bank', rows: 400, columns: 2, source: 'bank.csv', family: null, createdAt: '2026-01-01', bytes: 1, issues: [],
    columnInfo: [column({ name: 'age', type: 'int', min: 20, max: 69 }), { ...target, role: 'target' }],
    ...(label ? { label } : {}),
  };
}

const template = (id: string) => {
  const t = TEMPLATES.find((x) => x.id === id)!;
  return { ...t, schema: templateJsonSchema(t.id) as Record<string, unknown>, defaults: defaultModelConfig(t.id) as Record<string, unknown> };
};
const head = (id: string, d: DatasetDetail | null) => diagramOf(template(id), template(id).defaults, positiveEvent(d)).find((b) => b.id === 'out')!.detail;

describe('positiveEvent: the positive class as the form knows it', () => {
  it("a yes/no label by the file's word for true", () => {
    expect(positiveEvent(dataset(column({ name: 'y', type: 'boolean', booleanWords: { false: 'no', true: 'yes' } })))).toBe('y = yes');
    expect(positiveEvent(dataset(column({ name: 'clicked', type: 'boolean' })))).toBe('clicked = true'); // imported before the words were kept
  });

  it('the label rule the user set: a threshold, or the chosen value', () => {
    expect(positiveEvent(dataset(column({ name: 'rating', type: 'int', min: 1, max: 5 }), { positiveAtLeast: 4 }))).toBe('rating ≥ 4');
    expect(positiveEvent(dataset(column({ name: 'y', type: 'boolean', booleanWords: { false: 'no', true: 'yes' } }), { positiveAtLeast: null, positive: 'no' }))).toBe('y = no');
  });

  it('two numbers: the larger; two words: by their meaning, else the rarer', () => {
    expect(positiveEvent(dataset(column({ name: 'grade', type: 'int', min: 1, max: 2, numberValues: { distinct: 2, fractions: false } })))).toBe('grade = 2');
    const words = (labels: string[], counts: number[]) => column({ name: 'status', type: 'categorical', distinct: 2, histogram: { labels, counts } });
    expect(positiveEvent(dataset(words(['not clicked', 'clicked'], [900, 100])))).toBe('status = clicked');
    expect(positiveEvent(dataset(words(['Fully Paid', 'Charged Off'], [800, 200])))).toBe('status = Charged Off');
    expect(positiveEvent(dataset(words(['Charged Off', 'Fully Paid'], [800, 200])))).toBe('status = Fully Paid');
  });

  it('no target, or one the form cannot tell the positive of: null', () => {
    expect(positiveEvent(null)).toBeNull();
    expect(positiveEvent(dataset(column({ name: 'rating', type: 'int', min: 1, max: 5, numberValues: { distinct: 5, fractions: false } })))).toBeNull();
    expect(positiveEvent(dataset(column({ name: 'genre', type: 'categorical', distinct: 3, histogram: { labels: ['a', 'b', 'c'], counts: [1, 1, 1] } })))).toBeNull();
  });
});

describe("the diagram's CTR head", () => {
  const bank = dataset(column({ name: 'y', type: 'boolean', booleanWords: { false: 'no', true: 'yes' } }));
  it("names the dataset's target, not a click", () => {
    expect(head('finalmlp', bank)).toBe('probability of y = yes');
    expect(head('finalmlp', null)).toBe('click probability'); // no dataset yet: the synthetic click log
  });
  it("MMoE's two tasks: the click by the rating rule, and the rating", () => {
    const ratings = dataset(column({ name: 'rating', type: 'int', min: 1, max: 5 }), { positiveAtLeast: 4 });
    expect(head('mmoe', ratings)).toBe('probability of rating ≥ 4 + rating');
  });
});
