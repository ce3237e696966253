import { describe, expect, it } from 'vitest';
import { gateLabel, gateNamesFromConfig, headingFor, knockoutLabel, statComponentNames, storedNameLegend } from './gate-names';

// Configs as the lab stores them (trimmed): a 3-modality GMU, MoE fusion, gated cross-attention, a TFT forecaster.
const modalities = [{ name: 'context', dim: 5 }, { name: 'sensor', dim: 8 }, { name: 'camera', dim: 8 }];
const gmu = gateNamesFromConfig({ model: { template: 'gmu', modalities, gate: { kind: 'gmu', bimodal: false } } });
const moe = gateNamesFromConfig({ model: { template: 'moe-fusion', modalities, router: { experts: 3 } } });
const cross = gateNamesFromConfig({ model: { template: 'gated-cross-attention', modalities } });
const tft = gateNamesFromConfig({
  model: { template: 'tft-lite', channels: 3 },
  data: { columns: [{ name: 'timestamp', type: 'datetime', role: 'time' }, { name: 'load_1', type: 'float', role: 'feature' }, { name: 'load_2', type: 'float', role: 'feature' }, { name: 'temp', type: 'float', role: 'feature' }] },
});

describe('gate names from the run config', () => {
  it("GMU gates and cross-attention gates carry the user's modality names", () => {
    expect(['gmu.z0', 'gmu.z1', 'gmu.z2'].map((g) => gateLabel(g, gmu))).toEqual(['gmu · context', 'gmu · sensor', 'gmu · camera']);
    expect(knockoutLabel({ gate: 'gmu.z2', mode: 'closed' }, gmu)).toBe('gmu · camera closed');
    // a bimodal GMU has one gate z weighing the first modality: open keeps it alone, closed the second
    const bimodal = gateNamesFromConfig({ model: { template: 'gmu', modalities: modalities.slice(1), gate: { kind: 'gmu', bimodal: true } } });
    expect(['open', 'closed', 'mean'].map((mode) => knockoutLabel({ gate: 'gmu', mode: mode as 'open' }, bimodal))).toEqual(['gmu open (sensor only)', 'gmu closed (camera only)', 'gmu mean']);
    expect(gateLabel('val.cross1.gate', cross)).toBe('cross-attention · sensor (validation)');
    expect(gateLabel('loss.router')).toBe('router · auxiliary loss');
    expect(['cross0', 'cross1.gate', 'cross2'].map((g) => gateLabel(g, cross))).toEqual(['cross-attention · context', 'cross-attention · sensor', 'cross-attention · camera']);
  });

  it('router knockouts name the expert (and in MoE fusion the modality it sees); selection names the variable', () => {
    expect(knockoutLabel({ gate: 'router', kind: 'router', mode: 'single', expert: 2 })).toBe('router only expert 2');
    expect(knockoutLabel({ gate: 'router', kind: 'router', mode: 'single', expert: 2 }, moe)).toBe('router only expert 2 (camera)');
    expect(knockoutLabel({ gate: 'router', kind: 'router', mode: 'uniform' }, moe)).toBe('router uniform');
    expect(knockoutLabel({ gate: 'selection', kind: 'selection', mode: 'single', expert: 2 }, tft)).toBe('variable selection only temp');
  });

  it('without names (an older config, a count that does not match) ids stay readable, never wrong', () => {
    expect(gateLabel('gmu.z1')).toBe('gmu.z1');
    expect(gateLabel('gate7', gmu)).toBe('gate7');
    expect(gateLabel('gmu.z7', gmu)).toBe('gmu · modality 7');
    expect(gateNamesFromConfig({ model: { channels: 7 }, data: { columns: [{ name: 'a', role: 'feature' }] } }).variables).toEqual([]);
    expect(gateNamesFromConfig(null)).toEqual({ modalities: [], variables: [], template: '' });
  });

  it('legend names of vector statistics', () => {
    expect(statComponentNames('gmu', 'modality_weights', 3, gmu)).toEqual(['context', 'sensor', 'camera']);
    expect(statComponentNames('gmu', 'modality_weights', 2, gmu)).toEqual(['modality 0', 'modality 1']);
    expect(statComponentNames('router', 'load', 3, moe)).toEqual(['expert 0 (context)', 'expert 1 (sensor)', 'expert 2 (camera)']);
    expect(statComponentNames('router', 'load', 2)).toEqual(['expert 0', 'expert 1']);
    // the same router measured on the validation split: the same names (audit A23 #13)
    expect(statComponentNames('val.router', 'load', 3, moe)).toEqual(['expert 0 (context)', 'expert 1 (sensor)', 'expert 2 (camera)']);
    expect(statComponentNames('test.router', 'importance', 3, moe)).toEqual(statComponentNames('router', 'importance', 3, moe));
    expect(statComponentNames('gate1', 'openness_hist', 10)).toBeNull();
    // a channel gate's openness per channel is named by the dataset's channels (TSMixer: one per column)
    expect(statComponentNames('block0.gate', 'openness_by_channel', 3, tft)).toEqual(['load_1', 'load_2', 'temp']);
    expect(statComponentNames('block0.gate', 'openness_by_channel', 2, tft)).toEqual(['channel 0', 'channel 1']);
    expect(statComponentNames('attn.gate', 'openness_by_head', 2)).toEqual(['head 0', 'head 1']);
  });
});

