// Compiles one ModelDefinition into the graphs a run needs:
//   train  one optimizer step:  params, <state>, step, lr, batch            -> params_out, <state>_out, step_out, loss, stats.*
//   loop   K steps in an ONNX Loop over [K, B, ...] batches and lr [K]      -> same outputs; loss [K], stats.* [K, ...]
//          (carries, besides the optimizer state, running sums of the statistics the model accumulates)
//   eval   no update:           params, [step], batch (inputs + targets)    -> loss, <predictions>, stats.*
//          (`step` only when the model has something step-dependent, e.g. a router temperature schedule:
//          the optimizer steps the parameters were trained for; CompiledModel.evalTakesStep says so)
// and (export.ts) the inference graph with the weights baked in.
// Parameters and each optimizer state vector are ONE flat buffer; gradients are taken with respect to
// each parameter's Reshape(Slice(flat)) view and concatenated back into one flat gradient.
import type { DType } from '../ir/dtype';
import type { Dim, Tensor } from '../ir/tensor';
import { grad } from '../autodiff';
import { add, concat, constant, gather, input, loop, reshape, scalar, shapeOf } from '../ops/builders';
import { emitModel } from '../onnx/emit';
import { assertSameLayout, flatParams, type ParamLayout, type TrainingStep } from '../nn/params';
import { specDtype, type ModelDefinition, type ModelOutputs } from './model';
import { optimizerStateNames, optimizerUpdate, type OptimizerSpec } from './optimizers';
import { decayMask, initialParams, type FlatBuffer, type FloatDType } from './pack';
import { RunningMeans, dependsOn, evalStep, recordAccumulated, trainingStep, zeroSums } from './step-context';

export interface CompileOptions {
  dtype: FloatDType;
  optimizer: OptimizerSpec;
  /** A fixed batch size for the train graphs lets ORT plan memory statically; default: a symbolic 'batch'
   * dimension. The eval graph always takes any batch size. */
  batchSize?: number;
  /** The run's seed: with the step it fixes each step's dropout masks and gating noise. Default 0. */
  seed?: number;
  /** false: the train/loop graphs emit no gate statistics (measures their cost; the eval graph keeps them). Default true. */
  stats?: boolean;
}

export type GraphKind = 'train' | 'loop' | 'eval';

/** The I/O contract of the compiled graphs (names the runner feeds and reads). */
export interface CompiledModel {
  definition: ModelDefinition;
  dtype: FloatDType;
  optimizer: OptimizerSpec;
  layout: ParamLayout;
  /** Names of the optimizer's flat state vectors: ['m', 'v'] (Adam/AdamW), ['momentum'] or [] (SGD). */
  stateNames: string[];
  statNames: string[];
  predictionNames: string[];
  /** Batch tensors of the train/eval graphs: input and target names with their dtypes and per-sample shapes. */
  batchNames: string[];
  /**
   * True when the eval graph has a float64 scalar input `step` (the model has a schedule): feed it the
   * optimizer steps the parameters were trained for (TrainSession.step, a checkpoint's header.step).
   */
  evalTakesStep: boolean;
  /** The ONNX bytes of one graph, built on first use (a trainer needs only loop + eval). */
  graph(kind: GraphKind): Uint8Array;
  initialParams(seed: number): FlatBuffer;
}

const statOutput = (name: string) => `stats.${name}`;
const stateOut = (name: string) => `${name}_out`;

interface StepResult {
  params: Tensor;
  state: Tensor[];
  step: Tensor;
  loss: Tensor;
  stats: Record<string, Tensor>;
  layout: ParamLayout;
}

function batchInputs(def: ModelDefinition, dtype: DType, leading: readonly Dim[]): Record<string, Tensor> {
  const out: Record<string, Tensor> = {};
  for (const [name, spec] of Object.entries({ ...def.inputs, ...def.targets })) out[name] = input(name, specDtype(spec, dtype), [...leading, ...spec.shape]);
  return out;
}

function split(def: ModelDefinition, batch: Record<string, Tensor>) {
  const pick = (names: string[]) => Object.fromEntries(names.map((n) => [n, batch[n]]));
  return { inputs: pick(Object.keys(def.inputs)), targets: pick(Object.keys(def.targets)) };
}

