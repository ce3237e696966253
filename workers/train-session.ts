// One run's training state (flat params, optimizer state, step count) and the sessions that advance
// it: the one-step graph, the Loop-K graph and the eval graph of a CompiledModel. Lives in a trainer
// process (session.run blocks its thread).
// Outputs come back as fresh JS buffers (the binding copies them): we keep them and feed them straight
// back as the next call's inputs; preallocating outputs was measured slower.
import * as ort from 'onnxruntime-node';
import type { CompiledModel, GraphKind } from '../engine/train/compile';
import type { FlatBuffer } from '../engine/train/pack';
import { SessionRunner, type ProviderChoice, type SessionRunnerOptions } from './session-runner';

/** A batch tensor on the JS side: data + dims (the leading dims are [B] or [K, B]). */
export interface HostTensor {
  data: Float32Array | Float64Array | BigInt64Array;
  dims: readonly number[];
}

/** Parameters to evaluate other than the session's own (a checkpoint's), with the optimizer steps they were trained for. */
export interface EvalPoint {
  params: FlatBuffer;
  /** The checkpoint's header.step. */
  step: number;
}

export interface StepsResult {
  /** Loss of each step (before its update). */
  losses: Float64Array;
  /** Each statistic per step: [K, ...stat shape] flattened. */
  stats: Record<string, HostTensor>;
}

const ortType = (data: HostTensor['data']) =>
  data instanceof Float64Array ? 'float64' : data instanceof Float32Array ? 'float32' : 'int64';
const toOrt = (t: HostTensor) => new ort.Tensor(ortType(t.data), t.data, [...t.dims]);
const toHost = (t: ort.Tensor): HostTensor => ({ data: t.data as HostTensor['data'], dims: [...t.dims] });

export class TrainSession {
  /** Flat parameters after the last completed step. */
  params: FlatBuffer;
  /** Optimizer state vectors, by name (m, v or momentum). */
  state: Record<string, FlatBuffer>;
  /** Optimizer steps taken so far. */
  step = 0;

  private constructor(readonly compiled: CompiledModel, private readonly runner: SessionRunner, params: FlatBuffer) {
    this.params = params;
    const alloc = () => (compiled.dtype === 'float64' ? new Float64Array(compiled.layout.size) : new Float32Array(compiled.layout.size));
    this.state = Object.fromEntries(compiled.stateNames.map((n) => [n, alloc()]));
  }

  /**
   * Opens sessions for `graphs` (default: the Loop-K and eval graphs; add 'train' for trainStep). `step`:
   * the optimizer steps `params` were trained for (a checkpoint's header.step; default 0, fresh parameters),
   * which schedules (router temperature) follow in evaluate as in training.
   */
  static async open(compiled: CompiledModel, params: FlatBuffer, options: SessionRunnerOptions & { graphs?: GraphKind[]; step?: number } = {}): Promise<TrainSession> {
    if (params.length !== compiled.layout.size) {
      throw new Error(`initial parameters have ${params.length} values, model '${compiled.definition.name}' has ${compiled.layout.size}`);
    }
    const kinds = options.graphs ?? ['loop', 'eval'];
    const runner = await SessionRunner.open(Object.fromEntries(kinds.map((k) => [k, compiled.graph(k)])), options);
    const session = new TrainSession(compiled, runner, params.slice());
    session.step = options.step ?? 0;
    return session;
  }

  get provider(): ProviderChoice {
    return this.runner.choice;
  }

  private stateFeeds(): Record<string, ort.Tensor> {
    const n = this.compiled.layout.size;
    const type = this.compiled.dtype;
    const feeds: Record<string, ort.Tensor> = { params: new ort.Tensor(type, this.params, [n]), step: new ort.Tensor('float64', Float64Array.of(this.step), []) };
    for (const name of this.compiled.stateNames) feeds[name] = new ort.Tensor(type, this.state[name], [n]);
    return feeds;
  }

  private batchFeeds(batch: Record<string, HostTensor>): Record<string, ort.Tensor> {
    const feeds: Record<string, ort.Tensor> = {};
    for (const name of this.compiled.batchNames) {
      const t = batch[name];
      if (!t) throw new Error(`the batch has no '${name}' tensor (model '${this.compiled.definition.name}' needs ${this.compiled.batchNames.join(', ')})`);
      feeds[name] = toOrt(t);
    }
    return feeds;
  }

  private absorb(out: Record<string, ort.Tensor>): void {
    this.params = out.params_out.data as FlatBuffer;
    for (const name of this.compiled.stateNames) this.state[name] = out[`${name}_out`].data as FlatBuffer;
    this.step = Number((out.step_out.data as Float64Array)[0]);
  }

  private result(out: Record<string, ort.Tensor>): StepsResult {
    const loss = out.loss.data as Float32Array | Float64Array;
    const stats: Record<string, HostTensor> = {};
    for (const name of this.compiled.statNames) stats[name] = toHost(out[`stats.${name}`]);
    return { losses: Float64Array.from(loss), stats };
  }

  /** One optimizer step (the plain graph: tests and debugging). Batch tensors are [B, ...]. */
  async trainStep(batch: Record<string, HostTensor>, lr: number): Promise<StepsResult> {
    const out = await this.runner.run('train', { ...this.stateFeeds(), lr: new ort.Tensor('float64', Float64Array.of(lr), []), ...this.batchFeeds(batch) });
    this.absorb(out);
    return this.result(out);
  }

  /** K optimizer steps in one call (the Loop graph). Batch tensors are [K, B, ...]; one learning rate per step. */
  async trainSteps(batches: Record<string, HostTensor>, lrs: Float64Array): Promise<StepsResult> {
    for (const name of this.compiled.batchNames) {
      const k = batches[name]?.dims[0];
      if (k !== undefined && k !== lrs.length) {
        throw new Error(`batch tensor '${name}' holds ${k} steps but ${lrs.length} learning rates were given (one per step)`);
      }
    }
    const out = await this.runner.run('loop', { ...this.stateFeeds(), lr: new ort.Tensor('float64', lrs, [lrs.length]), ...this.batchFeeds(batches) });
    this.absorb(out);
    return this.result(out);
  }

  /**
   * Loss, predictions and statistics on a batch; no update. By default with the current parameters at the
   * current step; `at` evaluates other parameters (a kept checkpoint) at the step they were trained for,
   * which a schedule (router temperature) needs to treat them as they were trained.
   */
  async evaluate(batch: Record<string, HostTensor>, at?: EvalPoint): Promise<{ loss: number; predictions: Record<string, HostTensor>; stats: Record<string, HostTensor> }> {
    const n = this.compiled.layout.size;
    const { params, step } = at ?? { params: this.params, step: this.step };
    if (params.length !== n) throw new Error(`evaluate: the parameters have ${params.length} values, model '${this.compiled.definition.name}' has ${n}`);
    const feeds: Record<string, ort.Tensor> = { params: new ort.Tensor(this.compiled.dtype, params, [n]), ...this.batchFeeds(batch) };
    if (this.compiled.evalTakesStep) feeds.step = new ort.Tensor('float64', Float64Array.of(step), []);
    const out = await this.runner.run('eval', feeds);
    const predictions = Object.fromEntries(this.compiled.predictionNames.map((p) => [p, toHost(out[p])]));
    const stats = Object.fromEntries(this.compiled.statNames.map((s) => [s, toHost(out[`stats.${s}`])]));
    return { loss: Number((out.loss.data as Float64Array)[0]), predictions, stats };
  }

  async close(): Promise<void> {
    await this.runner.close();
  }
}
