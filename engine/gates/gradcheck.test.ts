// Finite-difference gradient checks (float64, ONNX Runtime) for every gate kind: the gate's output, its
// statistics that carry gradient, and its auxiliary losses are all part of the checked loss.
import { describe, expect, it } from 'vitest';
import { defaultGate, type GateOf } from '../../common/gates';
import { reshape } from '../ops/builders';
import { gradCheck, type GateCase } from './fixtures/harness';
import {
  attention, earlyExit, gla, glu, gmu, grn, hardGate, mixExperts, mmoeGates, sigmoidGate, sinkhornRouter, softmaxRouter,
  topKRouter, variableSelection, dense,
} from './index';

const TOL = 1e-6;

async function expectGradientsMatch(c: GateCase) {
  const { errors, paramCount } = await gradCheck(c);
  expect(paramCount).toBeGreaterThan(0);
  for (const [name, err] of Object.entries(errors)) expect(err, `${name}: relative error ${err}`).toBeLessThan(TOL);
}

const lossesAndStats = (o: { y: any; stats: Record<string, any>; losses: Record<string, any> }) => [o.y, ...Object.values(o.losses)];

describe('gate gradients match finite differences (float64)', () => {
  for (const granularity of ['element', 'channel', 'head', 'field'] as const) {
    it(`sigmoid gate, ${granularity}`, async () => {
      const cfg: GateOf<'sigmoid'> = { ...defaultGate('sigmoid'), scale: 2, initBias: 0.3, granularity };
      await expectGradientsMatch({
        inputs: granularity === 'field' ? { x: [3, 6], v: [3, 3, 2] } : granularity === 'channel' ? { x: [2, 4, 3], v: [2, 4, 3] } : { x: [3, 5], v: [3, 4] },
        build: (env, { x, v }) => [sigmoidGate(env, 'g', cfg, { x, v, heads: 2 }).y],
      });
    });
  }

  for (const variant of ['glu', 'geglu', 'swiglu'] as const) {
    it(`GLU family: ${variant}`, async () => {
      await expectGradientsMatch({ inputs: { x: [3, 4] }, build: (env, { x }) => [glu(env, 'g', { ...defaultGate('glu'), variant, bias: true }, x, 5).y] });
    });
  }

  it('gated residual network (with context and a projected skip)', async () => {
    const cfg = { ...defaultGate('grn'), context: true, hidden: 5 };
    await expectGradientsMatch({ inputs: { a: [3, 4], c: [3, 2] }, build: (env, { a, c }) => [grn(env, 'grn', cfg, a, { context: c, out: 3 }).y] });
  });

  it('gated residual network, one per variable (batched weights [V, ...], shared context)', async () => {
    const cfg = { ...defaultGate('grn'), context: true, hidden: 5 };
    await expectGradientsMatch({ inputs: { a: [2, 3, 4], c: [2, 2] }, build: (env, { a, c }) => [grn(env, 'grn', cfg, a, { context: c, out: 3, perVariable: true }).y] });
  });

  it('variable selection', async () => {
    await expectGradientsMatch({ inputs: { x: [2, 3, 4] }, build: (env, { x }) => [variableSelection(env, 'vs', { ...defaultGate('variable-selection'), hidden: 3 }, x).y] });
  });

  for (const mode of ['elementwise', 'headwise'] as const) {
    it(`gated attention, ${mode} (cross-attention, causal self-attention)`, async () => {
      const cfg = { ...defaultGate('gated-attention'), mode };
      await expectGradientsMatch({
        inputs: { x: [2, 3, 4], ctx: [2, 5, 4] },
        build: (env, { x, ctx }) => [attention(env, 'a', cfg, x, { heads: 2, context: ctx }).y, attention(env, 's', cfg, x, { heads: 2, causal: true }).y],
      });
    });
  }

  for (const form of ['recurrent', 'chunked'] as const) {
    it(`gated linear attention, ${form}`, async () => {
      const cfg: GateOf<'gla'> = { ...defaultGate('gla'), heads: 2, rank: 3, form, chunkSize: 2 };
      await expectGradientsMatch({ inputs: { x: [2, 5, 4] }, build: (env, { x }) => [gla(env, 'gla', cfg, x).y] });
    });
  }

  it('softmax router with a dense-to-sparse schedule, load balancing, z-loss and CV² importance', async () => {
    const cfg: GateOf<'softmax-router'> = { ...defaultGate('softmax-router'), experts: 3, zLoss: 0.1, importance: 0.1, schedule: { kind: 'dense-to-sparse', from: 2, to: 0.5, steps: 10 } };
    await expectGradientsMatch({
      inputs: { x: [6, 4], e: [3, 6, 2], step: [] },
      constantInputs: ['step'],
      env: ({ step }) => ({ step }),
      build: (env, { x, e }) => {
        const r = softmaxRouter(env, 'r', cfg, x);
        const experts = [0, 1, 2].map((i) => reshape(dense(env, `e${i}`, x, 2), [6, 2]));
        return [mixExperts(r.weights, experts), ...Object.values(r.losses), r.stats['r.entropy'], e];
      },
    });
  });

  it('noisy top-k router with capacity, load balancing, z-loss and CV² importance/load', async () => {
    const cfg: GateOf<'topk-router'> = { ...defaultGate('topk-router'), experts: 4, k: 2, capacityFactor: 1.5, importance: 0.1, load: 0.1 };
    await expectGradientsMatch({
      inputs: { x: [8, 3], noise: [8, 4] },
      training: true,
      constantInputs: ['noise'],
      env: ({ noise }) => ({ noise: () => noise }),
      build: (env, { x }) => {
        const r = topKRouter(env, 'r', cfg, x);
        return [r.weights, ...Object.values(r.losses)];
      },
    });
  });

  it('sinkhorn router', async () => {
    const cfg: GateOf<'sinkhorn-router'> = { ...defaultGate('sinkhorn-router'), experts: 3, k: 1, zLoss: 0.1 };
    await expectGradientsMatch({ inputs: { x: [6, 3] }, build: (env, { x }) => { const r = sinkhornRouter(env, 'r', cfg, x); return [r.weights, ...Object.values(r.losses)]; } });
  });

  it('MMoE gates', async () => {
    const cfg: GateOf<'mmoe'> = { ...defaultGate('mmoe'), experts: 3, tasks: 2, temperature: 0.7 };
    await expectGradientsMatch({ inputs: { x: [4, 3] }, build: (env, { x }) => mmoeGates(env, 'm', cfg, x).weights });
  });

  for (const modalities of [2, 3]) {
    it(`GMU, ${modalities} modalities`, async () => {
      const inputs: Record<string, number[]> = { a: [3, 4], b: [3, 2], c: [3, 3] };
      await expectGradientsMatch({
        inputs: modalities === 2 ? { a: inputs.a, b: inputs.b } : inputs,
        build: (env, xs) => [gmu(env, 'gmu', { ...defaultGate('gmu'), hidden: 3 }, Object.values(xs)).y],
      });
    });
  }

  it('early exit: gating loss, exit losses and depth cost', async () => {
    const cfg = defaultGate('early-exit');
    await expectGradientsMatch({
      inputs: { h0: [5, 3], h1: [5, 3], h2: [5, 3], l0: [5], l1: [5], l2: [5] },
      training: true,
      build: (env, x) => {
        const exits = [0, 1, 2].map((i) => ({ hidden: x[`h${i}`], prediction: dense(env, `head${i}`, x[`h${i}`], 2), loss: x[`l${i}`] }));
        const o = earlyExit(env, 'exit', cfg, exits);
        return lossesAndStats(o);
      },
    });
  });
});

