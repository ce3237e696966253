// Runs no live process will take care of, found and settled so none waits for good: runs left 'running'
// by a lab that died become 'interrupted' (resumable from their last checkpoint); runs a CLI command
// queued for itself and never started (it exited, or its first Ctrl-C stopped it) become 'paused' at
// their step with a note saying why ("not started: …"). Several lab processes share one home (the app,
// `gatelab serve`, a `gatelab train` in a terminal): who owns or queued a run is read from the run's folder
// (run-files.ts: owner.json, queued-by.json). The run manager calls these at start-up, from its control
// poll and on a CLI's Ctrl-C; they change runs only through its `transition`, so views hear of it.
import type { LabStore, RunRecord } from '../store/index';
import type { RunStop } from '../store/runs';
import type { RunFiles } from './run-files';
import { findResumePoint, type ResumePoint } from './run-checkpoints';
import { crashNote, type CrashFacts } from './crash-note';
import { HELD_REASON_PREFIX } from './stop-note';

/** What the holds need from the run manager of this process. */
export interface QueueHoldContext {
  store: LabStore;
  files: RunFiles;
  /** This process trains (or holds paused) the run in a live trainer. */
  isLive(id: number): boolean;
  /** The run was handed to this process to start (RunManager.run). */
  isMine(id: number): boolean;
  /** Persists and announces a status (RunManager.transition). */
  transition(id: number, status: RunRecord['status'], update?: Parameters<LabStore['runs']['setStatus']>[2]): void;
}

/**
 * Runs left 'running' by a lab that died (no live owner process) become 'interrupted', with the time and
 * their last checkpoint in the message. Returns their ids. At start-up (quietMs 0) every such run; from
 * the control poll only runs silent for `quietMs` (a run another process claimed a moment ago may not
 * have its owner file yet).
 */
export function interruptOrphanedRuns(ctx: QueueHoldContext, quietMs = 0): number[] {
  const ids: number[] = [];
  for (const run of ctx.store.runs.list({ status: 'running' })) {
    if (ctx.isLive(run.id) || ctx.files.liveOwner(run.id) !== null) continue;
    if (quietMs > 0 && Date.now() - Date.parse(run.updatedAt) < quietMs) continue;
    let ckpt: ResumePoint | null = null;
    let resume: CrashFacts['resume'];
    try {
      resume = ckpt = findResumePoint(ctx.store, ctx.files, run.id);
    } catch (e) {
      resume = { problem: (e as Error).message };
    }
    // (transition: a live lab's views hear of it too)
    ctx.transition(run.id, 'interrupted', {
      // updated_at is the run's last write (its step is persisted every second): about when it stopped.
      error: crashNote({ runId: run.id, lastUpdate: run.updatedAt, resume }),
      step: ckpt?.step ?? 0, epoch: ckpt?.epoch ?? 0,
    });
    ctx.files.clearOwner(run.id);
    ids.push(run.id);
  }
  return ids;
}

/**
 * Runs a CLI command queued for itself and never started because it exited (a second Ctrl-C, a kill, a
 * crash) would wait 'queued' for good: no app starts another process's runs and no CLI starts them. They
 * become 'paused' at their step (0: resume starts them from scratch), saying why. Runs queued in the app
 * record no process: any lab may start them. Returns their ids.
 */
export function holdOrphanedQueue(ctx: QueueHoldContext): number[] {
  const ids: number[] = [];
  for (const run of ctx.store.runs.list({ status: 'queued' })) {
    const by = ctx.files.queuedBy(run.id);
    // this process's pid on a run it was not handed: a dead CLI's pid, reused (another host's: never judged)
    if (!by || (by.alive && !(by.local && by.pid === process.pid && !ctx.isMine(run.id)))) continue;
    ctx.transition(run.id, 'paused', { ...heldUpdate(run, `the gatelab command that queued this run (process ${by.pid}) exited before starting it; resume it: gatelab resume ${run.id}`) });
    ids.push(run.id);
  }
  return ids;
}

/**
 * The first Ctrl-C of a CLI command: its runs still queued will not start (pausing the live ones frees
 * their slots, which must not go to the queue). They become 'paused' at step 0, resumable from the CLI and
 * the app alike. Returns their ids. (The caller has already taken them back from this process.)
 */
export function holdQueued(ctx: QueueHoldContext, ids: number[]): number[] {
  const held: number[] = [];
  for (const id of ids) {
    const run = ctx.store.runs.get(id);
    if (ctx.isLive(id) || run?.status !== 'queued') continue;
    ctx.transition(id, 'paused', { ...heldUpdate(run, `the gatelab command that queued it was stopped (Ctrl-C) first; resume it: gatelab resume ${id}`) });
    held.push(id);
  }
  return held;
}

/** A live CLI command queued this run for itself: the app leaves it to that command (it waits for it). */
export function queuedByOtherLiveProcess(files: RunFiles, id: number): boolean {
  const by = files.queuedBy(id);
  return by !== null && by.alive && !(by.local && by.pid === process.pid);
}


/**
 * Why a queued run was held paused before it ever started (its CLI command was stopped, or exited), kept as
 * the run's stop reason, not its error: the run did not fail, and scripts read a non-null --json `error` as
 * a failure. The Runs view and `gatelab show` say it as the run's stop note.
 */
function heldUpdate(run: RunRecord, why: string): { stop: RunStop; error: null; errorStep: null } {
  // (an earlier interruption's text, left from before it was requeued, goes too: the run waits, whole)
  return { stop: { reason: `${HELD_REASON_PREFIX}${why}`, step: run.step, epoch: run.epoch, bestStep: null }, error: null, errorStep: null };
}

/** A held paused run's note ("not started: …"), or null for any other run. */
export function heldNote(run: Pick<RunRecord, 'stop'> | undefined): string | null {
  const reason = run?.stop?.reason;
  return typeof reason === 'string' && reason.startsWith(HELD_REASON_PREFIX) ? reason : null;
}
