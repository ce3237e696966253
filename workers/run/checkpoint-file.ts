// Checkpoint files on disk, written atomically: a temp file, fsync, rename over the target, fsync the
// folder; a kill at any moment leaves either the old complete file or the new complete file.
// The byte format is common/runs/checkpoint-format.ts (the lab reads the same files for export).
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { CHECKPOINT_WRITE_FAILED, decodeCheckpoint, encodeCheckpoint, type CheckpointData } from '../../common/runs/checkpoint-format';

export type { BestSoFar, CheckpointData, CheckpointHeader } from '../../common/runs/checkpoint-format';

const WHAT_TO_DO: Record<string, string> = {
  ENOSPC: 'no space left on device (ENOSPC); free space',
  EDQUOT: 'the disk quota is exhausted (EDQUOT); free space',
  EACCES: 'permission denied (EACCES); check the permissions of the checkpoints folder',
  EROFS: 'the file system is read-only (EROFS); make it writable',
  EIO: 'an input/output error (EIO); check the disk',
};

/**
 * Writes atomically; returns the file size. On any error the temp file is removed (a full disk must not
 * stay full of half checkpoints) and the error says where, why and what to do; the lab keeps the run
 * resumable (CHECKPOINT_WRITE_FAILED).
 */
export function writeCheckpoint(path: string, c: CheckpointData): number {
  const tmp = `${path}.tmp-${process.pid}`;
  let total = 0;
  try {
    const fd = openSync(tmp, 'w');
    try {
      for (const p of encodeCheckpoint(c)) {
        let off = 0;
        while (off < p.length) off += writeSync(fd, p, off, p.length - off);
        total += p.length;
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* never created, or already gone */ }
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const why = WHAT_TO_DO[code] ?? `${(e as Error).message}; fix that`;
    throw new Error(`${CHECKPOINT_WRITE_FAILED} to ${path}: ${why} and resume run ${c.header.runId} (gatelab resume ${c.header.runId})`, { cause: e });
  }
  // The rename is durable only once the folder's entry is on disk.
  const dir = openSync(dirname(path), 'r');
  try { fsyncSync(dir); } catch { /* some filesystems refuse fsync on folders; the rename is still atomic */ } finally { closeSync(dir); }
  return total;
}

export function readCheckpoint(path: string): CheckpointData {
  return decodeCheckpoint(readFileSync(path), path);
}

export function removeCheckpoint(path: string): void {
  try { unlinkSync(path); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; }
}
