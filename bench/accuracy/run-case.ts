// One benchmark run, in-process: the trainer's own loop (workers/run/train-run.ts: Loop-K, validation
// each epoch, early stopping, best-on-validation checkpoint, test metrics) over a RunData built by
// workers/data. In-process is fine for a benchmark script; the app runs the same loop in a trainer process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRunConfig, type RunConfigInput } from '../../common/runs/config';
import type { FromTrainer } from '../../common/trainer-protocol';
import { modelSize } from '../../engine/models';
import { compileTraining } from '../../engine/train/compile';
import type { RunData, Rows } from '../../workers/run/run-data';
import { trainRun } from '../../workers/run/train-run';
import { readCheckpoint } from '../../workers/run/checkpoint-file';
import { evaluateSplit } from '../../workers/run/evaluate';
import { modelFor, optimizerFor } from '../../workers/run/model-for';
import { TrainSession } from '../../workers/train-session';

export interface CaseResult {
  test: Record<string, number>;
  validation: Record<string, number>;
  epochs: number;
  steps: number;
  seconds: number;
  params: number;
  reason: string;
  /** Test metrics on the extra test sets (e.g. one modality corrupted), best-on-validation parameters. */
  extra: Record<string, Record<string, number>>;
  /**
   * CPU seconds of the whole run (ORT runs one thread, so this is about the wall time of an idle machine,
   * which a loaded one cannot show), and up to the validation of the epoch whose checkpoint was kept (the
   * reported result exists from then on; the rest is early stopping's patience). Absent in older records.
   */
  cpuSeconds?: number;
  cpuSecondsToBest?: number;
  bestEpoch?: number;
}

const cpuSecondsSince = (c0: NodeJS.CpuUsage) => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1e6; };

export async function runCase(config: RunConfigInput, data: RunData, log: (line: string) => void, extraTests: Record<string, Rows> = {}): Promise<CaseResult> {
  // as a new run in the lab trains (main/lab/runs/dataset-defaults.ts): τ(N) at training step N
  const parsed = parseRunConfig({ temperatureAtStepNumber: true, ...config });
  const dir = mkdtempSync(join(tmpdir(), 'gatelab-acc-'));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const validations: { epoch: number; metrics: Record<string, number>; cpu: number }[] = [];
  let finished: Extract<FromTrainer, { type: 'finished' }> | null = null;
  const emit = (e: FromTrainer) => {
    if (e.type === 'eval' && e.split === 'validation') {
      validations.push({ epoch: e.epoch, metrics: e.metrics, cpu: cpuSecondsSince(cpu0) });
      log(`    epoch ${e.epoch}: validation ${Object.entries(e.metrics).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(', ')}`);
    }
    if (e.type === 'finished') finished = e;
  };
  const control = { cancelled: false, pauseRequested: false, waitWhilePaused: async () => true };
  const extra: Record<string, Record<string, number>> = {};
  try {
    await trainRun({ runId: 1, config: parsed, checkpointDir: dir }, data, emit, control);
    if (Object.keys(extraTests).length) {
      const compiled = compileTraining(modelFor(parsed), { dtype: parsed.dtype, optimizer: optimizerFor(parsed) });
      const kept = readCheckpoint(join(dir, 'best.ckpt'));
      const session = await TrainSession.open(compiled, kept.params, { graphs: ['eval'], step: kept.header.step });
      for (const [name, rows] of Object.entries(extraTests)) extra[name] = (await evaluateSplit(session, data, rows)).metrics;
      await session.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const cpuSeconds = cpuSecondsSince(cpu0);
  const f = finished as Extract<FromTrainer, { type: 'finished' }> | null;
  if (!f) throw new Error('the run ended without a finished message');
  // the kept checkpoint: the trainer's rule (workers/run/train-run.ts), lowest validation loss by minDelta
  const best = validations.reduce<(typeof validations)[number] | null>((b, v) =>
    (b === null || v.metrics.loss < b.metrics.loss - parsed.earlyStopping.minDelta ? v : b), null);
  return {
    test: f.test, validation: f.validation, epochs: f.epoch, steps: f.step, reason: f.reason,
    seconds: (performance.now() - t0) / 1000, params: modelSize(parsed.model).params, extra,
    cpuSeconds, ...(best ? { cpuSecondsToBest: best.cpu, bestEpoch: best.epoch } : {}),
  };
}
