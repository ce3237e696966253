// The parameter context a model is written against: `ctx.param(name, shape, init)` returns a tensor.
// The same model function is called once per compiled graph; the context decides where parameters
// come from:
//   - flat:  one flat vector input (train/eval graphs), each parameter = Reshape(Slice(flat, offset, offset+size)),
//            so a training step has 3 state inputs (params, m, v) instead of dozens (+27% per step measured);
//   - named: one graph input per parameter (the inference graph, whose inputs become named initializers).
// Either way the layout (names, shapes, offsets, decay flags) is recorded, and every graph of one model
// must declare the same layout: the flat buffers are shared between them.
import type { DType } from '../ir/dtype';
import type { Tensor } from '../ir/tensor';
import { input, reshape, slice } from '../ops/builders';
import type { Init } from './init';

export interface ParamOptions {
  /** Whether AdamW's weight decay applies. Default: true for matrices (rank >= 2), false for biases and norms. */
  decay?: boolean;
}

export interface ParamInfo {
  name: string;
  shape: readonly number[];
  size: number;
  /** Start of this parameter in the flat buffers (params, m, v). */
  offset: number;
  decay: boolean;
  init: Init;
}

export interface ParamLayout {
  params: readonly ParamInfo[];
  /** Total number of scalars: the length of each flat buffer. */
  size: number;
}

/**
 * What a train graph tells the model about the optimizer step it is computing (engine/train/step-context):
 * schedules (router temperature) follow `step`, in-graph randomness (dropout, noisy gating) follows `seed`.
 */
export interface TrainingStep {
  /** Optimizer steps taken before this one (0 on the first step), a scalar in the model's float dtype. */
  readonly step: Tensor;
  /** An int64 scalar in [0, 2^31 − 1) that differs from step to step and from run seed to run seed. */
  readonly seed: Tensor;
  /**
   * Mean of a per-step statistic over the steps of this Loop call so far, this step's value included
   * (global-batch load balancing), without gradient. Absent in one-step graphs: use the step's own value.
   */
  accumulate?(name: string, value: Tensor): Tensor;
}

export interface ParamContext {
  /** The float dtype of the model (parameters and float inputs). */
  readonly dtype: DType;
  /** True in the train graphs (dropout active), false in eval/inference. */
  readonly training: boolean;
  /** The step being trained (train and Loop-K graphs), or in eval/inference graphs the step the parameters were trained for (schedules). */
  readonly trainingStep?: TrainingStep;
  /** Declares (or re-reads) a parameter. Names are unique across the model; a scope prefixes them. */
  param(name: string, shape: readonly number[], init: Init, options?: ParamOptions): Tensor;
  /** A context whose parameters are named `${prefix}.${name}`. */
  scope(prefix: string): ParamContext;
}

/** Records declarations into a layout; `source` turns one declaration into the tensor the model uses. */
class Recorder {
  readonly params: ParamInfo[] = [];
  readonly tensors: Tensor[] = [];
  private readonly byName = new Map<string, number>();
  size = 0;

  constructor(private readonly source: (info: ParamInfo) => Tensor) {}

  declare(name: string, shape: readonly number[], spec: Init, options: ParamOptions = {}): Tensor {
    if (this.byName.has(name)) {
      throw new Error(`parameter '${name}' is declared twice; give each layer its own name (ctx.scope('layer2'))`);
    }
    if (!shape.every((d) => Number.isInteger(d) && d > 0)) {
      throw new Error(`parameter '${name}' has shape [${shape.join(', ')}]: every dimension must be a positive integer`);
    }
    const size = shape.reduce((a, b) => a * b, 1);
    const info: ParamInfo = { name, shape: [...shape], size, offset: this.size, decay: options.decay ?? shape.length >= 2, init: spec };
    this.size += size;
    this.byName.set(name, this.params.length);
    this.params.push(info);
    const t = this.source(info);
    this.tensors.push(t);
    return t;
  }

  layout(): ParamLayout {
    return { params: this.params, size: this.size };
  }
}

function contextFor(recorder: Recorder, dtype: DType, training: boolean, trainingStep?: TrainingStep, prefix = ''): ParamContext {
  return {
    dtype,
    training,
    ...(trainingStep ? { trainingStep } : {}),
    param: (name, shape, spec, options) => recorder.declare(prefix + name, shape, spec, options),
    scope: (p) => contextFor(recorder, dtype, training, trainingStep, `${prefix}${p}.`),
  };
}

export interface BoundParams {
  ctx: ParamContext;
  /** The parameter tensors in declaration order (what gradients are taken with respect to). */
  readonly tensors: readonly Tensor[];
  /** The layout declared so far (complete once the model function has returned). */
  layout(): ParamLayout;
}

/** Parameters as slices of one flat vector (a graph input or a loop state); train graphs pass their step. */
export function flatParams(flat: Tensor, training: boolean, trainingStep?: TrainingStep): BoundParams {
  const recorder = new Recorder((info) =>
    reshape(slice(flat, [info.offset], [info.offset + info.size], [0]), info.shape),
  );
  return { ctx: contextFor(recorder, flat.dtype, training, trainingStep), tensors: recorder.tensors, layout: () => recorder.layout() };
}

/** Parameters as one named graph input each (to be baked in as initializers by the exporter); `step`: see evalStep. */
export function namedParams(dtype: DType, step?: TrainingStep): BoundParams {
  const recorder = new Recorder((info) => input(info.name, dtype, info.shape));
  return { ctx: contextFor(recorder, dtype, false, step), tensors: recorder.tensors, layout: () => recorder.layout() };
}

/** Throws when two graphs of one model declared different parameters (a model function must be deterministic). */
export function assertSameLayout(a: ParamLayout, b: ParamLayout, what: string): void {
  const describe = (l: ParamLayout) => l.params.map((p) => `${p.name}[${p.shape.join(',')}]`).join(' ');
  if (describe(a) !== describe(b)) {
    throw new Error(`the model declared different parameters in the ${what} graph: ${describe(b)} vs ${describe(a)}. ` +
      'A model function must declare the same parameters every time it is called (do not branch on ctx.training for params).');
  }
}