function forwardAndLoss(def: ModelDefinition, params: Tensor, batch: Record<string, Tensor>, training: boolean, step?: TrainingStep) {
  const bound = flatParams(params, training, step);
  const { inputs, targets } = split(def, batch);
  const outputs: ModelOutputs = def.forward(bound.ctx, inputs);
  const main = def.loss(outputs, targets);
  if (main.rank !== 0) throw new Error(`model '${def.name}': the loss must be a scalar, got shape [${main.shape.join(', ')}]`);
  const loss = outputs.auxLoss ? add(main, outputs.auxLoss) : main;
  return { bound, outputs, loss };
}

/** Forward, backward and optimizer update of one step, as IR. `seed`: the run seed. */
function trainStep(def: ModelDefinition, opt: OptimizerSpec, params: Tensor, state: readonly Tensor[], step: Tensor, lr: Tensor,
  batch: Record<string, Tensor>, mask: Tensor | null, seed: number, accumulate?: TrainingStep['accumulate']): StepResult {
  const { bound, outputs, loss } = forwardAndLoss(def, params, batch, true, trainingStep(step, params.dtype, seed, accumulate));
  const grads = grad(loss, bound.tensors);
  const flatGrad = concat(grads.map((g) => reshape(g, [-1])), 0);
  const upd = optimizerUpdate(opt, { params, grad: flatGrad, state, step, lr, decayMask: mask });
  return { ...upd, loss, stats: outputs.stats ?? {}, layout: bound.layout() };
}

function stateInputs(def: ModelDefinition, dtype: FloatDType, layout: ParamLayout, opt: OptimizerSpec) {
  return {
    params: input('params', dtype, [layout.size]),
    state: optimizerStateNames(opt).map((n) => input(n, dtype, [layout.size])),
    step: input('step', 'float64', []),
  };
}

/** The eval forward: no training, the step the parameters were trained for (schedules follow it). */
function evalForward(def: ModelDefinition, dtype: FloatDType, params: Tensor, batch: Record<string, Tensor>) {
  const step = input('step', 'float64', []);
  const e = forwardAndLoss(def, params, batch, false, evalStep(step, dtype));
  const outputs = { loss: e.loss, ...e.outputs.predictions, ...Object.fromEntries(Object.entries(e.outputs.stats ?? {}).map(([n, t]) => [statOutput(n), t])) };
  return { ...e, step, graphOutputs: outputs, takesStep: dependsOn(Object.values(outputs), step) };
}

/** What the model declares, found by building its eval forward once (a throwaway graph). */
function discover(def: ModelDefinition, dtype: FloatDType, batch: Dim) {
  const { bound, outputs, takesStep } = evalForward(def, dtype, input('params', dtype, ['params']), batchInputs(def, dtype, [batch]));
  const layout = bound.layout();
  if (layout.size === 0) throw new Error(`model '${def.name}' declares no parameters: there is nothing to train`);
  return { layout, statNames: Object.keys(outputs.stats ?? {}), predictionNames: Object.keys(outputs.predictions), takesStep };
}

/** The statistics a training forward averages over a Loop call (their running sums become Loop state). */
function discoverAccumulated(def: ModelDefinition, dtype: FloatDType, batch: Dim) {
  const { accumulate, found } = recordAccumulated();
  const step = input('step', 'float64', []);
  forwardAndLoss(def, input('params', dtype, ['params']), batchInputs(def, dtype, [batch]), true, trainingStep(step, dtype, 0, accumulate));
  return found;
}

