// Checkpoint files on disk, written atomically: a temp file, fsync, rename over the target, fsync the
// folder; a kill at any moment leaves either the old complete file or the new complete file.
// The byte format is common/runs/checkpoint-format.ts (the lab reads the same files for export).
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { decodeCheckpoint, encodeCheckpoint, type CheckpointData } from '../../common/runs/checkpoint-format';

export type { BestSoFar, CheckpointData, CheckpointHeader } from '../../common/runs/checkpoint-format';

/** Writes atomically; returns the file size. */
export function writeCheckpoint(path: string, c: CheckpointData): number {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  let total = 0;
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
