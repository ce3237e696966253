// One run inside a trainer process: compile the model, open the sessions, then epoch after epoch call
// the Loop-K graph (K steps per session.run, never across an epoch boundary), watch for NaN/Inf,
// stream metrics, evaluate on validation, keep the best, checkpoint atomically, stop early, and finally
// evaluate on test. Pause and cancel are honoured between calls (ARCHITECTURE §6).
import { compileTraining } from '../../engine/train/compile';
import { StepsPerCall } from '../../engine/train/chunking';
import type { FromTrainer, RunSpec, CheckpointKind } from '../../common/trainer-protocol';
import { learningRates, describeSchedule } from '../../common/runs/schedule';
import { withTemperatureScheduleNotes } from '../../common/runs/temperature-schedule-length';
import { TrainSession, type StepsResult } from '../train-session';
import { DataOrder } from './data-order';
import { chunkOf, gatherBatches, sampleBytes, type RunData } from './run-data';
import { evaluateSplit } from './evaluate';
import { writeTestChannels } from './channel-errors';
import { forecastBaselines, seasonOfRun } from './forecast-baselines';
import { writeTestClasses } from './class-metrics';
import { classWeightsFor } from './class-weights';
import { fewStepsNote } from './few-steps-note';
import { withClassWeights } from '../../engine/train/model';
import { assertModelFits, modelFor, optimizerFor, providersFor } from './model-for';
import { readCheckpoint, type BestSoFar } from './checkpoint-file';
import { CheckpointWriter } from './checkpoint-writer';
import { MetricsBatcher, gateStatPoints } from './metrics-batcher';
import { runModalitiesOf } from '../../common/runs/run-modalities';

export type Emit = (e: FromTrainer) => void;

/**
 * Batch bytes one call may gather: K is capped so a wide dataset's K×B windows stay about this size
 * (ETTh1 at lookback 512, batch 32: up to 123 steps per call; 321 channels at lookback 96, batch 128: 2).
 */
const CALL_BYTES = 64 << 20;

/** What the protocol handler lets the loop observe between calls. */
export interface RunControl {
  cancelled: boolean;
  pauseRequested: boolean;
  /** Resolves when the run is resumed (true) or cancelled while paused (false). */
  waitWhilePaused(): Promise<boolean>;
}

/** A failure with the step it happened at (reported in `failed`). */
export class RunFailure extends Error {
  constructor(message: string, readonly step: number) {
    super(message);
  }
}

