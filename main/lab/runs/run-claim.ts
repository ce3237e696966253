// Where a queued run starts, and the claim that marks it running. Split from run-manager.ts: the claim is
// one transaction over the runs and metrics tables, and its rules (the start point, the points it drops,
// the best checkpoint it sets aside) are the part of a (re)start that must hold whichever lab process takes the run.
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LabStore } from '../store/index';
import type { CheckpointRecord } from '../store/checkpoints';
import type { RunFiles } from './run-files';
import { checkFile, findResumePoint, type ResumePoint } from './run-checkpoints';

/** Where a claimed run starts: its resume point (null: step 0), or why it cannot resume. */
export type StartPoint = { resume: ResumePoint | null } | { problem: string };

export interface Claimed {
  /** The step and epoch the run restarts from (null: it cannot resume and will fail saying so). */
  restart: { step: number; epoch: number } | null;
  /** Set when best.ckpt was trained past the restart point and was set aside: for the run's note. */
  bestNote: string | null;
}

/** Where a queued run will start: its resume point (null: step 0), or why it cannot resume. */
export function startPoint(store: LabStore, files: RunFiles, id: number): StartPoint {
  try {
    return { resume: findResumePoint(store, files, id) };
  } catch (e) {
    return { problem: (e as Error).message };
  }
}

/**
 * queued -> running, only if no other process took it first. In the same transaction the run's step
 * becomes its start point S and its metric and gate-statistic points past S are deleted: the trainer
 * replays the steps after S, and points a dead trainer wrote there (a crash after the last checkpoint)
 * must not stay in its curves, best values and Compare when the resumed run ends before that step.
 * A run that cannot resume (every checkpoint damaged) keeps everything: it fails saying so (launch).
 *
 * best.ckpt past S (a damaged newer epoch file made resume fall back to an older checkpoint) goes with
 * those points rather than staying beside them: the resumed trainer knows only the best recorded in the
 * checkpoint at S, so it would replace the old best.ckpt with any later improvement on THAT best (possibly
 * a worse model), its replayed val.* points at the old best's step would overwrite the ones that measured
 * it, and export/test would use weights whose curve no longer exists. One timeline, the resumed one: the
 * old file is set aside (renamed, never deleted: they are trained weights), best.ckpt becomes the best up
 * to S again (the epoch checkpoint S's header names, when it is still on disk), and the run's note says so.
 * Returns false when another process claimed it first.
 */
export function claimQueuedRun(store: LabStore, files: RunFiles, id: number, from: StartPoint): Claimed | false {
  const restart = 'resume' in from ? { step: from.resume?.step ?? 0, epoch: from.resume?.epoch ?? 0 } : null;
  const claimed = store.db.transaction(() => {
    const info = store.db.prepare(`UPDATE runs SET status = 'running', error = NULL, error_step = NULL,
      step = COALESCE(?, step), epoch = COALESCE(?, epoch),
      started_at = COALESCE(started_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
      WHERE id = ? AND status = 'queued'`).run(restart?.step ?? null, restart?.epoch ?? null, id);
    if (info.changes === 0) return false;
    if (!restart) return { stale: null };
    store.metrics.dropAfter(id, restart.step);
    recordRestart(store, id, restart.step);
    // its row goes with the points; the file is moved once the claim is committed (a crash in between
    // leaves the file, which the next resume registers again and this claim sets aside then)
    const stale = bestCheckpoint(store, id);
    if (stale && stale.step > restart.step) {
      store.checkpoints.remove(stale.id);
      return { stale };
    }
    return { stale: null };
  })();
  if (!claimed) return false;
  const bestNote = claimed.stale && restart && 'resume' in from ? setBestAside(store, files, id, claimed.stale, restart.step, from.resume) : null;
  return { restart, bestNote };
}

const RESTARTS = 'runs.restarts';

/** When and from which step a run last (re)started: what the claim recorded (restartOf). */
export interface Restart {
  step: number;
  /** The claim's time (ISO). */
  at: string;
  /** Unique per claim: tells one restart from the next (two claims can share a millisecond). */
  claim: string;
}

/**
 * Kept with the claim, in its transaction: a lab process that only watches this run (foreign-runs.ts: the
 * app while `gatelab resume N` trains it) learns from it that the run restarted and where, so its views
 * drop the dead trainer's points past that step as the claiming process's do. Only running runs need it:
 * the others' entries go at each claim (the key stays as small as the number of runs training).
 */
