// Which checkpoint a run resumes from, trusting the files as well as the table. A kill can land between
// the trainer's atomic rename of a checkpoint and the lab's INSERT of its row: the file is complete but
// unknown to the table, so the folder is scanned for such files (valid by their format) and they are
// registered. A file can also be damaged after it was written (disk fault, a user's tool): each candidate
// is decoded (length + checksum) newest first, and a damaged newest one falls back to the previous valid
// one with a note naming both.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LabStore } from '../store/index';
import type { CheckpointRecord } from '../store/checkpoints';
import type { RunFiles } from './run-files';
import { decodeCheckpoint, type CheckpointHeader } from '../../../common/runs/checkpoint-format';

/** The kinds a run can continue from (best is for export, cancel / last-good end a run). */
export const RESUMABLE_KINDS = ['epoch', 'pause', 'final'];

export interface ResumePoint extends CheckpointRecord {
  /** Set when a newer checkpoint was damaged and skipped: which one, why, and which one is used instead. */
  note?: string;
}

const FILE_NAME = /^(?:epoch-\d+-step-(\d+)|(?:pause|final|cancel|last-good)-step-(\d+)|best)\.ckpt$/;

/** The header of a complete, undamaged checkpoint file, or the reason it is not one. */
export function checkFile(path: string, where: string): { header: CheckpointHeader } | { damage: string } {
  try {
    return { header: decodeCheckpoint(readFileSync(path), where).header };
  } catch (e) {
    return { damage: (e as Error).message };
  }
}

/**
 * Registers the complete checkpoint files of `checkpoints/run-N/` that the table does not know and that
 * are newer than its newest row (best.ckpt: when its row is missing or older than the file). Returns them.
 */
export function registerCheckpointsOnDisk(store: LabStore, files: RunFiles, runId: number): CheckpointRecord[] {
  const dir = files.folder(runId);
  if (!existsSync(dir)) return [];
  const rows = store.checkpoints.forRun(runId);
  const newest = Math.max(-1, ...rows.filter((r) => r.kind !== 'best').map((r) => r.step));
  const added: CheckpointRecord[] = [];
  for (const name of readdirSync(dir).sort()) {
    const m = FILE_NAME.exec(name);
    if (!m) continue;
    const path = files.toStored(join(dir, name));
    const known = rows.find((r) => r.path === path);
    const isBest = name === 'best.ckpt';
    // Files the table knows, and older files it dropped on purpose (retention), stay as they are.
    if (!isBest && (known || Number(m[1] ?? m[2]) <= newest)) continue;
    const file = checkFile(join(dir, name), path);
    if (!('header' in file) || file.header.runId !== runId) continue;
    const h = file.header;
    if (isBest && known && known.step >= h.step) continue;
    const record = { runId, step: h.step, epoch: h.epoch, kind: isBest ? 'best' : h.kind, path, bytes: statSync(join(dir, name)).size, metric: isBest ? h.best.metric : null };
    store.db.transaction(() => {
      if (known) store.checkpoints.remove(known.id);
      added.push({ ...record, id: store.checkpoints.add(record), createdAt: h.createdAt });
    })();
  }
  return added;
}

/**
 * The checkpoint a resumed run continues from: the newest valid epoch / pause / final one (after
 * registering files the table missed). null when the run has none; throws when it has some and every
 * one is damaged (nothing to continue from, and restarting silently would hide the loss).
 */
export function findResumePoint(store: LabStore, files: RunFiles, runId: number): ResumePoint | null {
  registerCheckpointsOnDisk(store, files, runId);
  const candidates = store.checkpoints.forRun(runId)
    .filter((c) => RESUMABLE_KINDS.includes(c.kind) && existsSync(files.fromStored(c.path)));
  const damaged: string[] = [];
  for (const c of candidates.reverse()) {
    const file = checkFile(files.fromStored(c.path), c.path);
    if ('header' in file) {
      if (!damaged.length) return c;
      return { ...c, note: `${damaged.join('; ')}; resuming from the previous valid checkpoint ${c.path} (step ${c.step})` };
    }
    damaged.push(file.damage);
  }
  if (damaged.length) {
    throw new Error(`run ${runId} cannot resume: every checkpoint it has is damaged (${damaged.join('; ')}). ` +
      `Export or inspect best.ckpt if it is intact, or start a new run with the same settings`);
  }
  return null;
}

/** "resume continues from the checkpoint at step N" / "...restarts from step 0", never throwing. */
export function describeResumePoint(store: LabStore, files: RunFiles, runId: number): string {
  try {
    const p = findResumePoint(store, files, runId);
    if (!p) return 'it had no checkpoint yet: resume restarts from step 0';
    return `resume continues from the checkpoint at step ${p.step}${p.note ? ` (${p.note})` : ''}`;
  } catch (e) {
    return (e as Error).message;
  }
}
