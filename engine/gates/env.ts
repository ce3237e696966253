// What a gate needs from the model being built: where its parameters come from, whether this is a
// training graph (noise, dropout, straight-through), the step (for temperature schedules), and a seed
// source for in-graph randomness. Every gate returns its output AND named statistics and losses.
import type { Tensor } from '../ir/tensor';
import type { DType } from '../ir/dtype';
import { add, constant, dropout, linear, scalar } from '../ops/builders';
import type { ParamContext } from '../nn/params';
import { init } from '../nn/init';
import { batchSeed, normalLike } from './random';
import type { GateValueKind } from '../../common/analytics/knockout';
import { activeGateHook } from '../analytics/hook';

export interface GateEnv {
  /** Where parameters come from (engine/nn): flat slices in train/eval graphs, named inputs for export. */
  ctx: ParamContext;
  /** Float dtype of the model (float32 for training, float64 for gradient checks). */
  dtype: DType;
  /** True in train graphs: noise, dropout and straight-through estimators are on. */
  training: boolean;
  /**
   * Optimizer steps taken before this one, a float scalar (temperature schedules). Train graphs always
   * have it (ParamContext.trainingStep); eval, analytics and exported graphs have the step the parameters
   * were trained for (engine/train/step-context evalStep). Absent only in graphs built without one (hand-built
   * tests, an export without a step): schedules then take their final value.
   */
  step?: Tensor;
  /** Standard-normal noise shaped like `like` (noisy top-k gating); absent: noise is off. */
  noise?(like: Tensor, hint: string): Tensor;
  /**
   * Running mean of a per-step statistic over the steps of a Loop call so far, without gradient
   * (global-batch load balancing); absent (one-step, eval graphs): the statistic of the current step is used.
   */
  accumulate?(name: string, value: Tensor): Tensor;
  /** An int64 scalar that changes every step (dropout masks); absent: masks are fixed per layer. */
  seed?: Tensor;
  /**
   * Observes or replaces a gate's value where the gate computes it (gate analytics: per-sample probes and
   * knockouts, engine/analytics); absent: the value is used as is. Eval graphs only.
   */
  intervene?(gate: string, kind: GateValueKind, value: Tensor): Tensor;
}

/**
 * The gate environment of a model's parameter context. Train graphs compiled by engine/train give the
 * context their step (step counter, per-step seed from the run seed, Loop-call accumulation). Only a
 * training context built by hand (tests) lacks one: then `seedSource` (a batch tensor) gives a seed that
 * changes with the batch contents, the fallback for in-graph randomness. Eval contexts carry a step too
 * (for schedules), but their seed and accumulation are never used: nothing random runs outside training.
 */
export function gateEnv(ctx: ParamContext, extras: Partial<Pick<GateEnv, 'step' | 'noise' | 'accumulate' | 'seed' | 'intervene'>> = {}, seedSource?: Tensor): GateEnv {
  const ts = ctx.trainingStep;
  const fromStep = ts ? { step: ts.step, ...(ts.accumulate && ctx.training ? { accumulate: ts.accumulate } : {}) } : {};
  const seed = extras.seed ?? (ctx.training ? ts?.seed ?? (seedSource ? batchSeed(seedSource) : undefined) : undefined);
  let stream = 0; // one stream per call, so two routers draw different noise
  const noise = extras.noise ?? (seed ? (like: Tensor) => normalLike(like, seed, ++stream) : undefined);
  const intervene = extras.intervene ?? activeGateHook(); // engine/analytics/hook: withGateHook(hook, build)
  return { ctx, dtype: ctx.dtype, training: ctx.training, ...fromStep, ...extras, seed, noise, intervene };
}

/** A gate's value after the env's hook (gate analytics); the value itself without one. */
export const gateValue = (env: GateEnv, gate: string, kind: GateValueKind, value: Tensor): Tensor =>
  env.intervene ? env.intervene(gate, kind, value) : value;

/** What every gate returns: its output, statistics the UI plots, and auxiliary loss terms to add to the loss. */
export interface GateOutput {
  y: Tensor;
  /** Named statistics tensors, e.g. 'gate.openness' (scalar) or 'router.load' ([E]). */
  stats: Record<string, Tensor>;
  /** Named weighted auxiliary losses (scalars), already multiplied by their weights. */
  losses: Record<string, Tensor>;
}

export const numel = (shape: readonly (number | string)[]): number => shape.reduce<number>((a, d) => a * (typeof d === 'number' ? d : NaN), 1);

/** A float constant with the env's dtype. */
export function floats(env: Pick<GateEnv, 'dtype'>, values: readonly number[], shape: readonly number[]): Tensor {
  const data = env.dtype === 'float64' ? Float64Array.from(values) : Float32Array.from(values);
  return constant(data, env.dtype, shape);
}
export const num = (env: Pick<GateEnv, 'dtype'>, v: number): Tensor => scalar(v, env.dtype);

/** x[..., in] @ W[in, out] + b with PyTorch's default init, parameters `${name}.w` and `${name}.b`. */
export function dense(env: GateEnv, name: string, x: Tensor, out: number, opts: { bias?: boolean; biasInit?: number; init?: 'torch' | 'zeros' } = {}): Tensor {
  const inDim = x.shape[x.rank - 1] as number;
  const w = env.ctx.param(`${name}.w`, [inDim, out], opts.init === 'zeros' ? init.zeros() : init.torchLinear(inDim));
  const b = opts.bias === false ? undefined : env.ctx.param(`${name}.b`, [out], opts.biasInit !== undefined ? init.constant(opts.biasInit) : init.torchLinear(inDim));
  return linear(x, w, b);
}

/** Merges gate outputs' stats and losses into accumulators (models collect them from all their gates). */
export function collect(into: { stats: Record<string, Tensor>; losses: Record<string, Tensor> }, out: Pick<GateOutput, 'stats' | 'losses'>): void {
  Object.assign(into.stats, out.stats);
  Object.assign(into.losses, out.losses);
}

/** Dropout in training graphs only; the seed comes from the gate's name so masks differ between layers. */
export function maybeDropout(env: GateEnv, name: string, x: Tensor, p: number): Tensor {
  if (!env.training || p <= 0) return x;
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  const layer = (h >>> 0) % 2147483647;
  return dropout(x, p, env.seed ? add(env.seed, scalar(layer, 'int64')) : layer, true);
}