describe('the hard gate', () => {
  it('passes the sigmoid gate’s parameter gradient straight through (STE)', async () => {
    const hard: GateOf<'hard'> = { ...defaultGate('hard'), granularity: 'element', initBias: 0 };
    const soft: GateOf<'sigmoid'> = { ...defaultGate('sigmoid'), granularity: 'element' };
    const inputs = { x: [4, 3], v: [4, 2] };
    // The STE's parameter gradient is exactly the soft gate's; compare the analytic gradient of the hard
    // gate with finite differences of the soft gate (same parameter names, same init, same inputs).
    const { buildGateGraph } = await import('./fixtures/harness');
    const h = await buildGateGraph({ inputs, training: true, build: (env, { x, v }) => [hardGate(env, 'g', hard, { x, v }).y] });
    const s = await buildGateGraph({ inputs, build: (env, { x, v }) => [sigmoidGate(env, 'g', soft, { x, v }).y] });
    const dh = (await h.runner.run(h.feeds)).d_params.data as Float64Array;
    const ds = (await s.runner.run(s.feeds)).d_params.data as Float64Array;
    expect(dh.length).toBe(ds.length);
    for (let i = 0; i < dh.length; i++) expect(dh[i]).toBeCloseTo(ds[i], 12);
    // and the forward value is binary: eval-mode output is v or 0
    await h.release();
    await s.release();
  });
});
