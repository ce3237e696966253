// Where a queued run starts, and the claim that marks it running. Split from run-manager.ts: the claim is
// one transaction over the runs and metrics tables, and its rules (the start point, the points it drops,
// the best checkpoint it sets aside) are the part of a (re)start that must hold whichever lab process takes the run.
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LabStore } from '../store/index';
import type { CheckpointRecord } from '../store/checkpoints';
import type { RunFiles } from './run-files';
import { checkFile, findResumePoint, readHeader, type ResumePoint } from './run-checkpoints';
import type { BestSoFar } from '../../../common/runs/checkpoint-format';

/** Where a claimed run starts: its resume point (null: step 0), or why it cannot resume. */
export type StartPoint = { resume: ResumePoint | null } | { problem: string };

export interface Claimed {
  /**
   * The step and epoch the run restarts from; null when it cannot resume: it left the queue back to
   * 'interrupted', saying why in its note (unresumableNote), and waits there for its files to be restored.
   */
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
 * A run that cannot resume (every checkpoint damaged) keeps everything and is not claimed: it goes from
 * queued back to interrupted, its note saying why (not failed: damaged files can be restored from a
 * backup, or a drive come back, and then it resumes), so it leaves the queue rather than block it.
 *
 * best.ckpt past S (a damaged newer epoch file made resume fall back to an older checkpoint, and best.ckpt
 * itself could not be resumed from: run-checkpoints.ts newerBest) goes with
 * those points rather than staying beside them: the resumed trainer knows only the best recorded in the
 * checkpoint at S, so it would replace the old best.ckpt with any later improvement on THAT best (possibly
 * a worse model), its replayed val.* points at the old best's step would overwrite the ones that measured
 * it, and export/test would use weights whose curve no longer exists. One timeline, the resumed one: the
 * old file is set aside (renamed, never deleted: they are trained weights), best.ckpt becomes the best up
 * to S again (from any intact file of the run that holds the weights of the step S's header names as best,
 * when retention left one), and the run's note says what was restored from where.
 * Returns false when another process claimed it first.
 */
export function claimQueuedRun(store: LabStore, files: RunFiles, id: number, from: StartPoint): Claimed | false {
  if ('problem' in from) {
    const back = store.db.prepare(`UPDATE runs SET status = 'interrupted', error = ?, error_step = NULL,
      updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND status = 'queued'`).run(unresumableNote(id, from.problem, 'went back to interrupted'), id);
    return back.changes === 0 ? false : { restart: null, bestNote: null };
  }
  const restart = { step: from.resume?.step ?? 0, epoch: from.resume?.epoch ?? 0 };
  const claimed = store.db.transaction(() => {
    const info = store.db.prepare(`UPDATE runs SET status = 'running', error = NULL, error_step = NULL,
      step = ?, epoch = ?,
      started_at = COALESCE(started_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
      WHERE id = ? AND status = 'queued'`).run(restart.step, restart.epoch, id);
    if (info.changes === 0) return false;
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
  const bestNote = claimed.stale ? setBestAside(store, files, id, claimed.stale, restart.step, from.resume) : null;
  return { restart, bestNote };
}

/**
 * The note of a run whose resume was refused because no checkpoint can be continued from (findResumePoint's
 * problem): what it is now (`stays`: "stays interrupted", "went back to interrupted") and what to do.
 */
export function unresumableNote(id: number, problem: string, stays: string): string {
  return `${problem}. The run ${stays}: once its checkpoints are intact again, resume it: gatelab resume ${id}`;
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
 * Renames best.ckpt (trained past `step`) to best-before-resume-step-N.ckpt, restores best.ckpt from a file
 * holding the weights that were best up to `step`, and returns the note saying both.
 */
function setBestAside(store: LabStore, files: RunFiles, id: number, stale: CheckpointRecord, step: number, resume: ResumePoint | null): string {
  const bestPath = files.fromStored(stale.path);
  const loss = (m: number | null) => (m !== null ? `, val.loss ${Number(m.toPrecision(4))}` : '');
  const upTo = bestUpTo(files, step, resume);
  // The claim is committed: a file that cannot be moved or copied (read-only folder) must not leave the run
  // 'running' with no trainer. It trains on; the note says what could not be done.
  // The row went past the restart, but the file may hold the weights that were best up to it (a best.ckpt
  // copied back by hand, a row left from another timeline): then the file is already what it must be.
  try {
    if (upTo && holdsStep(files, id, bestPath, upTo.step)) {
      store.checkpoints.add({ runId: id, step: upTo.step, epoch: upTo.epoch, kind: 'best', path: stale.path, bytes: statSync(bestPath).size, metric: upTo.metric });
      return `best.ckpt was recorded at step ${stale.step}, after step ${step} where this run resumed, but the file itself holds the weights of step ${upTo.step}, the best up to step ${step}${loss(upTo.metric)}: it stays best.ckpt, recorded at step ${upTo.step}`;
    }
  } catch { /* not registered again (store refused): set aside and restored below like any stale best */ }
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
  let now: string;
  if (!upTo) {
    now = `no validation was recorded up to step ${step}, so until its validation improved again the run had no best checkpoint (export used its newest)`;
  } else {
    const best = `the best up to step ${step} (step ${upTo.step}${loss(upTo.metric)})`;
    let restored: string | null = null;
    let failed = '';
    try { restored = restoreBest(store, files, id, upTo, bestPath); } catch (e) { failed = ` (${(e as Error).message})`; }
    now = restored
      ? `best.ckpt went back to ${best}: its weights were copied from ${restored}`
      : `${best} was not restored: ${failed ? `copying it failed${failed}` : `no intact file of the run holds the weights of step ${upTo.step} (retention pruned its epoch checkpoint)`}, so until its validation improved again the run had no best checkpoint (export used its newest)`;
  }
  return `best.ckpt (step ${stale.step}${loss(stale.metric)}) was trained after step ${step}, where this run resumed, and its validation points went with those steps: ${kept}; ${now}`;
}

/** The first of `base.ckpt`, `base-2.ckpt`, ... that does not exist (an earlier set-aside file stays). */
function freeName(base: string): string {
  for (let n = 1; ; n++) {
    const path = `${base}${n > 1 ? `-${n}` : ''}.ckpt`;
    if (!existsSync(path)) return path;
  }
}

/** The best so far as the resume file's header records it (its step <= the restart step); null before any validation. */
function bestUpTo(files: RunFiles, step: number, resume: ResumePoint | null): BestSoFar | null {
  if (!resume) return null;
  // findResumePoint has just checked this file whole: its header is all that is needed here
  const head = readHeader(files.fromStored(resume.path), resume.path);
  if (!('header' in head)) return null;
  const best = head.header.best;
  return best && best.metric !== null && best.step <= step ? best : null;
}

/**
 * best.ckpt as it was at the restart point: a copy of an intact file of this run holding the weights of the
 * step the resume file names as best. First the checkpoints the table lists at that step; when retention
 * pruned those, any other checkpoint file in the run's folder at that step (a best.ckpt set aside by an
 * earlier resume, a cancel or pause file): training is deterministic, so the weights of a step are the same
 * in every file that holds that step of this run. Registered as the run's best; returns the file copied
 * from (as stored), null when no file holds them.
 */
function restoreBest(store: LabStore, files: RunFiles, id: number, best: BestSoFar, bestPath: string): string | null {
  const intact = (path: string) => 'header' in checkFile(files.fromStored(path), path);
  const listed = store.checkpoints.forRun(id).reverse()
    .filter((c) => c.kind !== 'best' && c.step === best.step && existsSync(files.fromStored(c.path))).map((c) => c.path);
  const source = listed.find(intact) ?? filesAtStep(files, id, best.step, bestPath)[0];
  if (!source) return null;
  // copied, not linked (as the trainer does): damage to one file must not reach the other
  const tmp = `${bestPath}.restore-tmp`;
  copyFileSync(files.fromStored(source), tmp);
  renameSync(tmp, bestPath);
  store.checkpoints.add({ runId: id, step: best.step, epoch: best.epoch, kind: 'best', path: files.toStored(bestPath), bytes: statSync(bestPath).size, metric: best.metric });
  return source;
}

/** Whether `path` is an intact checkpoint of run `id` at `step` (header first: most files are at another step). */
function holdsStep(files: RunFiles, id: number, path: string, step: number): boolean {
  const where = files.toStored(path);
  const head = readHeader(path, where);
  return 'header' in head && head.header.runId === id && head.header.step === step && 'header' in checkFile(path, where);
}

/** The intact checkpoint files in the run's folder (as stored) at `step` of this run, best.ckpt aside. */
function filesAtStep(files: RunFiles, id: number, step: number, bestPath: string): string[] {
  const dir = files.folder(id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => n.endsWith('.ckpt')).map((n) => join(dir, n))
    .filter((p) => p !== bestPath && holdsStep(files, id, p, step))
    .map((p) => files.toStored(p));
}
