// The launch bar names the first invalid field: the first in the form, whatever order the checks ran in.
import { describe, expect, it } from 'vitest';
import { parseModelConfig } from '../../common/models';
import { invalidFields, schemaOf, validateConfig } from './models-validation';

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
