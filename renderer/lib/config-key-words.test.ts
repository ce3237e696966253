// The models' cross-field checks name `--set` keys ("heads must divide dModel"); the app says the form's
// labels instead, while the shared message (the CLI's) keeps the keys a user types back.
import { describe, expect, it } from 'vitest';
import { defaultModelConfig, ModelConfig, templateJsonSchema } from '../../common/models';
import { validateConfig } from '../stores/models-validation';
import { configKeysInWords } from './config-key-words';
import type { JsonSchema } from './json-schema';

const defaults = (id: string) => defaultModelConfig(id as never) as Record<string, unknown>;
const schemaOf = (id: string) => templateJsonSchema(id as never) as JsonSchema;

describe('config keys in a model check’s message, in the form’s words', () => {
  it('says "Model width (d_model)" where the forecasting check says dModel, in the form only', () => {
    const config = { ...defaults('patch-transformer-gated'), dModel: 30 };
    expect(validateConfig('patch-transformer-gated', config).heads).toBe(
      'Attention heads must divide Model width (d_model) (got Model width (d_model) = 30, Attention heads = 4)',
    );
    // the shared message the CLI prints keeps its --set keys
    const r = ModelConfig.safeParse({ ...config, template: 'patch-transformer-gated' });
    expect(r.success ? '' : r.error.issues[0].message).toBe('heads must divide dModel (got dModel=30, heads=4)');
  });

  it('does the same for the fusion check (gated cross-attention)', () => {
    const modalities = [{ name: 'a', dim: 4 }, { name: 'b', dim: 3 }];
    const r = validateConfig('gated-cross-attention', { ...defaults('gated-cross-attention'), modalities, dModel: 30, heads: 4 });
    expect(r.heads).toBe('Attention heads must divide Model width (d_model) (got Model width (d_model) = 30, Attention heads = 4)');
  });

  it('names a gate’s own keys with the gate’s labels, and a top-level key from inside the gate', () => {
    const router = { ...(defaults('moe-dnn').router as object), experts: 2, k: 3 };
    expect(validateConfig('moe-dnn', { ...defaults('moe-dnn'), router })['router.k']).toBe(
      'Router experts per token (k) must be at most experts (got Router experts per token (k) = 3, Router experts = 2)',
    );
    const gla = schemaOf('gla');
    expect(configKeysInWords('must divide dModel (32) and the key width (24)', gla, ['gla', 'heads'])).toBe(
      'must divide Model width (d_model) (32) and the key width (24)',
    );
  });

  it('leaves English words, unknown words and --set advice as written', () => {
    const s = schemaOf('early-exit-mlp');
    expect(configKeysInWords('one weight per exit: 3 blocks need 3 weights, got 2', s, ['exitWeights'])).toBe('one weight per exit: 3 blocks need 3 weights, got 2');
    expect(configKeysInWords('e.g. notAKey=3, then --set dropout=0', s, ['exitWeights'])).toBe('e.g. notAKey=3, then --set dropout=0');
  });
});
