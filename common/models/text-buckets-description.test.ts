// The textBuckets field's description (the Models form's help, `gatelab templates`) says what a fusion run
// hashes: read from the binding's own text step, not from what the hashing code could do (it also has
// character n-grams, which no fusion binding uses).
import { describe, expect, it } from 'vitest';
import { DataColumns, pipelineFor } from './binding';
import { PipelineSpec } from '../data/pipeline';
import { hashedNgrams } from '../data/text-hashing';
import { ModelConfig } from './index';
import type { z } from 'zod';

describe('textBuckets', () => {
  it('is described as the n-grams the fusion binding hashes (word 1- and 2-grams)', () => {
    const columns = DataColumns.parse({ family: 'fusion', modalities: [{ name: 'text', columns: ['review'] }, { name: 'tab', columns: ['age'] }], label: 'y' });
    const spec = PipelineSpec.parse(pipelineFor((c) => (c === 'review' ? 'text' : 'float'), columns));
    const step = spec.steps.find((s) => s.transform === 'hashed-ngrams');
    if (step?.transform !== 'hashed-ngrams') throw new Error('the fusion binding has no text step');
    const state = hashedNgrams(step);
    expect([state.unit, state.ngrams]).toEqual(['word', [1, 2]]);
    const gmu = ModelConfig.options.find((s) => (s.shape.template as z.ZodLiteral<string>).value === 'gmu')!;
    const description = (gmu.shape as Record<string, z.ZodType>).textBuckets.description ?? '';
    expect(description).toContain(`${state.unit} ${state.ngrams[0]}- and ${state.ngrams[1]}-grams`);
    expect(description).not.toMatch(/char/);
  });
});