describe('MMoE task gates and TSMixer block gates in the user\'s words (audit A11)', () => {
  const mmoe = gateNamesFromConfig({ model: { template: 'mmoe', gate: { kind: 'mmoe', experts: 4, tasks: 2 } } });
  it('names each task gate by its task and its weights by expert', () => {
    expect(mmoe.tasks).toEqual(['click', 'rating']);
    expect(gateLabel('gate.task0', mmoe)).toBe('click gate');
    expect(gateLabel('val.gate.task1', mmoe)).toBe('rating gate (validation)');
    // without the config the task is still a task, counted from 1
    expect(gateLabel('gate.task1')).toBe('task 2 gate');
    expect(statComponentNames('gate.task0', 'weights', 4, mmoe)).toEqual(['expert 0', 'expert 1', 'expert 2', 'expert 3']);
    // a plain "weights" statistic elsewhere keeps its caller's fallback
    expect(statComponentNames('fusion', 'weights', 2)).toBeNull();
  });
  it("names TSMixer's block gates from 1", () => {
    expect(gateLabel('block0.gate')).toBe('block 1 gate');
    expect(gateLabel('val.block2.gate')).toBe('block 3 gate (validation)');
    expect(gateLabel('block0')).toBe('block0');
  });
});

describe('every gate in the form\'s words, ids unchanged (audit A16)', () => {
  // the run config of FinalMLP with a per-field stream-1 gate, as the lab stores it (audit run 13)
  const columns = ['user_segment', 'device', 'hour', 'weekday', 'ad_category', 'site', 'position'].map((name) => ({ name, type: 'categorical', role: 'categorical' }));
  const finalmlp = gateNamesFromConfig({
    model: { template: 'finalmlp', fields: [25, 5, 25, 8, 17, 41, 4], numeric: 1, gate1: { kind: 'sigmoid', scale: 2, granularity: 'field' }, gate2: { kind: 'sigmoid', scale: 2 } },
    data: { columns: [...columns, { name: 'bid_price', type: 'float', role: 'feature' }, { name: 'clicked', type: 'boolean', role: 'target' }] },
  });
  it("names FinalMLP's per-field gate rows by the fields, as the gate report and its CSV do", () => {
    expect(finalmlp.fields).toEqual(['user_segment', 'device', 'hour', 'weekday', 'ad_category', 'site', 'position', 'bid_price']);
    expect(statComponentNames('gate1', 'openness_by_field', 8, finalmlp)).toEqual(finalmlp.fields);
    // a count that does not match (a multi-hot field the columns do not list) falls back to indices, never to wrong names
    expect(statComponentNames('gate1', 'openness_by_field', 9, finalmlp)?.[0]).toBe('field 0');
    expect(gateNamesFromConfig({ model: { fields: [3, 3], numeric: 0 }, data: { columns: columns.slice(0, 3) } }).fields).toBeUndefined();
  });
  it('names the gates of every gated template as its form does, layers and blocks counted from 1', () => {
    expect(['gate1', 'val.gate2'].map((g) => gateLabel(g, finalmlp))).toEqual(['stream 1 feature gate', 'stream 2 feature gate (validation)']);
    expect(['layer0.gla', 'layer1.attn.gate', 'layer2.attn'].map((g) => gateLabel(g))).toEqual([
      'layer 1 forget gate (GLA)', 'layer 2 attention output gate', 'layer 3 attention']);
    expect(['selection', 'selection.var', 'grn'].map((g) => gateLabel(g))).toEqual(['variable selection', 'variable selection · per-variable GRN gates', 'gated residual network']);
    expect(knockoutLabel({ gate: 'gate1', mode: 'closed' }, finalmlp)).toBe('stream 1 feature gate closed');
    // early-exit-mlp: gate k reads block k's output (0-based), so it decides on leaving after block k+1
    expect(['exit_gate.gate0', 'test.exit_gate.gate1'].map((g) => gateLabel(g))).toEqual(['exit gate after block 1', 'exit gate after block 2 (test)']);
    expect(gateLabel('exit_gate.gate_loss')).toBe('exit_gate.gate_loss');
  });
  it('reads the router, sigmoid scales, GLA normaliser and attention keys from the config', () => {
    expect(finalmlp.scales).toEqual({ gate1: 2, gate2: 2 });
    expect(gateNamesFromConfig({ model: { template: 'tsmixer-gated', gate: { kind: 'sigmoid', scale: 1 } } }).scales).toEqual({ block: 1 });
    expect(gateNamesFromConfig({ model: { router: { kind: 'softmax-router', experts: 4 } } }).router).toEqual({ kind: 'softmax-router', k: 1, noisy: false });
    expect(gateNamesFromConfig({ model: { router: { kind: 'topk-router', k: 2, noisy: true } } }).router).toEqual({ kind: 'topk-router', k: 2, noisy: true });
    expect(gateNamesFromConfig({ model: { gla: { kind: 'gla', normalizer: 16 } } }).glaNormalizer).toBe(16);
    // patch Transformer: P = floor((336 − 16)/8) + 2 = 42 patches per series, in every layer
    const patch = gateNamesFromConfig({ model: { template: 'patch-transformer-gated', lookback: 336, patchLen: 16, stride: 8, layers: 2 } });
    expect(patch.keys).toEqual({ 'layer0.attn': { count: 42, first: 'the first patch (the oldest steps)' }, 'layer1.attn': { count: 42, first: 'the first patch (the oldest steps)' } });
  });
});

