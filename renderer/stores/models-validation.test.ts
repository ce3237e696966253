// The launch bar names the first invalid field: the first in the form, whatever order the checks ran in.
import { describe, expect, it } from 'vitest';
import { parseModelConfig } from '../../common/models';
import { fixFieldsText, invalidFields, schemaOf, validateConfig } from './models-validation';

describe('invalidFields', () => {
  it('lists a gate’s invalid fields in form order (k above the capacity factor, above Load)', () => {
    const config = parseModelConfig({ template: 'moe-dnn' }) as Record<string, unknown>;
    const router = { ...(config.router as Record<string, unknown>), k: 9, capacityFactor: -1, noisy: false, load: 0.1 };
    const errors = validateConfig('moe-dnn', { ...config, router });
    expect(Object.keys(errors).sort()).toEqual(['router.capacityFactor', 'router.k', 'router.load']);
    const fields = invalidFields(errors, {}, ['router'], 'router', schemaOf('moe-dnn'));
    expect(fields.map((f) => f.path)).toEqual(['router.k', 'router.capacityFactor', 'router.load']);
    expect(fields[0].label).toBe('Router experts per token (k)');
  });
});

describe('fixFieldsText (the launch bar’s link to the invalid fields)', () => {
  it('names every invalid field, not just the first', () => {
    expect(fixFieldsText([{ label: 'Epochs' }, { label: 'Learning rate' }], false)).toBe('Fix 2 fields: Epochs, Learning rate');
    expect(fixFieldsText([{ label: 'Epochs' }], true)).toBe('Fix 2 fields: Epochs, Class weights');
    expect(fixFieldsText([], true)).toBe('Fix 1 field: Class weights');
  });

  it('counts the rest past three names, every name in the title', () => {
    const many = ['A', 'B', 'C', 'D', 'E'].map((label) => ({ label }));
    expect(fixFieldsText(many, false)).toBe('Fix 5 fields: A, B, C, +2 more');
    expect(fixFieldsText(many, false, true)).toBe('Fix 5 fields: A, B, C, D, E');
    expect(fixFieldsText(many.slice(0, 4), false)).toBe('Fix 4 fields: A, B, C, D');
  });
});
