// Labels and messages as the Models form shows them, read from the real template schemas and the
// real zod issues of common/models (the same ones the lab validates with).
import { describe, expect, it } from 'vitest';
import { defaultModelConfig, TEMPLATES, templateJsonSchema } from '../../common/models';
import { TRAINING_SCHEMA, validateConfig } from '../stores/models.svelte';
import { fieldLabel, kindFieldLabel, pathLabel } from './field-labels';
import { variants, widgetOf, type JsonSchema } from './json-schema';

const schemaOf = (id: string) => templateJsonSchema(id as never) as JsonSchema;
const defaults = (id: string) => defaultModelConfig(id as never) as Record<string, unknown>;

describe('field labels', () => {
  it('names common keys in words, and short descriptions are used as names', () => {
    const tsmixer = schemaOf('tsmixer-gated').properties!;
    expect(fieldLabel('ffDim', tsmixer.ffDim)).toBe('Feed-forward width');
    expect(fieldLabel('dModel', schemaOf('patch-transformer-gated').properties!.dModel)).toBe('Model width (d_model)');
    expect(fieldLabel('length', tsmixer.patch.properties!.length)).toBe('Patch length'); // its description
    expect(fieldLabel('scale', { description: 's in y = s·σ(xW+b)⊙v' })).toBe('Scale'); // a formula is no name
    expect(fieldLabel('anything', { title: 'From the title' })).toBe('From the title');
    expect(pathLabel(schemaOf('tsmixer-gated'), ['patch', 'stride']).label).toBe('Patch stride');
    expect(pathLabel(schemaOf('moe-forecaster'), ['router', 'temperature']).label).toBe('Router temperature');
    // a name keeps its capital after its group's name (the form labels the box with this, as the bar does)
    expect(pathLabel(TRAINING_SCHEMA as JsonSchema, ['optimizer', 'beta1']).label).toBe('Optimizer Adam β1');
    expect(pathLabel(TRAINING_SCHEMA as JsonSchema, ['optimizer', 'lr']).label).toBe('Optimizer learning rate');
  });

  it('never spells a key out as "Ff dim" or "D model" anywhere in the forms', () => {
    const labels: string[] = [];
    const walk = (s: JsonSchema) => {
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        labels.push(fieldLabel(k, p));
        if (widgetOf(p) === 'object') walk(p);
        for (const v of variants(p)) walk(v);
      }
    };
    for (const t of TEMPLATES) walk(schemaOf(t.id));
    walk(TRAINING_SCHEMA as JsonSchema);
    expect(labels.filter((l) => /^(Ff dim|D model|Topk|Lr|Gate1|Stream1)\b/.test(l))).toEqual([]);
  });
});

describe('validation messages name the field by its label', () => {
  it('says what a bound means instead of zod’s wording', () => {
    expect(validateConfig('tsmixer-gated', { ...defaults('tsmixer-gated'), ffDim: -1 })).toEqual({ ffDim: 'Feed-forward width must be greater than 0' });
    expect(validateConfig('tsmixer-gated', { ...defaults('tsmixer-gated'), ffDim: 5000 })).toEqual({ ffDim: 'Feed-forward width must be at most 4096' });
    expect(validateConfig('moe-forecaster', { ...defaults('moe-forecaster'), router: { kind: 'topk-router', k: 100 } })['router.k']).toBe('Router experts per token (k) must be at most 64');
  });

  it('asks for the rest of a partly filled optional group', () => {
    const r = validateConfig('tsmixer-gated', { ...defaults('tsmixer-gated'), patch: { length: 16, dModel: 8 } });
    expect(r).toEqual({ 'patch.stride': 'Patch stride is needed when patching is on' });
  });

  it('rewrites our own refinements’ raw paths into labels', () => {
    const r = validateConfig('tsmixer-gated', { ...defaults('tsmixer-gated'), patch: { length: 8, stride: 9, dModel: 8 } });
    expect(r['patch.stride']).toBe('Patch stride must be at most the patch length (got 9 > 8)');
  });
});

describe('walk-through wording (labels and messages of the real schemas)', () => {
  it('asks for numbers when a number list holds text, instead of saying it is missing', () => {
    const r = validateConfig('moe-dnn', { ...defaults('moe-dnn'), expertHidden: ['abc'] });
    expect(r['expertHidden.0']).toBe("Expert hidden widths must be numbers separated by commas (got 'abc')");
    expect(validateConfig('moe-dnn', { ...defaults('moe-dnn'), expertHidden: [64, Number.NaN] })['expertHidden.1']).toBe('Expert hidden widths must be numbers separated by commas');
  });

  it('starts a refinement’s message with the field label, not its key ("k must be…")', () => {
    const router = { ...(defaults('moe-dnn').router as object), experts: 2, k: 3 };
    expect(validateConfig('moe-dnn', { ...defaults('moe-dnn'), router })['router.k']).toBe('Router experts per token (k) must be at most experts (got Router experts per token (k) = 3, Router experts = 2)');
    // With no experts at all the first problem is the experts, in words (k's, if named too, reads the same way).
    const none = validateConfig('moe-dnn', { ...defaults('moe-dnn'), router: { ...router, experts: 0 } });
    expect(Object.keys(none)[0]).toBe('router.experts');
    expect(none['router.experts']).toBe('Router experts must be at least 2');
    for (const m of Object.values(none)) expect(m).toMatch(/^Router (experts|experts per token \(k\)) must be/);
  });

  it('keeps a schema’s own message, which says what to do (GMU on one modality)', () => {
    const r = validateConfig('gmu', { ...defaults('gmu'), modalities: [{ name: 'tabular', dim: 102 }] });
    expect(r.modalities).toMatch(/^Modalities: gmu fuses at least 2 modalities; for a one-modality dataset use concat-fusion/);
  });

  it('names each kind picker after its group, and a single width in the singular', () => {
    expect(kindFieldLabel('router.')).toBe('Router kind');
    expect(kindFieldLabel('router.schedule.')).toBe('Router temperature schedule');
    expect(kindFieldLabel('schedule.')).toBe('Learning-rate schedule');
    expect(kindFieldLabel('optimizer.')).toBe('Optimizer kind');
    expect(kindFieldLabel('')).toBe('Kind');
    const gmuGate = schemaOf('gmu').properties!.gate;
    expect(fieldLabel('hidden', gmuGate.properties!.hidden)).toBe('Hidden width');
    expect(fieldLabel('hidden', schemaOf('gmu').properties!.hidden)).toBe('Hidden widths');
  });
});
