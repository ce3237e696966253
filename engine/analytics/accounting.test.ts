// Conditional-compute accounting against FLOPs counted by hand.
import { describe, expect, it } from 'vitest';
import { defaultGate } from '../../common/gates';
import { summarizeFlops } from '../../common/analytics';
import { buildModel } from '../models';
import { executedFlops, exitSkips, exitStages, routerSkips } from './accounting';
import { EXIT_GATE, earlyExitMlp, exitStageOf } from './early-exit-model';
import { expertGroup, forwardCosts, groupFlops } from './flops';

describe('FLOPs of a top-2-of-4 MoE', () => {
  // moe-dnn: fields [5, 7, 3] + 2 numeric features, embeddings of 4 → x has (3 + 2)·4 = 20 values.
  const config = { template: 'moe-dnn', fields: [5, 7, 3], numeric: 2, embeddingDim: 4, expertHidden: [8, 6], router: { kind: 'topk-router', experts: 4, k: 2, noisy: false } };
  const expert = 2 * (20 * 8 + 8 * 6); // two layers per expert: 416
  const router = 2 * 20 * 4; // x → 4 logits: 160
  const mix = 2 * 4 * 6; // [1, 4] weights @ [4, 6] expert outputs: 48
  const head = 2 * 6 * 1; // 12
  const dense = 4 * expert + router + mix + head; // 1,884

  it('counts the dense forward and each expert’s share', () => {
    const costs = forwardCosts(buildModel(config));
    expect(costs.total).toBe(dense);
    const byExpert = groupFlops(costs, expertGroup);
    expect([...byExpert.entries()]).toEqual([['expert0', expert], ['expert1', expert], ['expert2', expert], ['expert3', expert]]);
  });

  it('top-2 routing runs two experts per sample: 1,052 of 1,884 FLOPs', () => {
    // three samples, each with two experts at weight exactly 0 (what the top-k router outputs)
    const w = [0.7, 0, 0.3, 0, /**/ 0, 0.5, 0, 0.5, /**/ 0.1, 0.9, 0, 0];
    const skips = routerSkips([expert, expert, expert, expert], w, 3);
    expect([...skips]).toEqual([2 * expert, 2 * expert, 2 * expert]);
    const { perSample, gates } = executedFlops(dense, [{ gate: 'router', kind: 'router', skippable: 4 * expert, perSample: skips }], 3);
    expect(summarizeFlops(perSample, dense)).toEqual({ dense, mean: 1052, p50: 1052, p95: 1052, saved: 1 - 1052 / 1884 });
    expect(gates[0].skipped).toBe(832);
  });

  it('splits an expert’s work over the tokens of a sample', () => {
    // 1 sample, 2 tokens, 2 experts: token 0 skips expert 1, token 1 skips nothing
    expect([...routerSkips([100, 60], [1, 0, 0.5, 0.5], 1)]).toEqual([30]);
  });
});

describe('FLOPs of a 3-exit early-exit model', () => {
  const sizes = { inputs: 6, hidden: 8, blocks: 3, gate: defaultGate('early-exit') };
  // stage i = block i + exit head i + gate i (no gate after the last block)
  const stage = [2 * 6 * 8 + 2 * 8 + 2 * 8, 2 * 8 * 8 + 2 * 8 + 2 * 8, 2 * 8 * 8 + 2 * 8]; // 128, 160, 144
  it('attributes every product to its stage', () => {
    const costs = forwardCosts(earlyExitMlp(sizes));
    expect(costs.total).toBe(stage[0] + stage[1] + stage[2]);
    const by = groupFlops(costs, (p) => { const s = exitStageOf(p); return s === null ? null : `stage${s}`; });
    expect([0, 1, 2].map((i) => by.get(`stage${i}`))).toEqual(stage);
    expect(exitStageOf(`${EXIT_GATE}.gate1.w`)).toBe(1);
  });

  it('skips the stages after each sample’s exit', () => {
    const gates = [[0.9, 0.2, 0.1, 0.6], [0.1, 0.8, 0.3, 0.99]];
    const at = exitStages(gates, 4, 0.5);
    expect([...at]).toEqual([0, 1, 2, 0]);
    const skips = exitSkips(stage, at);
    expect([...skips]).toEqual([stage[1] + stage[2], stage[2], 0, stage[1] + stage[2]]);
    const dense = stage[0] + stage[1] + stage[2];
    const s = summarizeFlops(executedFlops(dense, [{ gate: 'exit', kind: 'exit', skippable: stage[1] + stage[2], perSample: skips }], 4).perSample, dense);
    expect(s.mean).toBe((2 * stage[0] + (stage[0] + stage[1]) + dense) / 4);
  });
});

