import { describe, expect, it } from 'vitest';
import { gateLabel, gateNamesFromConfig, knockoutLabel, statComponentNames } from './gate-names';

// Configs as the lab stores them (trimmed): a 3-modality GMU, MoE fusion, gated cross-attention, a TFT forecaster.
const modalities = [{ name: 'context', dim: 5 }, { name: 'sensor', dim: 8 }, { name: 'camera', dim: 8 }];
const gmu = gateNamesFromConfig({ model: { template: 'gmu', modalities, gate: { kind: 'gmu', bimodal: false } } });
const moe = gateNamesFromConfig({ model: { template: 'moe-fusion', modalities, router: { experts: 3 } } });
const cross = gateNamesFromConfig({ model: { template: 'gated-cross-attention', modalities } });
const tft = gateNamesFromConfig({
  model: { template: 'tft-lite', channels: 3 },
  data: { columns: [{ name: 'timestamp', role: 'time' }, { name: 'load_1', role: 'feature' }, { name: 'load_2', role: 'feature' }, { name: 'temp', role: 'feature' }] },
});

describe('gate names from the run config', () => {
  it("GMU gates and cross-attention gates carry the user's modality names", () => {
    expect(['gmu.z0', 'gmu.z1', 'gmu.z2'].map((g) => gateLabel(g, gmu))).toEqual(['gmu · context', 'gmu · sensor', 'gmu · camera']);
    expect(knockoutLabel({ gate: 'gmu.z2', mode: 'closed' }, gmu)).toBe('gmu · camera closed');
    expect(gateLabel('val.cross1.gate', cross)).toBe('cross-attention · sensor (validation)');
    expect(gateLabel('loss.router')).toBe('router · auxiliary loss');
    expect(['cross0', 'cross1.gate', 'cross2'].map((g) => gateLabel(g, cross))).toEqual(['cross-attention · context', 'cross-attention · sensor', 'cross-attention · camera']);
  });

  it('router knockouts name the expert (and in MoE fusion the modality it sees); selection names the variable', () => {
    expect(knockoutLabel({ gate: 'router', kind: 'router', mode: 'single', expert: 2 })).toBe('router only expert 2');
    expect(knockoutLabel({ gate: 'router', kind: 'router', mode: 'single', expert: 2 }, moe)).toBe('router only expert 2 (camera)');
    expect(knockoutLabel({ gate: 'router', kind: 'router', mode: 'uniform' }, moe)).toBe('router uniform');
    expect(knockoutLabel({ gate: 'selection', kind: 'selection', mode: 'single', expert: 2 }, tft)).toBe('selection only temp');
  });

  it('without names (an older config, a count that does not match) ids stay readable, never wrong', () => {
    expect(gateLabel('gmu.z1')).toBe('gmu.z1');
    expect(gateLabel('gate1', gmu)).toBe('gate1');
    expect(gateLabel('gmu.z7', gmu)).toBe('gmu · modality 7');
    expect(gateNamesFromConfig({ model: { channels: 7 }, data: { columns: [{ name: 'a', role: 'feature' }] } }).variables).toEqual([]);
    expect(gateNamesFromConfig(null)).toEqual({ modalities: [], variables: [], template: '' });
  });

  it('legend names of vector statistics', () => {
    expect(statComponentNames('gmu', 'modality_weights', 3, gmu)).toEqual(['context', 'sensor', 'camera']);
    expect(statComponentNames('gmu', 'modality_weights', 2, gmu)).toEqual(['modality 0', 'modality 1']);
    expect(statComponentNames('router', 'load', 3, moe)).toEqual(['expert 0 (context)', 'expert 1 (sensor)', 'expert 2 (camera)']);
    expect(statComponentNames('router', 'load', 2)).toEqual(['expert 0', 'expert 1']);
    expect(statComponentNames('gate1', 'openness_hist', 10)).toBeNull();
    // a channel gate's openness per channel is named by the dataset's channels (TSMixer: one per column)
    expect(statComponentNames('block0.gate', 'openness_by_channel', 3, tft)).toEqual(['load_1', 'load_2', 'temp']);
    expect(statComponentNames('block0.gate', 'openness_by_channel', 2, tft)).toEqual(['channel 0', 'channel 1']);
    expect(statComponentNames('attn.gate', 'openness_by_head', 2)).toEqual(['head 0', 'head 1']);
  });
});
