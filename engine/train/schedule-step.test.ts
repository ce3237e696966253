// Eval and exported graphs evaluate a router temperature schedule at the step the parameters were trained
// for: checked against the hand formula p = softmax((xW + b)/τ(s)), τ(s) = from·(to/from)^min(s/steps, 1).
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import { defaultGate, type GateOf } from '../../common/gates';
import * as b from '../ops/builders';
import { dense, gateEnv, maybeDropout, mixExperts, softmaxRouter } from '../gates';
import { TrainSession, type HostTensor } from '../../workers/train-session';
import { GraphRunner } from '../../workers/testing/run-graph';
import { compileTraining } from './compile';
import { exportInference } from './export';
import type { ModelDefinition } from './model';
import { unpackParams, type FlatBuffer } from './pack';

const { onnx } = onnxProto;
const D = 3, E = 3, B = 8;
const FROM = 2, TO = 0.5, STEPS = 6;
const tau = (s: number) => FROM * (TO / FROM) ** Math.min(s / STEPS, 1);

/**
 * E linear experts behind a softmax router; the router's probabilities are a prediction too. Dropout on the
 * router's input: the eval step must not turn anything of training on (the hand formula has no dropout).
 */
function routed(schedule: GateOf<'softmax-router'>['schedule']): ModelDefinition {
  const cfg: GateOf<'softmax-router'> = { ...defaultGate('softmax-router'), experts: E, schedule };
  return {
    name: 'scheduled router',
    inputs: { x: { dtype: 'float', shape: [D] } },
    targets: { y: { dtype: 'float', shape: [1] } },
    forward(ctx, { x }) {
      const env = gateEnv(ctx);
      const r = softmaxRouter(env, 'router', cfg, maybeDropout(env, 'drop', x, 0.5));
      const experts = Array.from({ length: E }, (_, e) => dense(env, `expert${e}`, x, 1));
      return { predictions: { yhat: mixExperts(r.weights, experts), probs: b.identity(r.weights) }, stats: r.stats };
    },
    loss: ({ predictions }, { y }) => b.mseLoss(predictions.yhat, y),
  };
}
const dts = { kind: 'dense-to-sparse', from: FROM, to: TO, steps: STEPS } as const;

function batch(n: number, offset = 0): { x: HostTensor & { data: Float64Array }; y: HostTensor & { data: Float64Array } } {
  const x = Float64Array.from({ length: n * D }, (_, i) => Math.sin(1.3 * (i + offset) + 0.2) * 3);
  const y = Float64Array.from({ length: n }, (_, i) => Math.cos(0.7 * (i + offset)));
  return { x: { data: x, dims: [n, D] }, y: { data: y, dims: [n, 1] } };
}

/** The router probabilities by hand: softmax((x·W + b)/τ) per row. */
function handProbs(layout: ReturnType<typeof compileTraining>['layout'], params: FlatBuffer, x: Float64Array, t: number): number[] {
  const p = unpackParams(layout, params);
  const w = p['router.w'], bias = p['router.b'];
  const out: number[] = [];
  for (let r = 0; r < x.length / D; r++) {
    const z = Array.from({ length: E }, (_, e) => (bias[e] + Array.from({ length: D }, (_, d) => x[r * D + d] * w[d * E + e]).reduce((a, c) => a + c, 0)) / t);
    const m = Math.max(...z);
    const ez = z.map((v) => Math.exp(v - m));
    const s = ez.reduce((a, c) => a + c, 0);
    out.push(...ez.map((v) => v / s));
  }
  return out;
}
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - Number(b[i]))));