describe('early-exit threshold sweep', () => {
  it('re-decides exits per threshold: predictions, rates and FLOPs', async () => {
    const { exitCurve } = await import('./exit-sweep');
    // 3 exits, 4 samples; predictions are the exit index + sample/10 so we can see which exit answered
    const predictions = [0, 1, 2].map((e) => Float64Array.from([0, 1, 2, 3], (n) => e + n / 10));
    const gates = [[0.9, 0.2, 0.1, 0.6], [0.1, 0.8, 0.3, 0.99]];
    const seen: number[][] = [];
    const curve = exitCurve({
      predictions, width: 1, gates, stageFlops: [10, 20, 30], thresholds: [0.05, 0.95], chosen: 0.5,
      metric: { name: 'sum', score: (p) => { seen.push([...p]); return p.reduce((a, b) => a + b, 0); } },
    });
    expect(curve.points.map((p) => p.threshold)).toEqual([0.05, 0.5, 0.95]);
    expect(seen[1].map((v) => Math.round(v * 10) / 10)).toEqual([0, 1.1, 2.2, 0.3]); // exits 0, 1, 2, 0 at 0.5
    expect(curve.points[1].exitRates).toEqual([0.5, 0.25, 0.25]);
    expect(curve.points[1].meanFlops).toBe((10 + 30 + 60 + 10) / 4);
    expect(curve.points[0].meanFlops).toBe(10); // every gate passes 0.05 at the first exit
    expect(curve.points[2].meanFlops).toBe((60 + 60 + 60 + 30) / 4); // only sample 3's second gate passes 0.95
    expect(curve.denseFlops).toBe(60);
  });
});

describe('FLOPs a hard gate can skip', () => {
  it('a field gate in front of a dense layer: each closed field skips its rows of the product', async () => {
    const { hardGate, dense, gateEnv } = await import('../gates');
    const { reshape } = await import('../ops/builders');
    const { gateConsumerFlops } = await import('./flops');
    const { zeroGateSkips } = await import('./accounting');
    // x [B, 4 fields, 3] → hard field gate → flatten [B, 12] → dense 12 → 5 (2·12·5 = 120 FLOPs)
    const def = {
      name: 'hard-field-gate',
      inputs: { x: { dtype: 'float' as const, shape: [4, 3] } },
      targets: {},
      forward(ctx: Parameters<ReturnType<typeof earlyExitMlp>['forward']>[0], { x }: Record<string, import('../ir/tensor').Tensor>) {
        const env = gateEnv(ctx);
        const g = hardGate(env, 'fields', { ...defaultGate('hard'), granularity: 'field' }, { x: reshape(x, [-1, 12]), v: x });
        return { predictions: { y: dense(env, 'out', reshape(g.y, [-1, 12]), 5) } };
      },
      loss: () => { throw new Error('not trained'); },
    };
    const consumer = gateConsumerFlops(def).get('fields')!;
    expect(consumer).toBe(120);
    // sample 0 closes 1 of 4 fields, sample 1 none, sample 2 all
    expect([...zeroGateSkips(consumer, [1, 0, 1, 1, /**/ 1, 1, 1, 1, /**/ 0, 0, 0, 0], 3)]).toEqual([30, 0, 120]);
  });
});