describe('one name per gate in every view (audit H2: runs 7 gla, 10 moe-dnn, 16 early exit)', () => {
  it("GLA's feed-forward gates are counted from 1 like its forget gates, short enough to show the knockout's mode", () => {
    const rows = ['layer0.ffn', 'layer1.ffn', 'layer0.gla'].map((gate) => knockoutLabel({ gate, mode: 'closed' }));
    expect(rows).toEqual(['layer 1 feed-forward gate (SwiGLU) closed', 'layer 2 feed-forward gate (SwiGLU) closed', 'layer 1 forget gate (GLA) closed']);
    expect(gateLabel('val.layer1.gla')).toBe('layer 2 forget gate (GLA) (validation)');
    // nothing of the raw 0-based id is left for a reader to translate
    expect(rows.join(' ')).not.toMatch(/layer\d|ffn/);
  });
  it("early exit: the statistics' gate, the exit rate's rows and the knockouts all count blocks from 1, in words", () => {
    expect(['exit_gate', 'val.exit_gate'].map((g) => gateLabel(g))).toEqual(['exit gates', 'exit gates (validation)']);
    expect(statComponentNames('exit_gate', 'exit_rate', 3)).toEqual(['after block 1', 'after block 2', 'after block 3 (last)']);
    expect(knockoutLabel({ gate: 'exit_gate.gate0', mode: 'closed' })).toBe('exit gate after block 1 closed');
  });
  it('a heading names the kind of gate once: "Router" for the gate called router, "Router click gate" otherwise', () => {
    expect(headingFor('router', 'router')).toBe('Router');
    expect(headingFor('router', 'moe.router')).toBe('Router moe.router');
    expect(headingFor('fusion gate', 'gmu.z1', gmu)).toBe('Fusion gate gmu · sensor');
    expect(headingFor('feature gate', 'gate1')).toBe('Stream 1 feature gate');
  });
  it("fills the template's defaults the stored config leaves out: moe-dnn's noisy top-2 router, GLA's normaliser", () => {
    // the audit's run 10 stored only { template, fields, numeric }
    expect(gateNamesFromConfig({ model: { template: 'moe-dnn', fields: [25, 5], numeric: 1 } }).router).toEqual({ kind: 'topk-router', k: 2, noisy: true });
    // what the user set wins over the default, one level deep
    expect(gateNamesFromConfig({ model: { template: 'moe-dnn', router: { k: 1 } } }).router).toEqual({ kind: 'topk-router', k: 1, noisy: true });
    expect(gateNamesFromConfig({ model: { template: 'gla', channels: 7 } }).glaNormalizer).toBe(16);
    expect(gateNamesFromConfig({ model: { template: 'no-such-template', router: { kind: 'softmax-router' } } }).router).toEqual({ kind: 'softmax-router', k: 1, noisy: false });
  });
});

describe('stored gate ids beside their names', () => {
  it('names each id once, dropping split and loss prefixes, leaving out ids that read as their name', () => {
    const ids = ['cross0', 'cross0.gate', 'val.cross0.gate', 'cross1.gate', 'router', 'loss.router', 'gmu'];
    expect(storedNameLegend(ids, cross)).toEqual(['cross0, cross0.gate = cross-attention · context', 'cross1.gate = cross-attention · sensor']);
    expect(storedNameLegend(['router', 'val.router', 'loss.router', 'gmu'], moe)).toEqual([]);
  });

  it("names every tft-lite gate a knockout takes, the selection's weighting GRN too", () => {
    for (const g of ['selection', 'selection.var', 'selection.select', 'grn']) expect(gateLabel(g, tft)).not.toBe(g);
    expect(new Set(['selection.var', 'selection.select'].map((g) => gateLabel(g, tft))).size).toBe(2);
  });
});