function recordRestart(store: LabStore, id: number, step: number): void {
  const running = new Set(store.runs.list({ status: 'running' }).map((r) => String(r.id)));
  const kept = Object.entries(restarts(store)).filter(([k]) => running.has(k) && k !== String(id));
  store.settings.set(RESTARTS, { ...Object.fromEntries(kept), [String(id)]: { step, at: new Date().toISOString(), claim: randomUUID() } });
}

function restarts(store: LabStore): Record<string, Restart> {
  const all = store.settings.get<unknown>(RESTARTS, {});
  return all && typeof all === 'object' && !Array.isArray(all) ? all as Record<string, Restart> : {};
}

/** The run's last (re)start as its claim recorded it; null when none is recorded (or it is malformed). */
export function restartOf(store: LabStore, id: number): Restart | null {
  const r = restarts(store)[String(id)];
  return r && typeof r.step === 'number' && typeof r.claim === 'string' ? r : null;
}

const bestCheckpoint = (store: LabStore, id: number): CheckpointRecord | undefined =>
  store.checkpoints.forRun(id).filter((c) => c.kind === 'best').at(-1);

const pad = (n: number) => String(n).padStart(8, '0');

/**
 * Renames best.ckpt (trained past `step`) to best-before-resume-step-N.ckpt, restores best.ckpt from the
 * checkpoint that was best up to `step`, and returns the note saying both.
 */
function setBestAside(store: LabStore, files: RunFiles, id: number, stale: CheckpointRecord, step: number, resume: ResumePoint | null): string {
  const bestPath = files.fromStored(stale.path);
  const loss = (m: number | null) => (m !== null ? `, val.loss ${Number(m.toPrecision(4))}` : '');
  // The claim is committed: a file that cannot be moved or copied (read-only folder) must not leave the run
  // 'running' with no trainer. It trains on; the note says what could not be done.
  let kept = 'its file was already gone';
  try {
    if (existsSync(bestPath)) {
      const aside = freeName(join(files.folder(id), `best-before-resume-step-${pad(stale.step)}`));
      renameSync(bestPath, aside);
      kept = `it is kept as ${files.toStored(aside)}`;
    }
  } catch (e) {
    return `best.ckpt (step ${stale.step}${loss(stale.metric)}) was trained after step ${step}, where this run resumed, but could not be set aside (${(e as Error).message}): export and test may use it`;
  }
  let restored: { step: number; metric: number | null } | null = null;
  try { restored = restoreBest(store, files, id, step, resume, bestPath); } catch { /* said below: no best until it improves */ }
  const now = restored
    ? `best.ckpt went back to the best up to step ${step} (the checkpoint at step ${restored.step}${loss(restored.metric)})`
    : 'until its validation improved again the run had no best checkpoint (export used its newest)';
  return `best.ckpt (step ${stale.step}${loss(stale.metric)}) was trained after step ${step}, where this run resumed, and its validation points went with those steps: ${kept}; ${now}`;
}

/** The first of `base.ckpt`, `base-2.ckpt`, ... that does not exist (an earlier set-aside file stays). */
function freeName(base: string): string {
  for (let n = 1; ; n++) {
    const path = `${base}${n > 1 ? `-${n}` : ''}.ckpt`;
    if (!existsSync(path)) return path;
  }
}

/**
 * best.ckpt as it was at the restart point: a copy of the checkpoint the resume file's header names as
 * the best so far (its step <= the restart step), when that file is still on disk and intact (retention
 * may have pruned it). Registered as the run's best; null when there is none to restore.
 */
function restoreBest(store: LabStore, files: RunFiles, id: number, step: number, resume: ResumePoint | null, bestPath: string): { step: number; metric: number | null } | null {
  if (!resume) return null;
  const header = checkFile(files.fromStored(resume.path), resume.path);
  if (!('header' in header)) return null;
  const best = header.header.best;
  if (best.metric === null || best.step > step) return null;
  const source = store.checkpoints.forRun(id).reverse()
    .find((c) => c.kind !== 'best' && c.step === best.step && 'header' in checkFile(files.fromStored(c.path), c.path));
  if (!source) return null;
  // copied, not linked (as the trainer does): damage to one file must not reach the other
  const tmp = `${bestPath}.restore-tmp`;
  copyFileSync(files.fromStored(source.path), tmp);
  renameSync(tmp, bestPath);
  store.checkpoints.add({ runId: id, step: source.step, epoch: source.epoch, kind: 'best', path: files.toStored(bestPath), bytes: statSync(bestPath).size, metric: best.metric });
  return { step: source.step, metric: best.metric };
}
