// The claim of a run resumed from an older checkpoint than its newest (a damaged epoch file made resume fall
// back): best.ckpt, trained past the restart point, must not stay beside a curve whose validation points at
// its step were dropped. Export/test (best.ckpt and its row), the validation values the views show and the
// stored points agree afterwards, the old weights are kept aside, and the run's note says so.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore, type LabStore } from '../store/index';
import { RunFiles } from './run-files';
import { claimQueuedRun, restartOf, startPoint } from './run-claim';
import { bestCheckpointStep, validationMetrics } from './run-report';
import { decodeCheckpoint, encodeCheckpoint, type BestSoFar } from '../../../common/runs/checkpoint-format';

const homes: string[] = [];
afterEach(() => { for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true }); });

/**
 * A lab home with one interrupted run: epoch checkpoints at steps 10, 20, 30 (val.loss 0.5, 0.6, 0.3; optimizer
 * state `m`), best.ckpt = step 30, the epoch-3 file damaged. best.ckpt is a byte copy of the epoch-3 file (as the
 * trainer writes it: the full training state) or, with `bestState: 'params only'`, a file of the step-30
 * parameters without the optimizer state (resume cannot continue from it).
 */
function interruptedRun(opts: { bestState?: 'full' | 'params only' } = {}): { store: LabStore; files: RunFiles; id: number; dir: string } {
  const home = mkdtempSync(join(tmpdir(), 'gatelab-claim-'));
  homes.push(home);
  const store = openLabStore(join(home, 'gatelab.sqlite'));
  const files = new RunFiles(join(home, 'checkpoints'), home);
  const id = store.runs.create({ config: {} });
  const dir = files.dir(id);
  const val = { 10: 0.5, 20: 0.6, 30: 0.3 } as const;
  for (const step of [10, 20, 30] as const) {
    const epoch = step / 10;
    const bytes = checkpointBytes(id, step, ['m']);
    const name = `epoch-${String(epoch).padStart(8, '0')}-step-${String(step).padStart(8, '0')}.ckpt`;
    writeFileSync(join(dir, name), bytes);
    store.checkpoints.add({ runId: id, step, epoch, kind: 'epoch', path: files.toStored(join(dir, name)), bytes: bytes.length, metric: val[step] });
    if (step === 30) {
      const best = opts.bestState === 'params only' ? checkpointBytes(id, step, []) : bytes;
      writeFileSync(join(dir, 'best.ckpt'), best);
      store.checkpoints.add({ runId: id, step, epoch, kind: 'best', path: files.toStored(join(dir, 'best.ckpt')), bytes: best.length, metric: val[step] });
    }
  }
  // the dead trainer logged up to step 34; then the epoch-3 file was damaged (one byte flipped)
  store.metrics.append(id, Array.from({ length: 34 }, (_, i) => ({ step: i + 1, name: 'loss', value: 1 / (i + 1) })));
  store.metrics.append(id, [10, 20, 30].map((step) => ({ step, name: 'val.loss', value: val[step as 10 | 20 | 30] })));
  store.metrics.append(id, [10, 20, 30].map((step) => ({ step, name: 'val.mae', value: step / 100 })));
  damage(join(dir, 'epoch-00000003-step-00000030.ckpt'));
  store.runs.setStatus(id, 'queued', { step: 30, epoch: 3 });
  return { store, files, id, dir };
}

// the best so far each checkpoint records: step 10 until step 30 improved on it
const bestAt: Record<number, BestSoFar> = {
  10: { metric: 0.5, epoch: 1, step: 10, badEpochs: 0 },
  20: { metric: 0.5, epoch: 1, step: 10, badEpochs: 1 },
  30: { metric: 0.3, epoch: 3, step: 30, badEpochs: 0 },
};

/** A checkpoint of run `id` at `step` (params [step, step + 0.5]; each state vector [-step, -step]). */
function checkpointBytes(id: number, step: number, stateNames: string[], kind = 'epoch'): Buffer {
  const epoch = step / 10;
  return Buffer.concat(encodeCheckpoint({
    header: { runId: id, step, epoch, order: { epoch, batch: 0 }, best: bestAt[step], dtype: 'float32', size: 2, stateNames, model: 'm', kind, createdAt: '2026-11-30T10:00:00Z' },
    params: Float32Array.from([step, step + 0.5]), state: Object.fromEntries(stateNames.map((n) => [n, Float32Array.from([-step, -step])])),
  }));
}

/** Flips one byte near the end (in the payload): the header still reads, the checksum fails. */
function damage(path: string): void {
  const b = readFileSync(path);
  b[b.length - 3] ^= 0xff;
  writeFileSync(path, b);
}

