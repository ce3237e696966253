// The engine's training graphs against PyTorch 1.13: the gated model trained 20 steps from the
// same weights on the same batches (engine/fixtures/gated_fixture.json, made by make_gated_fixture.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TrainSession, type HostTensor } from '../../workers/train-session';
import { compileTraining, type GraphKind } from './compile';
import { gatedModel, type GatedSizes } from './gated-model';
import type { OptimizerSpec } from './optimizers';
import { packParams, unpackParams, type FloatDType } from './pack';

interface FixtureRun {
  kind: 'adamw' | 'adam' | 'sgd';
  dtype: FloatDType;
  weightDecay?: number;
  clipNorm?: number;
  nesterov?: boolean;
  lrs: number[];
  losses: number[];
  gateOpenness: number[];
  expertLoad: number[][];
  params: Record<string, number[]>;
}

interface Fixture {
  sizes: GatedSizes & { batch: number; steps: number };
  params: { name: string; shape: number[]; decay: boolean; data: number[] }[];
  batches: { x: number[]; y: number[] };
  runs: Record<string, FixtureRun>;
}

const fixture: Fixture = JSON.parse(readFileSync(new URL('../fixtures/gated_fixture.json', import.meta.url), 'utf8'));
const { batch: B, steps: STEPS, inputs: D } = fixture.sizes;

// The optimizer settings make_gated_fixture.py uses for each kind.
const optimizerFor = (run: FixtureRun): OptimizerSpec =>
  run.kind === 'adamw' ? { kind: 'adamw', beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: run.weightDecay, clipNorm: run.clipNorm }
    : run.kind === 'adam' ? { kind: 'adam', beta1: 0.85, beta2: 0.995, eps: 1e-7, weightDecay: run.weightDecay, clipNorm: run.clipNorm }
      : { kind: 'sgd', momentum: 0.9, nesterov: run.nesterov, weightDecay: run.weightDecay, clipNorm: run.clipNorm };

/** Norm-wise relative error ‖a − b‖ / ‖b‖. */
function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0, den = 0;
  for (let i = 0; i < b.length; i++) { num += (a[i] - b[i]) ** 2; den += b[i] ** 2; }
  return Math.sqrt(num / den);
}

const typed = (dtype: FloatDType, v: number[]) => (dtype === 'float64' ? Float64Array.from(v) : Float32Array.from(v));

function stepBatch(dtype: FloatDType, t: number): Record<string, HostTensor> {
  return {
    x: { data: typed(dtype, fixture.batches.x.slice(t * B * D, (t + 1) * B * D)), dims: [B, D] },
    y: { data: typed(dtype, fixture.batches.y.slice(t * B, (t + 1) * B)), dims: [B, 1] },
  };
}

function allBatches(dtype: FloatDType): Record<string, HostTensor> {
  return {
    x: { data: typed(dtype, fixture.batches.x), dims: [STEPS, B, D] },
    y: { data: typed(dtype, fixture.batches.y), dims: [STEPS, B, 1] },
  };
}

async function open(run: FixtureRun, graphs: GraphKind[]) {
  const compiled = compileTraining(gatedModel(fixture.sizes), { dtype: run.dtype, optimizer: optimizerFor(run) });
  // The engine must declare the parameters in the fixture's order, with its shapes and decay flags.
  expect(compiled.layout.params.map((p) => [p.name, p.shape, p.decay])).toEqual(fixture.params.map((p) => [p.name, p.shape, p.decay]));
  const init = packParams(compiled.layout, run.dtype, Object.fromEntries(fixture.params.map((p) => [p.name, p.data])));
  return TrainSession.open(compiled, init, { providers: ['cpu'], graphs });
}

function flatTorchParams(run: FixtureRun): number[] {
  return fixture.params.flatMap((p) => run.params[p.name]);
}

describe('training graphs match PyTorch 1.13 (gated model, 20 steps)', () => {
  const tolerances: Record<FloatDType, { loss: number; params: number }> = {
    float64: { loss: 1e-12, params: 1e-12 },
    float32: { loss: 1e-5, params: 1e-4 },
  };

  for (const [name, run] of Object.entries(fixture.runs)) {
    it(`${name}: one-step graph, losses, statistics and final parameters`, async () => {
      const session = await open(run, ['train']);
      const losses: number[] = [], openness: number[] = [], load: number[][] = [];
      for (let t = 0; t < STEPS; t++) {
        const r = await session.trainStep(stepBatch(run.dtype, t), run.lrs[t]);
        losses.push(r.losses[0]);
        openness.push(Number(r.stats.gate_openness.data[0]));
        load.push(Array.from(r.stats.expert_load.data as Float64Array, Number));
      }
      const tol = tolerances[run.dtype];
      expect(relErr(losses, run.losses)).toBeLessThanOrEqual(tol.loss);
      expect(relErr(openness, run.gateOpenness)).toBeLessThanOrEqual(tol.loss);
      expect(relErr(load.flat(), run.expertLoad.flat())).toBeLessThanOrEqual(tol.loss);
      expect(relErr(Array.from(session.params), flatTorchParams(run))).toBeLessThanOrEqual(tol.params);
      for (const p of fixture.params) {
        // Per parameter too: a bias that did not move (or moved wrongly) would hide in the global norm.
        expect(relErr(Array.from(unpackParams(session.compiled.layout, session.params)[p.name]), run.params[p.name]), p.name).toBeLessThanOrEqual(tol.params * 10);
      }
      expect(session.step).toBe(STEPS);
      await session.close();
    });
  }

  it('the Loop-K graph gives the same parameters and losses as 20 one-step calls (float64 AdamW)', async () => {
    const run = fixture.runs.adamw_f64;
    const stepwise = await open(run, ['train']);
    for (let t = 0; t < STEPS; t++) await stepwise.trainStep(stepBatch('float64', t), run.lrs[t]);
    const looped = await open(run, ['loop']);
    // 20 steps as two calls of K=12 and K=8, as the runner would do with an adaptive K.
    const all = allBatches('float64');
    const part = (from: number, to: number): Record<string, HostTensor> => Object.fromEntries(Object.entries(all).map(([n, t]) => {
      const per = t.data.length / STEPS;
      return [n, { data: t.data.slice(from * per, to * per), dims: [to - from, ...t.dims.slice(1)] }];
    }));
    const r1 = await looped.trainSteps(part(0, 12), Float64Array.from(run.lrs.slice(0, 12)));
    const r2 = await looped.trainSteps(part(12, 20), Float64Array.from(run.lrs.slice(12, 20)));
    expect(r1.losses.length).toBe(12);
    expect(r2.stats.expert_load.dims).toEqual([8, fixture.sizes.experts]);
    expect(looped.step).toBe(STEPS);
    // Identical, bit for bit: the Loop body is the same step graph.
    expect(looped.params).toEqual(stepwise.params);
    expect(looped.state.m).toEqual(stepwise.state.m);
    expect(looped.state.v).toEqual(stepwise.state.v);
    expect(relErr([...r1.losses, ...r2.losses], run.losses)).toBeLessThanOrEqual(1e-12);
    expect(relErr(Array.from(looped.params), flatTorchParams(run))).toBeLessThanOrEqual(1e-12);
    await stepwise.close();
    await looped.close();
  });
});
