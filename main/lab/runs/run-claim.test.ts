// The claim of a run resumed from an older checkpoint than its newest (a damaged epoch file made resume fall
// back): best.ckpt, trained past the restart point, must not stay beside a curve whose validation points at
// its step were dropped. Export/test (best.ckpt and its row), the validation values the views show and the
// stored points agree afterwards, the old weights are kept aside, and the run's note says so.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore, type LabStore } from '../store/index';
import { RunFiles } from './run-files';
import { claimQueuedRun, restartOf, startPoint } from './run-claim';
import { bestCheckpointStep, validationMetrics } from './run-report';
import { decodeCheckpoint, encodeCheckpoint, type BestSoFar } from '../../../common/runs/checkpoint-format';

const homes: string[] = [];
afterEach(() => { for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true }); });

/** A lab home with one interrupted run: epoch checkpoints at steps 10, 20, 30 (val.loss 0.5, 0.6, 0.3), best.ckpt = step 30. */
function interruptedRun(): { store: LabStore; files: RunFiles; id: number; dir: string } {
  const home = mkdtempSync(join(tmpdir(), 'gatelab-claim-'));
  homes.push(home);
  const store = openLabStore(join(home, 'gatelab.sqlite'));
  const files = new RunFiles(join(home, 'checkpoints'), home);
  const id = store.runs.create({ config: {} });
  const dir = files.dir(id);
  const val = { 10: 0.5, 20: 0.6, 30: 0.3 } as const;
  // the best so far each checkpoint records: step 10 until step 30 improved on it
  const bestAt: Record<number, BestSoFar> = {
    10: { metric: 0.5, epoch: 1, step: 10, badEpochs: 0 },
    20: { metric: 0.5, epoch: 1, step: 10, badEpochs: 1 },
    30: { metric: 0.3, epoch: 3, step: 30, badEpochs: 0 },
  };
  for (const step of [10, 20, 30] as const) {
    const epoch = step / 10;
    const bytes = Buffer.concat(encodeCheckpoint({
      header: { runId: id, step, epoch, order: { epoch, batch: 0 }, best: bestAt[step], dtype: 'float32', size: 2, stateNames: [], model: 'm', kind: 'epoch', createdAt: '2026-11-30T10:00:00Z' },
      params: Float32Array.from([step, step + 0.5]), state: {},
    }));
    const name = `epoch-${String(epoch).padStart(8, '0')}-step-${String(step).padStart(8, '0')}.ckpt`;
    writeFileSync(join(dir, name), bytes);
    store.checkpoints.add({ runId: id, step, epoch, kind: 'epoch', path: files.toStored(join(dir, name)), bytes: bytes.length, metric: val[step] });
    if (step === 30) {
      writeFileSync(join(dir, 'best.ckpt'), bytes);
      store.checkpoints.add({ runId: id, step, epoch, kind: 'best', path: files.toStored(join(dir, 'best.ckpt')), bytes: bytes.length, metric: val[step] });
    }
  }
  // the dead trainer logged up to step 34; then the epoch-3 file was damaged (one byte flipped)
  store.metrics.append(id, Array.from({ length: 34 }, (_, i) => ({ step: i + 1, name: 'loss', value: 1 / (i + 1) })));
  store.metrics.append(id, [10, 20, 30].map((step) => ({ step, name: 'val.loss', value: val[step as 10 | 20 | 30] })));
  store.metrics.append(id, [10, 20, 30].map((step) => ({ step, name: 'val.mae', value: step / 100 })));
  const epoch3 = join(dir, 'epoch-00000003-step-00000030.ckpt');
  const b = readFileSync(epoch3);
  b[b.length - 3] ^= 0xff;
  writeFileSync(epoch3, b);
  store.runs.setStatus(id, 'queued', { step: 30, epoch: 3 });
  return { store, files, id, dir };
}

const headerStep = (path: string) => decodeCheckpoint(readFileSync(path), path).header.step;
const params = (path: string) => Array.from(decodeCheckpoint(readFileSync(path), path).params);

describe('claiming a run that resumes before its best checkpoint', () => {
  it('sets best.ckpt aside with its dropped points, restores the best up to the restart point, and says so', () => {
    const { store, files, id, dir } = interruptedRun();
    try {
      const from = startPoint(store, files, id);
      expect(from).toMatchObject({ resume: { step: 20 } });
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
      expect(claimed.bestNote).toBe(`best.ckpt (step 30, val.loss 0.3) was trained after step 20, where this run resumed, and its validation points went with those steps: it is kept as ${files.toStored(aside)}; best.ckpt went back to the best up to step 20 (the checkpoint at step 10, val.loss 0.5)`);
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
    const { store, files, id, dir } = interruptedRun();
    try {
      const epoch1 = store.checkpoints.forRun(id).find((c) => c.step === 10)!;
      rmSync(files.fromStored(epoch1.path));
      store.checkpoints.remove(epoch1.id);
      const claimed = claimQueuedRun(store, files, id, startPoint(store, files, id));
      if (!claimed) throw new Error('not claimed');
      expect(bestCheckpointStep(store, id)).toBeNull();
      expect(existsSync(join(dir, 'best.ckpt'))).toBe(false); // the resumed trainer writes one when validation improves
      expect(validationMetrics(store, id)).toEqual({ loss: 0.6, mae: 0.2 }); // the last kept, as for a run with no best
      expect(claimed.bestNote).toMatch(/it is kept as .*best-before-resume-step-00000030\.ckpt; until its validation improved again the run had no best checkpoint \(export used its newest\)$/);
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
