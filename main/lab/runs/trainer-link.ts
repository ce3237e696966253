// One live run: its trainer process and the translation of the trainer's messages into store writes,
// status transitions and events. Owns the cancel grace timer, the diagnosis of a trainer that died, and
// stopping the run (at a checkpoint, resumable) when the lab's database stops recording it. An interrupted
// run keeps its resume point as its step (stop-point.ts), so every view and `gatelab resume` name one step.
import type { RunDataSummary, RunRecord } from '../store/index';
import type { RunStop } from '../store/runs';
import { FromTrainer, parseMessage, type RunSpec } from '../../../common/trainer-protocol';
import type { TrainerExit, TrainerLauncher, TrainerProcess } from './trainer-process';
import type { RunManager } from './run-manager';
import { CHECKPOINT_WRITE_FAILED } from '../../../common/runs/checkpoint-format';
import { interruptionNote } from './crash-note';
import { stopPoint, type StopPoint } from './stop-point';
import { isStoreError, storeFix, storeProblem } from './store-failure';

export interface LinkOptions {
  launcher: TrainerLauncher;
  home: string;
  resumeFrom?: string;
  cancelGraceMs: number;
  dataset?: Record<string, unknown>;
}

/** Persist the step at most this often while running (progress events go out on every call). */
const STEP_PERSIST_MS = 1000;

export class TrainerLink {
  paused = false;
  private proc: TrainerProcess | null = null;
  private ended = false;
  private cancelling = false;
  private interrupting: string | null = null;
  /** The database refused this run's writes (or its metrics for good): the run stops, resumable, saying so. */
  private storeError: Error | null = null;
  /** ...because its metrics went unrecorded (MetricsWriter.gaveUp), not because one of its own writes failed. */
  private metricsUnrecorded = false;
  private killTimer: NodeJS.Timeout | null = null;
  private step = 0;
  private epoch = 0;
  private lastPersist = 0;
  private startedAt = performance.now();
  private startStep = 0;
  private exitWaiters: Array<() => void> = [];

  constructor(private readonly m: RunManager, private readonly run: RunRecord, private readonly o: LinkOptions) {}

