// Runs started from the Models form that differ only in their gates are named apart (newcomer audit: the
// default sigmoid gate, "Gate kind: Hard gate" and "Ablate" were all "tsmixer-gated on Demo: grid load
// (forecasting)"). The form's values are built here as the form builds them: the lab's template defaults
// (defaultModelConfig), the kind picker's switch (defaultValue of the picked variant), the Ablate button.
import { describe, expect, it } from 'vitest';
import { defaultModelConfig, templateJsonSchema, type TemplateId } from '../../common/models';
import { defaultValue, tagOf, variants, type JsonSchema } from './json-schema';
import { childChangeWords, formRunName, gateWords } from './gate-words';
import { changedWords, childRunName } from './run-label';

type Obj = Record<string, unknown>;
const defaults = (t: string) => structuredClone(defaultModelConfig(t as TemplateId)) as unknown as Obj;
/** What SchemaForm's kind picker puts in the gate field when `kind` is picked. */
const picked = (t: string, field: string, kind: string) => {
  const union = (templateJsonSchema(t as TemplateId) as JsonSchema).properties![field];
  return defaultValue(variants(union).find((v) => tagOf(v) === kind)!) as Obj;
};
/** models.toggleGate: the gate's settings kept, `enabled` flipped. */
const ablated = (config: Obj, field: string) => ({ ...config, [field]: { ...(config[field] as Obj), enabled: false } });
const DATA = 'Demo: grid load (forecasting)';

describe('gateWords', () => {
  it('names the audit’s three tsmixer-gated runs apart: the default, a hard gate, the ablation', () => {
    const plain = defaults('tsmixer-gated');
    const hard = { ...plain, gate: picked('tsmixer-gated', 'gate', 'hard') };
    expect(formRunName('tsmixer-gated', plain, DATA)).toBe('tsmixer-gated on Demo: grid load (forecasting)');
    expect(formRunName('tsmixer-gated', hard, DATA)).toBe('tsmixer-gated · hard gate on Demo: grid load (forecasting)');
    expect(formRunName('tsmixer-gated', ablated(plain, 'gate'), DATA)).toBe('tsmixer-gated · gates off on Demo: grid load (forecasting)');
    // a hard gate switched off is the same ungated baseline
    expect(gateWords('tsmixer-gated', ablated(hard, 'gate'))).toBe('gates off');
    // before a dataset is picked
    expect(formRunName('tsmixer-gated', hard, null)).toBe('tsmixer-gated · hard gate');
  });

  it('adds the gate fields changed from the defaults, named as "New run from this" names them', () => {
    const plain = defaults('tsmixer-gated');
    expect(gateWords('tsmixer-gated', { ...plain, gate: { ...(plain.gate as Obj), granularity: 'element' } })).toBe('granularity=element');
    // compared with the hard gate's own defaults, not the sigmoid's: only what the user typed
    const hard = { ...plain, gate: { ...picked('tsmixer-gated', 'gate', 'hard'), threshold: 0.7 } };
    expect(gateWords('tsmixer-gated', hard)).toBe('hard gate · threshold=0.7');
    // the words are changedWords': the same as a child run's name would say for this change
    expect(childRunName('x', changedWords({ threshold: 0.5 }, { threshold: 0.7 }))).toBe('x · threshold=0.7');
    // changes to the rest of the model are not gate words
    expect(gateWords('tsmixer-gated', { ...plain, dropout: 0.5 })).toBe('');
  });

  it('names each gate of a template with several by its key; all of them off is "gates off"', () => {
    const f = defaults('finalmlp');
    expect(gateWords('finalmlp', f)).toBe(''); // FinalMLP's default gate has scale 2: not a change
    expect(gateWords('finalmlp', ablated(f, 'gate1'))).toBe('gate1 off');
    expect(gateWords('finalmlp', ablated(ablated(f, 'gate1'), 'gate2'))).toBe('gates off');
    // the same field changed in both gates: the full paths keep them apart
    const both = { ...f, gate1: { ...(f.gate1 as Obj), initBias: 1 }, gate2: { ...(f.gate2 as Obj), initBias: -1 } };
    expect(gateWords('finalmlp', both)).toBe('gate1.initBias=1 · gate2.initBias=-1');
  });

  it('labelled (Compare’s settings column): the Models form’s labels, not the config keys', () => {
    const plain = defaults('tsmixer-gated');
    expect(gateWords('tsmixer-gated', { ...plain, gate: { ...(plain.gate as Obj), granularity: 'element' } }, 3, true)).toBe('Gate granularity = element');
    const f = defaults('finalmlp');
    expect(gateWords('finalmlp', ablated(f, 'gate1'), 3, true)).toBe('Stream 1 feature gate off');
    const both = { ...f, gate1: { ...(f.gate1 as Obj), initBias: 1 }, gate2: { ...(f.gate2 as Obj), initBias: -1 } };
    expect(gateWords('finalmlp', both, 3, true)).not.toMatch(/\.|=\S/);
    // a run's automatic name keeps the short keys
    expect(formRunName('tsmixer-gated', { ...plain, gate: { ...(plain.gate as Obj), granularity: 'element' } }, null)).toBe('tsmixer-gated · granularity=element');
  });

  it('says nothing for a baseline, an unknown template, or a stored config that leaves its gate out', () => {
    expect(gateWords('dlinear', defaults('dlinear'))).toBe('');
    expect(formRunName('dlinear', defaults('dlinear'), 'loads')).toBe('dlinear on loads');
    expect(gateWords('no-such-template', { gate: { enabled: false } })).toBe('');
    expect(gateWords('tsmixer-gated', { template: 'tsmixer-gated' })).toBe('');
    // a stored gate holding only some fields: the rest are the defaults, not "unset"
    expect(gateWords('tsmixer-gated', { gate: { kind: 'hard' } })).toBe('hard gate');
  });
});

describe('childChangeWords ("New run from this")', () => {
  it('names a child that turns the gates off "gates off", as a fresh ablation is named, not "enabled=false"', () => {
    const parent = defaults('tsmixer-gated');
    const name = childRunName('tsmixer-gated on Demo: grid load (forecasting) seed=1', childChangeWords('tsmixer-gated', parent, ablated(parent, 'gate')));
    expect(name).toBe('tsmixer-gated on Demo: grid load (forecasting) · gates off');
    // other changes beside it are still named; a child that changes no gate reads as before
    expect(childChangeWords('tsmixer-gated', parent, { ...ablated(parent, 'gate'), ffDim: 32 })).toBe('gates off · ffDim=32');
    expect(childChangeWords('tsmixer-gated', parent, { ...parent, ffDim: 32 })).toBe(changedWords(parent, { ...parent, ffDim: 32 }));
  });

  it('a template with several gates: one of them off is still named by its key', () => {
    const f = defaults('finalmlp');
    expect(childChangeWords('finalmlp', f, ablated(f, 'gate1'))).toBe(changedWords(f, ablated(f, 'gate1')));
    expect(childChangeWords('finalmlp', f, ablated(ablated(f, 'gate1'), 'gate2'))).toBe('gates off');
  });
});