describe('schedules in eval and export follow the step the parameters were trained for', () => {
  it('the eval graph takes `step` only when the model has a schedule', () => {
    expect(compileTraining(routed(dts), { dtype: 'float64', optimizer: { kind: 'sgd' } }).evalTakesStep).toBe(true);
    expect(compileTraining(routed({ kind: 'constant' }), { dtype: 'float64', optimizer: { kind: 'sgd' } }).evalTakesStep).toBe(false);
  });

  it('eval at step s gives softmax((xW + b)/τ(s)) for s = 0, mid-schedule and past the end', async () => {
    const def = routed(dts);
    const compiled = compileTraining(def, { dtype: 'float64', optimizer: { kind: 'sgd' } });
    const runner = await GraphRunner.load(compiled.graph('eval'));
    expect(runner.inputNames).toContain('step');
    const params = compiled.initialParams(5);
    const { x, y } = batch(B);
    for (const s of [0, STEPS / 2, 4 * STEPS]) {
      const out = await runner.run({ params: { data: params, dims: [params.length] }, step: { data: Float64Array.of(s), dims: [] }, x, y });
      expect(out['stats.router.temperature'].data[0]).toBeCloseTo(tau(s), 12);
      expect(maxDiff(out.probs.data as Float64Array, handProbs(compiled.layout, params, x.data as Float64Array, tau(s)))).toBeLessThan(1e-12);
    }
    // the three temperatures really give different routing (the test could fail)
    const at = async (s: number) => (await runner.run({ params: { data: params, dims: [params.length] }, step: { data: Float64Array.of(s), dims: [] }, x, y })).probs.data as Float64Array;
    expect(maxDiff(await at(0), await at(STEPS / 2))).toBeGreaterThan(1e-3);
    await runner.release();
  });

  it('a session evaluated after N train steps uses τ(N), and a kept checkpoint is evaluated at its own step', async () => {
    const def = routed(dts);
    const compiled = compileTraining(def, { dtype: 'float64', optimizer: { kind: 'adam' } });
    const session = await TrainSession.open(compiled, compiled.initialParams(2), { graphs: ['loop', 'eval'] });
    const K = 2;
    const train = batch(K * B, 40);
    const stack = (t: HostTensor): HostTensor => ({ data: t.data, dims: [K, B, ...t.dims.slice(1)] });
    await session.trainSteps({ x: stack(train.x), y: stack(train.y) }, Float64Array.of(0.05, 0.05));
    const kept = { params: session.params.slice(), step: session.step };
    await session.trainSteps({ x: stack(batch(K * B, 90).x), y: stack(batch(K * B, 90).y) }, Float64Array.of(0.05, 0.05));
    expect(session.step).toBe(2 * K);
    const probe = batch(B, 7);
    const now = await session.evaluate(probe);
    expect(now.stats['router.temperature'].data[0]).toBeCloseTo(tau(2 * K), 12);
    expect(maxDiff(now.predictions.probs.data as Float64Array, handProbs(compiled.layout, session.params, probe.x.data as Float64Array, tau(2 * K)))).toBeLessThan(1e-12);
    const then = await session.evaluate(probe, kept);
    expect(then.stats['router.temperature'].data[0]).toBeCloseTo(tau(K), 12);
    expect(maxDiff(then.predictions.probs.data as Float64Array, handProbs(compiled.layout, kept.params, probe.x.data as Float64Array, tau(K)))).toBeLessThan(1e-12);
    await session.close();
  });

  it('the export of a checkpoint at step s bakes in τ(s): it matches the eval graph at s and says so in its metadata', async () => {
    const def = routed(dts);
    const compiled = compileTraining(def, { dtype: 'float32', optimizer: { kind: 'sgd' } });
    const params = compiled.initialParams(9);
    const evalRunner = await GraphRunner.load(compiled.graph('eval'));
    const x = Float32Array.from(batch(B, 3).x.data);
    const y = Float32Array.from(batch(B, 3).y.data);
    const s = STEPS / 3;
    const lab = await evalRunner.run({ params: { data: params, dims: [params.length] }, step: { data: Float64Array.of(s), dims: [] }, x: { data: x, dims: [B, D] }, y: { data: y, dims: [B, 1] } });
    const bytes = exportInference(def, { dtype: 'float32', layout: compiled.layout, params, step: s });
    const fresh = await ort.InferenceSession.create(bytes);
    expect(fresh.inputNames).toEqual(['x']); // the step is a constant, not an input
    const out = await fresh.run({ x: new ort.Tensor('float32', x, [B, D]) });
    expect(maxDiff(out.probs.data as Float32Array, lab.probs.data as Float32Array)).toBeLessThan(1e-6);
    expect(maxDiff(out.yhat.data as Float32Array, lab.yhat.data as Float32Array)).toBeLessThan(1e-6);
    expect(maxDiff(out.probs.data as Float32Array, handProbs(compiled.layout, params, Float64Array.from(x), tau(s)))).toBeLessThan(1e-5);
    // not the final temperature: the exported routing differs from an export without a step (τ = `to`)
    const final = await ort.InferenceSession.create(exportInference(def, { dtype: 'float32', layout: compiled.layout, params }));
    const outFinal = await final.run({ x: new ort.Tensor('float32', x, [B, D]) });
    expect(maxDiff(outFinal.probs.data as Float32Array, out.probs.data as Float32Array)).toBeGreaterThan(1e-3);
    const meta = (m: Uint8Array) => Object.fromEntries(onnx.ModelProto.decode(m).metadataProps.map((p) => [p.key, p.value]));
    expect(meta(bytes)['gatelab.schedule_step']).toBe(String(s));
    // a model without a schedule has nothing to say
    const plain = routed({ kind: 'constant' });
    const plainLayout = compileTraining(plain, { dtype: 'float32', optimizer: { kind: 'sgd' } }).layout;
    expect(meta(exportInference(plain, { dtype: 'float32', layout: plainLayout, params, step: s }))['gatelab.schedule_step']).toBeUndefined();
    await Promise.all([fresh.release(), final.release(), evalRunner.release()]);
  });
});