export function compileTraining(def: ModelDefinition, options: CompileOptions): CompiledModel {
  const { dtype, optimizer } = options;
  const seed = options.seed ?? 0;
  const B: Dim = options.batchSize ?? 'batch';
  const discovered = discover(def, dtype, B);
  const { layout, predictionNames } = discovered;
  const statNames = options.stats === false ? [] : discovered.statNames;
  const needsMask = layout.params.some((p) => p.decay) && (optimizer.weightDecay ?? 0) !== 0;
  const maskConst = () => (needsMask ? constant(decayMask(layout, dtype), dtype, [layout.size]) : null);
  const stateNames = optimizerStateNames(optimizer);
  const stepOutputs = (r: Omit<StepResult, 'layout'>) => ({
    params_out: r.params,
    ...Object.fromEntries(stateNames.map((n, i) => [stateOut(n), r.state[i]])),
    step_out: r.step,
    loss: r.loss,
    ...Object.fromEntries(statNames.map((n) => [statOutput(n), r.stats[n]])),
  });

  function trainGraph(): Uint8Array {
    const s = stateInputs(def, dtype, layout, optimizer);
    const lr = input('lr', 'float64', []);
    const batch = batchInputs(def, dtype, [B]);
    // one step: a statistic's "running mean" is the step's own value (no accumulate)
    const r = trainStep(def, optimizer, s.params, s.state, s.step, lr, batch, maskConst(), seed);
    assertSameLayout(layout, r.layout, 'train');
    return emitModel({ inputs: [s.params, ...s.state, s.step, lr, ...Object.values(batch)], outputs: stepOutputs(r), graphName: `${def.name} train step` });
  }

  // K steps in a Loop: the trip count is the length of the lr vector (one learning rate per step).
  // Loop state: params, optimizer state, step, then one running sum per accumulated statistic (zeros at
  // the start of every call: the accumulation window is one Loop call, ~50–200 ms of steps).
  function loopGraph(): Uint8Array {
    const accumulated = discoverAccumulated(def, dtype, B);
    const s = stateInputs(def, dtype, layout, optimizer);
    const lrs = input('lr', 'float64', ['steps']);
    const batches = batchInputs(def, dtype, ['steps', B]);
    const mask = maskConst();
    const trips = gather(shapeOf(lrs), scalar(0, 'int64'), 0);
    let bodyLayout: ParamLayout | null = null;
    const optState = stateNames.length + 1; // optimizer vectors and the step
    const result = loop(trips, [s.params, ...s.state, s.step, ...zeroSums(accumulated)], (iter, carried) => {
      const [params, ...rest] = carried;
      const means = new RunningMeans(accumulated, rest.slice(optState), iter);
      const batch = Object.fromEntries(Object.entries(batches).map(([n, t]) => [n, gather(t, iter, 0)]));
      const r = trainStep(def, optimizer, params, rest.slice(0, stateNames.length), rest[stateNames.length], gather(lrs, iter, 0), batch, mask,
        seed, accumulated.length ? means.accumulate : undefined);
      bodyLayout = r.layout;
      return { states: [r.params, ...r.state, r.step, ...means.next()], scans: [r.loss, ...statNames.map((n) => r.stats[n])] };
    });
    assertSameLayout(layout, bodyLayout!, 'Loop-K train');
    const [params, ...rest] = result.states;
    return emitModel({
      inputs: [s.params, ...s.state, s.step, lrs, ...Object.values(batches)],
      outputs: stepOutputs({
        params,
        state: rest.slice(0, stateNames.length),
        step: rest[stateNames.length],
        loss: result.scans[0],
        stats: Object.fromEntries(statNames.map((n, i) => [n, result.scans[i + 1]])),
      }),
      graphName: `${def.name} train loop`,
    });
  }

  // Eval: loss, predictions and gate statistics, no update, any batch size; the step when a schedule needs it.
  function evalGraph(): Uint8Array {
    const params = input('params', dtype, [layout.size]);
    const batch = batchInputs(def, dtype, ['batch']);
    const e = evalForward(def, dtype, params, batch);
    assertSameLayout(layout, e.bound.layout(), 'eval');
    return emitModel({
      inputs: [params, ...(e.takesStep ? [e.step] : []), ...Object.values(batch)],
      outputs: e.graphOutputs,
      graphName: `${def.name} eval`,
    });
  }

  const builders = { train: trainGraph, loop: loopGraph, eval: evalGraph };
  const built = new Map<GraphKind, Uint8Array>();
  return {
    definition: def,
    dtype,
    optimizer,
    layout,
    stateNames,
    statNames,
    predictionNames,
    batchNames: [...Object.keys(def.inputs), ...Object.keys(def.targets)],
    evalTakesStep: discovered.takesStep,
    graph(kind) {
      if (!built.has(kind)) built.set(kind, builders[kind]());
      return built.get(kind)!;
    },
    initialParams: (seed) => initialParams(layout, dtype, seed),
  };
}

export { statOutput, stateOut };
