import { describe, expect, it } from 'vitest';
import { ConfigError } from '../gates';
import { TEMPLATES, TEMPLATE_IDS, defaultModelConfig, parseModelConfig, templateInfo, templateJsonSchema } from './index';

const EXPECTED = [
  'linear', 'nlinear', 'dlinear', 'mlp', 'tsmixer-gated', 'patch-transformer-gated', 'gla', 'tft-lite', 'moe-forecaster',
  'lr', 'dnn', 'deepfm', 'dcn-v2', 'finalmlp', 'mmoe', 'moe-dnn',
  'concat-fusion', 'late-fusion', 'gmu', 'moe-fusion', 'gated-cross-attention', 'early-exit-mlp',
];

describe('model templates', () => {
  it('lists exactly the issue’s kebab-case template ids, by family, baselines first', () => {
    expect(TEMPLATE_IDS).toEqual(EXPECTED);
    expect(TEMPLATES.filter((t) => t.family === 'recsys').map((t) => t.id)).toEqual(EXPECTED.slice(9, 16));
    expect(templateInfo('dlinear').baseline).toBe(true);
    expect(templateInfo('finalmlp').gates).toEqual(['gate1', 'gate2']);
    expect(templateInfo('moe-dnn').gates).toEqual(['router']);
  });

  it('every template parses from its id alone and round-trips through JSON', () => {
    for (const id of TEMPLATE_IDS) {
      const c = defaultModelConfig(id);
      expect(c.template).toBe(id);
      expect(parseModelConfig(JSON.parse(JSON.stringify(c)))).toEqual(c);
      expect(JSON.stringify(templateJsonSchema(id))).toContain('"template"');
    }
  });

  it('fills paper defaults into nested gates', () => {
    const f = defaultModelConfig('finalmlp');
    expect(f.gate1).toMatchObject({ kind: 'sigmoid', scale: 2 });
    expect(defaultModelConfig('tsmixer-gated').gate.granularity).toBe('channel');
    expect(defaultModelConfig('gla').gla.rank).toBe(16);
    expect(defaultModelConfig('moe-dnn').router).toMatchObject({ kind: 'topk-router', k: 2 });
    expect(defaultModelConfig('dlinear', { lookback: 512 }).lookback).toBe(512);
    // a window beyond 4,096 steps is refused by the schema, before DLinear builds its L×L moving average
    // (a lookback of 30,000 typed in the form took the lab's memory)
    expect(() => parseModelConfig({ template: 'dlinear', lookback: 30_000 })).toThrow(/lookback/);
    expect(() => parseModelConfig({ template: 'tsmixer-gated', horizon: 5000 })).toThrow(/horizon/);
    // a partial gate (from --set model.gate.enabled=false) keeps the template's other gate defaults
    expect(defaultModelConfig('tsmixer-gated', { gate: { enabled: false } }).gate).toMatchObject({ kind: 'sigmoid', enabled: false, granularity: 'channel' });
    expect(defaultModelConfig('finalmlp', { gate2: { initBias: 1 } }).gate2).toMatchObject({ scale: 2, initBias: 1 });
    expect(defaultModelConfig('moe-forecaster', { router: { kind: 'topk-router', k: 1 } }).router).toMatchObject({ kind: 'topk-router', k: 1, experts: 8 });
  });

  it('names the field of an invalid config', () => {
    expect(() => defaultModelConfig('dlinear', { kernel: 24 })).toThrow(/template 'dlinear': field 'kernel': kernel must be odd \(got 24\)/);
    expect(() => defaultModelConfig('patch-transformer-gated', { dModel: 30, heads: 4 })).toThrow(/field 'heads'/);
    expect(() => defaultModelConfig('moe-dnn', { router: { kind: 'topk-router', experts: 2, k: 3 } })).toThrow(/field 'router.k'/);
    expect(() => defaultModelConfig('moe-fusion', { router: { kind: 'softmax-router', experts: 3 } })).toThrow(/field 'router.experts'/);
    expect(() => defaultModelConfig('lr', { fields: [] })).toThrow(ConfigError);
    expect(() => parseModelConfig({ template: 'resnet' })).toThrow(/known templates: linear, nlinear/);
    expect(() => templateInfo('resnet')).toThrow(/unknown template 'resnet'/);
  });
});
