// The trainer process: one run per process (ARCHITECTURE §6), started with child_process.fork (or
// Electron's utilityProcess) so that a native fault in ORT costs one run, not the app, and so that
// session.run never blocks a UI thread. This first version trains the demo's gated model on a
// synthetic dataset; the runs engineer extends it with the full protocol from common/.
//
// Messages in: { type: 'start', spec } then optionally { type: 'cancel' } (honoured between calls).
// Messages out: ready -> progress* -> done, or error.
import { compileTraining } from '../engine/train/compile';
import { gatedModel, syntheticGatedData } from '../engine/train/gated-model';
import { BatchSampler } from '../engine/train/batches';
import { StepsPerCall } from '../engine/train/chunking';
import type { DemoSpec, GateStats, TrainerEvent, TrainerRequest } from '../engine/train/demo-run';
import { TrainSession } from './train-session';
import { lastStepGateStats } from './demo-gate-stats';
import { isRunStart, listenOnParentPort, serveRunProtocol } from './run/trainer-main';

const send = (event: TrainerEvent): void => {
  if (process.send) process.send(event);
  else console.log(JSON.stringify(event));
};

let cancelled = false;

export async function trainDemo(spec: DemoSpec, emit: (e: TrainerEvent) => void, isCancelled: () => boolean): Promise<void> {
  const started = performance.now();
  const def = gatedModel(spec.sizes);
  const heldOut = Math.max(spec.batchSize, Math.floor(spec.samples / 8));
  const data = syntheticGatedData(spec.samples + heldOut, spec.sizes.inputs, spec.seed);
  const D = spec.sizes.inputs;
  const train = { x: data.x.subarray(0, spec.samples * D), y: data.y.subarray(0, spec.samples) };
  const compiled = compileTraining(def, { dtype: 'float32', optimizer: { kind: 'adamw', weightDecay: 0.01, clipNorm: 1 }, batchSize: spec.batchSize });
  const session = await TrainSession.open(compiled, compiled.initialParams(spec.seed), { providers: spec.providers });
  try {
    emit({ type: 'ready', pid: process.pid, model: def.name, parameters: compiled.layout.size, provider: session.provider.provider, fallbackReason: session.provider.fallbackReason });
    const sampler = new BatchSampler({ x: { data: train.x, shape: [D] }, y: { data: train.y, shape: [1] } }, spec.samples, spec.batchSize, spec.seed);
    const chooser = new StepsPerCall({ targetMs: 100 });
    let last: GateStats = { gateOpenness: NaN, expertLoad: [] };
    while (!isCancelled() && performance.now() - started < spec.seconds * 1000) {
      const k = chooser.next();
      const batches = sampler.next(k);
      const t0 = performance.now();
      // Warm-up: a linear ramp over the first 50 steps; schedules live outside the graph.
      const lrs = Float64Array.from({ length: k }, (_, i) => spec.lr * Math.min(1, (session.step + i + 1) / 50));
      const r = await session.trainSteps(batches, lrs);
      const ms = performance.now() - t0;
      chooser.record(k, ms);
      // the mean over the call's K steps, steadier than one step's; the progress line says so (main/cli/demo.ts progressLine)
      const loss = r.losses.reduce((a, b) => a + b, 0) / k;
      if (!Number.isFinite(loss)) throw new Error(`the loss became ${loss} at step ${session.step}; lower the learning rate (${spec.lr})`);
      // the values at session.step (the call's last step), which the event is headed by: not a K-step mean
      last = lastStepGateStats(r, spec.sizes.experts);
      emit({ type: 'progress', step: session.step, epoch: sampler.epoch, loss, samplesPerSec: (k * spec.batchSize) / (ms / 1000), stepsPerCall: k, elapsedMs: performance.now() - started, ...last });
    }
    // Final evaluation on the held-out rows.
    const evalX = data.x.subarray(spec.samples * D);
    const evalY = data.y.subarray(spec.samples);
    const ev = await session.evaluate({ x: { data: evalX, dims: [heldOut, D] }, y: { data: evalY, dims: [heldOut, 1] } });
    const logits = ev.predictions.logit.data as Float32Array;
    let correct = 0;
    for (let i = 0; i < heldOut; i++) if ((logits[i] > 0 ? 1 : 0) === evalY[i]) correct++;
    emit({
      type: 'done', step: session.step, evalLoss: ev.loss, evalAccuracy: correct / heldOut, elapsedMs: performance.now() - started, cancelled: isCancelled(),
      gateOpenness: Number(ev.stats.gate_openness.data[0]), expertLoad: Array.from(ev.stats.expert_load.data as Float32Array),
    });
  } finally {
    await session.close();
  }
}

if (process.send) {
  process.on('message', (msg: TrainerRequest) => {
    if (isRunStart(msg)) return serveRunProtocol(msg); // a lab run (common/trainer-protocol.ts): workers/run handles it
    if (msg.type === 'cancel') cancelled = true;
    else if (msg.type === 'start') {
      trainDemo(msg.spec, send, () => cancelled)
        .catch((e: Error) => send({ type: 'error', message: e.message }))
        .finally(() => process.disconnect());
    }
  });
} else {
  listenOnParentPort(); // started by Electron's utilityProcess: lab runs arrive on process.parentPort
}
