// The run manager: queue (priority, then FIFO), a pool of trainer processes, the lifecycle
// queued -> running -> (paused) -> completed | failed | cancelled | interrupted persisted on every
// transition, cooperative cancel with a kill after a grace period, and a trainer that dies costs only its
// own run. Runs no live process looks after (a dead lab's, a dead CLI's queue) are settled by
// queue-holds.ts at start-up and from the control poll. The Lab facade, serve mode and the CLI all drive this class.
import { availableParallelism } from 'node:os';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LabStore, RunRecord } from '../store/index';
import type { LabPaths } from '../home';
import type { RunConfigInput } from '../../../common/runs/config';
import type { ExperimentSpec } from '../../../common/runs/expand';
import { forkTrainer, type TrainerLauncher } from './trainer-process';
import { MetricsWriter } from './metrics-writer';
import { RunFiles } from './run-files';
import { TrainerLink } from './trainer-link';
import { RunIntake, type CreateRunOptions, type QueuedExperiment } from './run-intake';
import { FINAL, SETTLED, type QueueHold, type QueueHoldListener, type RunEvent, type RunListener } from './events';
import { findResumePoint, UnresumableRun, type ResumePoint } from './run-checkpoints';
import { claimQueuedRun, startPoint, unresumableNote, type Claimed, type StartPoint } from './run-claim';
import { recordResumeNote } from './resume-notes';
import * as queueHolds from './queue-holds';
import { warnAboutEarlierData } from './stale-home';
import { QueueStoreHold } from './queue-store-hold';
import { noRun, Refusal } from './refusal';
import { unlaunchableRun } from './unlaunchable-run';
import { startControlPoll } from './control-poll';
import { waitForSettled } from './wait-for-settled';

// a held run's note, read by the CLI's run reports (cli-session.ts) from here
export { heldNote } from './queue-holds';
// new runs' options, part of the manager's API (create) though run-intake.ts reads them
export type { CreateRunOptions } from './run-intake';

export interface RunManagerOptions {
  store: LabStore;
  paths: LabPaths;
  /**
   * Slots for concurrent training: a run takes as many slots as its ONNX Runtime threads (config
   * `threads`, 1 by default), so 2-thread runs on a 2-slot pool train one at a time instead of
   * oversubscribing the cores. Default: one slot per core. A function is read at every scheduling
   * decision (the lab's "Concurrent runs" setting).
   */
  poolSize?: number | (() => number);
  launcher?: TrainerLauncher;
  /** How long a cancelled trainer may take to stop before it is killed. */
  cancelGraceMs?: number;
  /** true (serve, app): run any queued run; false (CLI): only the runs handed to `run(id)`. */
  takeAnyQueued?: boolean;
  /** Resolves a dataset run's data for the trainer (the lab's registry); absent: dataset runs fail with a message. */
  resolveDataset?: (run: RunRecord) => Record<string, unknown>;
}

export class RunManager {
  readonly store: LabStore;
  readonly files: RunFiles;
  readonly metrics: MetricsWriter;
  private readonly launcher: TrainerLauncher;
  private readonly listeners = new Set<RunListener>();
  private readonly links = new Map<number, TrainerLink>();
  private readonly mine = new Set<number>();
  /** Stops the control poll (control-poll.ts). */
  private readonly stopControlPoll: () => void;
  private closed = false;
  /** The queue's hold while the database refuses metrics writes (queue-store-hold.ts). */
  private readonly storeHold: QueueStoreHold;
  /** Checks new runs and stores them queued (run-intake.ts); from there they are this manager's. */
  private readonly intake: RunIntake;
  /** Outcomes the store could not record (disk full, read-only): waitFor still settles with them. */
  private readonly unrecorded = new Map<number, Partial<RunRecord>>();

  constructor(private readonly opts: RunManagerOptions) {
    this.store = opts.store;
    this.files = new RunFiles(opts.paths.checkpoints, opts.paths.home);
    this.launcher = opts.launcher ?? forkTrainer;
    this.metrics = new MetricsWriter(opts.store);
    this.storeHold = new QueueStoreHold(this.metrics, opts.paths.database);
    this.intake = new RunIntake(opts.store, this.files, (id) => {
      this.emit({ type: 'status', runId: id, status: 'queued' });
      this.run(id);
    });
    // Requests from other lab processes (e.g. `gatelab pause 3` while `gatelab serve` trains run 3), dead labs' runs.
    this.stopControlPoll = startControlPoll({
      files: this.files, links: this.links, storeHold: this.storeHold,
      holdContext: () => this.holdContext, schedule: () => this.schedule(),
    });
    warnAboutEarlierData(opts.store, opts.paths);
    // Crash recovery: a dead lab's running runs become interrupted, a dead CLI's queued runs paused.
    queueHolds.interruptOrphanedRuns(this.holdContext);
    this.holdOrphanedQueue();
    // The app / serve mode picks up runs left queued by an earlier app session (a dead CLI's are paused above).
    if (opts.takeAnyQueued) queueMicrotask(() => this.schedule());
  }