  /** The run as it was when this trainer started (its config decides the slots it takes). */
  get record(): RunRecord {
    return this.run;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  start(): void {
    const spec: RunSpec = {
      runId: this.run.id,
      config: this.run.config as RunSpec['config'],
      checkpointDir: this.m.files.dir(this.run.id),
      ...(this.o.resumeFrom ? { resumeFrom: this.o.resumeFrom } : {}),
      ...(this.o.dataset ? { dataset: this.o.dataset } : {}),
    };
    const proc = (this.proc = this.o.launcher(`run-${this.run.id}@${this.o.home}`));
    proc.onMessage((raw) => {
      try {
        this.handle(parseMessage(FromTrainer, raw, `the trainer of run ${this.run.id}`));
      } catch (e) {
        // The store refusing a write (disk full, read-only) is not the run's fault: keep it resumable.
        if (isStoreError(e)) this.storeError ??= e as Error;
        else this.fail((e as Error).message, this.step);
        proc.kill();
        return;
      }
      // Metrics the store has refused for good (MetricsWriter.gaveUp): training on would record nothing.
      if (this.m.metrics.gaveUp && !this.paused) this.stopUnrecorded(this.m.metrics.failure!);
    });
    proc.onExit((exit) => this.exited(exit));
    proc.send({ type: 'start', spec });
  }

  pause(): void {
    if (!this.ended && !this.cancelling) this.proc?.send({ type: 'pause' });
  }

  resume(): void {
    if (!this.ended) this.proc?.send({ type: 'resume' });
  }

  /** Cooperative cancel (the trainer stops between session.run calls), then SIGKILL after the grace period. */
  cancel(): void {
    if (this.ended || this.cancelling) return;
    this.cancelling = true;
    this.proc?.send({ type: 'cancel' });
    this.killTimer = setTimeout(() => this.proc?.kill(), this.o.cancelGraceMs);
    this.killTimer.unref();
  }

  /**
   * The database no longer records this run: the trainer is asked to pause, which writes a checkpoint, and
   * is then stopped (see 'paused'); the run ends interrupted at that checkpoint, naming the cause and the fix.
   * A trainer that does not pause within the cancel grace period is killed (resume: its last checkpoint).
   */
  private stopUnrecorded(cause: Error): void {
    if (this.ended || this.storeError) return;
    this.storeError = cause;
    this.metricsUnrecorded = true;
    if (this.cancelling) return; // its cancel ends it; the grace timer is armed
    this.proc?.send({ type: 'pause' });
    this.killTimer = setTimeout(() => this.proc?.kill(), this.o.cancelGraceMs);
    this.killTimer.unref();
  }

  /** Lab shutdown: kill now, leave the run resumable. */
  interrupt(why: string): Promise<void> {
    if (this.ended) return Promise.resolve();
    this.interrupting = why;
    const done = new Promise<void>((resolve) => this.exitWaiters.push(resolve));
    this.proc?.kill();
    return done;
  }

  private handle(msg: FromTrainer): void {
    const id = this.run.id;
    const m = this.m;
    switch (msg.type) {
      case 'ready':
        this.step = this.startStep = msg.step;
        this.startedAt = performance.now();
        m.transition(id, 'running', { provider: msg.provider, fallbackReason: msg.fallbackReason ?? null, step: msg.step, totalSteps: msg.totalSteps, dataSummary: dataSummaryOf(msg, this.run.dataSummary), stop: null });
        // The model as built (data-shaped fields filled from the dataset): export rebuilds exactly this model.
        m.store.db.prepare('UPDATE runs SET config = ? WHERE id = ?').run(JSON.stringify({ ...(this.run.config as object), model: msg.modelConfig }), id);
        m.emit({ type: 'status', runId: id, status: 'running', provider: msg.provider, fallbackReason: msg.fallbackReason, model: msg.model, parameters: msg.parameters, data: msg.data });
        break;
      case 'progress': {
        this.step = msg.step;
        this.epoch = msg.epoch;
        const rate = (msg.step - this.startStep) / ((performance.now() - this.startedAt) / 1000);
        const etaSec = rate > 0 ? (msg.totalSteps - msg.step) / rate : null;
        m.emit({ type: 'progress', runId: id, step: msg.step, epoch: msg.epoch, totalSteps: msg.totalSteps, samplesPerSec: msg.samplesPerSec, etaSec });
        if (performance.now() - this.lastPersist > STEP_PERSIST_MS) {
          this.lastPersist = performance.now();
          // Also a heartbeat: after a crash, updated_at says about when the run stopped.
          m.store.db.prepare(`UPDATE runs SET step = ?, epoch = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`).run(msg.step, msg.epoch, id);
        }
        break;
      }
      case 'metrics':
        m.metrics.add(id, msg.points);
        m.emit({ type: 'metrics', runId: id, points: msg.points });
        break;
      case 'gate-stats':
        m.metrics.addGateStats(id, msg.points);
        m.emit({ type: 'gate-stats', runId: id, points: msg.points });
        break;
      case 'eval': {
        const prefix = msg.split === 'validation' ? 'val.' : 'test.';
        const points = Object.entries(msg.metrics).filter(([, v]) => Number.isFinite(v)).map(([name, value]) => ({ step: msg.step, name: prefix + name, value }));
        m.metrics.add(id, points);
        // the val.* / test.* points as stored, for live views (the Evaluation chart fills in per epoch)
        if (points.length) m.emit({ type: 'metrics', runId: id, points });
        m.emit({ type: 'eval', runId: id, split: msg.split, step: msg.step, epoch: msg.epoch, metrics: msg.metrics });
        break;
      }
      case 'checkpoint':
        this.recordCheckpoint(msg);
        break;
      case 'paused':
        // Paused for stopUnrecorded: its checkpoint is written (and recorded, or found on disk by resume).
        if (this.storeError) { this.proc?.kill(); break; }
        this.paused = true;
        // (a refused write keeps its points for the retry: the run is paused whatever the store says)
        this.flushMetrics();
        m.transition(id, 'paused', { step: msg.step });
        m.schedule(); // a paused trainer idles: its slot goes to the queue
        break;
      case 'resumed':
        this.paused = false;
        m.transition(id, 'running', { step: msg.step });
        break;
      case 'finished':
        this.ended = true;
        // (never throwing here: this.ended is set, so a throw would leave the run 'running' for good)
        this.flushMetrics();
        m.transition(id, msg.status, { step: msg.step, epoch: msg.epoch, stop: this.stopOf(msg) });
        m.emit({ type: 'finished', runId: id, status: msg.status, reason: msg.reason, test: msg.test, validation: msg.validation, cpuMs: msg.cpuMs });
        break;
      case 'failed':
        // A checkpoint that could not be written (disk full...) leaves the run resumable once that is fixed.
        if (msg.message.startsWith(CHECKPOINT_WRITE_FAILED)) this.interrupting ??= msg.message;
        else this.fail(msg.stack ? `${msg.message}\n--\n${msg.stack}` : msg.message, msg.step);
        break;
    }
  }

  /** Why training stopped, kept with the run (stop-note.ts says it in words); the best checkpoint is recorded by now. */
  private stopOf(msg: Extract<FromTrainer, { type: 'finished' }>): RunStop {
    const best = this.m.store.checkpoints.forRun(this.run.id).filter((c) => c.kind === 'best').at(-1);
    return { reason: msg.reason, step: msg.step, epoch: msg.epoch, bestStep: best?.step ?? null };
  }

  private recordCheckpoint(msg: Extract<FromTrainer, { type: 'checkpoint' }>): void {
    const { store, files } = this.m;
    const id = this.run.id;
    const path = files.toStored(msg.path);
    store.db.transaction(() => {
      // best.ckpt is replaced in place; pruned epoch files lose their rows.
      const drop = store.db.prepare('DELETE FROM checkpoints WHERE run_id = ? AND path = ?');
      if (msg.kind === 'best') drop.run(id, path);
      for (const p of msg.pruned) drop.run(id, files.toStored(p));
      store.checkpoints.add({ runId: id, step: msg.step, epoch: msg.epoch, kind: msg.kind, path, bytes: msg.bytes, metric: msg.metric });
      if (msg.kind === 'epoch') store.db.prepare('UPDATE runs SET step = ?, epoch = ? WHERE id = ?').run(msg.step, msg.epoch, id);
    })();
    this.m.emit({ type: 'checkpoint', runId: id, kind: msg.kind, step: msg.step, epoch: msg.epoch, path });
  }

  /** Writes buffered metrics; a store that refuses them (disk full) must not stop the run's ending. */
  private flushMetrics(): void {
    try { this.m.metrics.flush(); } catch { /* the outcome is still reported (RunManager.transition) */ }
  }

  /**
   * Ends the run interrupted at its resume point: the step stored is the checkpoint's (what `gatelab resume`
   * continues from), not the live step; the curves say how far it got (run-report.ts reachedStep). No
   * error step either: "interrupted at step 182" beside "resumes from step 140" named two steps for one stop.
   */
  private interrupted(message: (resume: StopPoint['resume']) => string): void {
    const at = stopPoint(this.m.store, this.m.files, this.run.id);
    this.m.transition(this.run.id, 'interrupted', { error: message(at.resume), step: at.step, epoch: at.epoch, errorStep: null });
  }

  private fail(error: string, step: number): void {
    if (this.ended) return;
    this.ended = true;
    this.flushMetrics();
    this.m.transition(this.run.id, 'failed', { error, errorStep: step, step: Math.max(step, this.step) });
  }

  private exited(exit: TrainerExit): void {
    if (this.killTimer) clearTimeout(this.killTimer);
    const id = this.run.id;
    if (!this.ended) {
      this.ended = true;
      this.flushMetrics();
      if (this.interrupting && this.paused && !this.storeError) {
        // A paused run whose lab shuts down stays paused: its pause checkpoint is the resume point.
      } else if (this.storeError) {
        const cause = this.storeError;
        const problem = storeProblem(cause, this.m.store.db.name);
        const why = this.metricsUnrecorded ? `${problem}: its metrics were no longer being recorded, so training stopped at a checkpoint rather than go on unrecorded` : `${problem}, so the run was stopped`;
        this.interrupted((resume) => interruptionNote({ runId: id, why, resume, fixFirst: storeFix(cause) }));
      } else if (this.interrupting) {
        const why = this.interrupting;
        this.interrupted(() => (why.includes(`gatelab resume ${id}`) ? why : `${why}; resume it: gatelab resume ${id}`));
      } else if (this.cancelling) {
        this.m.transition(id, 'cancelled', { step: this.step, error: `the trainer did not stop within ${this.o.cancelGraceMs} ms of the cancel and was killed` });
      } else {
        // Killed (OOM killer, kill -9, a native crash) or exited without a word: not a reported error such
        // as NaN or bad data, so the run stays resumable from its last checkpoint.
        const how = exit.signal ? `was killed (${exit.signal})` : `exited unexpectedly with code ${exit.code}`;
        const tail = exit.stderrTail ? `; its last output:\n${exit.stderrTail}` : '';
        this.interrupted((resume) => `${interruptionNote({ runId: id, why: `the trainer process ${how}`, resume })}${tail}`);
      }
    }
    for (const w of this.exitWaiters) w();
    this.m.released(id);
  }
}

/**
 * The data summary stored with the run (`gatelab show`, the Runs view): the ready message's line, and the
 * log-scaled columns, baseline (the majority class's or, for a regression, the training mean's), model
 * inputs, label, rows per class of each part, whether a long-format file was pivoted and the split sizes, each kept from the first start when a resumed trainer does
 * not repeat it; and a fusion run's modalities (every trainer, resumed too, sends them).
 */
export function dataSummaryOf(msg: Extract<FromTrainer, { type: 'ready' }>, before: RunDataSummary | null | undefined): RunDataSummary {
  const baseline = msg.baseline ?? before?.baseline;
  const regressionBaseline = msg.regressionBaseline ?? before?.regressionBaseline;
  const inputs = msg.inputs ?? before?.inputs;
  const label = msg.label ?? before?.label;
  const classCounts = msg.classCounts ?? before?.classCounts;
  const pivoted = msg.pivoted ?? before?.pivoted;
  const splitSizes = msg.splitSizes ?? before?.splitSizes;
  // a resumed trainer re-derives its modalities (the same columns); a run stored before they were sent has none
  const modalities = msg.modalities;
  return {
    line: msg.data, logScaled: msg.logScaled ?? before?.logScaled ?? [], ...(baseline ? { baseline } : {}), ...(regressionBaseline ? { regressionBaseline } : {}), ...(inputs ? { inputs } : {}),
    ...(label ? { label } : {}), ...(classCounts ? { classCounts } : {}), ...(pivoted !== undefined ? { pivoted } : {}),
    ...(splitSizes ? { splitSizes } : {}), ...(modalities ? { modalities } : {}),
  };
}