const headerStep = (path: string) => decodeCheckpoint(readFileSync(path), path).header.step;
const params = (path: string) => Array.from(decodeCheckpoint(readFileSync(path), path).params);

describe('claiming a run that resumes before its best checkpoint', () => {
  it('sets best.ckpt aside with its dropped points, restores the best up to the restart point, and says so', () => {
    const { store, files, id, dir } = interruptedRun({ bestState: 'params only' });
    try {
      const from = startPoint(store, files, id);
      expect(from).toMatchObject({ resume: { step: 20 } });
      // best.ckpt is newer than step 20 but lacks the optimizer state: resume says why it did not continue from it
      expect('resume' in from && from.resume?.note).toMatch(/resuming from the previous valid checkpoint .*epoch-00000002-step-00000020\.ckpt \(step 20\); .*best\.ckpt \(step 30\) is newer but cannot be resumed from: its optimizer state is none, the run's checkpoints have m$/);
      const claimed = claimQueuedRun(store, files, id, from);
      expect(claimed).not.toBe(false);
      if (!claimed) return;
      expect(claimed.restart).toEqual({ step: 20, epoch: 2 });

      // the three agree: best.ckpt (what export and test read), its row, and the validation values shown
      const best = join(dir, 'best.ckpt');
      expect(bestCheckpointStep(store, id)).toBe(10);
      expect(headerStep(best)).toBe(10);
      expect(params(best)).toEqual([10, 10.5]); // a copy of the epoch-1 checkpoint, the best up to step 20
      expect(store.checkpoints.forRun(id).filter((c) => c.kind === 'best')).toEqual([expect.objectContaining({ step: 10, metric: 0.5, path: files.toStored(best) })]);
      expect(validationMetrics(store, id)).toEqual({ loss: 0.5, mae: 0.1 });
      expect(Array.from(store.metrics.series(id, 'val.loss').steps)).toEqual([10, 20]);

      // the old best's weights are not lost: kept aside under a name resume and retention never read
      const aside = join(dir, 'best-before-resume-step-00000030.ckpt');
      expect(params(aside)).toEqual([30, 30.5]);
      const epoch1 = files.toStored(join(dir, 'epoch-00000001-step-00000010.ckpt'));
      expect(claimed.bestNote).toBe(`best.ckpt (step 30, val.loss 0.3) was trained after step 20, where this run resumed, and its validation points went with those steps: it is kept as ${files.toStored(aside)}; best.ckpt went back to the best up to step 20 (step 10, val.loss 0.5): its weights were copied from ${epoch1}`);
      // a later resume from the same point registers no stale best from the aside file
      expect(startPoint(store, files, id)).toMatchObject({ resume: { step: 20 } });
      expect(bestCheckpointStep(store, id)).toBe(10);
      // another process watching learns where it restarted
      expect(restartOf(store, id)).toMatchObject({ step: 20 });
    } finally {
      store.close();
    }
  });

  it('without the earlier best on disk (pruned), the run has no best checkpoint until it improves, and validation shows kept points', () => {
    const { store, files, id, dir } = interruptedRun({ bestState: 'params only' });
    try {
      const epoch1 = store.checkpoints.forRun(id).find((c) => c.step === 10)!;
      rmSync(files.fromStored(epoch1.path));
      store.checkpoints.remove(epoch1.id);
      const claimed = claimQueuedRun(store, files, id, startPoint(store, files, id));
      if (!claimed) throw new Error('not claimed');
      expect(bestCheckpointStep(store, id)).toBeNull();
      expect(existsSync(join(dir, 'best.ckpt'))).toBe(false); // the resumed trainer writes one when validation improves
      expect(validationMetrics(store, id)).toEqual({ loss: 0.6, mae: 0.2 }); // the last kept, as for a run with no best
      expect(claimed.bestNote).toMatch(/it is kept as .*best-before-resume-step-00000030\.ckpt; the best up to step 20 \(step 10, val\.loss 0\.5\) was not restored: no intact file of the run holds the weights of step 10 \(retention pruned its epoch checkpoint\), so until its validation improved again the run had no best checkpoint \(export used its newest\)$/);
      expect(params(join(dir, 'best-before-resume-step-00000030.ckpt'))).toEqual([30, 30.5]);
    } finally {
      store.close();
    }
  });

  it('leaves best.ckpt alone when it is not past the restart point, and claims nothing another process took', () => {
    const { store, files, id, dir } = interruptedRun();
    try {
      writeFileSync(join(dir, 'epoch-00000003-step-00000030.ckpt'), readFileSync(join(dir, 'best.ckpt'))); // repaired
      const from = startPoint(store, files, id);
      expect(from).toMatchObject({ resume: { step: 30 } });
      const claimed = claimQueuedRun(store, files, id, from);
      expect(claimed).toEqual({ restart: { step: 30, epoch: 3 }, bestNote: null });
      expect(bestCheckpointStep(store, id)).toBe(30);
      expect(validationMetrics(store, id)).toEqual({ loss: 0.3, mae: 0.3 });
      expect(claimQueuedRun(store, files, id, from)).toBe(false); // running now: a second claim is refused
      expect(existsSync(join(dir, 'best-before-resume-step-00000030.ckpt'))).toBe(false);
    } finally {
      store.close();
    }
  });
});

describe('resuming from best.ckpt when it is newer than every intact epoch file', () => {
  it('continues from best.ckpt (full training state) instead of the older epoch file, keeps its validation points, and says so', () => {
    const { store, files, id, dir } = interruptedRun();
    try {
      const from = startPoint(store, files, id);
      const best = files.toStored(join(dir, 'best.ckpt'));
      const epoch3 = files.toStored(join(dir, 'epoch-00000003-step-00000030.ckpt'));
      const epoch2 = files.toStored(join(dir, 'epoch-00000002-step-00000020.ckpt'));
      expect(from).toMatchObject({ resume: { step: 30, epoch: 3, path: best } });
      if (!('resume' in from) || !from.resume) throw new Error('no resume point');
      expect(from.resume.note).toMatch(new RegExp(`^checkpoint '${epoch3}' is damaged: its checksum is fnv1a32:[0-9a-f]{8}, the file says fnv1a32:[0-9a-f]{8}; `));
      expect(from.resume.note).toMatch(new RegExp(`; resuming from ${best} \\(step 30\\), the best checkpoint, which holds the full training state \\(parameters, optimizer state, data order\\): the newest other intact checkpoint, ${epoch2}, is at step 20$`));
      const claimed = claimQueuedRun(store, files, id, from);
      expect(claimed).toEqual({ restart: { step: 30, epoch: 3 }, bestNote: null });
      // nothing set aside: best.ckpt is the resume point, its row, weights and validation points stay
      expect(params(join(dir, 'best.ckpt'))).toEqual([30, 30.5]);
      expect(existsSync(join(dir, 'best-before-resume-step-00000030.ckpt'))).toBe(false);
      expect(bestCheckpointStep(store, id)).toBe(30);
      expect(Array.from(store.metrics.series(id, 'val.loss').steps)).toEqual([10, 20, 30]);
      expect(validationMetrics(store, id)).toEqual({ loss: 0.3, mae: 0.3 });
      expect(Array.from(store.metrics.series(id, 'loss').steps).at(-1)).toBe(30); // 31-34 are trained again
    } finally {
      store.close();
    }
  });

  it('continues from best.ckpt when every epoch file is damaged; with best.ckpt damaged too, names them all and goes back to interrupted', () => {
    const { store, files, id, dir } = interruptedRun();
    try {
      damage(join(dir, 'epoch-00000001-step-00000010.ckpt'));
      damage(join(dir, 'epoch-00000002-step-00000020.ckpt'));
      const from = startPoint(store, files, id);
      expect(from).toMatchObject({ resume: { step: 30, path: files.toStored(join(dir, 'best.ckpt')) } });
      expect('resume' in from && from.resume?.note).toMatch(/the best checkpoint, which holds the full training state \(parameters, optimizer state, data order\): no other checkpoint is intact$/);
      damage(join(dir, 'best.ckpt'));
      const refused = startPoint(store, files, id);
      // every file judged is named, best.ckpt too, and best.ckpt (damaged) is not offered for export
      expect(refused).toEqual({ problem: expect.stringMatching(/^run \d+ cannot resume: every checkpoint it has is damaged \(.*epoch-00000003.*; .*epoch-00000002.*; .*epoch-00000001.*; checkpoint '.*best\.ckpt' is damaged: .*\)\. Nothing was deleted: restore these files \(from a backup, or once the drive that holds them is back\), or start a new run with the same settings$/) });
      // the queue does not claim it: it goes back to interrupted with the reason, its points and files kept
      expect(claimQueuedRun(store, files, id, refused)).toEqual({ restart: null, bestNote: null });
      expect(store.runs.get(id)).toMatchObject({ status: 'interrupted', step: 30, epoch: 3 });
      expect(store.runs.get(id)!.error).toBe(`${(refused as { problem: string }).problem}. The run went back to interrupted: once its checkpoints are intact again, resume it: gatelab resume ${id}`);
      expect(Array.from(store.metrics.series(id, 'loss').steps).at(-1)).toBe(34);
      expect(bestCheckpointStep(store, id)).toBe(30);
      expect(existsSync(join(dir, 'best.ckpt'))).toBe(true);
      // no longer queued: a second claim (another lab process) finds nothing to take
      expect(claimQueuedRun(store, files, id, refused)).toBe(false);
    } finally {
      store.close();
    }
  });
});

describe('a run whose checkpoint folder is gone (its drive not mounted)', () => {
  it('is refused naming every missing file rather than restarted from step 0, and resumes once the folder is back', () => {
    const { store, files, id, dir } = interruptedRun();
    try {
      renameSync(dir, `${dir}-away`);
      const refused = startPoint(store, files, id);
      expect(refused).toEqual({ problem: expect.stringMatching(new RegExp(`^run ${id} cannot resume: none of its checkpoints can be read \\(checkpoint '.*epoch-00000003-step-00000030\\.ckpt' is missing; .*epoch-00000002.* is missing; .*epoch-00000001.* is missing; checkpoint '.*best\\.ckpt' is missing\\)\\. Nothing was deleted: `)) });
      expect(claimQueuedRun(store, files, id, refused)).toEqual({ restart: null, bestNote: null });
      // its stored points stay: a restart from step 0 would have dropped them all
      expect(store.runs.get(id)).toMatchObject({ status: 'interrupted', step: 30 });
      expect(Array.from(store.metrics.series(id, 'loss').steps).at(-1)).toBe(34);
      renameSync(`${dir}-away`, dir);
      expect(startPoint(store, files, id)).toMatchObject({ resume: { step: 30, path: files.toStored(join(dir, 'best.ckpt')) } });
    } finally {
      store.close();
    }
  });
});

describe('restoring the best up to the restart point after retention pruned its epoch file', () => {
  /** The run of interruptedRun with best.ckpt lacking the optimizer state, and the epoch-1 file (the best up to step 20) pruned. */
  function pruned() {
    const run = interruptedRun({ bestState: 'params only' });
    const epoch1 = run.store.checkpoints.forRun(run.id).find((c) => c.step === 10)!;
    rmSync(run.files.fromStored(epoch1.path));
    run.store.checkpoints.remove(epoch1.id);
    return run;
  }

  it('restores the weights from another intact file of the run at that step (a best.ckpt an earlier resume set aside), naming it', () => {
    const { store, files, id, dir } = pruned();
    try {
      const earlier = join(dir, 'best-before-resume-step-00000010.ckpt');
      writeFileSync(earlier, checkpointBytes(id, 10, ['m']));
      const claimed = claimQueuedRun(store, files, id, startPoint(store, files, id));
      if (!claimed) throw new Error('not claimed');
      expect(params(join(dir, 'best.ckpt'))).toEqual([10, 10.5]);
      expect(bestCheckpointStep(store, id)).toBe(10);
      expect(validationMetrics(store, id)).toEqual({ loss: 0.5, mae: 0.1 });
      expect(claimed.bestNote).toBe(`best.ckpt (step 30, val.loss 0.3) was trained after step 20, where this run resumed, and its validation points went with those steps: it is kept as ${files.toStored(join(dir, 'best-before-resume-step-00000030.ckpt'))}; best.ckpt went back to the best up to step 20 (step 10, val.loss 0.5): its weights were copied from ${files.toStored(earlier)}`);
      expect(params(earlier)).toEqual([10, 10.5]); // copied, not moved
    } finally {
      store.close();
    }
  });

  it('keeps best.ckpt in place when the file itself holds those weights (only its row said a later step)', () => {
    const { store, files, id, dir } = pruned();
    try {
      writeFileSync(join(dir, 'best.ckpt'), checkpointBytes(id, 10, ['m'])); // e.g. copied back by hand; the row still says step 30
      const from = startPoint(store, files, id);
      expect(from).toMatchObject({ resume: { step: 20 } });
      const claimed = claimQueuedRun(store, files, id, from);
      if (!claimed) throw new Error('not claimed');
      expect(claimed.bestNote).toBe('best.ckpt was recorded at step 30, after step 20 where this run resumed, but the file itself holds the weights of step 10, the best up to step 20, val.loss 0.5: it stays best.ckpt, recorded at step 10');
      expect(params(join(dir, 'best.ckpt'))).toEqual([10, 10.5]);
      expect(store.checkpoints.forRun(id).filter((c) => c.kind === 'best')).toEqual([expect.objectContaining({ step: 10, epoch: 1, metric: 0.5, path: files.toStored(join(dir, 'best.ckpt')) })]);
      expect(existsSync(join(dir, 'best-before-resume-step-00000030.ckpt'))).toBe(false);
      expect(validationMetrics(store, id)).toEqual({ loss: 0.5, mae: 0.1 });
    } finally {
      store.close();
    }
  });
});
