// Where a run's checkpoint files go and which are kept: epoch checkpoints (the newest `keep` survive
// retention), best.ckpt (best on validation, replaced atomically), and pause / cancel / last-good / final
// files. Each write is atomic (checkpoint-file.ts) and reported to the lab with the files it pruned.
import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckpointKind, FromTrainer, RunSpec } from '../../common/trainer-protocol';
import { removeCheckpoint, writeCheckpoint, type BestSoFar } from './checkpoint-file';
import { CHECKPOINT_WRITE_FAILED } from '../../common/runs/checkpoint-format';
import type { OrderState } from './data-order';

type Flat = Float32Array | Float64Array;

export interface Snapshot {
  step: number;
  epoch: number;
  order: OrderState;
  best: BestSoFar;
  params: Flat;
  state: Record<string, Flat>;
}

const pad = (n: number) => String(n).padStart(8, '0');

export class CheckpointWriter {
  private readonly dir: string;
  private hasBest: boolean;
  lastStep = -1;

  constructor(private readonly spec: RunSpec, private readonly model: string, private readonly stateNames: string[],
    private readonly dtype: 'float32' | 'float64', private readonly keep: number, private readonly emit: (e: FromTrainer) => void) {
    this.dir = spec.checkpointDir;
    mkdirSync(this.dir, { recursive: true });
    this.hasBest = readdirSync(this.dir).includes('best.ckpt');
  }

  bestPath(): string | null {
    return this.hasBest ? join(this.dir, 'best.ckpt') : null;
  }

  private fileName(kind: CheckpointKind, s: Snapshot): string {
    if (kind === 'best') return 'best.ckpt';
    if (kind === 'epoch') return `epoch-${pad(s.epoch)}-step-${pad(s.step)}.ckpt`;
    return `${kind}-step-${pad(s.step)}.ckpt`;
  }

  /**
   * Writes one checkpoint. `alsoBest` (epoch checkpoints that improved on validation) makes best.ckpt a
   * copy of the same file (its own file, not a hard link: damage to one must not damage both); the copy is
   * made before the epoch is reported, so a crash in between leaves best.ckpt newer than the resume point,
   * and the resumed run, reaching that epoch again with the same parameters, copies it again.
   */
  write(kind: CheckpointKind, s: Snapshot, metric: number | null, alsoBest = false): string {
    const path = join(this.dir, this.fileName(kind, s));
    const bytes = writeCheckpoint(path, {
      header: {
        runId: this.spec.runId, step: s.step, epoch: s.epoch, order: s.order, best: s.best, dtype: this.dtype,
        size: s.params.length, stateNames: this.stateNames, model: this.model, kind, createdAt: new Date().toISOString(),
      },
      params: s.params,
      state: s.state,
    });
    if (kind === 'best') this.hasBest = true;
    else this.lastStep = s.step;
    if (alsoBest) {
      const best = join(this.dir, 'best.ckpt');
      copyAtomically(path, best, this.spec.runId);
      this.hasBest = true;
      this.emit({ type: 'checkpoint', kind: 'best', path: best, step: s.step, epoch: s.epoch, bytes, metric, pruned: [] });
    }
    const pruned = kind === 'epoch' ? this.prune() : [];
    this.emit({ type: 'checkpoint', kind, path, step: s.step, epoch: s.epoch, bytes, metric, pruned });
    return path;
  }

  /** Retention: only the newest `keep` epoch checkpoints stay (file names sort by epoch). */
  private prune(): string[] {
    const epochs = readdirSync(this.dir).filter((f) => /^epoch-\d+-step-\d+\.ckpt$/.test(f)).sort();
    const old = epochs.slice(0, Math.max(0, epochs.length - this.keep)).map((f) => join(this.dir, f));
    for (const f of old) removeCheckpoint(f);
    return old;
  }
}

/** `target` becomes a copy of `file`, replacing any previous `target` atomically (temp, fsync, rename). */
function copyAtomically(file: string, target: string, runId: number): void {
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    rmSync(tmp, { force: true });
    copyFileSync(file, tmp);
    const fd = openSync(tmp, 'r+');
    try { fsyncSync(fd); } finally { closeSync(fd); }
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new Error(`${CHECKPOINT_WRITE_FAILED} to ${target}: ${(e as Error).message}; fix that and resume run ${runId} (gatelab resume ${runId})`, { cause: e });
  }
  const dir = openSync(join(target, '..'), 'r');
  try { fsyncSync(dir); } catch { /* see checkpoint-file.ts */ } finally { closeSync(dir); }
}
