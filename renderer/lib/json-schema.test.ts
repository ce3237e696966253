// The form's reading of real template schemas (common/models, as the lab sends them): unions get a kind
// picker whose switch yields a config the lab's own zod schema accepts, and lists of objects are shown.
import { describe, expect, it } from 'vitest';
import { TEMPLATES, templateJsonSchema } from '../../common/models';
import { TRAINING_SCHEMA, validateConfig } from '../stores/models.svelte';
import { defaultValue, kindLabel, summaryOf, tagOf, variantFor, variants, widgetOf, type JsonSchema } from './json-schema';

const schemaOf = (id: string) => templateJsonSchema(id as never) as JsonSchema;

describe('json-schema for the config forms', () => {
  it('reads the MoE forecaster’s router as a union whose variants’ defaults are valid configs', () => {
    const router = schemaOf('moe-forecaster').properties!.router;
    expect(widgetOf(router)).toBe('union');
    expect(variants(router).map(tagOf)).toEqual(['softmax-router', 'topk-router', 'sinkhorn-router']);
    expect(variants(router).map(kindLabel)).toEqual(['Dense softmax router', 'Top-k router', 'Sinkhorn router']); // the picker's names
    expect(tagOf(variantFor(router, { kind: 'topk-router' })!)).toBe('topk-router');
    for (const v of variants(router)) {
      const value = defaultValue(v) as Record<string, unknown>;
      expect(value.kind).toBe(tagOf(v));
      expect(validateConfig('moe-forecaster', { router: value }), String(tagOf(v))).toEqual({});
    }
    expect(defaultValue(variants(router)[1])).toMatchObject({ kind: 'topk-router', experts: 8, k: 2, noisy: true, enabled: true });
  });

  it('shows fusion modalities as a read-only list, never as a text box', () => {
    const modalities = schemaOf('gmu').properties!.modalities;
    expect(widgetOf(modalities)).toBe('object-list');
    expect(summaryOf([{ name: 'sensor', dim: 8 }, { name: 'camera', dim: 12 }])).toBe('sensor (8), camera (12)');
  });

  it('gives every field of every template, gate and the training settings a widget', () => {
    const walk = (s: JsonSchema, at: string): string[] => Object.entries(s.properties ?? {}).flatMap(([k, p]) => {
      const w = widgetOf(p);
      if (w === 'object') return walk(p, `${at}${k}.`);
      if (w === 'union') return variants(p).flatMap((v) => walk(v, `${at}${k}.`));
      return w === 'unknown' ? [`${at}${k}`] : [];
    });
    expect(TEMPLATES.flatMap((t) => walk(schemaOf(t.id), `${t.id}:`))).toEqual([]);
    expect(walk(TRAINING_SCHEMA as JsonSchema, 'training:')).toEqual([]);
  });
});