const firstNonFinite = (a: ArrayLike<number>): number => {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return i;
  return -1;
};
const word = (v: number) => (Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf');
/** The first float batch input holding a NaN/Inf: then the data, not the learning rate, made the loss NaN. */
const nonFiniteInput = (batches: Record<string, { data: ArrayLike<number | bigint> }>): string | undefined =>
  Object.keys(batches).find((k) => batches[k].data instanceof Float32Array || batches[k].data instanceof Float64Array ? firstNonFinite(batches[k].data as Float32Array) >= 0 : false);

export async function trainRun(spec: RunSpec, data: RunData, emit: Emit, control: RunControl): Promise<void> {
  const config = spec.config;
  const trainRows = Math.min(data.train.rows, config.maxRowsPerEpoch ?? Infinity);
  // sized for the batch it will really train with (a split smaller than one batch trains on all its rows).
  // A resume is not re-judged: the run already trained at this size, and a refusal here would leave it
  // failed (not resumable) over an estimate.
  if (!spec.resumeFrom) assertModelFits(config, undefined, Math.max(1, Math.min(config.batchSize, trainRows)));
  // loss.classWeights: counted over the rows an epoch trains on (common/runs/config.ts LossOptions)
  const classWeights = classWeightsFor(config.loss, data, (config.model as { template: string }).template, trainRows);
  const model = modelFor(config);
  const def = classWeights ? withClassWeights(model, classWeights.weights) : model;
  // a fusion or CTR epoch of a few steps that leaves rows out says so (few-steps-note.ts); forecasting is warned before it is queued
  const fewSteps = data.channels ? null : fewStepsNote(trainRows, config.batchSize);
  const describe = [data.describe, classWeights?.note, fewSteps].filter(Boolean).join('; ');
  if (trainRows < 1) throw new RunFailure('the training split has no rows: give the dataset more rows or a larger training share (gatelab datasets split)', 0);
  // An empty validation or test part has no loss to report (its mean over no rows is NaN, which JSON sends
  // as null): said now, before any training, rather than as a protocol error after the last epoch.
  const empty = emptyHeldOutPart(data);
  if (empty) throw new RunFailure(empty, 0);
  // A training split smaller than one batch trains on batches of all its rows (a data loader's one
  // partial batch) instead of failing: small datasets are where a user tries a template first.
  const batchSize = Math.min(config.batchSize, trainRows);
  const compiled = compileTraining(def, { dtype: config.dtype, optimizer: optimizerFor(config), batchSize, seed: config.seed });
  const resume = spec.resumeFrom ? readCheckpoint(spec.resumeFrom) : null;
  if (resume && (resume.header.model !== def.name || resume.header.size !== compiled.layout.size)) {
    throw new RunFailure(`checkpoint '${spec.resumeFrom}' belongs to model ${resume.header.model} (${resume.header.size} parameters), ` +
      `not ${def.name} (${compiled.layout.size}); start a new run instead of resuming`, resume.header.step);
  }
  const session = await TrainSession.open(compiled, resume ? resume.params : compiled.initialParams(config.seed), { providers: providersFor(config), intraOpThreads: config.threads });
  try {
    const order = new DataOrder(trainRows, batchSize, config.seed, resume?.header.order);
    let best: BestSoFar = resume?.header.best ?? { metric: null, epoch: 0, step: 0, badEpochs: 0 };
    if (resume) {
      session.step = resume.header.step;
      for (const n of compiled.stateNames) session.state[n] = resume.state[n];
    }
    const totalSteps = Math.min(config.epochs * order.stepsPerEpoch, config.maxSteps ?? Infinity);
    const ckpt = new CheckpointWriter(spec, def.name, compiled.stateNames, config.dtype, config.keepCheckpoints, emit);
    const save = (kind: CheckpointKind, metric: number | null = null, params = session.params, state = session.state, step = session.step) =>
      ckpt.write(kind, { step, epoch: order.state.epoch, order: order.state, best, params, state }, metric);
    // the data line also says when a router's temperature schedule is longer than the run (τ would stop short)
    emit({ type: 'ready', model: def.name, modelConfig: config.model as Record<string, unknown>, data: withTemperatureScheduleNotes(batchSize < config.batchSize ? `${describe}; batches of ${batchSize} samples (the training split has ${trainRows}, fewer than batchSize ${config.batchSize})` : describe, config.model, { totalSteps, epochs: config.epochs, stepsPerEpoch: order.stepsPerEpoch, maxSteps: config.maxSteps }), parameters: compiled.layout.size, provider: session.provider.provider,
      ...(data.logScaled ? { logScaled: data.logScaled } : {}), ...(data.baseline ? { baseline: data.baseline } : {}), ...(data.regressionBaseline ? { regressionBaseline: data.regressionBaseline } : {}),
      ...(data.inputs ? { inputs: data.inputs } : {}), ...(data.label ? { label: data.label } : {}), ...(data.classCounts ? { classCounts: data.classCounts } : {}),
      ...(data.pivoted !== undefined ? { pivoted: data.pivoted } : {}), ...(data.modalityInputs ? { modalities: runModalitiesOf(data.modalityInputs) } : {}),
      splitSizes: { train: data.train.rows, validation: data.validation.rows, test: data.test.rows },
      fallbackReason: session.provider.fallbackReason, stepsPerEpoch: order.stepsPerEpoch, totalSteps, step: session.step });

    const cpu0 = process.cpuUsage();
    const cpuMs = () => { const c = process.cpuUsage(cpu0); return (c.user + c.system) / 1000; };
    const batcher = new MetricsBatcher(emit);
    const chooser = new StepsPerCall({ targetMs: 100 });
    // Loop-K is bit-identical to K single steps, so capping K by memory changes no result.
    const stepsThatFit = chunkOf(sampleBytes(data.train) * batchSize, CALL_BYTES, Number.MAX_SAFE_INTEGER);
    const peak = config.optimizer.lr;
    let reason = 'epochs';
    let validation: Record<string, number> = {};
    const stopAt = () => Math.min(totalSteps, config.maxSteps ?? Infinity);
    let validatedStep = -1;
    /** Validation of the current weights: metrics stored and emitted; improved = better than the best so far. */
    const validate = async () => {
      batcher.flush();
      const ev = await evaluateSplit(session, data, data.validation);
      validation = ev.metrics;
      validatedStep = session.step;
      emit({ type: 'eval', split: 'validation', step: session.step, epoch: order.state.epoch + 1, metrics: finiteMetrics('validation', ev.metrics, session.step) });
      batcher.addGateStats(gateStatPoints(ev.stats, session.step, 1, 'val.'));
      batcher.flush();
      const metric = ev.metrics.loss;
      return { metric, improved: best.metric === null || metric < best.metric - config.earlyStopping.minDelta };
    };
    // Opening the session blocks this thread: a cancel or pause sent meanwhile is read only once the
    // event loop turns, so let it turn before the first call instead of after it.
    await new Promise((resolve) => setImmediate(resolve));
    training: while (order.state.epoch < config.epochs) {
      while (order.remainingInEpoch > 0) {
        if (session.step >= stopAt()) { reason = 'max-steps'; break training; }
        if (control.pauseRequested) {
          batcher.flush();
          save('pause');
          emit({ type: 'paused', step: session.step });
          if (!(await control.waitWhilePaused())) break training;
          emit({ type: 'resumed', step: session.step });
        }
        if (control.cancelled) break training;
        const k = Math.min(config.stepsPerCall ?? chooser.next(), stepsThatFit, order.remainingInEpoch, stopAt() - session.step);
        const from = session.step;
        const lrs = learningRates(peak, config.schedule, from, k, totalSteps);
        const batches = gatherBatches(data.train, order.take(k), batchSize);
        const before = { params: session.params, state: { ...session.state } };
        const t0 = performance.now();
        let r: StepsResult;
        try {
          r = await session.trainSteps(batches, lrs);
        } catch (e) {
          throw new RunFailure((e as Error).message, from);
        }
        const ms = performance.now() - t0;
        chooser.record(k, ms);
        const bad = firstNonFinite(r.losses);
        const badParam = bad < 0 ? firstNonFinite(session.params) : -1;
        if (bad >= 0 || badParam >= 0) {
          // Keep the last good state (before this call) so the run can be inspected or resumed with a lower lr.
          save('last-good', null, before.params, before.state, from);
          batcher.flush();
          const step = bad >= 0 ? from + bad + 1 : session.step;
          const input = nonFiniteInput(batches);
          if (input) throw new RunFailure(`the model's input '${input}' holds NaN or ±Infinity in the batches of steps ${from + 1}..${from + k}, so the loss became NaN: ` +
            'a value in the data the pipeline did not fill; fix it in the file or leave its column out (gatelab datasets roles ID <column>=ignore)', step);
          const what = bad >= 0 ? `loss became ${word(r.losses[bad])}` : `parameters became ${word(session.params[badParam])} (a gradient or update overflowed)`;
          throw new RunFailure(`${what} at step ${step} ${describeSchedule(peak, config.schedule, step - 1, totalSteps)}; ` +
            `the last good state (step ${from}) is kept as a checkpoint: lower optimizer.lr, add a warmup or set optimizer.clipNorm`, step);
        }
        for (let i = 0; i < k; i++) {
          batcher.add({ step: from + i + 1, name: 'loss', value: r.losses[i] });
          batcher.add({ step: from + i + 1, name: 'lr', value: lrs[i] });
        }
        const samplesPerSec = (k * batchSize) / (ms / 1000);
        batcher.add({ step: session.step, name: 'samples_per_sec', value: samplesPerSec });
        batcher.addGateStats(gateStatPoints(r.stats, session.step, k));
        batcher.maybeFlush();
        emit({ type: 'progress', step: session.step, epoch: order.state.epoch, totalSteps, samplesPerSec, stepsPerCall: k });
      }
      // End of an epoch: validation, best-so-far, checkpoint, early stopping.
      const { metric, improved } = await validate();
      best = improved ? { metric, epoch: order.state.epoch + 1, step: session.step, badEpochs: 0 } : { ...best, badEpochs: best.badEpochs + 1 };
      order.nextEpoch();
      ckpt.write('epoch', { step: session.step, epoch: order.state.epoch, order: order.state, best, params: session.params, state: session.state }, metric, improved);
      if (config.earlyStopping.patience > 0 && best.badEpochs >= config.earlyStopping.patience) { reason = 'early-stopping'; break; }
    }
    batcher.flush();
    if (reason === 'max-steps' && validatedStep !== session.step && !control.cancelled) {
      // Stopped inside an epoch: validate the final weights too, so the test and the export use the best
      // of every state trained, and a run capped before its first epoch's end still reports validation.
      const { metric, improved } = await validate();
      if (improved) best = { metric, epoch: order.state.epoch + 1, step: session.step, badEpochs: 0 };
      ckpt.write('final', { step: session.step, epoch: order.state.epoch, order: order.state, best, params: session.params, state: session.state }, metric, improved);
    }
    if (control.cancelled) {
      save('cancel');
      emit({ type: 'finished', status: 'cancelled', step: session.step, epoch: order.state.epoch, reason: 'cancelled', test: {}, validation, cpuMs: cpuMs() });
      return;
    }
    if (ckpt.lastStep !== session.step) save('final');
    // Test metrics with the best-on-validation parameters (the model a user would export), at the step they
    // were kept at: a schedule (router temperature) then has the value those parameters were trained at.
    const bestFile = ckpt.bestPath();
    const kept = bestFile ? readCheckpoint(bestFile) : null;
    const test = await evaluateSplit(session, data, data.test, kept ? { params: kept.params, step: kept.header.step } : undefined);
    // `gatelab show` prints them, with what repeating the last value, the training mean or the last season scores on the same windows
    if (test.channels) writeTestChannels(spec.checkpointDir, kept?.header.step ?? session.step, test.channels, baselinesOrNone(data.train, data.test, test.channels.map((c) => c.name), { season: seasonOfRun(data) }));
    if (test.classes) writeTestClasses(spec.checkpointDir, kept?.header.step ?? session.step, test.classes); // and these
    const testMetrics = finiteMetrics('test', test.metrics, session.step);
    emit({ type: 'eval', split: 'test', step: session.step, epoch: order.state.epoch, metrics: testMetrics });
    emit({ type: 'finished', status: 'completed', step: session.step, epoch: order.state.epoch, reason, test: testMetrics, validation, cpuMs: cpuMs() });
  } finally {
    await session.close();
  }
}

/** Why a run cannot be evaluated: its validation or test part has no rows (samples), with the sizes; null when both have some. */
export function emptyHeldOutPart(data: Pick<RunData, 'train' | 'validation' | 'test'>): string | null {
  const parts = ([['validation', data.validation.rows], ['test', data.test.rows]] as const).filter(([, n]) => n < 1).map(([p]) => p);
  if (!parts.length) return null;
  const n = (x: number) => x.toLocaleString('en-US');
  return `the ${parts.join(' and ')} part${parts.length > 1 ? 's have' : ' has'} no samples (${n(data.train.rows)} train / ${n(data.validation.rows)} validation / ${n(data.test.rows)} test), ` +
    'so the run could not be validated or tested: use a split that gives every part rows (a random split, --set split=random, or gatelab datasets split DATASET --kind random --ratios 0.8,0.1,0.1), or a dataset with more rows';
}

/**
 * Evaluation metrics as the protocol carries them (finite numbers; JSON has no NaN): a loss that is not finite
 * fails the run in words (the model's outputs overflowed on that part); another metric that is not finite
 * (undefined on the part, an AUC of one class) is left out rather than sent as null.
 */
export function finiteMetrics(split: 'validation' | 'test', metrics: Record<string, number>, step: number): Record<string, number> {
  if ('loss' in metrics && !Number.isFinite(metrics.loss)) {
    throw new RunFailure(`the ${split} loss is ${word(metrics.loss)} at step ${step}: the model's outputs overflowed on the ${split} rows (or they hold NaN or ±Infinity); ` +
      'lower the learning rate (--set optimizer.lr=…) or check those rows for extreme values', step);
  }
  return Object.fromEntries(Object.entries(metrics).filter(([, v]) => Number.isFinite(v)));
}

/** The naive forecasts' scores, or none: a reference line must never fail a run that trained (memory, a read error). */
function baselinesOrNone(...args: Parameters<typeof forecastBaselines>): ReturnType<typeof forecastBaselines> {
  try {
    return forecastBaselines(...args);
  } catch {
    return undefined;
  }
}
