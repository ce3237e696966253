// The Models cards count the gates a run will have. The run's panels and knockout table list the gates the
// engine builds (`gatesOf`); this checks the card's count against the engine itself, for every template,
// with gates repeated (more blocks, layers, modalities), ablated, and of other kinds.
import { describe, expect, it } from 'vitest';
import { defaultModelConfig, TEMPLATES, type TemplateId } from '../../common/models';
import { buildModel } from '../../engine/models';
import { gatesOf } from '../../engine/analytics/analytics-graph';
import { SMALL } from '../../engine/models/fixtures/small-configs';
import { gateCountText, gateInstances, gateNamesText } from './gate-instances';

type Obj = Record<string, unknown>;
const three = { modalities: [{ name: 'text', dim: 4 }, { name: 'image', dim: 3 }, { name: 'audio', dim: 2 }] };
/** Config variants per template: each changes how many gates the engine builds. */
const VARIANTS: [TemplateId, Obj][] = [
  ['tsmixer-gated', { blocks: 3 }],
  ['tsmixer-gated', { feedForward: 'glu' }],
  ['tsmixer-gated', { feedForward: 'swiglu', blocks: 1 }],
  ['tsmixer-gated', { gate: { kind: 'hard' } }],
  ['tsmixer-gated', { gate: { kind: 'sigmoid', enabled: false } }],
  ['patch-transformer-gated', { layers: 3 }],
  ['patch-transformer-gated', { attentionGate: { kind: 'gated-attention', enabled: false } }],
  ['gla', { layers: 2 }],
  ['gla', { gla: { kind: 'gla', heads: 2, rank: 4, chunkSize: 2, enabled: false } }],
  ['tft-lite', { selection: { kind: 'variable-selection', hidden: 8, enabled: false } }],
  ['tft-lite', { grn: { kind: 'grn', enabled: false } }],
  ['moe-forecaster', { router: { kind: 'topk-router', experts: 3, k: 2, enabled: false } }],
  ['finalmlp', { gate1: { kind: 'sigmoid', enabled: false } }],
  ['mmoe', { gate: { kind: 'mmoe', experts: 3, tasks: 2, enabled: false } }],
  ['gmu', three],
  ['gmu', { gate: { kind: 'gmu', hidden: 5, bimodal: false } }],
  ['gmu', { gate: { kind: 'gmu', hidden: 5, enabled: false } }],
  ['gated-cross-attention', three],
  ['gated-cross-attention', { gate: { kind: 'gated-attention', enabled: false } }],
  ['early-exit-mlp', { blocks: 4 }],
  ['early-exit-mlp', { gate: { kind: 'early-exit', enabled: false } }],
];

/** The small config with `over` on top, gate objects merged over the small config's (then parsed, as the lab does). */
function configOf(id: TemplateId, over: Obj = {}): Obj {
  const base = SMALL[id] as Obj;
  const merged: Obj = { ...base, ...over };
  for (const [k, v] of Object.entries(over)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) merged[k] = { ...(base[k] as Obj | undefined), ...(v as Obj) };
  }
  return defaultModelConfig(id, merged) as unknown as Obj;
}

const engineGates = (config: Obj) => gatesOf(buildModel(config)).map((g) => g.gate);

describe('gateInstances', () => {
  it('lists the gates the engine builds, for every template and for configs that change their number', () => {
    const cases: [TemplateId, Obj][] = [...TEMPLATES.map((t) => [t.id, {}] as [TemplateId, Obj]), ...VARIANTS];
    for (const [id, over] of cases) {
      const config = configOf(id, over);
      expect(gateInstances(id, config).ids, `${id} ${JSON.stringify(over)}`).toEqual(engineGates(config));
    }
  });

  it('says how many gates a run of tsmixer-gated has, one per block, by the run panels\' names', () => {
    const config = configOf('tsmixer-gated', { blocks: 2 });
    const g = gateInstances('tsmixer-gated', config);
    expect(gateCountText(g)).toBe('2 gates (1 per block)');
    expect(gateNamesText('tsmixer-gated', config, g)).toBe('block 1 gate, block 2 gate');
    expect(gateCountText(gateInstances('tsmixer-gated', configOf('tsmixer-gated', { blocks: 1 })))).toBe('1 gate');
    expect(gateCountText(gateInstances('gla', configOf('gla', { layers: 2 })))).toBe('4 gates (2 per layer)');
    expect(gateCountText(gateInstances('gated-cross-attention', configOf('gated-cross-attention', three)))).toBe('3 gates (1 per modality)');
    expect(gateCountText(gateInstances('finalmlp', configOf('finalmlp')))).toBe('2 gates');
  });

  it('says "gates off" when every gate is ablated, and nothing for a template it does not know', () => {
    expect(gateCountText(gateInstances('moe-dnn', configOf('moe-dnn', { router: { kind: 'topk-router', experts: 3, k: 2, enabled: false } })))).toBe('gates off');
    expect(gateInstances('no-such-template', {}).ids).toEqual([]);
  });
});
