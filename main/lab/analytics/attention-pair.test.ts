import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../store/index';
import { parseArgs } from '../../cli/args';
import { runConfigFromArgs } from '../../cli/train';
import { attentionGatePaths, attentionPairFor, findAttentionSibling, siblingHowTo } from './attention-pair';

let nextId = 1;
const run = (config: Record<string, unknown>, o: Partial<RunRecord> = {}): RunRecord => ({
  id: nextId++, groupId: null, name: null, status: 'completed', priority: 0, seed: null, modelId: null, datasetId: 3, splitId: null,
  config, providerRequested: null, provider: null, fallbackReason: null, step: 100, totalSteps: 100, epoch: 1, error: null, errorStep: null,
  createdAt: '', startedAt: null, finishedAt: null, updatedAt: '', ...o,
});
const patch = (model: Record<string, unknown> = {}, rest: Record<string, unknown> = {}) =>
  ({ model: { template: 'patch-transformer-gated', lookback: 96, horizon: 24, ...model }, data: { kind: 'dataset', datasetId: 3 }, epochs: 2, seed: 1, ...rest });

describe('the ungated sibling of a gated-attention run', () => {
  const gated = run(patch()); // the gate is on by the template's default, not written in the config
  const ungated = run(patch({ attentionGate: { enabled: false } }));

  it('finds the gated-attention gates of a template', () => {
    expect(attentionGatePaths({ template: 'x', attentionGate: { kind: 'gated-attention' }, other: { kind: 'sigmoid' } })).toEqual(['attentionGate']);
    expect(attentionGatePaths({ gate: { kind: 'gated-attention' } })).toEqual(['gate']);
  });

  it('pairs runs whose configs differ only in the attention gate, both ways', () => {
    expect(findAttentionSibling(gated, [gated, ungated])).toMatchObject({ run: { id: ungated.id }, differs: 'model.attentionGate.enabled' });
    expect(findAttentionSibling(ungated, [gated, ungated])?.run.id).toBe(gated.id);
  });

  it('ignores runs with any other difference, on another dataset, or not completed', () => {
    const others = [
      run(patch({ attentionGate: { enabled: false } }, { seed: 2 })),
      run(patch({ attentionGate: { enabled: false }, heads: 2 })),
      run(patch({ attentionGate: { enabled: false, initBias: 3 } })),
      run(patch({ attentionGate: { enabled: false } }, { optimizer: { lr: 0.01 } })),
      run(patch({ attentionGate: { enabled: false } }), { datasetId: 4 }),
      run(patch({ attentionGate: { enabled: false } }), { status: 'failed' }),
      run(patch({ template: 'tsmixer-gated' })),
    ];
    expect(findAttentionSibling(gated, others)).toBeUndefined();
    // the run's name is not part of the model: a named sibling still pairs; the newest one wins
    const named = run({ ...patch({ attentionGate: { enabled: false } }), name: 'ablation' });
    expect(findAttentionSibling(gated, [...others, ungated, named])?.run.id).toBe(named.id);
  });

  it('a model without gated attention has no sibling', () => {
    expect(findAttentionSibling(run({ model: { template: 'dlinear' } }), [run({ model: { template: 'dlinear' } })])).toBeUndefined();
  });

  it('says how to train the sibling: the command makes a config that pairs', () => {
    const lone = run(patch({ attentionGate: { mode: 'headwise' }, patchLen: 8 }, { optimizer: { lr: 0.002 } }));
    const cmd = siblingHowTo(lone);
    expect(cmd).toMatch(/^gatelab train --dataset 3 --template patch-transformer-gated --seed 1 /);
    expect(cmd).toContain('--set model.attentionGate.enabled=false');
    // run the command's arguments through the CLI's own parser: the config it trains is the sibling
    const argv = cmd.replace(/^gatelab train /, '').match(/'[^']*'|\S+/g)!.map((a) => a.replace(/^'|'$/g, ''));
    const config = runConfigFromArgs(parseArgs(argv));
    const made = run({ ...config, data: { kind: 'dataset', datasetId: 3 } });
    expect(findAttentionSibling(lone, [made])?.run.id).toBe(made.id);
  });
});

describe('the attention pair of a report', () => {
  it('takes the sibling’s per-layer first-token share, or says how to train the sibling', async () => {
    const gated = run(patch());
    const ungated = run(patch({ attentionGate: { enabled: false } }));
    const asked: number[] = [];
    const sibling = [{ layer: 'layer0.attn', firstTokenAttention: 0.7, gated: false }];
    const pair = await attentionPairFor(gated, [gated, ungated], async (id) => { asked.push(id); return { attention: sibling }; });
    expect(pair).toEqual({ siblingRunId: ungated.id, differs: 'model.attentionGate.enabled', sibling });
    expect(asked).toEqual([ungated.id]);
    const alone = await attentionPairFor(gated, [gated], async () => { throw new Error('no sibling to ask'); });
    expect(alone).toEqual({ sibling: [], howTo: siblingHowTo(gated) });
    expect(alone.howTo).toContain('--set model.attentionGate.enabled=false');
    const broken = await attentionPairFor(gated, [gated, ungated], async () => { throw new Error('checkpoint missing'); });
    expect(broken).toEqual({ siblingRunId: ungated.id, differs: 'model.attentionGate.enabled', sibling: [], note: `the gate report of run ${ungated.id} failed: checkpoint missing` });
  });
});
