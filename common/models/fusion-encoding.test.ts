// How a fusion run encodes its columns is the user's to set: `--set textBuckets=8192` (hashed n-gram width
// of a text column) and `--set maxCategories=N` (the one-hot cap of a categorical column) are template
// fields of every fusion template, accepted when a run is created and stored with it; a wrong value fails
// naming the field and its bound; a non-fusion template refuses them by name. The size advice names them.
import { describe, expect, it } from 'vitest';
import { parseNewRunConfig } from '../runs/new-run-config';
import { parseModelConfig } from './index';
import { FUSION_TEMPLATES } from './fusion';
import { MAX_CATEGORIES, TEXT_BUCKETS } from './base';
import { modelTooBig } from './size-estimate';

const fusionIds = FUSION_TEMPLATES.map((t) => t.shape.template.value);

describe('fusion encoding options', () => {
  it('every fusion template takes textBuckets and maxCategories, with the documented defaults', () => {
    expect(fusionIds).toHaveLength(6);
    for (const template of fusionIds) {
      const run = parseNewRunConfig({ model: { template, textBuckets: 8192, maxCategories: 200 } });
      expect(run.model).toMatchObject({ textBuckets: 8192, maxCategories: 200 });
      expect(parseModelConfig({ template })).toMatchObject({ textBuckets: TEXT_BUCKETS, maxCategories: MAX_CATEGORIES });
    }
    expect([TEXT_BUCKETS, MAX_CATEGORIES]).toEqual([4096, 1000]);
  });

  it('a value out of range fails naming the field and its bound', () => {
    expect(() => parseModelConfig({ template: 'gmu', textBuckets: 8 })).toThrow("template 'gmu': field 'textBuckets': Too small: expected number to be >=16");
    expect(() => parseModelConfig({ template: 'concat-fusion', maxCategories: 0 })).toThrow("template 'concat-fusion': field 'maxCategories': Too small: expected number to be >=1");
  });

  it('a template of another family refuses them, naming the field', () => {
    expect(() => parseNewRunConfig({ model: { template: 'lr', textBuckets: 8192 } }))
      .toThrow("run config: unknown field 'model.textBuckets' (template lr has no field 'textBuckets'); gatelab templates lr lists its fields");
    expect(() => parseNewRunConfig({ model: { template: 'dlinear', maxCategories: 10 } })).toThrow(/unknown field 'model\.maxCategories'/);
  });

  it('the size advice of a fusion model names the options it can set, with their values', () => {
    const model = parseModelConfig({ template: 'concat-fusion', modalities: [{ name: 'text', dim: 1 << 20 }], hidden: [4096] }) as unknown as Record<string, unknown>;
    const advice = modelTooBig(model, 5e9, 'float32', 16e9);
    expect(advice).toContain('Use fewer text buckets (--set textBuckets=...), now 4,096 per text column, a lower cap on a categorical column\'s one-hot (--set maxCategories=..., now 1,000), smaller hidden layers, or fewer columns in a modality.');
    // and the option it names is one a run of that template accepts
    expect(() => parseNewRunConfig({ model: { template: 'concat-fusion', textBuckets: 1024, maxCategories: 100 } })).not.toThrow();
  });
});
