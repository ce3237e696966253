// What a train graph tells the model about the step it computes (ParamContext.trainingStep):
//   - the step counter as a float scalar (the router temperature schedule follows it);
//   - an int64 seed mixed from the run seed and the step, so dropout masks and noisy gating change every
//     step yet a run (and a resumed run) is reproducible bit for bit;
//   - in the Loop-K graph, running means of named statistics over the steps of one Loop call
//     (global-batch load balancing: the expert load f averaged over the call's batches so far).
// Eval graphs get the step too (evalStep): a schedule evaluated at the step the parameters were trained
// for, not at its final value, which early-stopped or mid-schedule parameters were never trained at.
import type { DType } from '../ir/dtype';
import type { Tensor } from '../ir/tensor';
import { apply } from '../ops/apply';
import { add, cast, constant, div, mul, scalar, stopGradient } from '../ops/builders';
import type { TrainingStep } from '../nn/params';
import { hashString } from '../nn/random';
import { topologicalOrder } from '../ir/graph';

const PRIME = 2147483647; // 2^31 − 1, the modulus of the in-graph hashes (engine/ops dropout, gates/random)
const MULTIPLIER = 1103515245; // step·MULTIPLIER stays below 2^63 for any step count a run reaches (< 8e9)

/**
 * The int64 seed of a step: (step·A + h(runSeed)) mod (2^31 − 1). Consecutive steps get seeds far apart
 * (the hashes then sample unrelated stretches of their sequence); the same run seed and step always give
 * the same seed, so a resumed run draws the masks it would have drawn.
 */
export function stepSeed(step: Tensor, runSeed: number): Tensor {
  const offset = hashString(`run seed ${runSeed}`) % PRIME;
  const mixed = add(mul(cast(step, 'int64'), scalar(MULTIPLIER, 'int64')), scalar(offset, 'int64'));
  return apply('Mod', [mixed, scalar(PRIME, 'int64')]);
}

/** The training step context of one optimizer step; `step` is the float64 count of steps already taken. */
export function trainingStep(step: Tensor, dtype: DType, runSeed: number, accumulate?: TrainingStep['accumulate']): TrainingStep {
  return { step: cast(step, dtype), seed: stepSeed(step, runSeed), ...(accumulate ? { accumulate } : {}) };
}

/**
 * The step context of an eval, analytics or inference graph: `step` is the number of optimizer steps the
 * parameters were trained for, so step-dependent parts of the model (the router temperature schedule)
 * take the value those parameters were trained at. Nothing else of training turns on: the context is not
 * a training one (no dropout, noise or straight-through), has no accumulation, and gateEnv never reads
 * the seed of a non-training context (it is there only because TrainingStep requires one).
 */
export function evalStep(step: Tensor, dtype: DType): TrainingStep {
  return { step: cast(step, dtype), seed: stepSeed(step, 0) };
}

/** True when something the graph computes reads `step` (the graph then needs the step as an input). */
export function dependsOn(outputs: readonly Tensor[], step: Tensor): boolean {
  return topologicalOrder(outputs).leaves.includes(step);
}

/** A statistic the model averages over the steps of a Loop call (found by building the forward once). */
export interface AccumulatedStat {
  name: string;
  dtype: DType;
  shape: readonly number[];
}

/** An `accumulate` that only records what is asked for (and returns the value): for the discovery build. */
export function recordAccumulated(): { accumulate: NonNullable<TrainingStep['accumulate']>; found: AccumulatedStat[] } {
  const found: AccumulatedStat[] = [];
  const accumulate = (name: string, value: Tensor): Tensor => {
    if (found.some((s) => s.name === name)) throw new Error(`statistic '${name}' is accumulated twice in one step: give each router its own name`);
    if (!value.shape.every((d): d is number => typeof d === 'number')) {
      throw new Error(`statistic '${name}' has shape [${value.shape.join(', ')}]: only statistics with a fixed shape (e.g. expert load [E]) can be accumulated over a Loop call`);
    }
    found.push({ name, dtype: value.dtype, shape: value.shape as number[] });
    return value;
  };
  return { accumulate, found };
}

/** The Loop's initial running sums: zeros, so every Loop call starts a new accumulation window. */
export const zeroSums = (stats: readonly AccumulatedStat[]): Tensor[] =>
  stats.map((s) => constant(new Array<number>(s.shape.reduce((a, b) => a * b, 1)).fill(0), s.dtype, s.shape));

/**
 * Running means inside one Loop iteration. `carried` are the sums of the previous iterations (Loop
 * state), `iter` the 0-based iteration: accumulate(name, v) returns (sum + v)/(iter + 1) without gradient
 * (in the Switch loss, f is a count: the gradient flows through this step's router probabilities only).
 */
export class RunningMeans {
  private readonly sums = new Map<string, Tensor>();

  constructor(private readonly stats: readonly AccumulatedStat[], private readonly carried: readonly Tensor[], private readonly iter: Tensor) {}

  readonly accumulate = (name: string, value: Tensor): Tensor => {
    const i = this.stats.findIndex((s) => s.name === name);
    if (i < 0) throw new Error(`statistic '${name}' was not accumulated when the model was first built: a model function must build the same graph every time`);
    if (this.sums.has(name)) throw new Error(`statistic '${name}' is accumulated twice in one step: give each router its own name`);
    const sum = add(this.carried[i], stopGradient(value));
    this.sums.set(name, sum);
    return stopGradient(div(sum, add(cast(this.iter, value.dtype), scalar(1, value.dtype))));
  };

  /** The sums to carry into the next iteration (unchanged for a statistic this step did not report). */
  next(): Tensor[] {
    return this.stats.map((s, i) => this.sums.get(s.name) ?? this.carried[i]);
  }
}
