// The word rule of a fusion run's text columns is part of the run: a new run stores the rule it is created
// with (model.textWords), and a stored run without one (made before the rule was recorded) re-derives its
// inputs with 'letters-v1', so resume, Try it, knockouts and re-export read text exactly as it trained.
import { describe, expect, it } from 'vitest';
import { columnSource, ngramsOf, type DataColumn, type HashedNgramsState, type SplitResult } from '../data';
import { parseNewRunConfig } from '../runs/new-run-config';
import { DataColumns } from './binding';
import { BUILT_MODEL_RULES, modelColumns } from './model-columns';

const N = 40;
const reviews = ['Sehr gut 😀', 'schlecht 😡', 'अच्छा नहीं', 'ok :)'];
const text: DataColumn = { values: Int32Array.from({ length: N }, (_, i) => i % reviews.length), dictionary: reviews };
const data = columnSource(N, { review: text, n: { values: Float64Array.from({ length: N }, (_, i) => i % 7) }, label: { values: Float64Array.from({ length: N }, (_, i) => i % 2) } });
const split: SplitResult = { assignment: Uint8Array.from({ length: N }, (_, i) => (i < 28 ? 0 : i < 32 ? 1 : 2)), counts: { train: 28, val: 4, test: 8 }, ranges: { train: [0, 28], val: [28, 32], test: [32, 40] } };
const columns = DataColumns.parse({ family: 'fusion', modalities: [{ name: 'text', columns: ['review'] }, { name: 'tabular', columns: ['n'] }], label: 'label' });
const typeOf = (c: string) => (c === 'review' ? 'text' : 'float');

function textState(model: Record<string, unknown>): HashedNgramsState {
  const m = modelColumns({ data, columns, split, typeOf, model }, BUILT_MODEL_RULES);
  return m.fitted.steps.find((s) => s.target === 'review')!.state as HashedNgramsState;
}

describe('a fusion run\'s word rule', () => {
  it('a stored run without one hashes text with the old rule (emoji dropped, Hindi cut at its marks)', () => {
    const s = textState({ template: 'concat-fusion', textBuckets: 4096 });
    expect(s.words).toBeUndefined();
    expect(ngramsOf('Sehr gut 😀', { ...s, ngrams: [1, 1] })).toEqual(['sehr', 'gut']);
    expect(ngramsOf('अच्छा नहीं', { ...s, ngrams: [1, 1] })).toEqual(['अच', 'छ', 'नह']);
  });

  it("a run that stored 'unicode-v2' hashes with it", () => {
    const s = textState({ template: 'concat-fusion', textBuckets: 4096, textWords: 'unicode-v2' });
    expect(s.words).toBe('unicode-v2');
    expect(ngramsOf('Sehr gut 😀', { ...s, ngrams: [1, 1] })).toEqual(['sehr', 'gut', '😀']);
    expect(ngramsOf('अच्छा नहीं', { ...s, ngrams: [1, 1] })).toEqual(['अच्छा', 'नहीं']);
  });

  it('is a template field of fusion templates: a known rule is accepted, another refused naming the field', () => {
    expect(parseNewRunConfig({ model: { template: 'gmu', textWords: 'letters-v1' } }).model).toMatchObject({ textWords: 'letters-v1' });
    expect(() => parseNewRunConfig({ model: { template: 'gmu', textWords: 'v3' } })).toThrow(/textWords/);
    expect(() => parseNewRunConfig({ model: { template: 'lr', textWords: 'unicode-v2' } })).toThrow(/unknown field 'model\.textWords'/);
  });
});