  subscribe(listener: RunListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(e: RunEvent): void {
    for (const l of this.listeners) l(e);
  }

  /**
   * Hears the queue's hold for the database (the hold, repeated about every 2 s while it lasts so a view
   * opened meanwhile shows it too) and its end (null, once). Kept apart from the runs' events: it is no run's.
   */
  onQueueHold(listener: QueueHoldListener): () => void {
    return this.storeHold.listen(listener);
  }

  /** Why queued runs wait now (the database refuses writes), or null when they do not. */
  get queueHold(): QueueHold | null {
    return this.storeHold.current;
  }

  /** What the holds of queue-holds.ts read and change through this manager. */
  private get holdContext(): queueHolds.QueueHoldContext {
    return {
      store: this.store, files: this.files,
      isLive: (id) => this.links.has(id), isMine: (id) => this.mine.has(id),
      transition: (id, status, update) => this.transition(id, status, update),
    };
  }

  /** Runs queued by a CLI command that exited before starting them become paused, saying why (queue-holds.ts). */
  holdOrphanedQueue(): number[] {
    return queueHolds.holdOrphanedQueue(this.holdContext);
  }

  /** A CLI's first Ctrl-C: its still-queued runs will not start here; they become paused (queue-holds.ts). */
  holdQueued(ids: number[]): number[] {
    for (const id of ids) this.mine.delete(id);
    return queueHolds.holdQueued(this.holdContext, ids);
  }

  /** Queues one run, refused if it cannot train (run-intake.ts); this manager runs it when a slot is free. */
  create(config: RunConfigInput, o: CreateRunOptions = {}): number {
    return this.intake.create(config, o);
  }

  /** Seeds × sweep -> a group of queued runs sharing a group id (and the data checks' warnings); one invalid point refuses them all. */
  createExperiment(spec: ExperimentSpec): QueuedExperiment {
    return this.intake.createExperiment(spec);
  }

  /** Hands a queued run to this manager (the CLI runs only its own runs). */
  run(id: number): void {
    this.mine.add(id);
    // A CLI records itself on the runs it queues (see holdOrphanedQueue); the app's queue is anyone's.
    if (this.opts.takeAnyQueued) this.files.clearQueuedBy(id);
    else this.files.setQueuedBy(id);
    this.schedule();
  }

  get poolSize(): number {
    const size = typeof this.opts.poolSize === 'function' ? this.opts.poolSize() : this.opts.poolSize;
    return Math.max(1, Math.floor(size ?? availableParallelism()));
  }

  /** The slots a run takes: its ONNX Runtime threads, at most the whole pool (it then runs alone). */
  private slotsOf(run: RunRecord): number {
    const threads = (run.config as { threads?: unknown }).threads;
    return Math.min(this.poolSize, typeof threads === 'number' && threads >= 1 ? Math.floor(threads) : 1);
  }

  /** Slots taken by the runs training now (a paused trainer idles and gives its slots back). */
  get busySlots(): number {
    let n = 0;
    for (const l of this.links.values()) if (!l.paused) n += this.slotsOf(l.record);
    return n;
  }

  /**
   * Starts queued runs while their slots are free: highest priority first, then oldest. The head of the
   * queue waits for enough free slots (a 2-thread run is not overtaken by later 1-thread runs forever).
   */
  schedule(): void {
    if (this.closed) return;
    // The database refuses every metrics write (disk full, read-only): a run started now would be stopped at
    // once (trainer-link.ts stopUnrecorded). The queue waits; the control poll starts it when a write succeeds.
    if (this.storeHold.holds()) return;
    for (;;) {
      const next = this.store.runs.list({ status: 'queued' })
        .filter((r) => !this.links.has(r.id) && (this.mine.has(r.id) || (this.opts.takeAnyQueued && !queueHolds.queuedByOtherLiveProcess(this.files, r.id))))
        .sort((a, b) => b.priority - a.priority || a.id - b.id)[0];
      if (!next || this.busySlots + this.slotsOf(next) > this.poolSize) return;
      const from = startPoint(this.store, this.files, next.id);
      const claimed = this.claim(next.id, from);
      if (!claimed) return;
      // no checkpoint to continue from: the run went back to interrupted (out of the queue), the next one may start
      if (!('resume' in from)) continue;
      this.launch(this.store.runs.get(next.id)!, from.resume, claimed.bestNote);
    }
  }

  /**
   * queued -> running, only if no other process took it first (run-claim.ts: the run's step becomes its
   * start point and its stored points past it go). The status event carries it, so live views drop their
   * points past it too.
   */
  private claim(id: number, from: StartPoint): Claimed | false {
    const claimed = claimQueuedRun(this.store, this.files, id, from);
    if (!claimed) return false;
    if (!claimed.restart) {
      // not claimed: back to interrupted with its note (run-claim.ts); this process no longer runs it
      this.mine.delete(id);
      this.files.clearQueuedBy(id);
      this.emit({ type: 'status', runId: id, status: 'interrupted', error: this.store.runs.get(id)?.error ?? null });
      return claimed;
    }
    // points of a trainer of this run that a failed write kept for its retry would land after the delete
    if (claimed.restart) this.metrics.discardAfter(id, claimed.restart.step);
    this.files.clearQueuedBy(id);
    this.files.setOwner(id);
    this.emit({ type: 'status', runId: id, status: 'running' });
    return claimed;
  }

  /** The checkpoint a resumed run continues from (findResumePoint says which); throws when every one is damaged. */
  resumePoint(runId: number): ResumePoint | null {
    return findResumePoint(this.store, this.files, runId);
  }

  private launch(run: RunRecord, resume: ResumePoint | null, bestNote: string | null = null): void {
    // A damaged newer checkpoint was skipped (and best.ckpt, trained past it, set aside): kept with the
    // run, so the app and `gatelab show` can say so.
    const note = [resume?.note, bestNote].filter(Boolean).join('; ');
    if (note) recordResumeNote(this.store.settings, run.id, note);
    let dataset: Record<string, unknown> | undefined;
    try {
      dataset = run.datasetId != null && this.opts.resolveDataset ? this.opts.resolveDataset(run) : undefined;
    } catch (e) {
      // schedule() runs from a microtask and from a trainer's exit: a throw here would crash serve or the
      // app's lab and leave this run 'running' with no trainer. It costs only this run; the queue goes on.
      this.unlaunchable(run, e);
      return;
    }
    const link = new TrainerLink(this, run, {
      launcher: this.launcher,
      home: this.opts.paths.home,
      resumeFrom: resume ? this.files.fromStored(resume.path) : undefined,
      cancelGraceMs: this.opts.cancelGraceMs ?? 10_000,
      dataset,
    });
    this.links.set(run.id, link);
    link.start();
  }

  /** A claimed run whose dataset cannot be read for its trainer: interrupted or failed (unlaunchable-run.ts says which). */
  private unlaunchable(run: RunRecord, e: unknown): void {
    this.mine.delete(run.id);
    this.files.clearOwner(run.id);
    const { status, error } = unlaunchableRun(run, e);
    this.transition(run.id, status, { error, errorStep: null });
  }

  /** Called by a TrainerLink when its run has ended (any way): frees the slot. */
  released(runId: number): void {
    this.links.delete(runId);
    this.files.clearOwner(runId);
    this.emit({ type: 'released', runId });
    this.schedule();
  }

  pause(id: number): void {
    const run = this.mustGet(id);
    const link = this.links.get(id);
    if (link) return link.pause();
    if (run.status === 'queued') return this.transition(id, 'paused');
    if (run.status === 'running' && this.files.liveOwner(id) !== null) return this.files.requestControl(id, 'pause');
    throw new Refusal(`run ${id} is ${run.status}: only queued or running runs can be paused`);
  }

  resume(id: number): void {
    const run = this.mustGet(id);
    const link = this.links.get(id);
    if (link) return link.resume();
    if (run.status === 'paused' && this.files.liveOwner(id) !== null) return this.files.requestControl(id, 'resume');
    if (run.status === 'queued') return this.run(id); // e.g. a lab killed between queueing and starting it
    if (run.status !== 'paused' && run.status !== 'interrupted') throw new Refusal(`run ${id} is ${run.status}: only paused or interrupted runs can be resumed`);
    this.refuseUnresumable(run);
    this.transition(id, 'queued');
    this.run(id);
  }

  /**
   * Refuses, before queueing, to resume a run with no checkpoint to continue from: it keeps its status, the reason
   * as its note and its files, so it resumes once they are restored (the queue checks again: run-claim.ts).
   */
  private refuseUnresumable(run: RunRecord): void {
    try {
      findResumePoint(this.store, this.files, run.id);
    } catch (e) {
      if (!(e instanceof UnresumableRun)) throw e;
      const note = unresumableNote(run.id, e.message, `stays ${run.status}`);
      this.transition(run.id, run.status, { error: note, errorStep: null });
      throw new Refusal(note);
    }
  }

  cancel(id: number): void {
    const run = this.mustGet(id);
    const link = this.links.get(id);
    if (link) return link.cancel();
    if (FINAL.includes(run.status)) throw new Refusal(`run ${id} is already ${run.status}`);
    if ((run.status === 'running' || run.status === 'paused') && this.files.liveOwner(id) !== null) return this.files.requestControl(id, 'cancel');
    this.transition(id, 'cancelled');
  }

  /**
   * Persists and announces a status. When the store cannot record it (disk full, read-only file), the
   * outcome is kept in memory so waitFor still settles and the user still reads the error.
   */
  transition(id: number, status: RunRecord['status'], update: Parameters<LabStore['runs']['setStatus']>[2] = {}): void {
    let error = update.error ?? null;
    // out of the queue: who queued it no longer matters (a stale record must not hold a later requeue)
    if (status !== 'queued') this.files.clearQueuedBy(id);
    // a held run leaving 'paused' (resumed, cancelled) drops the note saying why it never started
    if (status !== 'paused' && update.stop === undefined && queueHolds.heldNote(this.store.runs.get(id)) !== null) update = { ...update, stop: null };
    try {
      this.store.runs.setStatus(id, status, update);
      this.unrecorded.delete(id);
    } catch (e) {
      error = `${error ?? `run ${id} ${status}`} (the lab could not record this in its database ${this.opts.paths.database}: ${(e as Error).message})`;
      this.unrecorded.set(id, { status, error, ...(update.step !== undefined ? { step: update.step } : {}) });
    }
    this.emit({ type: 'status', runId: id, status, error });
  }

  /**
   * Deletes a run and its checkpoints folder. A run a live trainer holds (running, or paused in a trainer)
   * must be cancelled first; a queued, finished, failed, cancelled, interrupted or paused-on-disk run goes.
   * Plain columns only: a run whose stored JSON is damaged can be deleted too (the way out store/json.ts names). */
  delete(id: number): void {
    const run = this.store.runs.plainColumns(id);
    if (!run) throw noRun(id, this.opts.paths.home);
    const live = this.links.has(id) || this.files.liveOwner(id) !== null;
    if (live || run.status === 'running') throw new Refusal(`run ${id} is ${run.status}${live ? ' in a live trainer' : ''}: cancel it first (gatelab cancel ${id}), then delete it`);
    if (!this.store.runs.delete(id)) throw new Refusal(`run ${id} started training meanwhile: cancel it first, then delete it`);
    this.mine.delete(id);
    // points still buffered for it (a write being retried) would fail every later batch on the foreign key
    this.metrics.discardAfter(id, -1);
    rmSync(join(this.opts.paths.checkpoints, `run-${id}`), { recursive: true, force: true });
    this.emit({ type: 'deleted', runId: id });
  }

  /** Resolves when the run settles (completed, failed, cancelled, paused or interrupted) and its trainer let go of it. */
  waitFor(id: number, statuses = SETTLED): Promise<RunRecord> {
    return waitForSettled(this, id, statuses);
  }

  /** The run as stored, with any outcome the store could not record laid over it. */
  record(id: number): RunRecord | undefined {
    const r = this.store.runs.get(id);
    return r && { ...r, ...this.unrecorded.get(id) };
  }

  isLive(id: number): boolean {
    return this.links.has(id);
  }

  /** The process id of a live run's trainer (diagnostics, tests). */
  trainerPid(id: number): number | undefined {
    return this.links.get(id)?.pid;
  }

  private mustGet(id: number): RunRecord {
    const r = this.store.runs.get(id);
    if (!r) throw noRun(id, this.opts.paths.home);
    return r;
  }

  /**
   * Shuts down: live trainers are killed and their runs left 'interrupted' (resumable from the last
   * checkpoint); buffered metrics are written first.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.stopControlPoll();
    // A store that refuses writes (disk full) must not keep the live trainers from being interrupted:
    // the points stay buffered, and the close() below tries them once more (and says why if it cannot).
    try { this.metrics.flush(); } catch { /* retried by close() below */ }
    await Promise.all([...this.links.values()].map((l) => l.interrupt('the lab shut down while this run was training')));
    this.metrics.close();
  }
}
